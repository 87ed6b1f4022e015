//! Persistent home of documents and facts, and their full-text index.
//!
//! A [`Store`] is an embedded SQLite file (default), an in-memory SQLite
//! database, or a PostgreSQL server: one sqlx code path and one embedded set
//! of migrations serve both. A document is keyed by the SHA-256 of its text:
//! storing the same content again changes nothing, new content under a known
//! name becomes the next revision and the old one stays queryable. A
//! document and all its facts are written in one transaction
//! ([`DocumentWriter`]): after a crash the store holds the whole document or
//! nothing of it.
//!
//! Writers take turns (SQLite `BEGIN IMMEDIATE`, a PostgreSQL advisory lock),
//! so handles and processes may store documents at once: each gets its own
//! revision and sequence number, and documents commit in sequence order.
//!
//! [`SearchIndex`] is a tantivy index with jieba segmentation over the
//! stored documents and facts, kept in a folder beside the database. It
//! records the last document sequence number it holds and catches up from the
//! store ([`SearchIndex::catch_up`]), so a document stored but never indexed
//! (a kill in between, another process's write) is found later.
//!
//! [`Store::ingest`] is the one path a read and extracted document takes into
//! the store (and, by [`SearchIndex::catch_up`], the index) for the CLI and the
//! server alike (see [`ingest`]); [`export`] holds the one column set of each
//! exported table and the one CSV/XLSX/JSON writer both use.
//!
//! [`accounts`] holds users and their roles, login sessions, lock-out and the
//! audit trail of changes to users (issue 10); [`units`] the departments
//! (单位) as a list of their own and the targets assigned to them;
//! [`submissions`] what departments report and its review; [`calendar`]
//! the periods each plan is reported in and when each is due; [`evidence`]
//! the files reporters attach to their submissions; [`supervision`]
//! overdue reports, reminders and escalations (督办); [`portal`] the
//! published snapshots of plans and visitors' feedback; [`comments`]
//! deputies' comments on targets.
//!
//! Only this crate knows SQL. It depends on `planwatch-core`, and on
//! `planwatch-catalog` only for the linking view of facts ([`Store::sourced_facts`])
//! and the synonyms a search query is widened with ([`search::alternatives`]).
#![deny(missing_docs)]

pub mod accounts;
pub mod calendar;
pub mod comments;
mod db;
mod error;
pub mod evidence;
pub mod export;
pub mod ingest;
mod link;
mod model;
pub mod portal;
mod read;
pub mod search;
pub mod submissions;
pub mod supervision;
pub mod testing;
pub mod units;
mod write;

pub use accounts::{ApiToken, AuditEntry, Login, Role, Session, User};
pub use calendar::{Calendar, Deadline, DuePeriod, Frequency, Period};
pub use comments::Comment;
pub use db::{redact, Backend, Store};
pub use error::{Result, StoreError};
pub use evidence::Evidence;
pub use ingest::SameName;
pub use link::doc_ref;
pub use model::{
    doc_type_from_str, Counts, FactFilter, NewDocument, Origin, StoredDocument, StoredFact,
};
pub use portal::{Feedback, FeedbackStatus, Publication};
pub use search::{CatchUp, Hit, Indexable, SearchFilter, SearchIndex};
pub use submissions::{
    DueTarget, NewSubmission, Submission, SubmissionFilter, SubmissionInput, SubmissionStatus,
    SubmissionVersion,
};
pub use supervision::{Escalation, EscalationKind, Overdue, Reminder};
pub use units::{
    parse_unit_table, Assignment, FromText, NewUnit, Unit, UnitImport, UnitRole, UnitTableError,
    UnitTarget,
};
pub use write::{content_hash, Begin, DocumentWriter, PutOutcome};
