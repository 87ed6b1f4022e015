//! The linking stage: plan targets tied to their base and actuals from every
//! document, and assessed. Pure: no I/O.
//!
//! 1. [`link_targets`] turns facts ([`Sourced`](planwatch_catalog::Sourced),
//!    each with its [`FactId`](planwatch_catalog::FactId)) and the catalogue
//!    into one [`TargetCase`] per target: the target, its canonical indicator
//!    and domain, a [`planwatch_evaluate::Case`] with the base and the
//!    actuals of the same indicator and region from every document (see
//!    [`link`] for the rules), and the id of every fact in it. Link once for
//!    [`Scope::All`] and narrow with [`in_scope`] for a document, a region or
//!    an as-of year.
//! 2. [`evaluate`] runs [`planwatch_evaluate::assess`] on each case; an
//!    [`Evaluated`] target finds each fact its assessment used by id
//!    ([`Evaluated::source_id`]), never by its quote, and says its base,
//!    target and latest actual in words ([`words`]).
//!
//! The CLI (`planwatch evaluate`, the summary after `ingest`) and the server
//! (assessments, the dashboard) evaluate through this crate; `planwatch-report`
//! renders its [`Evaluated`] targets as HTML and DOCX.
#![deny(missing_docs)]

pub mod evaluated;
pub mod link;
pub mod words;

pub use evaluated::{evaluate, Evaluated};
pub use link::{
    base_year, in_scope, link_targets, source_hints, usable_measures, Scope, TargetCase,
};
