//! Fuzz target: HTML pages (charset from `<meta>`, tables, colspan, dropped
//! chrome, the tag-stripping fallback for pathological markup) through
//! `planwatch_ingest::load_bytes_with`: never a panic, an error naming the
//! file or a text of the promised shape, and no input slower than 1 s per MB.
//!
//! The reader is chosen by content, so an input that starts neither with
//! `<` (after ASCII whitespace) nor with a byte-order mark gets a doctype
//! put in front, which keeps it on the HTML path.
#![no_main]

use libfuzzer_sys::fuzz_target;

const DOCTYPE: &[u8] = b"<!DOCTYPE html>\n";

fuzz_target!(|data: &[u8]| {
    let head = &data[..data.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") || data.starts_with(b"PK") {
        return;
    }
    let trimmed = data.trim_ascii_start();
    let bom = data.starts_with(b"\xEF\xBB\xBF")
        || data.starts_with(b"\xFF\xFE")
        || data.starts_with(b"\xFE\xFF");
    if trimmed.starts_with(b"<") || bom {
        let _ = planwatch_fuzz::load(data);
    } else {
        let mut page = Vec::with_capacity(DOCTYPE.len() + data.len());
        page.extend_from_slice(DOCTYPE);
        page.extend_from_slice(data);
        let _ = planwatch_fuzz::load(&page);
    }
});
