//! PDF text layer with pdf_oxide (guarded against panics, deep recursion and
//! hangs), falling back to poppler's `pdftotext -layout` when it is on PATH.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use pdf_oxide::PdfDocument;

use crate::{IngestError, PdfEngine};

/// Longest we wait for one parser on one PDF.
const TIMEOUT: Duration = Duration::from_secs(120);
/// Stack for the parsing thread: hostile PDFs nest objects deeply.
const STACK: usize = 64 * 1024 * 1024;
/// What the built-in parser made of a PDF.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Text of each page.
    Pages(Vec<String>),
    /// Needs a password.
    Encrypted,
    /// Parse error, panic or time-out, in one line.
    Failed(String),
}

/// Extracts the text layer with the chosen engine: by default pdf_oxide
/// first, pdftotext when pdf_oxide fails, finds no text, or returns garbled
/// text.
pub(crate) fn extract(name: &str, bytes: &[u8], engine: PdfEngine) -> Result<String, IngestError> {
    let mut poppler = None;
    if engine == PdfEngine::PreferPdftotext {
        match with_pdftotext(bytes) {
            Poppler::Text(text) if has_text(&text) && !garbled(&text) => return Ok(text),
            Poppler::Encrypted => {
                return Err(IngestError::Encrypted {
                    name: name.to_owned(),
                })
            }
            other => poppler = Some(other),
        }
    }
    let outcome = with_oxide(bytes);
    let from_oxide = match &outcome {
        Outcome::Pages(pages) => {
            let text = pages.join("\n\n");
            (has_text(&text) && !garbled(&text)).then_some(text)
        }
        Outcome::Encrypted => {
            return Err(IngestError::Encrypted {
                name: name.to_owned(),
            })
        }
        Outcome::Failed(_) => None,
    };
    if let Some(text) = from_oxide {
        return Ok(text);
    }
    let poppler = match (poppler, engine) {
        (Some(p), _) => p,
        (None, PdfEngine::BuiltinOnly) => Poppler::Missing,
        (None, _) => with_pdftotext(bytes),
    };
    match &poppler {
        Poppler::Text(text) if has_text(text) && !garbled(text) => return Ok(text.clone()),
        Poppler::Encrypted => {
            return Err(IngestError::Encrypted {
                name: name.to_owned(),
            })
        }
        _ => {}
    }
    match outcome {
        Outcome::Pages(pages) if has_text(&pages.concat()) => Err(IngestError::unreadable(
            name,
            "PDF text layer is garbled (fonts without a Unicode mapping); OCR it first",
        )),
        Outcome::Pages(_) => Err(IngestError::NoTextLayer {
            name: name.to_owned(),
        }),
        // pdftotext could read the file but found no usable text in it.
        Outcome::Failed(_) if matches!(poppler, Poppler::Text(_)) => {
            Err(IngestError::NoTextLayer {
                name: name.to_owned(),
            })
        }
        Outcome::Failed(why) => Err(IngestError::unreadable(
            name,
            format!("corrupt or unsupported PDF: {why}"),
        )),
        Outcome::Encrypted => Err(IngestError::Encrypted {
            name: name.to_owned(),
        }),
    }
}

fn has_text(text: &str) -> bool {
    text.chars().any(|c| c.is_alphanumeric())
}

/// True when more than a third of the non-space characters are private-use,
/// replacement or control characters: glyph ids instead of text.
fn garbled(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        total += 1;
        if c == '\u{fffd}' || c.is_control() || ('\u{e000}'..='\u{f8ff}').contains(&c) {
            bad += 1;
        }
    }
    total > 0 && bad * 3 > total
}

/// Runs `f` on its own thread with a large stack, catching panics and
/// giving up after `timeout` (the thread is then left to finish alone).
fn guarded<T: Send + 'static>(
    timeout: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("planwatch-ingest-pdf".into())
        .stack_size(STACK)
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
            let _ = tx.send(result);
        });
    if let Err(e) = spawned {
        return Err(format!("cannot start parser thread: {e}"));
    }
    match rx.recv_timeout(timeout) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(format!("PDF parser crashed: {}", crate::one_line(&msg)))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("PDF parser gave up after {} s", timeout.as_secs()))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("PDF parser thread died".to_owned()),
    }
}

/// Reads every page with pdf_oxide.
pub(crate) fn with_oxide(bytes: &[u8]) -> Outcome {
    let data = bytes.to_vec();
    match guarded(TIMEOUT, move || oxide_pages(data)) {
        Ok(outcome) => outcome,
        Err(why) => Outcome::Failed(why),
    }
}

fn oxide_pages(data: Vec<u8>) -> Outcome {
    let doc = match PdfDocument::from_bytes(data) {
        Ok(doc) => doc,
        Err(e) => {
            let msg = e.to_string();
            if msg.to_ascii_lowercase().contains("encrypt") || msg.contains("password") {
                return Outcome::Encrypted;
            }
            return Outcome::Failed(crate::one_line(&msg));
        }
    };
    if doc.is_encrypted() && !matches!(doc.authenticate(b""), Ok(true)) {
        return Outcome::Encrypted;
    }
    let count = match doc.page_count() {
        Ok(n) => n,
        Err(e) => return Outcome::Failed(crate::one_line(&e.to_string())),
    };
    let mut pages = Vec::with_capacity(count.min(10_000));
    let mut first_error = None;
    for i in 0..count {
        match doc.extract_text(i) {
            Ok(text) => pages.push(text),
            Err(e) => {
                let msg = e.to_string();
                if msg.to_ascii_lowercase().contains("encrypt") {
                    return Outcome::Encrypted;
                }
                first_error.get_or_insert(msg);
                pages.push(String::new());
            }
        }
    }
    match first_error {
        Some(e) if pages.iter().all(|p| p.trim().is_empty()) => {
            Outcome::Failed(crate::one_line(&e))
        }
        _ => Outcome::Pages(pages),
    }
}

/// What pdftotext made of a PDF.
#[derive(Debug)]
pub(crate) enum Poppler {
    /// Not installed, or disabled.
    Missing,
    /// Pages separated by form feeds.
    Text(String),
    /// Exit code 3: permission / password error.
    Encrypted,
    /// Could not read it.
    Failed,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Removes its file when dropped.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn temp_path(ext: &str) -> TempFile {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    TempFile(std::env::temp_dir().join(format!(
        "planwatch-ingest-{}-{n}-{nanos}.{ext}",
        std::process::id()
    )))
}

fn pdftotext_on_path() -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join("pdftotext"))
        .find(|p| p.is_file())
}

/// Runs `pdftotext -layout -enc UTF-8` on the bytes, if it is installed.
pub(crate) fn with_pdftotext(bytes: &[u8]) -> Poppler {
    let Some(exe) = pdftotext_on_path() else {
        return Poppler::Missing;
    };
    let input = temp_path("pdf");
    let output = temp_path("txt");
    if std::fs::write(&input.0, bytes).is_err() {
        return Poppler::Failed;
    }
    let child = Command::new(exe)
        .args(["-layout", "-enc", "UTF-8", "-q"])
        .arg(&input.0)
        .arg(&output.0)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        return Poppler::Failed;
    };
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() < TIMEOUT => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Poppler::Failed;
            }
        }
    };
    match status.code() {
        Some(0) => match std::fs::read(&output.0) {
            Ok(out) => Poppler::Text(String::from_utf8_lossy(&out).into_owned()),
            Err(_) => Poppler::Failed,
        },
        Some(3) => Poppler::Encrypted,
        _ => Poppler::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_catches_panics_and_time_outs() {
        let r: Result<(), String> = guarded(TIMEOUT, || panic!("boom"));
        assert_eq!(r, Err("PDF parser crashed: boom".to_owned()));
        let r = guarded(Duration::from_millis(10), || {
            std::thread::sleep(Duration::from_secs(1))
        });
        assert!(r.is_err_and(|e| e.contains("gave up")));
    }

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        std::fs::read(path).expect("fixture")
    }

    #[test]
    fn oxide_reads_cjk_fixture() {
        match with_oxide(&fixture("cjk-libreoffice.pdf")) {
            Outcome::Pages(pages) => {
                assert_eq!(pages.len(), 2);
                assert!(pages[0].contains("十四五规划纲要"), "{pages:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            with_oxide(&fixture("encrypted-aes256.pdf")),
            Outcome::Encrypted
        ));
    }

    /// Runs only where poppler-utils is installed; passes (and says so)
    /// elsewhere.
    #[test]
    fn pdftotext_fallback_when_installed() {
        match with_pdftotext(&fixture("cjk-libreoffice.pdf")) {
            Poppler::Missing => eprintln!("pdftotext not on PATH: fallback not tested"),
            Poppler::Text(text) => {
                assert!(text.contains("十四五规划纲要"), "{text:?}");
                assert!(text.contains('\x0c'), "pages end with form feeds: {text:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(!matches!(
            with_pdftotext(&fixture("encrypted-rc4.pdf")),
            Poppler::Text(_)
        ));
    }

    #[test]
    fn garbled_share() {
        assert!(garbled("\u{e001}\u{e002}\u{e003}a"));
        assert!(!garbled("国内生产总值 GDP"));
    }
}
