//! Full-text search over documents and facts: tantivy with jieba segmentation, beside the database.
//!
//! The index remembers how far it has read the store: the sequence number of the
//! last document it holds (its watermark) travels in the payload of each tantivy
//! commit, so entries and watermark are saved together. [`SearchIndex::catch_up`]
//! adds whatever the store gained since — documents stored by other processes, or
//! by this one before it died between the database commit and the index write —
//! and rebuilds only an index without a usable watermark. Store writers commit in
//! sequence order (see [`Store::begin_document`]), so everything at or below the
//! highest sequence number a query sees is already committed.

use std::ops::Range;
use std::path::{Path, PathBuf};

use planwatch_core::Fact;
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{LowerCaser, TextAnalyzer, TokenStream};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use tantivy_jieba::JiebaTokenizer;

use crate::model::{FactFilter, StoredDocument};
use crate::{Result, Store, StoreError};

const TOKENIZER: &str = "jieba";

/// Key of the watermark in a commit payload.
const WATERMARK: &str = "planwatch_seq";

/// Documents indexed per commit while catching up (each commit advances the watermark).
const CATCH_UP_BATCH: usize = 100;

/// How long to wait for another process (a `planwatch ingest`) to release the index.
const WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// A document ready for indexing: the stored revision, its text and its facts.
pub type Indexable = (StoredDocument, String, Vec<Fact>);

/// What [`SearchIndex::catch_up`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CatchUp {
    /// Documents (current revisions) written to the index.
    pub indexed: usize,
    /// Whether the index was rebuilt from scratch (it had no usable watermark).
    pub rebuilt: bool,
    /// Sequence number of the last stored document the index now reflects.
    pub watermark: i64,
}

fn payload(seq: i64) -> String {
    serde_json::json!({ WATERMARK: seq }).to_string()
}

fn parse_payload(payload: &str) -> Option<i64> {
    serde_json::from_str::<serde_json::Value>(payload)
        .ok()?
        .get(WATERMARK)?
        .as_i64()
}

/// Reads the text and facts of `docs` from the store.
async fn load(store: &Store, docs: Vec<StoredDocument>) -> Result<Vec<Indexable>> {
    let mut out = Vec::with_capacity(docs.len());
    for d in docs {
        let text = store.document_text(&d.id).await?.unwrap_or_default();
        let filter = FactFilter {
            doc: Some(d.id.clone()),
            // The revision may have been superseded since it was listed.
            all_revisions: true,
            ..Default::default()
        };
        let facts = store
            .facts(&filter)
            .await?
            .into_iter()
            .map(|f| f.fact)
            .collect();
        out.push((d, text, facts));
    }
    Ok(out)
}

#[derive(Clone, Copy)]
struct Fields {
    doc_id: Field,
    name: Field,
    title: Field,
    region: Field,
    doc_type: Field,
    section: Field,
    kind: Field,
    line: Field,
    body: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        doc_id: b.add_text_field("doc_id", STRING | STORED),
        name: b.add_text_field("name", STRING | STORED),
        title: b.add_text_field("title", text.clone()),
        region: b.add_text_field("region", STRING | STORED),
        doc_type: b.add_text_field("doc_type", STRING | STORED),
        section: b.add_text_field("section", text.clone()),
        kind: b.add_text_field("kind", STRING | STORED),
        line: b.add_u64_field("line", STORED),
        body: b.add_text_field("body", text),
    };
    (b.build(), fields)
}

fn index_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(JiebaTokenizer::new())
        .filter(LowerCaser)
        .build()
}

fn query_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(JiebaTokenizer::with_search_mode(false))
        .filter(LowerCaser)
        .build()
}

/// The query and its variants with each word that names a catalogue indicator
/// (exactly or by a synonym, not by a fuzzy match) replaced by the indicator's
/// name and each synonym, the query first: what `planwatch search` and the
/// server's search both pass to [`SearchIndex::search`].
pub fn alternatives(catalog: &planwatch_catalog::Catalog, query: &str) -> Vec<String> {
    let mut out = vec![query.to_string()];
    let words: Vec<&str> = query.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let Some(m) = catalog.resolve(w) else {
            continue;
        };
        if matches!(m.how, planwatch_catalog::MatchKind::Fuzzy(_)) {
            continue;
        }
        for name in std::iter::once(&m.indicator.name).chain(&m.indicator.synonyms) {
            let mut v = words.clone();
            v[i] = name;
            let s = v.join(" ");
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// Which hits to keep.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// Region substring (锦州 keeps 锦州市).
    pub region: Option<String>,
    /// Document type as `DocType::as_str` spells it.
    pub doc_type: Option<String>,
}

/// One ranked passage or fact.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// BM25 score.
    pub score: f32,
    /// Document key.
    pub doc_id: String,
    /// Document file name.
    pub doc: String,
    /// Document title.
    pub title: Option<String>,
    /// Region of the document.
    pub region: Option<String>,
    /// Document type.
    pub doc_type: String,
    /// Heading the passage sits under.
    pub section: Option<String>,
    /// `text` for a passage, `fact` for a fact.
    pub kind: String,
    /// Line number of a passage in the document text (1-based).
    pub line: Option<u64>,
    /// The snippet.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched the query.
    pub highlights: Vec<Range<usize>>,
}

impl Hit {
    /// The snippet with each match wrapped in `open` … `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in &self.highlights {
            if r.start < at || r.end > self.snippet.len() {
                continue;
            }
            out.push_str(self.snippet.get(at..r.start).unwrap_or(""));
            out.push_str(open);
            out.push_str(self.snippet.get(r.clone()).unwrap_or(""));
            out.push_str(close);
            at = r.end;
        }
        out.push_str(self.snippet.get(at..).unwrap_or(""));
        out
    }
}

/// The full-text index of stored documents.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    path: String,
}

fn heading(line: &str) -> bool {
    let l = line.trim();
    let chars: Vec<char> = l.chars().collect();
    if chars.is_empty() || chars.len() > 40 {
        return false;
    }
    let numeral = |c: char| "一二三四五六七八九十百零〇".contains(c);
    (chars[0] == '第' && chars.iter().skip(1).take_while(|c| numeral(**c)).count() > 0 && {
        let n = 1 + chars.iter().skip(1).take_while(|c| numeral(**c)).count();
        chars.get(n).is_some_and(|c| "章节篇部分".contains(*c))
    }) || (numeral(chars[0]) && {
        let n = chars.iter().take_while(|c| numeral(**c)).count();
        chars.get(n) == Some(&'、')
    })
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it (and the folder) if needed.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        let path = dir.display().to_string();
        let err = |e: &dyn std::fmt::Display| StoreError::Index {
            path: path.clone(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(|e| err(&e))?;
        let (schema, fields) = schema();
        let mmap = MmapDirectory::open(dir).map_err(|e| err(&e))?;
        let index = Index::open_or_create(mmap, schema).map_err(|e| err(&e))?;
        SearchIndex::wrap(index, fields, path)
    }

    /// A fresh index in memory.
    pub fn in_ram() -> Result<SearchIndex> {
        let (schema, fields) = schema();
        SearchIndex::wrap(Index::create_in_ram(schema), fields, "<memory>".into())
    }

    /// The folder an index beside `db` lives in: `planwatch.db` → `planwatch.db.index`.
    pub fn path_beside(db: &str) -> PathBuf {
        PathBuf::from(format!("{db}.index"))
    }

    fn wrap(index: Index, fields: Fields, path: String) -> Result<SearchIndex> {
        index.tokenizers().register(TOKENIZER, index_analyzer());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: tantivy::TantivyError| StoreError::Index {
                path: path.clone(),
                message: e.to_string(),
            })?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            path,
        })
    }

    fn err(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError::Index {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Indexed entries (passages and facts).
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn writer(&self) -> Result<IndexWriter> {
        let start = std::time::Instant::now();
        loop {
            match self.index.writer_with_num_threads(1, 64_000_000) {
                // Another process is writing (two ingests on one index): wait our turn.
                Err(tantivy::TantivyError::LockFailure(
                    tantivy::directory::error::LockError::LockBusy,
                    _,
                )) if start.elapsed() < WRITER_WAIT => {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                other => return other.map_err(|e| self.err(e)),
            }
        }
    }

    /// Commits `w`, saving `watermark` with the entries when given (else none), and
    /// makes the result searchable.
    fn commit(&self, mut w: IndexWriter, watermark: Option<i64>) -> Result<()> {
        let mut prepared = w.prepare_commit().map_err(|e| self.err(e))?;
        if let Some(seq) = watermark {
            prepared.set_payload(&payload(seq));
        }
        prepared.commit().map_err(|e| self.err(e))?;
        self.reader.reload().map_err(|e| self.err(e))
    }

    /// The sequence number of the last stored document this index reflects; `None`
    /// for an index that never recorded one (new, or written by an older planwatch).
    pub fn watermark(&self) -> Result<Option<i64>> {
        let metas = self.index.load_metas().map_err(|e| self.err(e))?;
        Ok(metas.payload.as_deref().and_then(parse_payload))
    }

    /// Adds documents (replacing any earlier revision of the same name) and commits.
    ///
    /// The watermark moves only when `docs` are exactly the documents stored next
    /// after it (sequence numbers are dense); otherwise it stays, and
    /// [`catch_up`](SearchIndex::catch_up) later indexes anything in between.
    pub fn add(&self, docs: &[Indexable]) -> Result<()> {
        let mut ordered: Vec<&Indexable> = docs.iter().collect();
        // A later revision must overwrite an earlier one, not the reverse.
        ordered.sort_by_key(|(d, _, _)| d.seq);
        let mark = self.watermark()?;
        let contiguous =
            mark.is_some_and(|m| ordered.iter().zip(1..).all(|((d, _, _), i)| d.seq == m + i));
        let next = match mark {
            Some(m) if contiguous => Some(m + ordered.len() as i64),
            other => other,
        };
        let w = self.writer()?;
        for (doc, text, facts) in ordered {
            w.delete_term(Term::from_field_text(self.fields.name, &doc.name));
            self.add_one(&w, doc, text, facts)?;
        }
        self.commit(w, next)
    }

    /// Replaces the whole index with `docs` (every current revision of a store);
    /// the watermark becomes their highest sequence number.
    pub fn rebuild(&self, docs: &[Indexable]) -> Result<()> {
        let w = self.writer()?;
        w.delete_all_documents().map_err(|e| self.err(e))?;
        for (doc, text, facts) in docs {
            self.add_one(&w, doc, text, facts)?;
        }
        let last = docs.iter().map(|(d, _, _)| d.seq).max().unwrap_or(0);
        self.commit(w, Some(last))
    }

    /// Rebuilds the index from every current document of `store`.
    pub async fn rebuild_from(&self, store: &Store) -> Result<CatchUp> {
        let all = load(store, store.documents(false).await?).await?;
        self.rebuild(&all)?;
        Ok(CatchUp {
            indexed: all.len(),
            rebuilt: true,
            watermark: all.iter().map(|(d, _, _)| d.seq).max().unwrap_or(0),
        })
    }

    /// Brings the index up to `store`: indexes the current revisions stored after
    /// the watermark (replacing earlier revisions of their names), committing the
    /// new watermark with them batch by batch. An index without a watermark, or
    /// with one beyond the store's last document (an index of another store), is
    /// rebuilt. A failure leaves the watermark where the last successful commit
    /// put it, so calling again resumes.
    pub async fn catch_up(&self, store: &Store) -> Result<CatchUp> {
        let mark = match self.watermark()? {
            Some(m) if m <= store.last_seq().await? => m,
            _ => return self.rebuild_from(store).await,
        };
        let mut done = CatchUp {
            watermark: mark,
            ..CatchUp::default()
        };
        // Another process sharing this folder may have committed: see its entries.
        self.reader.reload().map_err(|e| self.err(e))?;
        let listed = store.documents_after(mark).await?;
        for batch in listed.chunks(CATCH_UP_BATCH) {
            let Some(last) = batch.last().map(|d| d.seq) else {
                continue;
            };
            // A superseded revision's successor comes later in the list.
            let current: Vec<StoredDocument> =
                batch.iter().filter(|d| d.current).cloned().collect();
            let docs = load(store, current).await?;
            let w = self.writer()?;
            for (doc, text, facts) in &docs {
                w.delete_term(Term::from_field_text(self.fields.name, &doc.name));
                self.add_one(&w, doc, text, facts)?;
            }
            self.commit(w, Some(last))?;
            done.indexed += docs.len();
            done.watermark = last;
        }
        Ok(done)
    }

    fn add_one(
        &self,
        w: &IndexWriter,
        doc: &StoredDocument,
        text: &str,
        facts: &[Fact],
    ) -> Result<()> {
        let f = self.fields;
        let base = |kind: &str| {
            let mut d = TantivyDocument::default();
            d.add_text(f.doc_id, &doc.id);
            d.add_text(f.name, &doc.name);
            if let Some(t) = &doc.info.title {
                d.add_text(f.title, t);
            }
            if let Some(r) = &doc.info.region {
                d.add_text(f.region, r);
            }
            d.add_text(f.doc_type, doc.info.doc_type.as_str());
            d.add_text(f.kind, kind);
            d
        };
        let mut section: Option<&str> = None;
        for (i, line) in text.lines().enumerate() {
            let l = line.trim();
            if l.chars().count() < 2 {
                continue;
            }
            if heading(l) {
                section = Some(l);
            }
            let mut d = base("text");
            if let Some(s) = section {
                d.add_text(f.section, s);
            }
            d.add_u64(f.line, i as u64 + 1);
            d.add_text(f.body, l);
            w.add_document(d).map_err(|e| self.err(e))?;
        }
        for fact in facts {
            let mut d = base("fact");
            if let Some(s) = &fact.section {
                d.add_text(f.section, s);
            }
            d.add_text(f.body, format!("{}：{}", fact.indicator, fact.quote));
            w.add_document(d).map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    fn term_query(&self, alternative: &str) -> Option<Box<dyn Query>> {
        let mut analyzer = query_analyzer();
        let mut stream = analyzer.token_stream(alternative);
        let mut tokens: Vec<String> = Vec::new();
        while stream.advance() {
            let t = &stream.token().text;
            if t.chars().any(char::is_alphanumeric) && !tokens.contains(t) {
                tokens.push(t.clone());
            }
        }
        if tokens.is_empty() {
            return None;
        }
        let f = self.fields;
        let musts: Vec<(Occur, Box<dyn Query>)> = tokens
            .iter()
            .map(|t| {
                let per_field: Vec<(Occur, Box<dyn Query>)> = [f.body, f.title, f.section]
                    .into_iter()
                    .map(|field| {
                        let q: Box<dyn Query> = Box::new(TermQuery::new(
                            Term::from_field_text(field, t),
                            IndexRecordOption::WithFreqs,
                        ));
                        (Occur::Should, q)
                    })
                    .collect();
                let q: Box<dyn Query> = Box::new(BooleanQuery::new(per_field));
                (Occur::Must, q)
            })
            .collect();
        Some(Box::new(BooleanQuery::new(musts)))
    }

    /// Ranked hits for any of `alternatives` (the query and its synonyms),
    /// each alternative's words all required.
    pub fn search(
        &self,
        alternatives: &[String],
        filter: &SearchFilter,
        limit: usize,
    ) -> Result<Vec<Hit>> {
        let shoulds: Vec<(Occur, Box<dyn Query>)> = alternatives
            .iter()
            .filter_map(|a| self.term_query(a))
            .map(|q| (Occur::Should, q))
            .collect();
        if shoulds.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::new(shoulds);
        let searcher = self.reader.searcher();
        let filtered = filter.region.is_some() || filter.doc_type.is_some();
        let fetch = if filtered {
            limit.saturating_mul(20).max(200)
        } else {
            limit
        };
        let top = searcher
            .search(&query, &TopDocs::with_limit(fetch).order_by_score())
            .map_err(|e| self.err(e))?;
        let mut gen = SnippetGenerator::create(&searcher, &query, self.fields.body)
            .map_err(|e| self.err(e))?;
        gen.set_max_num_chars(160);
        let f = self.fields;
        let mut hits = Vec::new();
        for (score, addr) in top {
            let d: TantivyDocument = searcher.doc(addr).map_err(|e| self.err(e))?;
            let text = |field: Field| {
                d.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let region = text(f.region);
            let doc_type = text(f.doc_type).unwrap_or_default();
            if let Some(want) = &filter.region {
                if !region
                    .as_deref()
                    .is_some_and(|r| r.contains(want.as_str()) || want.contains(r))
                {
                    continue;
                }
            }
            if filter.doc_type.as_ref().is_some_and(|t| *t != doc_type) {
                continue;
            }
            let body = text(f.body).unwrap_or_default();
            let snippet = gen.snippet(&body);
            let (snippet_text, highlights) = if snippet.is_empty() {
                (body.chars().take(160).collect(), Vec::new())
            } else {
                (snippet.fragment().to_string(), merge(snippet.highlighted()))
            };
            let doc_name = text(f.name).unwrap_or_default();
            if hits
                .iter()
                .any(|h: &Hit| h.doc == doc_name && h.snippet == snippet_text)
            {
                continue;
            }
            hits.push(Hit {
                score,
                doc_id: text(f.doc_id).unwrap_or_default(),
                doc: doc_name,
                title: text(f.title),
                region,
                doc_type,
                section: text(f.section),
                kind: text(f.kind).unwrap_or_default(),
                line: d.get_first(f.line).and_then(|v| v.as_u64()),
                snippet: snippet_text,
                highlights,
            });
            if hits.len() >= limit {
                break;
            }
        }
        Ok(hits)
    }
}

/// Sorted, non-overlapping ranges: overlapping or touching ones become one.
fn merge(ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut v: Vec<Range<usize>> = ranges.to_vec();
    v.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in v {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_highlights() {
        assert_eq!(merge(&[6..12, 0..6, 6..15, 18..24]), vec![0..15, 18..24]);
    }

    #[test]
    fn recognises_headings() {
        assert!(heading("第四章 创新驱动 增强内生发展动力"));
        assert!(heading("一、提高科技创新能力"));
        assert!(!heading("一般公共预算收入增长10%"));
        assert!(!heading("第一次全国人口普查的数据表明"));
    }
}
