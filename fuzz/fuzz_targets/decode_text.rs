//! Fuzz target: plain text of any encoding (BOM, UTF-8, UTF-16 with or
//! without BOM, GB18030/GBK, Big5... by detection), through
//! `planwatch_ingest::load_bytes_with`: never a panic, an error naming the
//! file or a text of the promised shape, and no input slower than 1 s per MB.
//! Inputs the sniffer sends to the PDF or DOCX readers are skipped (they
//! have their own targets); bytes that look like markup go on to the HTML
//! reader, as they would in use.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let head = &data[..data.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") || data.starts_with(b"PK") {
        return;
    }
    let _ = planwatch_fuzz::load(data);
});
