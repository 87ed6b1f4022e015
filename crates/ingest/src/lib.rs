//! Turns a document's bytes into text: detects the format by content,
//! decodes the encoding, and flattens HTML, DOCX and PDF to lines, with
//! table rows as tab-separated lines.
//!
//! Entry points are [`load_path`] and [`load_bytes`] (and their `_with`
//! variants taking [`Options`]). Neither panics on any input: every failure
//! is an [`IngestError`] whose message starts with the file name, then
//! states the problem in one line.
//!
//! - **Detection** by content, never by extension: `%PDF-` in the first KiB
//!   is a PDF; a ZIP is read as DOCX (it must hold `word/document.xml`); an
//!   OLE2 file (legacy `.doc`, password-protected Office) is refused; other
//!   bytes are decoded, and read as HTML when they look like markup.
//! - **Text**: BOM (UTF-8, UTF-16 LE/BE), valid UTF-8, BOM-less UTF-16, then
//!   chardetng (GBK read as GB18030; Big5 etc. when they fit better). Text
//!   with over 5% control, private-use or undecodable characters is
//!   refused as binary.
//! - **HTML**: `<meta charset>` / `http-equiv` decides the encoding (unless a
//!   BOM, UTF-16 or valid UTF-8 says otherwise); block elements are lines;
//!   a `<tr>` with two or more cells is one line, cells joined by `\t`
//!   (`colspan` adds up to 49 empty cells); scripts, styles, navigation,
//!   headers, footers, forms and hidden elements are dropped, and so are
//!   short lines of site chrome (copyright, ICP, 网站地图, 打印本页,
//!   【字体…】…).
//! - **DOCX**: body paragraphs and tables in document order; a table row
//!   with two or more cells is one line, cells joined by `\t` (`gridSpan`
//!   adds up to 63 empty cells), a single-cell row (a box) keeps its
//!   paragraphs as lines; w:tab is `\t`, w:br `\n`; deleted text, field codes and
//!   mc:Fallback duplicates are skipped. `word/document.xml` may not expand
//!   past 200 MB, nor past 100 times its compressed size once above 10 MB.
//! - **PDF**: pdf_oxide (run on its own thread, panics caught, 120 s limit),
//!   with poppler's `pdftotext -layout` as fallback when on PATH (see
//!   [`PdfEngine`]); pages are separated by a blank line.
//! - **Limits**: every reader's work is linear in its input. A row keeps at
//!   most 1,000 columns and a table at most 100,000 rows as tab-separated
//!   lines; HTML the parser would be slow on (nesting over 2,000 deep, over
//!   256 attributes on a tag, formatting tags re-created over and over) is
//!   flattened by stripping its tags; a DOCX with over 256 namespace
//!   declarations in scope is refused as corrupt.
//! - **Cancelling**: [`Options::cancel`] (a [`Cancel`]: a flag and an
//!   optional deadline) is looked at before reading and, for a PDF, while
//!   each parser runs: a `pdftotext` child is killed (and reaped) within
//!   20 ms of it, and the read ends with [`IngestError::Cancelled`]. The
//!   built-in PDF parser's thread cannot be stopped from outside: it is
//!   abandoned and ends by itself. The other readers are not interrupted;
//!   they are linear in their input, which the caller caps.
//!
//! Every text ends up with `\n` line endings, no trailing spaces (trailing
//! tabs are kept: they are empty table cells), at most one blank line in a
//! row, and a final `\n`.
#![deny(missing_docs)]

mod detect;
mod docx;
mod html;
mod pdf;
mod text;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

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

impl Format {
    /// Lower-case short name: `text`, `html`, `docx` or `pdf`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A document read into text.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// File name without folder.
    pub name: String,
    /// Detected format.
    pub format: Format,
    /// The text, one paragraph or table row per line (table cells joined by
    /// `\t`), line endings `\n`, PDF pages separated by a blank line.
    pub text: String,
}

/// Why a document could not be read.
///
/// Every message starts with the file name, then the problem in one line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The file could not be read (missing, a directory, no permission...).
    #[error("{name}: cannot read: {source}")]
    Io {
        /// File name.
        name: String,
        /// Cause.
        source: std::io::Error,
    },
    /// The file is empty or holds only whitespace.
    #[error("{name}: empty document")]
    Empty {
        /// File name.
        name: String,
    },
    /// The bytes are not text in any encoding we know, nor a known format.
    #[error("{name}: not a text document (binary data)")]
    Binary {
        /// File name.
        name: String,
    },
    /// A PDF that needs a password to be opened.
    #[error("{name}: PDF is encrypted and needs a password; decrypt it first")]
    Encrypted {
        /// File name.
        name: String,
    },
    /// A PDF without extractable text (scanned pages).
    #[error("{name}: PDF has no text layer (scanned PDF?); OCR it first")]
    NoTextLayer {
        /// File name.
        name: String,
    },
    /// A DOCX whose content expands past the safety limit.
    #[error("{name}: DOCX expands past {limit_mb} MB, refusing (zip bomb?)")]
    TooLarge {
        /// File name.
        name: String,
        /// The limit that was hit, in MB.
        limit_mb: u64,
    },
    /// The read was cancelled, or its deadline passed ([`Cancel`]).
    #[error("{name}: reading cancelled (time limit passed)")]
    Cancelled {
        /// File name.
        name: String,
    },
    /// The content is not a document planwatch can read.
    #[error("{name}: {problem}")]
    Unreadable {
        /// File name.
        name: String,
        /// What is wrong, in one line.
        problem: String,
    },
}

impl IngestError {
    /// The file name the error is about.
    pub fn name(&self) -> &str {
        match self {
            IngestError::Io { name, .. }
            | IngestError::Empty { name }
            | IngestError::Binary { name }
            | IngestError::Encrypted { name }
            | IngestError::NoTextLayer { name }
            | IngestError::Cancelled { name }
            | IngestError::TooLarge { name, .. }
            | IngestError::Unreadable { name, .. } => name,
        }
    }

    /// Builds an [`IngestError::Unreadable`], folding the problem onto one line.
    pub(crate) fn unreadable(name: &str, problem: impl AsRef<str>) -> Self {
        IngestError::Unreadable {
            name: name.to_owned(),
            problem: one_line(problem.as_ref()),
        }
    }
}

/// Collapses all whitespace runs (including newlines) into single spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Most grid columns a table row keeps, counting the empty cells `colspan`
/// or `gridSpan` add; text of cells past it joins the last cell, so a
/// hostile span cannot expand into millions of empty cells.
pub(crate) const MAX_ROW_CELLS: usize = 1_000;
/// Most rows of one table read as tab-separated lines; the rest of the
/// table is read as paragraphs.
pub(crate) const MAX_TABLE_ROWS: usize = 100_000;

/// Files larger than this are refused by [`load_path`] without reading them.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// How PDFs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfEngine {
    /// The built-in parser (pdf_oxide); poppler's `pdftotext -layout` when it
    /// is on PATH and the built-in parser fails, finds no text, or returns
    /// garbled text.
    #[default]
    Builtin,
    /// `pdftotext -layout` first when it is on PATH (it keeps table columns
    /// apart more reliably), the built-in parser otherwise.
    PreferPdftotext,
    /// The built-in parser only: never runs an external program.
    BuiltinOnly,
}

/// A way to stop a read from outside: a flag anyone holding a clone may
/// raise, and an optional deadline. Cheap to clone; clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct Cancel {
    flag: Arc<AtomicBool>,
    deadline: Option<Instant>,
}

impl Cancel {
    /// A handle that is never cancelled until [`Cancel::cancel`] is called.
    pub fn new() -> Self {
        Cancel::default()
    }

    /// This handle (sharing its flag) also cancelled once `deadline` passes.
    pub fn with_deadline(mut self, deadline: Instant) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// Raises the flag: every clone reads as cancelled from now on.
    pub fn cancel(&self) {
        self.flag.store(true, Ordering::SeqCst);
    }

    /// Whether the flag was raised or the deadline passed.
    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::SeqCst) || self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

/// Settings for [`load_path_with`] and [`load_bytes_with`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// How PDFs are read.
    pub pdf: PdfEngine,
    /// Stops the read from outside (see the crate documentation).
    pub cancel: Cancel,
}

impl Options {
    /// Default options with the given PDF engine.
    pub fn with_pdf(pdf: PdfEngine) -> Self {
        Options {
            pdf,
            ..Options::default()
        }
    }

    /// These options, stopped by `cancel`.
    pub fn with_cancel(mut self, cancel: Cancel) -> Self {
        self.cancel = cancel;
        self
    }
}

/// Reads and decodes the file at `path`.
///
/// The name used in [`Loaded::name`] and in errors is the file name without
/// its folder.
pub fn load_path(path: &Path) -> Result<Loaded, IngestError> {
    load_path_with(path, &Options::default())
}

/// Decodes a document's bytes; `name` is used in the result and in errors.
///
/// The format is detected from the content; the file name's extension is
/// not trusted.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, IngestError> {
    load_bytes_with(name, bytes, &Options::default())
}

/// [`load_path`] with explicit [`Options`].
pub fn load_path_with(path: &Path, options: &Options) -> Result<Loaded, IngestError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    if path.is_dir() {
        return Err(IngestError::Io {
            name,
            source: std::io::Error::other("is a directory, not a file"),
        });
    }
    let io = |source| IngestError::Io {
        name: name.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(IngestError::unreadable(
            &name,
            format!("file is larger than {} MB, refusing", MAX_FILE_BYTES >> 20),
        ));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    load_bytes_with(&name, &bytes, options)
}

/// [`load_bytes`] with explicit [`Options`].
pub fn load_bytes_with(name: &str, bytes: &[u8], options: &Options) -> Result<Loaded, IngestError> {
    let cancelled = || IngestError::Cancelled {
        name: name.to_owned(),
    };
    if options.cancel.is_cancelled() {
        return Err(cancelled());
    }
    let (format, text) = match detect::sniff(bytes) {
        detect::Sniffed::Pdf => (
            Format::Pdf,
            pdf::extract(name, bytes, options.pdf, &options.cancel)?,
        ),
        detect::Sniffed::Zip => (Format::Docx, docx::extract(name, bytes)?),
        detect::Sniffed::Ole2 => {
            return Err(IngestError::unreadable(
                name,
                "legacy Office file (.doc/.xls, or a password-protected DOCX); \
                 save it as DOCX without a password first",
            ))
        }
        detect::Sniffed::Other => {
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(IngestError::Empty {
                    name: name.to_owned(),
                });
            }
            let decoded = text::decode(bytes);
            if detect::looks_like_html(&decoded.text) {
                // A declared charset wins over detection, but not over a BOM,
                // UTF-16, or bytes that are valid UTF-8 (stale templates often
                // keep `charset=gb2312` after conversion to UTF-8).
                let declared = html::declared_charset(bytes).filter(|&enc| {
                    enc != encoding_rs::UTF_8
                        && decoded.from_bom.is_none()
                        && !decoded.is_utf16()
                        && !decoded.valid_utf8
                });
                let source = match declared {
                    Some(enc) => text::decode_with(bytes, enc),
                    None => decoded.text,
                };
                (Format::Html, html::to_text(&source))
            } else {
                if text::looks_binary(&decoded.text) {
                    return Err(IngestError::Binary {
                        name: name.to_owned(),
                    });
                }
                (Format::Text, text::normalize(&decoded.text))
            }
        }
    };
    let text = text::finish(&text);
    if text.trim().is_empty() {
        return Err(match format {
            Format::Pdf => IngestError::NoTextLayer {
                name: name.to_owned(),
            },
            _ => IngestError::Empty {
                name: name.to_owned(),
            },
        });
    }
    Ok(Loaded {
        name: name.to_owned(),
        format,
        text,
    })
}

/// Timing checks that a reader's work grows linearly with its input, for
/// the tests of each reader.
#[cfg(test)]
pub(crate) mod linear {
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    /// Timing tests take turns, so they do not slow each other down.
    static SERIAL: Mutex<()> = Mutex::new(());
    /// Growth allowed per doubling of the input (quadratic work gives 4),
    /// judged over two doublings (4n against n: at most 2.5², where
    /// quadratic work gives 16), so one stalled run cannot fail it.
    const MAX_RATIO: f64 = 2.5;
    /// Times are raised to this before comparing: below it is noise.
    const FLOOR: Duration = Duration::from_millis(2);
    /// The smallest input is grown until it takes at least this long.
    const MIN_BASE: Duration = Duration::from_millis(20);

    /// Shortest of five runs of `run` on `input`.
    fn time<T, R>(input: &T, run: &impl Fn(&T) -> R) -> Duration {
        (0..5)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(run(input));
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    }

    /// Times `run` on inputs of `n`, `2n` and `4n` units made by `build`
    /// and asserts the two doublings at most 2.5² times slower. `n` is first
    /// doubled (up to 16 times) while the smallest run is too quick to
    /// time, and a failing measurement is retried twice, since a loaded
    /// machine can stall any single run.
    pub(crate) fn assert_linear<T, R>(
        name: &str,
        n: usize,
        build: impl Fn(usize) -> T,
        run: impl Fn(&T) -> R,
    ) {
        let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
        let mut n = n;
        for _ in 0..4 {
            if time(&build(n), &run) >= MIN_BASE {
                break;
            }
            n *= 2;
        }
        let mut last = Vec::new();
        for _attempt in 0..3 {
            let times: Vec<Duration> = [n, 2 * n, 4 * n]
                .iter()
                .map(|&size| time(&build(size), &run))
                .collect();
            let ratios: Vec<f64> = times
                .windows(2)
                .map(|w| w[1].max(FLOOR).as_secs_f64() / w[0].max(FLOOR).as_secs_f64())
                .collect();
            let overall = times[2].max(FLOOR).as_secs_f64() / times[0].max(FLOOR).as_secs_f64();
            eprintln!("{name}: n={n} times={times:?} ratios={ratios:.2?} overall={overall:.2}");
            if overall <= MAX_RATIO * MAX_RATIO {
                return;
            }
            last = times;
        }
        panic!("{name}: work grows faster than the input: n={n}, times {last:?}");
    }
}
