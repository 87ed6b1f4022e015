//! Character normalisation for matching: full-width to ASCII, traditional
//! to simplified for the characters that matter to numbers, units and
//! indicator keywords. Output keeps the document's own characters; this is
//! only used to compare.

/// Normalises one character for matching: full-width ASCII forms to ASCII,
/// the ideographic space to a space, and common traditional characters to
/// their simplified forms.
pub fn char_for_matching(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '〇' | '○' => '〇',
        _ => traditional_to_simplified(c),
    }
}

/// Whether `s` holds a traditional character (a 繁 page or line).
/// (著 is mapped for matching, 著力 → 着力, but 显著 writes it in 简 too.)
pub fn is_traditional(s: &str) -> bool {
    s.chars()
        .any(|c| c != '著' && traditional_to_simplified(c) != c)
}

/// `s` in simplified characters (`統計公報` → `统计公报`), borrowed when it
/// has no traditional character: for comparing a line or cell with word
/// lists written in simplified characters.
pub fn simplified(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(|c| traditional_to_simplified(c) == c) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().map(traditional_to_simplified).collect())
    }
}

/// Maps a traditional character to its simplified form; other characters
/// pass through. The table is OpenCC's single-character traditional →
/// simplified dictionary (`data/traditional-to-simplified.tsv`, Apache-2.0),
/// first choice of each entry, plus a few variants it leaves out.
pub fn traditional_to_simplified(c: char) -> char {
    // Below the CJK blocks nothing maps; most characters of any document end here.
    if (c as u32) < 0x3400 {
        return c;
    }
    let i = c as usize - 0x3400;
    match direct().get(i) {
        Some(&m) if m != '\0' => m,
        _ => c,
    }
}

/// Maps a simplified character to its traditional form where only one
/// traditional character simplifies to it (内 → 內, 区 → 區; not 台, which
/// 臺, 檯 and 颱 all become), or the usual one of several (宁 → 寧). For writing a name a 繁 page never spells out
/// in the page's own script.
pub fn simplified_to_traditional(c: char) -> char {
    static REVERSE: std::sync::OnceLock<std::collections::HashMap<char, char>> =
        std::sync::OnceLock::new();
    let map = REVERSE.get_or_init(|| {
        let mut sources: std::collections::HashMap<char, Vec<char>> = Default::default();
        for (i, &m) in direct().iter().enumerate() {
            let t = char::from_u32(0x3400 + i as u32);
            if let (Some(t), true) = (t, m != '\0') {
                if t != m {
                    sources.entry(m).or_default().push(t);
                }
            }
        }
        sources
            .into_iter()
            .filter(|(_, ts)| ts.len() == 1)
            .map(|(s, ts)| (s, ts[0]))
            .collect()
    });
    // Characters standard in traditional text as they are, though a rarer
    // character simplifies to them: 回族, 合肥, 咸阳, 海淀, 余杭, 岳阳, 于都.
    const SAME_IN_TRADITIONAL: &str =
        "回合咸余于谷松范郁淀志姜游占卷制才朱准只斗表丑朴秋致症征出岳";
    if SAME_IN_TRADITIONAL.contains(c) {
        return c;
    }
    // Where several characters simplify to one, the one place names use
    // (寧夏, 江蘇, 鎮, 壩, 崑崙 aside): 宁 from 寧 and the surname 甯.
    const USUAL: &[(char, char)] = &[
        ('宁', '寧'),
        ('镇', '鎮'),
        ('苏', '蘇'),
        ('坝', '壩'),
        ('鸡', '雞'),
        ('当', '當'),
        ('汇', '匯'),
        ('钟', '鍾'),
        ('仑', '崙'),
        ('绿', '綠'),
        ('荫', '蔭'),
        ('为', '為'),
        ('历', '歷'),
        ('弥', '彌'),
        ('别', '別'),
        ('赞', '贊'),
        ('馆', '館'),
        ('坛', '壇'),
        ('启', '啟'),
        ('获', '獲'),
        ('团', '團'),
        ('个', '個'),
        ('蕴', '蘊'),
    ];
    if let Some(&(_, t)) = USUAL.iter().find(|(s, _)| *s == c) {
        return t;
    }
    map.get(&c).copied().unwrap_or(c)
}

/// The table as a direct map over U+3400..U+FFFF ('\0' where nothing maps):
/// one lookup per character, since every character of a document passes here.
fn direct() -> &'static [char] {
    const TSV: &str = include_str!("../data/traditional-to-simplified.tsv");
    // Variants OpenCC keeps as they are but documents use for simplified ones.
    // 陜 (U+965C) is a variant of 陝 that pages use for 陕西.
    // Japanese forms (増, 経, 済…) come in through input methods and OCR:
    // 生产总值増长8% is 增长 to a reader.
    const EXTRA: &[(char, char)] = &[
        ('両', '两'),
        ('著', '着'),
        ('陜', '陕'),
        ('増', '增'),
        ('値', '值'),
        ('収', '收'),
        ('価', '价'),
        ('営', '营'),
        ('単', '单'),
        ('総', '总'),
        ('発', '发'),
        ('経', '经'),
        ('済', '济'),
        ('労', '劳'),
        ('拡', '扩'),
        ('転', '转'),
        ('鉄', '铁'),
        ('歳', '岁'),
        ('対', '对'),
        ('戸', '户'),
        ('図', '图'),
    ];
    static DIRECT: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    DIRECT.get_or_init(|| {
        let pairs = TSV.lines().filter_map(|l| {
            let mut cs = l.split('\t').map(|f| f.chars().next());
            Some((cs.next()??, cs.next()??))
        });
        let mut v = vec!['\0'; 0x10000 - 0x3400];
        for (t, s) in pairs.chain(EXTRA.iter().copied()) {
            if let Some(slot) = (t as usize).checked_sub(0x3400).and_then(|i| v.get_mut(i)) {
                *slot = s;
            }
        }
        v
    })
}

/// A Chinese character of the basic CJK Unified Ideographs block, where every
/// character of place and indicator names lies.
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `s` without the pinyin glosses of [`gloss_len`] (`工業(yè)` → `工業`).
pub fn strip_glosses(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['(', '（']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let g = gloss_len(&s[i..]);
        if g > 0 {
            i += g;
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Length in bytes of a pinyin gloss at the start of `rest` — `(jì)` or
/// `（qū）` — that broken simplified → traditional converters insert after a
/// character (`經(jīng)濟(jì)`); 0 when `rest` starts with none. A gloss is 1–7
/// lowercase letters in brackets with at least one tone mark, so `(GDP)`,
/// `(km)` and `(2020年)` are no glosses. Matching skips glosses; quotes keep them.
pub fn gloss_len(rest: &str) -> usize {
    let mut chars = rest.char_indices();
    let Some((_, open)) = chars.next() else {
        return 0;
    };
    if open != '(' && open != '（' {
        return 0;
    }
    let mut letters = 0;
    let mut toned = false;
    let start = open.len_utf8();
    for (i, c) in chars {
        match c {
            ')' | '）' => {
                // (Some converters drop the tones: 長(chang)治, 區(qu).)
                let gloss = toned || is_pinyin_syllable(rest[start..i].trim_end());
                return if letters > 0 && gloss {
                    i + c.len_utf8()
                } else {
                    0
                };
            }
            // (會(huì )議: a space may trail the syllable.)
            ' ' if letters > 0 => {}
            'a'..='z' | 'ü' => letters += 1,
            'ā' | 'á' | 'ǎ' | 'à' | 'ē' | 'é' | 'ě' | 'è' | 'ī' | 'í' | 'ǐ' | 'ì' | 'ō' | 'ó'
            | 'ǒ' | 'ò' | 'ū' | 'ú' | 'ǔ' | 'ù' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => {
                letters += 1;
                toned = true;
            }
            _ => return 0,
        }
        if letters > 7 {
            return 0;
        }
    }
    0
}

/// A toneless pinyin syllable (`chang`, `qu`, `yuan`), as a gloss without
/// its tone mark: an initial, then a final. `km`, `kg` and `mg` are none.
fn is_pinyin_syllable(t: &str) -> bool {
    const INITIALS: &[&str] = &[
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
        "r", "z", "c", "s", "y", "w", "",
    ];
    const FINALS: &[&str] = &[
        "a", "o", "e", "i", "u", "v", "ü", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ve", "üe",
        "ue", "er", "an", "en", "in", "un", "vn", "ang", "eng", "ing", "ong", "ia", "iao", "ian",
        "iang", "iong", "ua", "uo", "uai", "uan", "uang",
    ];
    INITIALS.iter().any(|i| {
        t.strip_prefix(i)
            .is_some_and(|f| !f.is_empty() && FINALS.contains(&f))
    })
}

/// Length in bytes of the anti-copy noise that forum software (Discuz!'s
/// 防采集 干扰码) sprinkles between the sentences of a reposted page —
/// `. p6 Y. c& m0 {% P% O% B` — at the start of `rest`; 0 when there is none.
/// Noise is at least five short tokens of ASCII (three chars at most), two
/// of them holding a symbol and one a letter, on one line: `PM2.5`, `(1) A`
/// or `1 2 3 4 5` are none. Matching skips noise; quotes keep it.
pub fn noise_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    let (mut i, mut end) = (0, 0);
    let (mut tokens, mut symbolic, mut letters) = (0, 0, false);
    loop {
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        let t0 = i;
        while b.get(i).is_some_and(u8::is_ascii_graphic) {
            i += 1;
        }
        let token = &b[t0..i];
        if token.is_empty() {
            break;
        }
        if token.len() > 3 {
            return 0;
        }
        tokens += 1;
        symbolic += usize::from(token.iter().any(|c| !c.is_ascii_alphanumeric()));
        letters |= token.iter().any(u8::is_ascii_alphabetic);
        end = i;
        if tokens > 64 {
            break;
        }
    }
    if tokens >= 5 && symbolic >= 2 && letters {
        end
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_written_back_in_traditional() {
        let t: String = "内蒙古自治区"
            .chars()
            .map(simplified_to_traditional)
            .collect();
        assert_eq!(t, "內蒙古自治區");
        // 台 has three traditional sources: it stays.
        assert_eq!(simplified_to_traditional('台'), '台');
        let t: String = "宁夏回族自治区合肥市"
            .chars()
            .map(simplified_to_traditional)
            .collect();
        assert_eq!(t, "寧夏回族自治區合肥市");
    }

    #[test]
    fn japanese_forms_match_as_simplified() {
        let m: String = "生产总値増长8%，経済総量"
            .chars()
            .map(char_for_matching)
            .collect();
        assert_eq!(m, "生产总值增长8%,经济总量");
    }

    #[test]
    fn forum_noise_between_sentences() {
        assert_eq!(noise_len(". p6 Y. c& m0 {% P% O% B\n宝鸡市"), 24);
        assert_eq!(noise_len("1 \\- r7 r$ B9 o0 t 铜川市"), 18);
        for clean in [
            "PM2.5浓度",
            "(1) A 类",
            "1 2 3 4 5 亿元",
            "a b c d e f",
            "GDP 增长 5%",
        ] {
            assert_eq!(noise_len(clean), 0, "{clean}");
        }
    }

    #[test]
    fn pinyin_glosses() {
        assert_eq!(gloss_len("(jīng)濟"), "(jīng)".len());
        assert_eq!(gloss_len("（qū）"), "（qū）".len());
        assert_eq!(gloss_len("(huì )議"), "(huì )".len());
        assert_eq!(gloss_len("(GDP)"), 0);
        assert_eq!(gloss_len("(km )"), 0);
        assert_eq!(gloss_len("(km)"), 0);
        assert_eq!(gloss_len("(2020年)"), 0);
        assert_eq!(gloss_len("(jīng"), 0);
        assert_eq!(gloss_len(""), 0);
        assert_eq!(strip_glosses("現(xiàn)價(jià) (萬元)"), "現價 (萬元)");
        assert_eq!(strip_glosses("工業(yè)"), "工業");
        assert_eq!(strip_glosses("長(chang)治市地區(qu)(qu)"), "長治市地區");
        // (Units and acronyms in brackets are no glosses.)
        assert_eq!(strip_glosses("距離(km)"), "距離(km)");
        assert_eq!(strip_glosses("總量(kg)和(GDP)"), "總量(kg)和(GDP)");
    }

    #[test]
    fn tells_traditional_script() {
        assert!(is_traditional("效益顯著"));
        assert!(!is_traditional("效益显著，产量稳定增长"));
    }

    #[test]
    fn maps_full_width_and_traditional() {
        assert_eq!(char_for_matching('７'), '7');
        assert_eq!(char_for_matching('％'), '%');
        assert_eq!(char_for_matching('億'), '亿');
        assert_eq!(char_for_matching('長'), '长');
        assert_eq!(char_for_matching('陜'), '陕');
        assert_eq!(char_for_matching('统'), '统');
        // Beyond the characters of numbers and units: whole indicator names map.
        let name: String = "規模以上工業增加值"
            .chars()
            .map(char_for_matching)
            .collect();
        assert_eq!(name, "规模以上工业增加值");
        let name: String = "社會消費品零售總額"
            .chars()
            .map(char_for_matching)
            .collect();
        assert_eq!(name, "社会消费品零售总额");
    }
}
