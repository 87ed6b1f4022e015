//! Writing: one document and its facts per transaction; same content is stored once.

use planwatch_core::Fact;
use sha2::{Digest, Sha256};
use sqlx::any::Any;
use sqlx::{Row, Transaction};

use crate::ingest::SameName;
use crate::model::{NewDocument, StoredDocument};
use crate::read::{doc_from_row, DOC_COLUMNS};
use crate::{Backend, Result, Store, StoreError};

/// Tries at taking the write lock (each waits up to the busy timeout) or storing a document.
const ATTEMPTS: u64 = 5;

/// Key of the PostgreSQL advisory lock that serialises document writes ("planwatc").
const WRITE_LOCK: i64 = 0x706c_616e_7761_7463;

/// SQLite could not get its lock in time (`SQLITE_BUSY` and its extended codes).
fn busy(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(d) => d
            .code()
            .and_then(|c| c.parse::<i32>().ok())
            .is_some_and(|c| c & 0xff == 5),
        _ => false,
    }
}

/// Worth another try: a busy SQLite, or a key taken by a writer that did not hold
/// the lock (an older planwatch); the retry then finds its document or the next revision.
fn retryable(e: &sqlx::Error) -> bool {
    busy(e) || matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// The key of a document's text: SHA-256, lower-case hex.
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What storing a document did.
#[derive(Debug, Clone, PartialEq)]
pub enum PutOutcome {
    /// New content: stored as this revision.
    Stored(StoredDocument),
    /// The same content is already stored (perhaps under another name): nothing written.
    Unchanged(StoredDocument),
}

impl PutOutcome {
    /// The stored document either way.
    pub fn document(&self) -> &StoredDocument {
        match self {
            PutOutcome::Stored(d) | PutOutcome::Unchanged(d) => d,
        }
    }
}

/// Start of a document write.
pub enum Begin {
    /// Content new to the store: add facts, then commit.
    New(DocumentWriter),
    /// Already stored; nothing to do.
    Unchanged(StoredDocument),
}

/// An open transaction holding one new document. Facts added here become
/// visible only on [`commit`](DocumentWriter::commit); dropping the writer
/// (or the process dying) leaves nothing behind.
pub struct DocumentWriter {
    tx: Transaction<'static, Any>,
    doc: StoredDocument,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// An optional `f64` bound so that PostgreSQL always sees DOUBLE PRECISION.
///
/// sqlx 0.8.6's `Any` driver sends a NULL `f64` as a FLOAT4 NULL (its
/// Real/Double mapping is swapped), so a statement first prepared with a NULL
/// rejects later non-NULL values ("incorrect binary data format"). Encoding a
/// NULL as `Option<f32>` comes out as a FLOAT8 NULL on PostgreSQL and as NULL on SQLite.
struct Float(Option<f64>);

impl<'q> sqlx::Encode<'q, Any> for Float {
    fn encode_by_ref(
        &self,
        buf: &mut <Any as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> std::result::Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        match self.0 {
            Some(v) => <f64 as sqlx::Encode<'q, Any>>::encode_by_ref(&v, buf),
            None => <Option<f32> as sqlx::Encode<'q, Any>>::encode_by_ref(&None, buf),
        }
    }
}

impl sqlx::Type<Any> for Float {
    fn type_info() -> <Any as sqlx::Database>::TypeInfo {
        <f64 as sqlx::Type<Any>>::type_info()
    }
}

fn opt_i64(v: Option<i32>) -> Option<i64> {
    v.map(i64::from)
}

impl Store {
    /// Stores `doc` with `facts` in one transaction, unless its content is
    /// already stored; new content under a stored name becomes its next
    /// revision (see [`Store::ingest`] to refuse that instead).
    pub async fn put_document(&self, doc: &NewDocument, facts: &[Fact]) -> Result<PutOutcome> {
        self.ingest(doc, facts, SameName::Revise).await
    }

    /// [`Store::put_document`] under a name policy: the body of [`Store::ingest`].
    /// Stored content is audited (`document.ingest`, by `actor`) in its
    /// transaction: new facts are a change like any other.
    pub(crate) async fn put_as(
        &self,
        actor: Option<&str>,
        doc: &NewDocument,
        facts: &[Fact],
        same_name: SameName,
    ) -> Result<PutOutcome> {
        match self.begin_as(doc, same_name).await? {
            Begin::Unchanged(d) => Ok(PutOutcome::Unchanged(d)),
            Begin::New(mut w) => {
                for f in facts {
                    w.add_fact(f).await?;
                }
                let after = serde_json::json!({
                    "name": w.doc.name,
                    "revision": w.doc.revision,
                    "origin": w.doc.origin,
                    "facts": w.doc.fact_count,
                })
                .to_string();
                let subject = format!("document:{}", w.doc.id);
                crate::accounts::audit_in(
                    &mut w.tx,
                    actor,
                    "document.ingest",
                    &subject,
                    None,
                    Some(after),
                )
                .await?;
                Ok(PutOutcome::Stored(w.commit().await?))
            }
        }
    }

    /// Opens a transaction with the document row written, or reports it unchanged.
    ///
    /// The transaction holds the store's write lock (SQLite `BEGIN IMMEDIATE`, a
    /// PostgreSQL advisory lock) until commit or rollback, so writers from any
    /// number of handles and processes take turns: revisions and sequence numbers
    /// never collide, and documents commit in sequence order, which the search
    /// index's watermark relies on ([`crate::SearchIndex::catch_up`]).
    pub async fn begin_document(&self, doc: &NewDocument) -> Result<Begin> {
        self.begin_as(doc, SameName::Revise).await
    }

    /// [`Store::begin_document`] under a name policy: with [`SameName::Refuse`],
    /// a name whose current revision holds other content is
    /// [`StoreError::NameTaken`] (checked again under the write lock).
    pub(crate) async fn begin_as(&self, doc: &NewDocument, same_name: SameName) -> Result<Begin> {
        let id = content_hash(&doc.text);
        if same_name == SameName::Refuse {
            if let Some(current) = self.find_document(&doc.name).await? {
                if current.name == doc.name && current.id != id {
                    return Err(StoreError::NameTaken {
                        name: current.name,
                        revision: current.revision,
                    });
                }
            }
        }
        // Known content needs no write lock.
        if let Some(existing) = self.document_by_id(&id).await? {
            return Ok(Begin::Unchanged(existing));
        }
        let mut attempt = 1;
        loop {
            match self.try_begin_document(doc, &id, same_name).await {
                Err(StoreError::Database(e)) if attempt < ATTEMPTS && retryable(&e) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50 * attempt)).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// A transaction holding the write lock (see [`Store::begin_document`]).
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Any>> {
        match self.backend() {
            Backend::Sqlite => self.begin_immediate().await,
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                // Released by commit or rollback; READ COMMITTED statements after it
                // see every document the previous holder committed.
                sqlx::query("SELECT 1 AS locked FROM pg_advisory_xact_lock($1)")
                    .bind(WRITE_LOCK)
                    .execute(&mut *tx)
                    .await?;
                Ok(tx)
            }
        }
    }

    /// A SQLite transaction that takes the write lock at once: a deferred one that
    /// read first could not write after another connection's commit (`SQLITE_BUSY_SNAPSHOT`).
    pub(crate) async fn begin_immediate(&self) -> Result<Transaction<'static, Any>> {
        let mut attempt = 1;
        loop {
            // busy_timeout makes each attempt wait for the lock a while first.
            match self.pool.begin_with("BEGIN IMMEDIATE").await {
                Err(e) if attempt < ATTEMPTS && busy(&e) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50 * attempt)).await;
                    attempt += 1;
                }
                other => return Ok(other?),
            }
        }
    }

    async fn try_begin_document(
        &self,
        doc: &NewDocument,
        id: &str,
        same_name: SameName,
    ) -> Result<Begin> {
        let id = id.to_string();
        let mut tx = self.begin_write().await?;
        // Checked again under the lock: another writer may have stored it meanwhile.
        let sql = format!("SELECT {DOC_COLUMNS} FROM documents d WHERE d.id = $1");
        if let Some(row) = sqlx::query(&sql)
            .bind(id.clone())
            .fetch_optional(&mut *tx)
            .await?
        {
            let existing = doc_from_row(&row)?;
            tx.rollback().await?;
            return Ok(Begin::Unchanged(existing));
        }
        let last: i64 =
            sqlx::query("SELECT COALESCE(MAX(revision), 0) AS r FROM documents WHERE name = $1")
                .bind(doc.name.clone())
                .fetch_one(&mut *tx)
                .await?
                .try_get::<i64, _>("r")?;
        if same_name == SameName::Refuse && last > 0 {
            // Another writer stored this name meanwhile, with other content.
            tx.rollback().await?;
            return Err(StoreError::NameTaken {
                name: doc.name.clone(),
                revision: last,
            });
        }
        let revision = last + 1;
        let seq: i64 = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS s FROM documents")
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("s")?
            + 1;
        let ingested_at = now();
        let info = &doc.info;
        sqlx::query(
            "INSERT INTO documents (id, name, revision, origin, path, format, title, region, doc_type, period_start, \
             period_end, year, issuer, number, body, fact_count, seq, ingested_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 0, $16, $17)",
        )
        .bind(id.clone())
        .bind(doc.name.clone())
        .bind(revision)
        .bind(doc.origin.as_str())
        .bind(doc.path.clone())
        .bind(doc.format.clone())
        .bind(info.title.clone())
        .bind(info.region.clone())
        .bind(info.doc_type.as_str())
        .bind(opt_i64(info.period_start))
        .bind(opt_i64(info.period_end))
        .bind(opt_i64(info.year))
        .bind(info.issuer.clone())
        .bind(info.number.clone())
        .bind(doc.text.clone())
        .bind(seq)
        .bind(ingested_at)
        .execute(&mut *tx)
        .await?;
        let stored = StoredDocument {
            id,
            name: doc.name.clone(),
            revision,
            origin: doc.origin.as_str().to_string(),
            path: doc.path.clone(),
            format: Some(doc.format.clone()),
            info: doc.info.clone(),
            fact_count: 0,
            seq,
            ingested_at,
            current: true,
        };
        Ok(Begin::New(DocumentWriter { tx, doc: stored }))
    }
}

impl DocumentWriter {
    /// The open transaction, for writes that belong with the document's
    /// (an approved submission's change).
    pub(crate) fn tx(&mut self) -> &mut Transaction<'static, Any> {
        &mut self.tx
    }

    /// The document being written.
    pub fn document(&self) -> &StoredDocument {
        &self.doc
    }

    /// Adds one fact (visible only after commit).
    pub async fn add_fact(&mut self, f: &Fact) -> Result<()> {
        sqlx::query(
            "INSERT INTO facts (document_id, ord, kind, indicator, region, year, value, value_max, unit, measure, \
             comparator, attribute, goal_text, quote, section, start_offset, end_offset, responsible) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        )
        .bind(self.doc.id.clone())
        .bind(self.doc.fact_count)
        .bind(f.kind.as_str())
        .bind(f.indicator.clone())
        .bind(f.region.clone())
        .bind(opt_i64(f.year))
        .bind(Float(f.value))
        .bind(Float(f.value_max))
        .bind(f.unit.clone())
        .bind(f.measure.as_str())
        .bind(f.comparator.as_str())
        .bind(f.attribute.map(|a| a.as_str()))
        .bind(f.text.clone())
        .bind(f.quote.clone())
        .bind(f.section.clone())
        .bind(f.start.and_then(|s| i64::try_from(s).ok()))
        .bind(f.end.and_then(|s| i64::try_from(s).ok()))
        .bind(
            f.responsible
                .as_ref()
                .and_then(|r| serde_json::to_string(r).ok()),
        )
        .execute(&mut *self.tx)
        .await?;
        self.doc.fact_count += 1;
        Ok(())
    }

    /// Records the fact count and commits: the document and all its facts appear at once.
    pub async fn commit(mut self) -> Result<StoredDocument> {
        sqlx::query("UPDATE documents SET fact_count = $1 WHERE id = $2")
            .bind(self.doc.fact_count)
            .bind(self.doc.id.clone())
            .execute(&mut *self.tx)
            .await?;
        self.tx.commit().await?;
        Ok(self.doc)
    }

    /// Abandons the document: nothing of it is stored.
    pub async fn rollback(self) -> Result<()> {
        self.tx.rollback().await?;
        Ok(())
    }
}
