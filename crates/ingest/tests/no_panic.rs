//! Property tests: load_bytes never panics, whatever the bytes, and every
//! error names the file.

mod common;

use proptest::prelude::*;

fn check(bytes: &[u8]) {
    // The built-in PDF parser only: no external process per case.
    let options = planwatch_ingest::Options::with_pdf(planwatch_ingest::PdfEngine::BuiltinOnly);
    match planwatch_ingest::load_bytes_with("input.bin", bytes, &options) {
        Ok(loaded) => {
            assert!(!loaded.text.trim().is_empty());
            assert!(!loaded.text.contains('\r'));
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("input.bin: "), "{msg}");
            assert!(!msg.contains('\n'), "{msg:?}");
        }
    }
}

/// Flips, inserts and deletes bytes of a valid document.
fn mutate(base: Vec<u8>) -> impl Strategy<Value = Vec<u8>> {
    let len = base.len();
    prop::collection::vec((0..len, any::<u8>(), 0u8..3), 1..8).prop_map(move |edits| {
        let mut v = base.clone();
        for (pos, byte, op) in edits {
            let pos = pos.min(v.len().saturating_sub(1));
            match op {
                0 if !v.is_empty() => v[pos] = byte,
                1 => v.insert(pos, byte),
                _ if !v.is_empty() => {
                    v.truncate(pos.max(1));
                }
                _ => {}
            }
        }
        v
    })
}

fn sample_docx() -> Vec<u8> {
    common::docx(&format!(
        "{}<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        common::para("到2025年增长6%"),
        common::cell(&["指标"]),
        common::cell(&["3.5"])
    ))
}

fn sample_pdf() -> Vec<u8> {
    let page = b"BT /F1 12 Tf 72 720 Td (GDP 6 percent) Tj ET".as_slice();
    common::pdf_pages(&[page], common::HELVETICA, &[])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        check(&bytes);
    }

    #[test]
    fn text_like_bytes(s in "[ -~\u{4e00}-\u{4e80}\r\n\t<>/&;=\"]{0,400}") {
        check(s.as_bytes());
        let (gbk, _, _) = encoding_rs::GBK.encode(&s);
        check(&gbk);
        let u16: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        check(&u16);
    }

    #[test]
    fn html_like(parts in prop::collection::vec(prop_oneof![
        Just("<table>"), Just("<tr>"), Just("<td colspan=999999999999>"), Just("</td>"),
        Just("</tr>"), Just("</table>"), Just("<p>"), Just("</p>"), Just("<div>"), Just("</div>"),
        Just("<br>"), Just("<script>"), Just("</script>"), Just("<form>"), Just("<pre>"),
        Just("</pre>"), Just("【字体"), Just("】"), Just("[打印"), Just("]"), Just("增长6%"),
        Just("\n"), Just("&amp;"), Just("<meta charset=gbk>"), Just("<html>"), Just("\u{3000}"),
    ], 0..80)) {
        check(parts.concat().as_bytes());
    }

    #[test]
    fn pdf_header_then_noise(rest in prop::collection::vec(any::<u8>(), 0..2048)) {
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.extend_from_slice(&rest);
        check(&bytes);
    }

    #[test]
    fn zip_header_then_noise(rest in prop::collection::vec(any::<u8>(), 0..2048)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend_from_slice(&rest);
        check(&bytes);
    }

    #[test]
    fn mutated_docx(bytes in mutate(sample_docx())) {
        check(&bytes);
    }

    #[test]
    fn mutated_pdf(bytes in mutate(sample_pdf())) {
        check(&bytes);
    }
}
