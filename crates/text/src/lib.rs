//! Text repair and structure, before extraction.
//!
//! Documents arrive as lines damaged by conversion: tables of contents with
//! page numbers, bare page numbers, web-page chrome, sentences cut by page
//! breaks, tables flattened into tab- or pipe-separated lines. This crate
//! reads such text into [`Block`]s — headings of the outline, paragraphs and
//! table rows — each pointing at its exact byte span in the input, so that
//! later stages quote the document as written. Pure: no I/O, never fails.
//!
//! ```
//! let text = "第一章 发展基础\n全年农业生产在各方面因素的共同作用下继续保持\n\n稳步发展。\n指标\t2020年\t2025年\n森林覆盖率(%)\t36.4\t36.65\n";
//! let blocks = planwatch_text::blocks(text);
//! assert!(matches!(blocks[0].kind, planwatch_text::BlockKind::Heading { .. }));
//! // The sentence cut by a page break is one paragraph again.
//! assert_eq!(
//!     &text[blocks[1].start..blocks[1].end],
//!     "全年农业生产在各方面因素的共同作用下继续保持\n\n稳步发展。"
//! );
//! assert!(matches!(blocks[2].kind, planwatch_text::BlockKind::TableRow { .. }));
//! ```
#![deny(missing_docs)]

mod blocks;
mod line;
pub mod norm;

pub use blocks::{blocks, is_group_heading, Block, BlockKind};
pub use line::{classify, heading_level, marker_level, split_cells, strip_marker, LineClass};
