//! Indicator catalogue and linking: what planners work with, built from facts.
//!
//! - [`Catalog`]: canonical indicators (指标) with synonyms, explicit
//!   non-synonyms, domain, canonical unit and direction, read from a
//!   human-editable TOML file ([`DEFAULT_CATALOG`] is shipped).
//!   `catalog.canonical("研究与试验发展 (R&D) 经费投入强度 (%)")` and
//!   `catalog.canonical("研发经费投入强度")` both give `研究与试验发展经费投入强度`,
//!   while `户籍人口城镇化率` never becomes `常住人口城镇化率`.
//! - [`link`]: facts tied to their indicator and into [`Series`] (one indicator,
//!   one region, targets and actuals by year); a [`Sourced`] fact carries its
//!   [`FactId`] (document key + position, as the store numbers facts), so any
//!   later stage finds it by id, never by its quote. Tying plan targets to
//!   their base and actuals is the next stage's (`planwatch-link`).
//! - [`check`]: plan consistency (规划衔接) findings, each with its quotes.
//! - [`domain`]: the domain of a name the catalogue does not hold, from its
//!   words (养老床位 → 民生福祉).
//! - [`import`]: rows of an actuals table to facts, bad rows reported by number.
//!
//! Pure: the one function that touches a file is [`Catalog::load`].
#![deny(missing_docs)]

mod catalog;
pub mod check;
pub mod domain;
pub mod import;
pub mod link;
pub mod normalize;

pub use catalog::{
    Catalog, Direction, Indicator, Match, MatchKind, UnitDef, DEFAULT_CATALOG, NO_DOMAIN,
};
pub use check::{check, Evidence, Finding, FindingKind};
pub use domain::{domain_of, inferred_domain};
pub use import::{is_actuals_header, rows_to_facts, ImportedRows, RowError, TEMPLATE_COLUMNS};
pub use link::{
    region_matches, series, DocRef, FactId, Linked, Linker, Series, SeriesPoint, Sourced,
};

/// Why a catalogue could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The file could not be read.
    #[error("{path}: cannot read catalogue: {source}")]
    Io {
        /// File path.
        path: String,
        /// Cause.
        source: std::io::Error,
    },
    /// The file is not a valid catalogue.
    #[error("{path}: invalid catalogue: {message}")]
    Parse {
        /// File path.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, CatalogError>;
