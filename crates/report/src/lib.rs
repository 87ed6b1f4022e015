//! Plan evaluation reports rendered as HTML or DOCX. Pure: no I/O.
//!
//! The targets come linked and assessed from the linking stage
//! (`planwatch-link`: [`planwatch_link::link_targets`], then
//! [`planwatch_link::evaluate`]); this crate only renders them.
//!
//! 1. A [`Report`] of one plan as of one year holds its
//!    [`Evaluated`](planwatch_link::Evaluated) targets and the documents they
//!    cite; [`chart`] computes the data of a target's chart (the completion,
//!    or the values, year by year), and only when a renderer draws it.
//! 2. It renders to a self-contained HTML page ([`render_html`]: inline SVG
//!    charts, print CSS, no scripts) or a Word document ([`render_docx`]:
//!    hand-written WordprocessingML in a zip). Both hold the summary by status
//!    and domain, the red list, a table of every indicator, a chart per
//!    indicator, the qualitative goals for human review, the methods appendix
//!    ([`methods`]) and the sources (document and quote of every fact used).
//!
//! Writing files and converting to PDF is the caller's business.
#![deny(missing_docs)]

pub mod docx;
pub mod html;
pub mod methods;
pub mod model;
pub mod svg;
pub mod xml;

pub use docx::{render_docx, DocxOptions};
pub use html::render_html;
pub use model::{chart, Chart, Report, Scale};

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Building the DOCX zip failed.
    #[error("cannot build the DOCX package: {0}")]
    Zip(#[from] zip::result::ZipError),
    /// Writing into the in-memory package failed.
    #[error("cannot write the DOCX package: {0}")]
    Io(#[from] std::io::Error),
}
