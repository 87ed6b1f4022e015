//! An in-memory view of the store at one data version: current documents, their
//! facts linked to catalogue indicators, and look-ups by document, indicator,
//! fact id and quote.
//!
//! Built once per data version (see [`crate::state`]); every page and list call
//! reads from it, so a request costs no database round trip. Every target is
//! linked to its base and actuals once per snapshot, on first use
//! ([`Snapshot::linked`]); a plan's, a region's or an indicator's targets,
//! and an as-of year, are that one linking narrowed ([`Snapshot::cases`]).
//! Assessments and consistency findings are computed on first use and kept
//! with the snapshot.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use planwatch_catalog::normalize::keys;
use planwatch_catalog::{check, region_matches, Catalog, FactId, Finding, Linker, Sourced};
use planwatch_core::{DocType, Kind};
use planwatch_link::{in_scope, link_targets, Scope, TargetCase};
use planwatch_store::{doc_ref, Counts, FactFilter, Store, StoredDocument};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::ApiResult;
use crate::evaluation::{self, Assessed};

/// What identifies a data version: documents and facts only ever get added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ToSchema)]
pub struct Version {
    /// Stored document revisions.
    pub revisions: i64,
    /// Stored facts.
    pub facts: i64,
}

impl From<Counts> for Version {
    fn from(c: Counts) -> Version {
        Version {
            revisions: c.revisions,
            facts: c.facts,
        }
    }
}

/// One stored fact of a current document, linked to its indicator.
#[derive(Debug, Clone)]
pub struct FactRow {
    /// Key of its document.
    pub document_id: String,
    /// Position in its document (anchor `f{ord}` on the document page).
    pub ord: i64,
    /// The fact, its id (`document_id`, `ord`) and its document.
    pub src: Sourced,
    /// Series key: canonical name, or the normalised name when not in the catalogue.
    pub key: String,
    /// Whether `key` is a catalogue indicator.
    pub in_catalogue: bool,
    /// Catalogue domain.
    pub domain: Option<String>,
    /// Value in the canonical unit.
    pub value: Option<f64>,
    /// Upper end in the canonical unit.
    pub value_max: Option<f64>,
    /// Canonical (or written) unit.
    pub unit: Option<String>,
}

/// An indicator with the facts stored about it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IndicatorSummary {
    /// Canonical name, or the normalised name when not in the catalogue.
    pub name: String,
    /// Whether it is a catalogue indicator.
    pub in_catalogue: bool,
    /// Catalogue domain (经济发展, 创新驱动, …).
    pub domain: Option<String>,
    /// Catalogue unit.
    pub unit: Option<String>,
    /// Facts in all.
    pub facts: usize,
    /// Target facts.
    pub targets: usize,
    /// Actual facts.
    pub actuals: usize,
    /// Regions with facts.
    pub regions: Vec<String>,
    /// Earliest year with a fact.
    pub first_year: Option<i32>,
    /// Latest year with a fact.
    pub last_year: Option<i32>,
}

/// The store at one version.
pub struct Snapshot {
    /// Data version.
    pub version: Version,
    /// Unix seconds of the latest ingestion.
    pub updated_at: i64,
    /// Current documents, in ingestion order.
    pub docs: Vec<StoredDocument>,
    doc_by_id: HashMap<String, usize>,
    doc_by_name: HashMap<String, usize>,
    /// Facts of current documents, by document ingestion order then position.
    pub facts: Vec<FactRow>,
    by_doc: HashMap<String, Vec<usize>>,
    by_key: HashMap<String, Vec<usize>>,
    by_quote: HashMap<(String, String), usize>,
    /// Indicators, catalogue ones first, then by name.
    pub indicators: Vec<IndicatorSummary>,
    /// Regions of documents, most documents first.
    pub regions: Vec<String>,
    catalog: Arc<Catalog>,
    linked: OnceLock<Arc<Vec<TargetCase>>>,
    plan_cache: Mutex<HashMap<String, Arc<Vec<Assessed>>>>,
    all: OnceLock<Arc<Vec<Assessed>>>,
    findings: OnceLock<Arc<Vec<Finding>>>,
}

/// Document types whose targets are plan targets.
pub fn is_plan(t: DocType) -> bool {
    matches!(
        t,
        DocType::FiveYearPlan
            | DocType::Outline
            | DocType::ImplementationPlan
            | DocType::WorkReport
    )
}

impl Snapshot {
    /// Reads the store into a snapshot.
    pub async fn load(store: &Store, catalog: Arc<Catalog>) -> ApiResult<Snapshot> {
        let counts = store.counts().await?;
        let docs = store.documents(false).await?;
        let stored = store.facts(&FactFilter::default()).await?;
        Ok(Snapshot::build(counts.into(), docs, stored, catalog))
    }

    /// Builds the look-ups.
    pub fn build(
        version: Version,
        docs: Vec<StoredDocument>,
        stored: Vec<planwatch_store::StoredFact>,
        catalog: Arc<Catalog>,
    ) -> Snapshot {
        let doc_by_id: HashMap<String, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        let doc_by_name: HashMap<String, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.name.clone(), i))
            .collect();
        let refs: Vec<_> = docs.iter().map(doc_ref).collect();
        let mut facts = Vec::with_capacity(stored.len());
        {
            let mut linker = Linker::new(&catalog);
            for sf in stored {
                let Some(&di) = doc_by_id.get(&sf.document_id) else {
                    continue;
                };
                let src = Sourced::new(refs[di].clone(), sf.ord, sf.fact);
                let linked = linker.link(&src);
                let row = FactRow {
                    key: linked.key.clone(),
                    in_catalogue: linked.indicator.is_some(),
                    domain: planwatch_catalog::domain_of(linked.indicator, &src.fact.indicator),
                    value: linked.value,
                    value_max: linked.value_max,
                    unit: linked.unit.clone(),
                    document_id: sf.document_id,
                    ord: sf.ord,
                    src,
                };
                facts.push(row);
            }
        }
        let mut by_doc: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_quote: HashMap<(String, String), usize> = HashMap::new();
        for (i, f) in facts.iter().enumerate() {
            by_doc.entry(f.document_id.clone()).or_default().push(i);
            by_key.entry(f.key.clone()).or_default().push(i);
            by_quote
                .entry((f.src.doc.name.clone(), f.src.fact.quote.clone()))
                .or_insert(i);
        }
        let indicators = summarise(&facts, &by_key, &catalog);
        let mut region_counts: BTreeMap<String, usize> = BTreeMap::new();
        for d in &docs {
            if let Some(r) = d.info.region.as_deref().filter(|r| !r.is_empty()) {
                *region_counts.entry(r.to_string()).or_default() += 1;
            }
        }
        let mut regions: Vec<(String, usize)> = region_counts.into_iter().collect();
        regions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let updated_at = docs.iter().map(|d| d.ingested_at).max().unwrap_or(0);
        Snapshot {
            version,
            updated_at,
            docs,
            doc_by_id,
            doc_by_name,
            facts,
            by_doc,
            by_key,
            by_quote,
            indicators,
            regions: regions.into_iter().map(|(r, _)| r).collect(),
            catalog,
            linked: OnceLock::new(),
            plan_cache: Mutex::new(HashMap::new()),
            all: OnceLock::new(),
            findings: OnceLock::new(),
        }
    }

    /// The catalogue the facts were linked with.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// A current document by id, file name, or id prefix of at least 6 characters.
    pub fn doc(&self, key: &str) -> Option<&StoredDocument> {
        if let Some(&i) = self
            .doc_by_id
            .get(key)
            .or_else(|| self.doc_by_name.get(key))
        {
            return self.docs.get(i);
        }
        if key.len() >= 6 && key.bytes().all(|b| b.is_ascii_hexdigit()) {
            return self.docs.iter().find(|d| d.id.starts_with(key));
        }
        None
    }

    /// Facts of one document, in document order.
    pub fn doc_facts(&self, doc_id: &str) -> Vec<&FactRow> {
        self.by_doc
            .get(doc_id)
            .map(|v| v.iter().filter_map(|&i| self.facts.get(i)).collect())
            .unwrap_or_default()
    }

    /// Indexes of the facts of one series key.
    pub fn key_facts(&self, key: &str) -> &[usize] {
        self.by_key.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The series key a name asks for (any synonym), and whether it is in the catalogue.
    pub fn resolve_key(&self, name: &str) -> (String, bool) {
        match self.catalog.resolve(name) {
            Some(m) => (m.indicator.name.clone(), true),
            None => (keys(name).bare, false),
        }
    }

    /// The indicator summary of a key.
    pub fn indicator(&self, key: &str) -> Option<&IndicatorSummary> {
        self.indicators.iter().find(|i| i.name == key)
    }

    /// The stored row of a fact by its id.
    pub fn fact_by_id(&self, id: &FactId) -> Option<&FactRow> {
        let rows = self.by_doc.get(&id.doc)?;
        let at = rows
            .binary_search_by_key(&id.ord, |&i| self.facts.get(i).map_or(i64::MIN, |r| r.ord))
            .ok()?;
        rows.get(at).and_then(|&i| self.facts.get(i))
    }

    /// The fact a document name and quote point at (for findings' evidence).
    pub fn fact_by_quote(&self, doc: &str, quote: &str) -> Option<&FactRow> {
        self.by_quote
            .get(&(doc.to_string(), quote.to_string()))
            .and_then(|&i| self.facts.get(i))
    }

    /// Plan documents (plans, outlines, implementation plans, work reports) with
    /// targets, optionally of one region; latest first.
    pub fn plans(&self, region: Option<&str>) -> Vec<&StoredDocument> {
        let mut out: Vec<&StoredDocument> = self
            .docs
            .iter()
            .filter(|d| is_plan(d.info.doc_type))
            .filter(|d| region.is_none_or(|r| region_matches(d.info.region.as_deref(), r)))
            .filter(|d| {
                self.doc_facts(&d.id)
                    .iter()
                    .any(|f| f.src.fact.kind == Kind::Target)
            })
            .collect();
        out.sort_by_key(|d| {
            (
                std::cmp::Reverse(d.info.doc_type == DocType::FiveYearPlan),
                std::cmp::Reverse(d.info.period_end.or(d.info.year)),
                std::cmp::Reverse(d.seq),
            )
        });
        out
    }

    /// Every target of the snapshot linked to its base and actuals
    /// ([`Scope::All`], no as-of year): linked once per snapshot, on first use.
    pub fn linked(&self) -> Arc<Vec<TargetCase>> {
        self.linked
            .get_or_init(|| {
                let facts: Vec<Sourced> = self.facts.iter().map(|f| f.src.clone()).collect();
                Arc::new(link_targets(&self.catalog, &facts, &Scope::All, None))
            })
            .clone()
    }

    /// The linked targets in `scope`, evaluated as of `as_of`: the snapshot's
    /// one linking narrowed (the same cases as linking that scope afresh).
    pub fn cases(&self, scope: &Scope, as_of: Option<i32>) -> Vec<TargetCase> {
        in_scope(&self.linked(), scope, as_of)
    }

    /// Assessments of every target of one plan document (computed once per snapshot).
    pub fn plan_assessments(&self, doc_id: &str) -> Arc<Vec<Assessed>> {
        if let Ok(cache) = self.plan_cache.lock() {
            if let Some(hit) = cache.get(doc_id) {
                return hit.clone();
            }
        }
        let computed = Arc::new(evaluation::assess_plan(self, doc_id));
        if let Ok(mut cache) = self.plan_cache.lock() {
            cache.insert(doc_id.to_string(), computed.clone());
        }
        computed
    }

    /// Assessments of the targets of every plan document.
    pub fn all_assessments(&self) -> Arc<Vec<Assessed>> {
        self.all
            .get_or_init(|| {
                let mut all = Vec::new();
                for d in &self.docs {
                    if is_plan(d.info.doc_type) {
                        all.extend(self.plan_assessments(&d.id).iter().cloned());
                    }
                }
                Arc::new(all)
            })
            .clone()
    }

    /// Plan consistency findings over every current fact.
    pub fn findings(&self) -> Arc<Vec<Finding>> {
        self.findings
            .get_or_init(|| {
                let facts: Vec<Sourced> = self.facts.iter().map(|f| f.src.clone()).collect();
                Arc::new(check(&self.catalog, &facts, None))
            })
            .clone()
    }
}

fn summarise(
    facts: &[FactRow],
    by_key: &HashMap<String, Vec<usize>>,
    catalog: &Catalog,
) -> Vec<IndicatorSummary> {
    let mut out: Vec<IndicatorSummary> = by_key
        .iter()
        .map(|(key, idx)| {
            let rows: Vec<&FactRow> = idx.iter().filter_map(|&i| facts.get(i)).collect();
            let regions: BTreeSet<String> = rows
                .iter()
                .filter_map(|r| r.src.region().map(str::to_string))
                .collect();
            let years = rows.iter().filter_map(|r| r.src.fact.year);
            let cat = catalog.get(key);
            IndicatorSummary {
                name: key.clone(),
                in_catalogue: cat.is_some(),
                domain: planwatch_catalog::domain_of(cat, key),
                unit: cat.map(|i| i.unit.clone()),
                facts: rows.len(),
                targets: rows
                    .iter()
                    .filter(|r| r.src.fact.kind == Kind::Target)
                    .count(),
                actuals: rows
                    .iter()
                    .filter(|r| r.src.fact.kind == Kind::Actual)
                    .count(),
                regions: regions.into_iter().collect(),
                first_year: years.clone().min(),
                last_year: years.max(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.in_catalogue
            .cmp(&a.in_catalogue)
            .then_with(|| b.facts.cmp(&a.facts))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}
