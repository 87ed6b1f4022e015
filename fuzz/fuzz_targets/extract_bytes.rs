//! Fuzz target: any bytes through format detection, decoding and extraction
//! must give a value or a clean error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = planwatch_ingest::load_bytes("fuzz.bin", data) {
        let ex = planwatch_extract::extract_document(&doc.name, &doc.text);
        for f in ex.facts {
            assert!(doc.text.contains(&f.quote));
        }
    }
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = planwatch_extract::extract_document("fuzz.txt", s);
    }
});
