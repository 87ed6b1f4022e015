//! Text decoding (BOM, UTF-8, UTF-16 with or without BOM, GB18030/GBK and
//! other legacy encodings by detection), binary detection and line clean-up,
//! each a fixed number of passes over the input.

use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

/// Bytes decoded to text, with how the encoding was chosen.
pub(crate) struct Decoded {
    /// The text (BOM removed).
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Set when a byte-order mark chose the encoding.
    pub from_bom: Option<&'static Encoding>,
    /// True when the bytes were valid UTF-8 without a BOM.
    pub valid_utf8: bool,
}

impl Decoded {
    /// True for UTF-16 (BOM or detected).
    pub fn is_utf16(&self) -> bool {
        self.encoding == UTF_16LE || self.encoding == UTF_16BE
    }
}

/// Decodes bytes of unknown encoding: BOM, then valid UTF-8, then UTF-16 by
/// NUL-byte pattern, then chardetng (GBK guesses decode as GB18030), with a
/// last check for BOM-less UTF-16 Chinese that has no NUL bytes at all.
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(rest);
        return Decoded {
            text: text.into_owned(),
            encoding: enc,
            from_bom: Some(enc),
            valid_utf8: false,
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_owned(),
            encoding: UTF_8,
            from_bom: None,
            valid_utf8: true,
        };
    }
    if let Some(enc) = utf16_by_nuls(bytes) {
        return plain(bytes, enc);
    }
    let guessed = guess(bytes);
    let (text, guess_errors) = guessed.decode_without_bom_handling(bytes);
    if let Some(enc) = utf16_cjk_without_nuls(bytes, guess_errors) {
        return plain(bytes, enc);
    }
    Decoded {
        text: text.into_owned(),
        encoding: guessed,
        from_bom: None,
        valid_utf8: false,
    }
}

/// BOM-less UTF-16 Chinese with no ASCII at all has no NUL bytes; it then
/// decodes to (nearly) only ideographs and CJK punctuation, which GBK or
/// Big5 bytes read as UTF-16 do not (they give Hangul, private use or
/// unpaired surrogates). Short inputs must also fail the guessed encoding.
fn utf16_cjk_without_nuls(bytes: &[u8], guess_errors: bool) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() & 1 == 1 || (bytes.len() < 16 && !guess_errors) {
        return None;
    }
    [UTF_16LE, UTF_16BE].into_iter().find(|enc| {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        !had_errors && cjk_share(&text) >= 0.9
    })
}

/// Share of characters that are CJK ideographs, CJK punctuation or
/// fullwidth forms.
fn cjk_share(text: &str) -> f64 {
    let mut total = 0usize;
    let mut cjk = 0usize;
    for c in text.chars() {
        total += 1;
        if matches!(c,
            '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
            | '\u{ff00}'..='\u{ffef}' | '\u{2018}'..='\u{201d}' | '\u{2026}')
        {
            cjk += 1;
        }
    }
    if total == 0 {
        return 0.0;
    }
    cjk as f64 / total as f64
}

/// Decodes with a known encoding (e.g. from an HTML `<meta charset>`),
/// honouring a BOM if one is present.
pub(crate) fn decode_with(bytes: &[u8], enc: &'static Encoding) -> String {
    let (text, _, _) = enc.decode(bytes);
    text.into_owned()
}

fn plain(bytes: &[u8], enc: &'static Encoding) -> Decoded {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc,
        from_bom: None,
        valid_utf8: false,
    }
}

/// chardetng's guess with a `.cn` hint (so GBK wins ties), unless its
/// guess without the hint (e.g. Big5 for traditional text) decodes with
/// fewer errors and private-use characters. GBK is widened to GB18030 (a
/// superset whose decoder also reads GBK and GB2312).
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let widen = |enc: &'static Encoding| if enc == GBK { GB18030 } else { enc };
    let hinted = widen(det.guess(Some(b"cn"), true));
    let plain = widen(det.guess(None, true));
    if plain == hinted {
        return hinted;
    }
    let bad = |enc: &'static Encoding| {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        text.chars().filter(|&c| is_bad(c)).count()
    };
    if bad(plain) < bad(hinted) {
        plain
    } else {
        hinted
    }
}

/// Decoding errors, private-use characters and control characters other
/// than tab, newline, carriage return and form feed.
fn is_bad(c: char) -> bool {
    c == '\u{fffd}'
        || ('\u{e000}'..='\u{f8ff}').contains(&c)
        || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
}

/// BOM-less UTF-16: in text with any ASCII (digits, spaces, newlines), one
/// byte of each such code unit is NUL, always at the same parity.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(65_536) & !1];
    if sample.len() < 4 {
        return None;
    }
    let units = sample.len() / 2;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if pair[0] == 0 {
            even += 1;
        }
        if pair[1] == 0 {
            odd += 1;
        }
    }
    // At least 5% of the code units must carry a NUL, nearly all on one side.
    let min = (units / 20).max(1);
    let enc = if odd >= min && even * 10 <= odd {
        UTF_16LE
    } else if even >= min && odd * 10 <= even {
        UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors && plausibility(&text) < 0.9 {
        return None;
    }
    Some(enc)
}

/// Share of characters that are expected in Chinese or Latin documents:
/// ASCII printable and whitespace, Latin-1, general punctuation, CJK
/// symbols, ideographs and fullwidth forms.
fn plausibility(text: &str) -> f64 {
    let mut total = 0usize;
    let mut good = 0usize;
    for c in text.chars() {
        total += 1;
        if is_plausible(c) {
            good += 1;
        }
    }
    if total == 0 {
        return 0.0;
    }
    good as f64 / total as f64
}

fn is_plausible(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | '\x0c' | ' '..='~'
        | '\u{a0}'..='\u{17f}'      // Latin-1, Latin Extended-A
        | '\u{391}'..='\u{3c9}'     // Greek
        | '\u{401}'..='\u{451}'     // Cyrillic
        | '\u{2000}'..='\u{206f}'   // general punctuation
        | '\u{2100}'..='\u{22ff}'   // letterlike, number forms, arrows, math
        | '\u{2460}'..='\u{24ff}'   // enclosed alphanumerics ①
        | '\u{2500}'..='\u{25ff}'   // box drawing, shapes
        | '\u{3000}'..='\u{303f}'   // CJK symbols and punctuation
        | '\u{3040}'..='\u{30ff}'   // kana
        | '\u{3200}'..='\u{33ff}'   // enclosed CJK, compatibility
        | '\u{3400}'..='\u{4dbf}'   // CJK extension A
        | '\u{4e00}'..='\u{9fff}'   // CJK unified ideographs
        | '\u{f900}'..='\u{faff}'   // CJK compatibility ideographs
        | '\u{fe30}'..='\u{fe4f}'   // CJK compatibility forms
        | '\u{ff00}'..='\u{ffef}'   // fullwidth forms
        | '\u{20000}'..='\u{3134f}' // CJK extensions B..G
    )
}

/// True when decoded text is probably binary data: more than 5% of its
/// characters are control characters or decoding errors (U+FFFD), ignoring
/// trailing NUL / Ctrl-Z padding.
pub(crate) fn looks_binary(text: &str) -> bool {
    let text = text.trim_end_matches(['\0', '\x1a']);
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        if is_bad(c) {
            bad += 1;
        }
    }
    total > 0 && bad * 20 > total
}

/// Plain-text clean-up before [`finish`]: drops NULs and other C0/C1 control
/// characters except tab, newline, carriage return and form feed.
pub(crate) fn normalize(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .collect()
}

/// Final shape of every format's text: `\r\n`, `\r`, U+2028/U+2029 → `\n`;
/// form feed (page break) → blank line; BOM characters dropped; trailing
/// spaces removed from each line (trailing tabs stay: they are empty table
/// cells); runs of blank lines collapsed to one; no leading blank lines; one
/// final `\n`.
pub(crate) fn finish(text: &str) -> String {
    let mut unified = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                unified.push('\n');
            }
            '\u{2028}' | '\u{2029}' => unified.push('\n'),
            '\x0c' => unified.push_str("\n\n"),
            '\u{feff}' => {}
            _ => unified.push(c),
        }
    }
    let mut out = String::with_capacity(unified.len());
    let mut blank_pending = false;
    for line in unified.split('\n') {
        // Trailing tabs are empty table cells: keep them, columns depend on them.
        let line = line.trim_end_matches([' ', '\u{3000}', '\r']);
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if blank_pending {
            out.push('\n');
            blank_pending = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("中国".as_bytes()).text, "中国");
        assert_eq!(decode(b"\xEF\xBB\xBF\xE4\xB8\xAD").text, "中");
    }

    #[test]
    fn gbk_short_and_long() {
        for s in [
            "国内生产总值年均增长6%",
            "到2025年，全市研发经费投入强度达到3.5%左右。",
        ] {
            let (bytes, _, _) = GBK.encode(s);
            let d = decode(&bytes);
            assert_eq!(d.text, s);
            assert_eq!(d.encoding, GB18030);
        }
    }

    #[test]
    fn utf16_without_bom_and_without_nuls() {
        let s = "国内生产总值年均增长";
        let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).text, s);
        assert_eq!(decode(&be).text, s);
        let s = "第1条 到2025年，GDP增长6%\r\n";
        let le: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le).text, s);
    }

    #[test]
    fn finish_shapes_lines() {
        assert_eq!(finish("a\r\nb\rc\x0cd  \n\n\n\ne\n"), "a\nb\nc\n\nd\n\ne\n");
        assert_eq!(finish("\n\n　　第一条\n"), "　　第一条\n");
        assert_eq!(finish("指标\t2025年\t\t \n"), "指标\t2025年\t\t\n");
    }

    #[test]
    fn pathological_text_is_linear() {
        fn gbk(s: &str) -> Vec<u8> {
            GBK.encode(s).0.into_owned()
        }
        type Build = fn(usize) -> Vec<u8>;
        let cases: [(&str, usize, Build); 5] = [
            // Undecodable bytes: detection, then two trial decodings.
            ("GBK with bad bytes", 2_000, |n| {
                let mut unit = gbk("国内生产总值年均增长6%\r\n");
                unit.push(0xff);
                unit.repeat(n)
            }),
            ("BOM-less UTF-16", 5_000, |n| {
                "国内生产总值年均增长"
                    .repeat(n)
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect()
            }),
            ("blank lines and breaks", 20_000, |n| {
                "\r \u{3000}\x0c\n\r\n字".repeat(n).into_bytes()
            }),
            ("one long line", 20_000, |n| {
                "字 \u{3000}".repeat(n).into_bytes()
            }),
            ("angle brackets", 20_000, |n| {
                "a<b <p x<".repeat(n).into_bytes()
            }),
        ];
        for (name, n, build) in cases {
            crate::linear::assert_linear(&format!("text {name}"), n, build, |bytes: &Vec<u8>| {
                crate::load_bytes("t.txt", bytes).map(|l| l.text.len())
            });
        }
    }

    #[test]
    fn binary_share() {
        assert!(looks_binary("\u{1}\u{2}\u{3}abc"));
        assert!(!looks_binary("plain text\twith tab\n"));
        assert!(!looks_binary("text\0\0\0"));
    }
}
