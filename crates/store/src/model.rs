//! Stored shapes (documents, facts, filters) and their text spellings in the database.

use planwatch_core::{Attribute, Comparator, DocType, DocumentInfo, Fact, Kind, Measure};
use serde::Serialize;

use crate::{Result, StoreError};

/// Where a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A plan, report or bulletin whose facts were extracted.
    Document,
    /// A table of actuals brought in with `planwatch import`.
    Import,
    /// A value a department reported (填报) and a reviewer approved.
    Report,
}

impl Origin {
    /// Stable spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Document => "document",
            Origin::Import => "import",
            Origin::Report => "report",
        }
    }
}

/// A document to store.
#[derive(Debug, Clone)]
pub struct NewDocument {
    /// File name, without folder.
    pub name: String,
    /// Path it was read from, if any.
    pub path: Option<String>,
    /// Detected format (`text`, `html`, `docx`, `pdf`, `csv`, `xlsx`).
    pub format: String,
    /// Extracted document or imported table.
    pub origin: Origin,
    /// Metadata.
    pub info: DocumentInfo,
    /// The text the facts' quotes and offsets refer to; its hash is the document's key.
    pub text: String,
}

/// A stored document (one revision).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    /// SHA-256 of the text, hex: the document's key.
    pub id: String,
    /// File name.
    pub name: String,
    /// 1 for the first content stored under this name, then 2, 3…
    pub revision: i64,
    /// Extracted document or imported table.
    pub origin: String,
    /// Path it was read from.
    pub path: Option<String>,
    /// Detected format.
    pub format: Option<String>,
    /// Metadata.
    pub info: DocumentInfo,
    /// Number of facts stored with it.
    pub fact_count: i64,
    /// Ingestion order, store-wide.
    pub seq: i64,
    /// Unix seconds when stored.
    pub ingested_at: i64,
    /// Whether this is the latest revision of its name.
    pub current: bool,
}

/// A stored fact with its document key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredFact {
    /// Key of the document (revision) it belongs to.
    pub document_id: String,
    /// Position in the document's facts.
    pub ord: i64,
    /// The fact.
    pub fact: Fact,
}

/// Which facts to read. Empty filter: every fact of current revisions.
#[derive(Debug, Clone, Default)]
pub struct FactFilter {
    /// Document file name, or a prefix (≥ 6 characters) of its id.
    pub doc: Option<String>,
    /// Indicator names as written (any of them).
    pub indicators: Option<Vec<String>>,
    /// Region substring (matches the fact's region, else its document's).
    pub region: Option<String>,
    /// Year of the value.
    pub year: Option<i32>,
    /// Target or actual.
    pub kind: Option<Kind>,
    /// Include superseded revisions.
    pub all_revisions: bool,
}

/// Totals of a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Distinct document names.
    pub documents: i64,
    /// Stored revisions (≥ documents).
    pub revisions: i64,
    /// Facts of every revision.
    pub facts: i64,
}

fn corrupt<T>(column: &'static str, value: &str) -> Result<T> {
    Err(StoreError::Corrupt {
        column,
        value: value.to_string(),
    })
}

pub(crate) fn parse_doc_type(s: &str) -> Result<DocType> {
    match DocType::parse(s) {
        Some(t) => Ok(t),
        None => corrupt("doc_type", s),
    }
}

pub(crate) fn parse_kind(s: &str) -> Result<Kind> {
    Ok(match s {
        "target" => Kind::Target,
        "actual" => Kind::Actual,
        _ => return corrupt("kind", s),
    })
}

pub(crate) fn parse_measure(s: &str) -> Result<Measure> {
    Ok(match s {
        "level" => Measure::Level,
        "growth" => Measure::Growth,
        "avg_growth" => Measure::AvgGrowth,
        "reduction" => Measure::Reduction,
        "cumulative" => Measure::Cumulative,
        _ => return corrupt("measure", s),
    })
}

pub(crate) fn parse_comparator(s: &str) -> Result<Comparator> {
    Ok(match s {
        "eq" => Comparator::Eq,
        "approx" => Comparator::Approx,
        "ge" => Comparator::Ge,
        "gt" => Comparator::Gt,
        "le" => Comparator::Le,
        "lt" => Comparator::Lt,
        _ => return corrupt("comparator", s),
    })
}

pub(crate) fn parse_attribute(s: Option<String>) -> Result<Option<Attribute>> {
    Ok(match s.as_deref() {
        None => None,
        Some("约束性") => Some(Attribute::Binding),
        Some("预期性") => Some(Attribute::Expected),
        Some(other) => return corrupt("attribute", other),
    })
}

/// Parses a document type as `DocType::as_str` spells it.
pub fn doc_type_from_str(s: &str) -> Option<DocType> {
    parse_doc_type(s).ok()
}
