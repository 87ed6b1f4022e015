//! Domain types shared by every planwatch stage.
//!
//! A [`Fact`] is one number (or one qualitative goal) that a government
//! document states about an indicator of a region: a goal for a future year
//! (`Kind::Target`, 目标) or an achieved value (`Kind::Actual`, 实际).
//! Its serialised form is the extraction contract of `shared/gold/SCHEMA.md`;
//! field names and spellings here must not drift from it.
#![deny(missing_docs)]

mod document;
mod fact;

pub use document::{DocType, DocumentInfo};
pub use fact::{Attribute, Comparator, Fact, Kind, Measure, Responsible};
