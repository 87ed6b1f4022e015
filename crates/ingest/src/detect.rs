//! Format sniffing by content: PDF and ZIP/OLE2 magic bytes, HTML by tags.

/// What the first bytes say the content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    /// `%PDF-` within the first KiB.
    Pdf,
    /// A ZIP archive (DOCX candidate).
    Zip,
    /// An OLE2 compound file (legacy .doc, or encrypted OOXML).
    Ole2,
    /// Anything else: text or HTML, decided after decoding.
    Other,
}

/// Looks at magic bytes. PDF readers accept the header anywhere in the first
/// 1024 bytes, so we do too.
pub(crate) fn sniff(bytes: &[u8]) -> Sniffed {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Sniffed::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Sniffed::Ole2;
    }
    Sniffed::Other
}

/// Tags that mark HTML when they open an element (`<p>`, `<div class=..>`).
const TAGS: &[&str] = &[
    "html", "body", "head", "p", "div", "table", "br", "span", "meta", "title", "h1", "h2", "h3",
    "ul", "li", "tr", "td", "a", "script", "style",
];

/// True when decoded text looks like an HTML page or fragment: a doctype,
/// `<html` or `<body` anywhere near the start, or text starting with `<`
/// that opens one of the usual tags, or several such tags.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(65_536)
        .flat_map(char::to_lowercase)
        .collect();
    let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.starts_with("<!doctype html") || trimmed.starts_with("<html") {
        return true;
    }
    let mut count = 0usize;
    let mut strong = false;
    for (i, _) in head.match_indices('<') {
        let rest = &head[i + 1..];
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        let after = rest[name_len..].chars().next();
        let closes_name = matches!(after, Some('>' | '/' | ' ' | '\t' | '\n' | '\r'));
        if closes_name && TAGS.contains(&name) {
            count += 1;
            if matches!(name, "html" | "body" | "head") {
                strong = true;
            }
        } else if rest.starts_with("!doctype") {
            strong = true;
        }
        if strong || count >= 3 {
            return true;
        }
    }
    count >= 1 && trimmed.starts_with('<')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes() {
        assert_eq!(sniff(b"%PDF-1.4\n"), Sniffed::Pdf);
        assert_eq!(sniff(b"junk\n%PDF-1.7\n"), Sniffed::Pdf);
        assert_eq!(sniff(b"PK\x03\x04rest"), Sniffed::Zip);
        assert_eq!(sniff(b"hello"), Sniffed::Other);
        assert_eq!(sniff(b""), Sniffed::Other);
    }

    #[test]
    fn html_by_tags() {
        assert!(looks_like_html("<!DOCTYPE html><p>x"));
        assert!(looks_like_html("\n  <HTML><BODY>x</BODY></HTML>"));
        assert!(looks_like_html("<p>一段</p>"));
        assert!(looks_like_html("<div class=\"a\">x</div>"));
        assert!(looks_like_html("title\n<table><tr><td>a</td></tr></table>"));
        assert!(!looks_like_html("一、总体要求\n到2025年，GDP<5%"));
        assert!(!looks_like_html("use a <div> here"));
        assert!(!looks_like_html("a<b and c>d"));
        assert!(!looks_like_html(""));
    }
}
