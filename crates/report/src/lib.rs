//! Plan evaluation reports: targets linked to actuals, assessed, and rendered as HTML or DOCX. Pure: no I/O.
//!
//! 1. [`link_targets`] turns stored facts ([`Sourced`](planwatch_catalog::Sourced))
//!    and the catalogue into one [`TargetCase`] per target: the target, its
//!    canonical indicator and domain, and a [`planwatch_evaluate::Case`] with
//!    the base and the actuals of the same indicator and region from every
//!    document (see [`link`] for the rules).
//! 2. [`evaluate`] runs [`planwatch_evaluate::assess`] on each case and
//!    computes the data of its chart ([`Evaluated`]).
//! 3. A [`Report`] of one plan as of one year renders to a self-contained
//!    HTML page ([`render_html`]: inline SVG charts, print CSS, no scripts)
//!    or a Word document ([`render_docx`]: hand-written WordprocessingML in a
//!    zip). Both hold the summary by status and domain, the red list, a
//!    table of every indicator, a chart per indicator, the qualitative goals
//!    for human review, the methods appendix ([`methods`]) and the sources
//!    (document and quote of every fact used).
//!
//! Writing files and converting to PDF is the caller's business.
#![deny(missing_docs)]

pub mod docx;
pub mod html;
pub mod link;
pub mod methods;
pub mod model;
pub mod svg;
pub mod xml;

pub use docx::{render_docx, DocxOptions};
pub use html::render_html;
pub use link::{link_targets, Scope, TargetCase};
pub use model::{evaluate, Chart, Evaluated, Report, Scale};

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
