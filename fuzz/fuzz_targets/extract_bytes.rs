//! Fuzz target: any bytes, read as text the way a damaged document would
//! arrive, through extraction: a value every time, never a panic, and every
//! quote an exact part of the text. (Format detection and decoding have their
//! own property tests in crates/ingest.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let ex = planwatch_extract::extract_document("fuzz.txt", &text);
    for f in ex.facts {
        assert!(text.contains(&f.quote));
    }
});
