//! Plain text, HTML and DOCX inputs made by the tests, and their error cases.

mod common;

use encoding_rs::{BIG5, GBK, UTF_16BE, UTF_16LE};
use planwatch_ingest::{load_bytes, load_path, Format, IngestError, Loaded};

const PLAN: &str = "一、总体要求\n到2025年，全市地区生产总值达到1.5万亿元，年均增长6%左右。\n研发经费投入强度达到3.5%。\n";

fn load(name: &str, bytes: &[u8]) -> Loaded {
    match load_bytes(name, bytes) {
        Ok(l) => l,
        Err(e) => panic!("{name} should load: {e}"),
    }
}

fn error(name: &str, bytes: &[u8]) -> IngestError {
    match load_bytes(name, bytes) {
        Ok(l) => {
            let head: String = l.text.chars().take(200).collect();
            panic!(
                "{name} should fail, got {:?} ({} bytes): {head:?}",
                l.format,
                l.text.len()
            )
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.starts_with(&format!("{name}: ")),
                "message must start with name: {msg}"
            );
            assert!(!msg.contains('\n'), "message must be one line: {msg:?}");
            assert_eq!(e.name(), name);
            e
        }
    }
}

fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for unit in s.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

// ---------------------------------------------------------------- text

#[test]
fn utf8_with_and_without_bom() {
    let plain = load("plan.txt", PLAN.as_bytes());
    assert_eq!(plain.format, Format::Text);
    assert_eq!(plain.text, PLAN);
    assert_eq!(plain.name, "plan.txt");
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(PLAN.as_bytes());
    assert_eq!(load("bom.txt", &with_bom).text, PLAN);
}

#[test]
fn crlf_and_cr_become_lf() {
    let dos = PLAN.replace('\n', "\r\n");
    assert_eq!(load("dos.txt", dos.as_bytes()).text, PLAN);
    let mac = PLAN.replace('\n', "\r");
    assert_eq!(load("mac.txt", mac.as_bytes()).text, PLAN);
}

#[test]
fn gbk_and_gb18030() {
    let (bytes, _, unmappable) = GBK.encode(PLAN);
    assert!(!unmappable);
    let loaded = load("gbk.txt", &bytes);
    assert_eq!(loaded.format, Format::Text);
    assert_eq!(loaded.text, PLAN);
    // GB18030 four-byte sequences (outside GBK) decode too.
    let (bytes, _, _) = encoding_rs::GB18030.encode("第一条 𠀀字与€符号，增长6%。\n");
    assert_eq!(
        load("gb18030.txt", &bytes).text,
        "第一条 𠀀字与€符号，增长6%。\n"
    );
}

#[test]
fn short_gbk_line() {
    let (bytes, _, _) = GBK.encode("增长6%");
    assert_eq!(load("short.txt", &bytes).text, "增长6%\n");
}

#[test]
fn utf16_with_bom() {
    for be in [false, true] {
        let loaded = load("u16.txt", &utf16(&PLAN.replace('\n', "\r\n"), be, true));
        assert_eq!(loaded.text, PLAN, "big endian: {be}");
    }
    // encoding_rs cannot encode UTF-16, but its decoders must agree with us.
    let le = utf16(PLAN, false, true);
    assert_eq!(UTF_16LE.decode_with_bom_removal(&le).0, PLAN);
    let be = utf16(PLAN, true, true);
    assert_eq!(UTF_16BE.decode_with_bom_removal(&be).0, PLAN);
}

#[test]
fn utf16_without_bom() {
    for be in [false, true] {
        assert_eq!(
            load("u16.txt", &utf16(PLAN, be, false)).text,
            PLAN,
            "big endian: {be}"
        );
        // Pure Chinese, no ASCII at all: no NUL bytes to go by.
        let pure = "国内生产总值年均增长百分之六左右";
        assert_eq!(
            load("u16.txt", &utf16(pure, be, false)).text,
            format!("{pure}\n")
        );
    }
}

#[test]
fn traditional_characters_pass_through() {
    let trad = "國內生產總值年均增長6%，研發經費投入強度達到3.5%。\n";
    assert_eq!(load("trad.txt", trad.as_bytes()).text, trad);
    let (gbk, _, unmappable) = GBK.encode(trad);
    assert!(!unmappable);
    assert_eq!(load("trad-gbk.txt", &gbk).text, trad);
    let (big5, _, unmappable) = BIG5.encode(trad);
    assert!(!unmappable);
    assert_eq!(load("trad-big5.txt", &big5).text, trad);
}

#[test]
fn extension_is_not_trusted() {
    assert_eq!(load("report.pdf", PLAN.as_bytes()).format, Format::Text);
    let html = "<html><body><p>正文</p></body></html>";
    assert_eq!(load("page.txt", html.as_bytes()).format, Format::Html);
}

#[test]
fn empty_and_whitespace_only() {
    for bytes in [
        &b""[..],
        b"   \n\t\r\n  ",
        b"\xEF\xBB\xBF \n",
        "\u{3000}\n".as_bytes(),
    ] {
        let e = error("blank.txt", bytes);
        assert!(matches!(e, IngestError::Empty { .. }), "{e}");
        assert_eq!(e.to_string(), "blank.txt: empty document");
    }
    let e = error("u16.txt", &utf16(" \n ", false, true));
    assert!(matches!(e, IngestError::Empty { .. }), "{e}");
}

#[test]
fn random_bytes_are_binary() {
    // A fixed xorshift stream: reproducible "random" bytes.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let e = error("noise.bin", &bytes);
    assert!(matches!(e, IngestError::Binary { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "noise.bin: not a text document (binary data)"
    );
    // A PNG header and a few control bytes.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6";
    assert!(matches!(error("img.png", png), IngestError::Binary { .. }));
}

#[test]
fn legacy_office_file_is_refused() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend_from_slice(&[0; 504]);
    let e = error("old.doc", &ole);
    assert!(e.to_string().contains("legacy Office file"), "{e}");
}

#[test]
fn directory_and_missing_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join("plans");
    std::fs::create_dir(&sub).expect("mkdir");
    let e = load_path(&sub).expect_err("a directory is not a document");
    assert!(matches!(e, IngestError::Io { .. }), "{e}");
    assert!(e.to_string().starts_with("plans: cannot read: "), "{e}");

    let e = load_path(&dir.path().join("missing.txt")).expect_err("missing file");
    assert!(matches!(e, IngestError::Io { .. }), "{e}");
    assert!(
        e.to_string().starts_with("missing.txt: cannot read: "),
        "{e}"
    );
}

#[test]
fn load_path_uses_file_name_without_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("规划.txt");
    std::fs::write(&path, GBK.encode(PLAN).0).expect("write");
    let loaded = load_path(&path).expect("loads");
    assert_eq!(loaded.name, "规划.txt");
    assert_eq!(loaded.text, PLAN);
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    assert_eq!(
        load_path(&empty).expect_err("empty").to_string(),
        "empty.txt: empty document"
    );
}

// ---------------------------------------------------------------- HTML

const PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某市国民经济和社会发展第十四个五年规划_某市人民政府</title>
<style>.x{color:red}</style><script>var a = "脚本文字";</script></head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/map">网站地图</a> | <a href="/c">联系我们</a></div>
<nav><ul><li>政务公开</li><li>政务服务</li></ul></nav>
<header>某市人民政府门户网站</header>
<div class="pos">当前位置：首页 &gt; 政务公开 &gt; 规划计划</div>
<h1>某市国民经济和社会发展第十四个五年规划</h1>
<div class="info">发布时间：2021-03-01 【字体：<a>大</a> <a>中</a> <a>小</a>】【打印】</div>
<div class="content">
<p>　　到2025年，全市地区生产总值达到
1.5万亿元，年均增长6%左右。</p>
<p>研发经费投入强度<br>达到3.5%。</p>
<table border="1">
<tr><th>指标</th><th>2020年</th><th>2025年</th><th>属性</th></tr>
<tr><td>地区生产总值（亿元）</td><td>10000</td><td>15000</td><td>预期性</td></tr>
<tr><td>研发经费投入强度（%）</td><td>2.8</td><td>3.5</td><td>预期性</td></tr>
</table>
<ul><li>第一项任务</li><li>第二项任务</li></ul>
</div>
<form action="/search"><input name="q"><select><option>全站</option></select><button>搜索</button></form>
<noscript>请启用脚本</noscript>
<div class="share">分享到：微信 微博</div>
<div><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<footer>页脚文字</footer>
<div class="foot">主办单位：某市人民政府办公室 技术支持：某某公司</div>
<div class="foot">版权所有：某市人民政府 京ICP备05070218号 网站标识码：1100000088</div>
</body></html>"#;

const PAGE_TEXT: &str = "某市国民经济和社会发展第十四个五年规划
发布时间：2021-03-01
到2025年，全市地区生产总值达到1.5万亿元，年均增长6%左右。
研发经费投入强度
达到3.5%。
指标\t2020年\t2025年\t属性
地区生产总值（亿元）\t10000\t15000\t预期性
研发经费投入强度（%）\t2.8\t3.5\t预期性
第一项任务
第二项任务
";

#[test]
fn html_page_in_declared_gb2312() {
    let (bytes, _, unmappable) = GBK.encode(PAGE);
    assert!(!unmappable);
    let loaded = load("page.html", &bytes);
    assert_eq!(loaded.format, Format::Html);
    assert_eq!(loaded.text, PAGE_TEXT);
}

#[test]
fn html_chrome_disappears() {
    let text = load("page.html", PAGE.as_bytes()).text;
    for chrome in [
        "网站地图",
        "联系我们",
        "版权所有",
        "ICP备",
        "主办单位",
        "技术支持",
        "打印",
        "关闭窗口",
        "字体",
        "分享到",
        "脚本文字",
        "color:red",
        "政务公开",
        "门户网站",
        "页脚文字",
        "请启用脚本",
        "搜索",
        "全站",
        "当前位置",
    ] {
        assert!(
            !text.contains(chrome),
            "{chrome:?} should be gone from:\n{text}"
        );
    }
    // Valid UTF-8 wins over a stale charset=gb2312 declaration.
    assert_eq!(text, PAGE_TEXT);
}

#[test]
fn html_without_charset_is_detected() {
    let page = PAGE.replace("; charset=gb2312", "");
    let (bytes, _, _) = GBK.encode(&page);
    assert_eq!(load("nocharset.htm", &bytes).text, PAGE_TEXT);
    let page16 = utf16(&page, false, true);
    assert_eq!(load("utf16.htm", &page16).text, PAGE_TEXT);
}

#[test]
fn html_meta_charset_attribute() {
    let page = "<html><head><meta charset=\"GBK\"></head><body><p>增长6%</p><p>國內生產總值</p></body></html>";
    let (bytes, _, _) = GBK.encode(page);
    assert_eq!(load("meta.html", &bytes).text, "增长6%\n國內生產總值\n");
}

#[test]
fn html_fragment_and_entities() {
    let loaded = load(
        "frag.html",
        "<p>A &amp; B&nbsp;&lt;5%&gt;</p><div>二</div>".as_bytes(),
    );
    assert_eq!(loaded.format, Format::Html);
    assert_eq!(loaded.text, "A & B <5%>\n二\n");
}

#[test]
fn empty_trailing_cells_keep_their_tabs() {
    let page = "<table><tr><td>指标</td><td>2020年</td><td>2025年</td></tr>\
                <tr><td>研发经费</td><td>2.8</td><td></td></tr></table>";
    assert_eq!(
        load("t.html", page.as_bytes()).text,
        "指标\t2020年\t2025年\n研发经费\t2.8\t\n"
    );
    let body = format!(
        "<w:tbl><w:tr>{}{}{}</w:tr></w:tbl>",
        common::cell(&["研发经费"]),
        common::cell(&["2.8"]),
        common::cell(&[""])
    );
    assert_eq!(
        load("t.docx", &common::docx(&body)).text,
        "研发经费\t2.8\t\n"
    );
}

#[test]
fn html_whole_page_form_is_kept() {
    let page = "<html><body><form id=\"form1\"><div><p>正文一</p><table><tr><td>甲</td><td>1</td></tr></table></div></form></body></html>";
    assert_eq!(load("aspx.html", page.as_bytes()).text, "正文一\n甲\t1\n");
}

#[test]
fn html_with_only_chrome_is_empty() {
    let page = "<html><body><nav>导航</nav><script>x()</script><div>版权所有 ICP备123号</div></body></html>";
    let e = error("chrome.html", page.as_bytes());
    assert!(matches!(e, IngestError::Empty { .. }), "{e}");
}

// ---------------------------------------------------------------- DOCX

#[test]
fn docx_paragraphs_and_tables_in_order() {
    use common::{cell, para};
    let body = format!(
        "{}{}<w:tbl><w:tblPr/><w:tblGrid/>\
         <w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>{}\
         <w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>{}",
        para("一、总体要求"),
        para("到2025年，地区生产总值年均增长6%左右。"),
        cell(&["指标"]),
        cell(&["2020年"]),
        cell(&["2025年"]),
        cell(&["研发经费投入", "强度（%）"]),
        cell(&["2.8"]),
        cell(&["3.5"]),
        para("二、主要任务"),
        para("國內生產總值"),
    );
    let loaded = load("plan.docx", &common::docx(&body));
    assert_eq!(loaded.format, Format::Docx);
    assert_eq!(
        loaded.text,
        "一、总体要求\n到2025年，地区生产总值年均增长6%左右。\n\
         指标\t2020年\t2025年\n研发经费投入 强度（%）\t2.8\t3.5\n\
         二、主要任务\n甲\t乙\n丙\n國內生產總值\n"
    );
}

#[test]
fn docx_split_runs_join_without_spaces() {
    let body = "<w:p><w:r><w:t>地区生产</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>总值</w:t></w:r>\
                <w:del><w:r><w:delText>删除</w:delText></w:r></w:del>\
                <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>6%</w:t></w:r></w:p>";
    assert_eq!(
        load("runs.docx", &common::docx(body)).text,
        "地区生产总值6%\n"
    );
}

#[test]
fn docx_truncated_is_an_error() {
    let full = common::docx(&common::para("内容"));
    for cut in [full.len() / 2, full.len() - 10, 30] {
        let e = error("cut.docx", &full[..cut]);
        assert!(e.to_string().contains("DOCX"), "{e}");
    }
}

#[test]
fn zip_without_document_xml_is_an_error() {
    let z = common::zip(&[("xl/workbook.xml", b"<workbook/>")]);
    let e = error("book.xlsx", &z);
    assert_eq!(
        e.to_string(),
        "book.xlsx: zip archive without word/document.xml: not a DOCX"
    );
}

#[test]
fn docx_zip_bomb_is_refused() {
    // 48 MB of XML whitespace between two paragraphs compresses to some
    // 50 KB: past the ratio limit (the absolute 200 MB cap is unit-tested
    // with small limits).
    let body = format!(
        "{}{}{}",
        common::para("开头"),
        " ".repeat(48 << 20),
        common::para("结尾")
    );
    let bomb = common::docx(&body);
    assert!(bomb.len() < 1024 * 1024, "bomb is {} bytes", bomb.len());
    let e = error("bomb.docx", &bomb);
    assert!(matches!(e, IngestError::TooLarge { .. }), "{e}");
    let msg = e.to_string();
    assert!(msg.starts_with("bomb.docx: DOCX expands past "), "{msg}");
    assert!(msg.ends_with(" MB, refusing (zip bomb?)"), "{msg}");
}

#[test]
fn docx_with_bad_xml_is_an_error() {
    let xml = br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>a&bogus;b</w:t></w:r></w:p></w:body></w:document>"#;
    let z = common::zip(&[("word/document.xml", &xml[..])]);
    let e = error("bad.docx", &z);
    assert!(e.to_string().contains("DOCX"), "{e}");
}

#[test]
fn docx_without_text_is_empty() {
    let e = error(
        "blank.docx",
        &common::docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"),
    );
    assert!(matches!(e, IngestError::Empty { .. }), "{e}");
}
