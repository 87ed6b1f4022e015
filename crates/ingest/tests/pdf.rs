//! PDF inputs read by the built-in parser alone (`PdfEngine::BuiltinOnly`),
//! so results do not depend on poppler being installed; plus the default
//! engine on inputs where both must agree.

mod common;

use std::path::Path;

use planwatch_ingest::{
    load_bytes, load_bytes_with, load_path_with, Format, IngestError, Loaded, Options, PdfEngine,
};

fn builtin() -> Options {
    Options::with_pdf(PdfEngine::BuiltinOnly)
}

fn load_path(path: &Path) -> Result<Loaded, IngestError> {
    load_path_with(path, &builtin())
}

fn load(name: &str, bytes: &[u8]) -> Loaded {
    match load_bytes_with(name, bytes, &builtin()) {
        Ok(l) => l,
        Err(e) => panic!("{name} should load: {e}"),
    }
}

fn error(name: &str, bytes: &[u8]) -> IngestError {
    match load_bytes_with(name, bytes, &builtin()) {
        Ok(l) => {
            let head: String = l.text.chars().take(200).collect();
            panic!("{name} should fail, got {head:?}")
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with(&format!("{name}: ")), "{msg}");
            assert!(!msg.contains('\n'), "{msg:?}");
            e
        }
    }
}

/// Text without any whitespace, to compare content independent of the
/// spacing a PDF layout produces.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn latin_pdf_built_by_hand() {
    let page1 = b"BT /F1 12 Tf 72 720 Td (GDP growth target: 6 percent) Tj ET".as_slice();
    let page2 = b"BT /F1 12 Tf 72 720 Td (Second page) Tj 0 -20 Td (R&D 3.5%) Tj ET".as_slice();
    let bytes = common::pdf_pages(&[page1, page2], common::HELVETICA, &[]);
    let loaded = load("latin.pdf", &bytes);
    assert_eq!(loaded.format, Format::Pdf);
    let pages: Vec<&str> = loaded.text.split("\n\n").collect();
    assert_eq!(pages.len(), 2, "{:?}", loaded.text);
    assert_eq!(pages[0].trim(), "GDP growth target: 6 percent");
    assert_eq!(squeeze(pages[1]), "SecondpageR&D3.5%");
}

#[test]
fn cjk_ucs2_encoding() {
    // UniGB-UCS2-H: two-byte big-endian UCS-2 codes, font not embedded.
    // One page: font object 5, descendant font 6, descriptor 7.
    let (font, extra) = common::cjk_font("UniGB-UCS2-H", 6);
    let text = "地区生产总值年均增长6%";
    let codes: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let content = format!("BT /F1 12 Tf 72 720 Td <{}> Tj ET", common::hex(&codes));
    let bytes = common::pdf_pages(&[content.as_bytes()], &font, &extra);
    let loaded = load("ucs2.pdf", &bytes);
    assert_eq!(squeeze(&loaded.text), text);
}

#[test]
fn cjk_gbk_euc_encoding() {
    // GBK-EUC-H: GBK byte codes (ASCII single bytes), font not embedded.
    let (font, extra) = common::cjk_font("GBK-EUC-H", 6);
    let text = "研发经费投入强度达到3.5%";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let content = format!("BT /F1 12 Tf 72 720 Td <{}> Tj ET", common::hex(&gbk));
    let bytes = common::pdf_pages(&[content.as_bytes()], &font, &extra);
    let loaded = load("gbk.pdf", &bytes);
    assert_eq!(squeeze(&loaded.text), text);
}

#[test]
fn cjk_pdf_from_libreoffice() {
    // Made once with LibreOffice from cjk-libreoffice.source.html (embedded
    // subset CJK fonts, two pages).
    let loaded = load_path(&common::fixture("cjk-libreoffice.pdf")).expect("loads");
    assert_eq!(loaded.name, "cjk-libreoffice.pdf");
    assert_eq!(loaded.format, Format::Pdf);
    let text = &loaded.text;
    assert!(text.starts_with("十四五规划纲要\n"), "{text:?}");
    let all = squeeze(text);
    assert!(
        all.contains("到2025年，全市地区生产总值达到1.5万亿元，年均增长6%左右。"),
        "{text:?}"
    );
    assert!(all.contains("繁體字保持不變：國內生產總值。"), "{text:?}");
    // The page break is a blank line before page 2.
    assert!(
        text.ends_with("\n\n第二页：研发经费投入强度达到3.5%。\n"),
        "{text:?}"
    );
}

#[test]
fn scanned_pdf_has_no_text_layer() {
    let e = error("scan.pdf", &common::scanned_pdf());
    assert!(matches!(e, IngestError::NoTextLayer { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "scan.pdf: PDF has no text layer (scanned PDF?); OCR it first"
    );
}

#[test]
fn pdf_with_empty_page_only_has_no_text_layer() {
    let bytes = common::pdf_pages(&[b"".as_slice()], common::HELVETICA, &[]);
    let e = error("blank.pdf", &bytes);
    assert!(matches!(e, IngestError::NoTextLayer { .. }), "{e}");
}

#[test]
fn encrypted_pdf_needs_password() {
    for fixture in ["encrypted-aes256.pdf", "encrypted-rc4.pdf"] {
        let e = load_path(&common::fixture(fixture)).expect_err("encrypted");
        assert!(matches!(e, IngestError::Encrypted { .. }), "{fixture}: {e}");
        assert_eq!(
            e.to_string(),
            format!("{fixture}: PDF is encrypted and needs a password; decrypt it first")
        );
    }
}

#[test]
fn owner_password_only_pdf_is_read() {
    // Encrypted with an empty user password (copy/print restrictions only):
    // readers open these without asking, and so do we.
    let loaded = load_path(&common::fixture("owner-password-only.pdf")).expect("readable");
    assert_eq!(loaded.text.trim(), "Secret plan: growth 6 percent");
}

#[test]
fn garbage_after_pdf_header_is_an_error() {
    for (name, bytes) in [
        ("head.pdf", b"%PDF-1.7\n".to_vec()),
        (
            "junk.pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R".to_vec(),
        ),
        ("nul.pdf", [b"%PDF-1.5\n".as_slice(), &[0u8; 300]].concat()),
    ] {
        let e = error(name, &bytes);
        assert!(
            matches!(
                e,
                IngestError::Unreadable { .. } | IngestError::NoTextLayer { .. }
            ),
            "{e}"
        );
    }
}

#[test]
fn a_page_tree_that_holds_itself_is_corrupt() {
    // Found by the fuzzer: a Pages node among its own /Kids, and a /Count the
    // parser cannot read, sent pdf_oxide round the loop for two minutes.
    let e = load_path(&common::fixture("page-tree-cycle.pdf")).expect_err("corrupt");
    assert!(
        e.to_string()
            .contains("corrupt or unsupported PDF: the page tree refers to itself"),
        "{e}"
    );
}

#[test]
fn truncated_pdf_does_not_panic() {
    let page = b"BT /F1 12 Tf 72 720 Td (Truncated but readable) Tj ET".as_slice();
    let bytes = common::pdf_pages(&[page], common::HELVETICA, &[]);
    for cut in (10..bytes.len()).step_by(37) {
        let _ = load_bytes_with("cut.pdf", &bytes[..cut], &builtin());
    }
}

#[test]
fn default_engine_agrees_on_errors() {
    // With or without pdftotext on PATH, these stay errors.
    let e = load_bytes("scan.pdf", &common::scanned_pdf()).expect_err("scanned");
    assert!(matches!(e, IngestError::NoTextLayer { .. }), "{e}");
    let bytes = std::fs::read(common::fixture("encrypted-rc4.pdf")).expect("fixture");
    let e = load_bytes("locked.pdf", &bytes).expect_err("encrypted");
    assert!(matches!(e, IngestError::Encrypted { .. }), "{e}");
    for engine in [PdfEngine::Builtin, PdfEngine::PreferPdftotext] {
        let e = load_bytes_with("locked.pdf", &bytes, &Options::with_pdf(engine)).expect_err("");
        assert!(
            matches!(e, IngestError::Encrypted { .. }),
            "{engine:?}: {e}"
        );
    }
}

#[test]
fn prefer_pdftotext_reads_cjk_either_way() {
    let path = common::fixture("cjk-libreoffice.pdf");
    let loaded =
        load_path_with(&path, &Options::with_pdf(PdfEngine::PreferPdftotext)).expect("loads");
    assert!(
        squeeze(&loaded.text).contains("繁體字保持不變：國內生產總值。"),
        "{:?}",
        loaded.text
    );
    assert!(squeeze(&loaded.text).ends_with("第二页：研发经费投入强度达到3.5%。"));
}
