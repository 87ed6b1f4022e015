//! Checks shared by the fuzz targets: the time rule (no input slower than
//! 1 s per MB) and the shape every text read by `planwatch-ingest` has.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use planwatch_ingest::{IngestError, Loaded, Options, PdfEngine};

/// Name given to every fuzz input; every error message must start with it.
pub const NAME: &str = "fuzz.bin";

/// Options for every target: the built-in PDF parser only, so no target
/// ever starts a process (`pdftotext` is never looked for).
pub fn options() -> Options {
    Options::with_pdf(PdfEngine::BuiltinOnly)
}

/// Longest time one input took so far in this process, in microseconds.
static SLOWEST_US: AtomicU64 = AtomicU64::new(0);
/// New slowest inputs are printed from this many microseconds on.
const REPORT_FROM_US: u64 = 10_000;

/// Runs `f` on `input` and panics when it took longer than the rule allows.
///
/// The rule is "no input slower than 1 s per MB"; fuzz inputs are a few KB,
/// where scheduling noise would dominate, so the limit is 1 s per MB plus a
/// floor of 1 s, measured on the process's CPU clock: a fuzzer niced beside
/// builds was once stalled 1.5 s of wall time on an input that takes 30 ms,
/// yet a quadratic path on a few KB input (or a hang) still trips it. Each
/// new slowest input (from 10 ms on) is printed as `slowest input so far:
/// <µs> us for <n> bytes`, so a run's log shows how close it came.
pub fn timed<R>(input: &[u8], f: impl FnOnce() -> R) -> R {
    let start = cpu_time();
    let out = f();
    let elapsed = cpu_time().saturating_sub(start);
    let us = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX);
    if us >= REPORT_FROM_US && SLOWEST_US.fetch_max(us, Ordering::Relaxed) < us {
        eprintln!("slowest input so far: {us} us for {} bytes", input.len());
    }
    let limit = Duration::from_secs(1) + Duration::from_secs_f64(input.len() as f64 / 1e6);
    assert!(
        elapsed <= limit,
        "slow input: {} bytes took {elapsed:?} (limit {limit:?})",
        input.len()
    );
    out
}

/// CPU time this process has used (all its threads), or wall time since
/// the first call where the clock cannot be read.
fn cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if rc == 0 {
        let secs = u64::try_from(ts.tv_sec).unwrap_or(0);
        let nanos = u32::try_from(ts.tv_nsec).unwrap_or(0);
        return Duration::new(secs, nanos);
    }
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// `load_bytes_with` on `input`, timed, with the result's shape checked.
pub fn load(input: &[u8]) -> Result<Loaded, IngestError> {
    let result = timed(input, || {
        planwatch_ingest::load_bytes_with(NAME, input, &options())
    });
    check(&result);
    result
}

/// What the crate documentation promises of every result: an error names
/// the file on one line; a text is not blank, has `\n` line endings and a
/// final `\n`, no trailing spaces and at most one blank line in a row.
pub fn check(result: &Result<Loaded, IngestError>) {
    match result {
        Ok(loaded) => {
            let text = &loaded.text;
            assert_eq!(loaded.name, NAME);
            assert!(!text.trim().is_empty(), "blank text");
            assert!(text.ends_with('\n'), "no final newline: {text:?}");
            assert!(!text.contains('\r'), "carriage return: {text:?}");
            assert!(
                !text.contains("\n\n\n"),
                "two blank lines in a row: {text:?}"
            );
            assert!(!text.starts_with('\n'), "leading blank line: {text:?}");
            for line in text.lines() {
                assert!(!line.ends_with(' '), "trailing space: {line:?}");
            }
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("fuzz.bin: "), "{msg}");
            assert!(!msg.contains('\n'), "{msg:?}");
            assert_eq!(e.name(), NAME);
        }
    }
}
