//! Fuzz target: DOCX through `planwatch_ingest::load_bytes_with`: never a
//! panic, an error naming the file or a text of the promised shape, and no
//! input slower than 1 s per MB (of the archive).
//!
//! Two kinds of input: bytes starting with `PK` are read as the archive
//! itself (zip structure, the zip-bomb limits); any other bytes are taken as
//! `word/document.xml` and stored (uncompressed) in a fresh archive, so the
//! mutations reach the XML reader instead of failing the zip CRC check.
#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A stored (uncompressed) archive holding `xml` as `word/document.xml`.
fn wrap(xml: &[u8]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(xml.len() + 256)));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    zip.start_file("word/document.xml", stored)
        .expect("start entry");
    zip.write_all(xml).expect("write entry");
    zip.finish().expect("finish archive").into_inner()
}

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        let _ = planwatch_fuzz::load(data);
    } else {
        let archive = wrap(data);
        if let Ok(loaded) = planwatch_fuzz::load(&archive) {
            assert_eq!(loaded.format, planwatch_ingest::Format::Docx);
        }
    }
});
