//! Fuzz target: PDF through `planwatch_ingest::load_bytes_with` with
//! `PdfEngine::BuiltinOnly`: the in-process parser (pdf_oxide on its guarded
//! thread) and what the crate does with its pages. The `pdftotext` fallback
//! runs an external program, which a fuzz target must not do, so it is not
//! fuzzed here. Never a panic, an error naming the file or a text of the
//! promised shape, and no input slower than 1 s per MB.
//!
//! An input without `%PDF-` in its first KiB gets a header put in front, so
//! it always reaches the PDF reader.
//!
//! The crate runs the parser on its own thread and catches its panics (the
//! PDF is then reported as corrupt): that is its contract with a parser it
//! does not own, so such a panic is not a crash here. libFuzzer's panic hook
//! would abort on it; this target's hook lets it unwind instead and prints
//! the first panic from each source location, so parser bugs stay visible
//! (pdf_oxide 0.3.78 slices a string off a char boundary at
//! `document.rs:25363` on some damaged object headers). Set
//! `PLANWATCH_FUZZ_STRICT_PDF=1` to abort on those too, to hunt parser bugs.
//! Panics on any other thread abort as usual.
#![no_main]

use std::collections::HashSet;
use std::sync::{Mutex, Once};

use libfuzzer_sys::fuzz_target;

const HEADER: &[u8] = b"%PDF-1.4\n";

/// Name of the thread the ingest crate runs the parser on.
const PARSER_THREAD: &str = "planwatch-ingest-pdf";

static HOOK: Once = Once::new();
static SEEN: Mutex<Option<HashSet<String>>> = Mutex::new(None);

/// Installs (once, over libFuzzer's aborting hook) a hook that lets panics
/// of the parser thread unwind to the crate's guard.
fn tolerate_parser_panics() {
    HOOK.call_once(|| {
        if std::env::var_os("PLANWATCH_FUZZ_STRICT_PDF").is_some() {
            return;
        }
        let abort_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(PARSER_THREAD) {
                return abort_hook(info);
            }
            let at = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
            if seen.get_or_insert_with(HashSet::new).insert(at.clone()) {
                let what = info.payload_as_str().unwrap_or("").chars().take(120);
                eprintln!(
                    "caught parser panic (reported once per location) at {at}: {}",
                    what.collect::<String>()
                );
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    tolerate_parser_panics();
    let head = &data[..data.len().min(1024)];
    let result = if head.windows(5).any(|w| w == b"%PDF-") {
        planwatch_fuzz::load(data)
    } else {
        let mut pdf = Vec::with_capacity(HEADER.len() + data.len());
        pdf.extend_from_slice(HEADER);
        pdf.extend_from_slice(data);
        planwatch_fuzz::load(&pdf)
    };
    if let Ok(loaded) = result {
        assert_eq!(loaded.format, planwatch_ingest::Format::Pdf);
    }
});
