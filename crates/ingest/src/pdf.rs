//! PDF text layer with pdf_oxide (guarded against panics, deep recursion and
//! hangs), falling back to poppler's `pdftotext -layout` when it is on PATH.
//! What this module does with the text (joining pages, the garbled-text
//! check) is linear in its length.
//!
//! A [`Cancel`] stops the read: `pdftotext` is killed (and reaped) within
//! [`POLL`] of it, and the wait for pdf_oxide ends as soon (its thread cannot
//! be stopped from outside and is left to finish alone, at most [`TIMEOUT`]
//! of waiting having been given to it).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use pdf_oxide::PdfDocument;

use crate::{Cancel, IngestError, PdfEngine};

/// Longest we wait for one parser on one PDF.
const TIMEOUT: Duration = Duration::from_secs(120);
/// How often a wait on a parser looks at its [`Cancel`].
const POLL: Duration = Duration::from_millis(20);
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
pub(crate) fn extract(
    name: &str,
    bytes: &[u8],
    engine: PdfEngine,
    cancel: &Cancel,
) -> Result<String, IngestError> {
    let cancelled = || IngestError::Cancelled {
        name: name.to_owned(),
    };
    let mut poppler = None;
    if engine == PdfEngine::PreferPdftotext {
        match with_pdftotext(bytes, cancel) {
            Poppler::Cancelled => return Err(cancelled()),
            Poppler::Text(text) if has_text(&text) && !garbled(&text) => return Ok(text),
            Poppler::Encrypted => {
                return Err(IngestError::Encrypted {
                    name: name.to_owned(),
                })
            }
            other => poppler = Some(other),
        }
    }
    let outcome = with_oxide(bytes, cancel);
    if cancel.is_cancelled() {
        return Err(cancelled());
    }
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
        (None, _) => with_pdftotext(bytes, cancel),
    };
    match &poppler {
        Poppler::Cancelled => return Err(cancelled()),
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
/// giving up after `timeout` or once `cancel` says so (the thread is then
/// left to finish alone).
fn guarded<T: Send + 'static>(
    timeout: Duration,
    cancel: &Cancel,
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
    let start = Instant::now();
    let received = loop {
        let left = timeout.saturating_sub(start.elapsed());
        match rx.recv_timeout(left.min(POLL)) {
            Err(mpsc::RecvTimeoutError::Timeout) if !left.is_zero() => {
                if cancel.is_cancelled() {
                    return Err("PDF parser cancelled".to_owned());
                }
            }
            other => break other,
        }
    };
    match received {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(format!("PDF parser crashed: {}", crate::one_line(&msg)))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!(
            "PDF parser gave up after {} s",
            timeout.as_secs_f64()
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("PDF parser thread died".to_owned()),
    }
}

/// Reads every page with pdf_oxide.
pub(crate) fn with_oxide(bytes: &[u8], cancel: &Cancel) -> Outcome {
    let data = bytes.to_vec();
    match guarded(TIMEOUT, cancel, move || oxide_pages(data)) {
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
    // (pdf_oxide's page count walks a page tree that holds itself, /Kids
    // [2 0 R …] under 2 0 R, up to a million times over.)
    if page_tree_loops(&doc) {
        return Outcome::Failed("the page tree refers to itself".into());
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

/// Whether the page tree under the catalog's /Pages reaches a node twice
/// (a cycle, or a page listed under two parents). Each node is loaded once:
/// linear in the number of objects. A tree that cannot be read is left to
/// pdf_oxide, whose own readers report it.
fn page_tree_loops(doc: &PdfDocument) -> bool {
    use pdf_oxide::object::{Object, ObjectRef};
    let Ok(catalog) = doc.catalog() else {
        return false;
    };
    let Some(root) = catalog
        .as_dict()
        .and_then(|d| d.get("Pages"))
        .and_then(Object::as_reference)
    else {
        return false;
    };
    let mut seen: std::collections::HashSet<ObjectRef> = std::collections::HashSet::new();
    let mut todo = vec![root];
    while let Some(node) = todo.pop() {
        if !seen.insert(node) {
            return true;
        }
        let Ok(obj) = doc.load_object(node) else {
            continue;
        };
        if let Some(kids) = obj
            .as_dict()
            .and_then(|d| d.get("Kids"))
            .and_then(Object::as_array)
        {
            todo.extend(kids.iter().filter_map(Object::as_reference));
        }
    }
    false
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
    /// Stopped by its [`Cancel`]: the child was killed.
    Cancelled,
}

/// A new empty file in the temp folder for pdftotext's input or output: a
/// random name, created exclusively and readable by us only, so nobody can
/// plant a link there or read the untrusted PDF; removed when dropped.
fn temp_file(ext: &str) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix("planwatch-ingest-")
        .suffix(&format!(".{ext}"))
        .tempfile()
}

fn pdftotext_on_path() -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join("pdftotext"))
        .find(|p| p.is_file())
}

/// Runs `pdftotext -layout -enc UTF-8` on the bytes, if it is installed.
pub(crate) fn with_pdftotext(bytes: &[u8], cancel: &Cancel) -> Poppler {
    match pdftotext_on_path() {
        Some(exe) => run_pdftotext(&exe, bytes, cancel),
        None => Poppler::Missing,
    }
}

/// Runs `exe` as pdftotext on the bytes, through temporary files; the child
/// is killed and reaped when it outlives [`TIMEOUT`] or `cancel`.
fn run_pdftotext(exe: &Path, bytes: &[u8], cancel: &Cancel) -> Poppler {
    let (Ok(mut input), Ok(output)) = (temp_file("pdf"), temp_file("txt")) else {
        return Poppler::Failed;
    };
    if input.write_all(bytes).and_then(|()| input.flush()).is_err() {
        return Poppler::Failed;
    }
    let child = Command::new(exe)
        .args(["-layout", "-enc", "UTF-8", "-q"])
        .arg(input.path())
        .arg(output.path())
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
            Ok(None) if start.elapsed() < TIMEOUT && !cancel.is_cancelled() => {
                std::thread::sleep(POLL)
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return if cancel.is_cancelled() {
                    Poppler::Cancelled
                } else {
                    Poppler::Failed
                };
            }
        }
    };
    match status.code() {
        Some(0) => match std::fs::read(output.path()) {
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
        let never = Cancel::new();
        let r: Result<(), String> = guarded(TIMEOUT, &never, || panic!("boom"));
        assert_eq!(r, Err("PDF parser crashed: boom".to_owned()));
        let r = guarded(Duration::from_millis(10), &never, || {
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
        match with_oxide(&fixture("cjk-libreoffice.pdf"), &Cancel::new()) {
            Outcome::Pages(pages) => {
                assert_eq!(pages.len(), 2);
                assert!(pages[0].contains("十四五规划纲要"), "{pages:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            with_oxide(&fixture("encrypted-aes256.pdf"), &Cancel::new()),
            Outcome::Encrypted
        ));
    }

    /// Runs only where poppler-utils is installed; passes (and says so)
    /// elsewhere.
    #[test]
    fn pdftotext_fallback_when_installed() {
        match with_pdftotext(&fixture("cjk-libreoffice.pdf"), &Cancel::new()) {
            Poppler::Missing => eprintln!("pdftotext not on PATH: fallback not tested"),
            Poppler::Text(text) => {
                assert!(text.contains("十四五规划纲要"), "{text:?}");
                assert!(text.contains('\x0c'), "pages end with form feeds: {text:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(!matches!(
            with_pdftotext(&fixture("encrypted-rc4.pdf"), &Cancel::new()),
            Poppler::Text(_)
        ));
    }

    /// pdftotext reads the untrusted PDF from a file only we can read, under a
    /// random name, gone afterwards (a stand-in script reports what it saw).
    #[cfg(target_os = "linux")]
    #[test]
    fn pdftotext_input_is_a_private_temp_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let exe = dir.path().join("pdftotext");
        std::fs::write(
            &exe,
            "#!/bin/sh\n# args: -layout -enc UTF-8 -q INPUT OUTPUT\n{ stat -c %a \"$5\"; echo \"$5\"; cat \"$5\"; } > \"$6\"\n",
        )
        .expect("write script");
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        let seen = |bytes: &[u8]| match run_pdftotext(&exe, bytes, &Cancel::new()) {
            Poppler::Text(text) => text,
            other => panic!("{other:?}"),
        };
        let first = seen(b"%PDF-1.4 hostile");
        let lines: Vec<&str> = first.lines().collect();
        assert_eq!(lines.len(), 3, "{first:?}");
        assert_eq!(lines[0], "600", "mode of the input file");
        assert_eq!(lines[2], "%PDF-1.4 hostile");
        let input = Path::new(lines[1]);
        assert!(!input.exists(), "{} left behind", input.display());
        // No name derived from the process id, a counter or the clock.
        let name = input.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(
            !name.contains(&std::process::id().to_string()),
            "guessable name {name}"
        );
        let second = seen(b"%PDF-1.4 again");
        assert_ne!(second.lines().nth(1), Some(lines[1]));
    }

    /// A `pdftotext` that never finishes is killed at the deadline: the
    /// read ends then, and its process is gone (not even a zombie).
    #[cfg(target_os = "linux")]
    #[test]
    fn a_slow_pdftotext_is_killed_at_the_deadline() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let exe = dir.path().join("pdftotext");
        let pid_file = dir.path().join("pid");
        std::fs::write(
            &exe,
            format!(
                "#!/bin/sh\necho $$ > '{}'\nexec sleep 60\n",
                pid_file.display()
            ),
        )
        .expect("write script");
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        let start = Instant::now();
        let cancel = Cancel::new().with_deadline(start + Duration::from_millis(500));
        let got = run_pdftotext(&exe, b"%PDF-1.4 slow", &cancel);
        let took = start.elapsed();
        assert!(matches!(got, Poppler::Cancelled), "{got:?}");
        assert!(
            took >= Duration::from_millis(500) && took < Duration::from_secs(5),
            "ended after {took:?}"
        );
        let pid = std::fs::read_to_string(&pid_file).expect("the script ran");
        let pid = pid.trim();
        assert!(!pid.is_empty());
        assert!(
            !Path::new(&format!("/proc/{pid}")).exists(),
            "pdftotext (pid {pid}) still running"
        );
        // Raising the flag works as well as the deadline, through `extract`.
        let flag = Cancel::new();
        flag.cancel();
        assert!(matches!(
            run_pdftotext(&exe, b"%PDF-1.4 slow", &flag),
            Poppler::Cancelled
        ));
        assert!(matches!(
            extract("a.pdf", b"%PDF-1.4 slow", PdfEngine::Builtin, &flag),
            Err(IngestError::Cancelled { .. })
        ));
    }

    /// A PDF whose pages each show the given lines in Helvetica.
    fn pdf_of(pages: &[Vec<String>]) -> Vec<u8> {
        let n = pages.len();
        let mut objs = vec![
            "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
            format!(
                "<< /Type /Pages /Kids [{}] /Count {n} >>",
                (0..n)
                    .map(|i| format!("{} 0 R", 3 + 2 * i))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ];
        let font = 3 + 2 * n;
        for (i, lines) in pages.iter().enumerate() {
            objs.push(format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
                 /Resources << /Font << /F1 {font} 0 R >> >> /Contents {} 0 R >>",
                4 + 2 * i
            ));
            let body: String = lines
                .iter()
                .enumerate()
                .map(|(k, line)| format!("BT /F1 10 Tf 40 {} Td ({line}) Tj ET\n", 800 - k * 12))
                .collect();
            objs.push(format!(
                "<< /Length {} >>\nstream\n{body}\nendstream",
                body.len()
            ));
        }
        objs.push(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
                .to_owned(),
        );
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objs.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes(),
        );
        for off in offsets {
            out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objs.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn text_path_is_linear() {
        // Our side: pages joined, checked for garbling, lines finished.
        crate::linear::assert_linear(
            "page text",
            8_000,
            |n| vec!["GDP 6%\u{e000}  \r\n\x0c".repeat(8); n],
            |pages: &Vec<String>| {
                let text = pages.join("\n\n");
                (has_text(&text) && !garbled(&text)).then(|| crate::text::finish(&text))
            },
        );
    }

    /// pdf_oxide reads a document page by page, so pages add linearly. (Its
    /// time per page grows faster than the page's text runs: a page of
    /// 16,000 runs takes about three times as long as one of 8,000; only
    /// the parser's time limit bounds that.)
    #[test]
    fn builtin_parser_is_linear_in_pages() {
        let page = |p: usize| vec![format!("Page {p}: GDP grew 6.5 percent"); 20];
        crate::linear::assert_linear(
            "many pages",
            40,
            |n| pdf_of(&(0..n).map(page).collect::<Vec<_>>()),
            |pdf: &Vec<u8>| {
                extract("a.pdf", pdf, PdfEngine::BuiltinOnly, &Cancel::new()).map(|t| t.len())
            },
        );
    }

    #[test]
    fn garbled_share() {
        assert!(garbled("\u{e001}\u{e002}\u{e003}a"));
        assert!(!garbled("国内生产总值 GDP"));
    }
}
