//! Name normalisation for indicator matching: NFKC, simplified characters,
//! no spaces or markers, unit brackets off.

use planwatch_text::norm::traditional_to_simplified;
use unicode_normalization::UnicodeNormalization;

/// Characters that carry no meaning in an indicator name (markers, quotes).
const NOISE: &[char] = &[
    '*', '※', '★', '☆', '▲', '△', '●', '"', '“', '”', '\'', '‘', '’', '、',
];

/// Characters a bracketed unit is made of (`(亿元)`, `(万元/人)`, `(%)`, `(人年)`).
const UNIT_CHARS: &str = "%‰元万亿千百十人年岁件个吨亩公顷米立方平里套户家座所张标箱瓦时/台辆次天小微克分之美煤天然气艘架项处条栋间名位床";

/// Suffixes that say "a fall of" in different words; all become `降低`.
const FALL_SUFFIXES: &[&str] = &[
    "下降幅度",
    "降低率",
    "下降率",
    "降低",
    "下降",
    "减少率",
    "减少",
    "削减率",
    "削减",
    "降幅",
];

/// Suffixes that say "the growth of" the indicator; dropped on the loose pass.
const GROWTH_SUFFIXES: &[&str] = &[
    "年均增长率",
    "年均增长",
    "年均增速",
    "增长率",
    "增速",
    "增长",
    "增幅",
];

/// Prefixes naming the whole region (全市地区生产总值) or the whole year
/// (全年); dropped on the loose pass.
const REGION_PREFIXES: &[&str] = &[
    "全年", "全市", "全省", "全县", "全区", "全州", "全盟", "全国", "我市", "我省", "我县", "我区",
];

/// Verbs a bulletin writes inside a name (第三产业实现增加值, 完成地区生产总值);
/// dropped on the loose pass.
const VERBS: &[&str] = &["实现", "完成"];

/// Keys of one name, strictest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    /// Brackets removed, their content kept: `研究与试验发展r&d经费投入强度`.
    pub full: String,
    /// Bracketed content removed too: `研究与试验发展经费投入强度`.
    pub bare: String,
    /// `bare` without a growth suffix or a whole-region prefix.
    pub loose: String,
}

/// Normalises a name for matching: NFKC, traditional characters to simplified
/// (a 繁 page's 地區生產總值 is 地区生产总值), ASCII lower case, no whitespace or
/// markers (`﹡`, `*`), round brackets for every bracket form, trailing unit
/// brackets removed, and the fall suffixes (`下降率`, `降低`, `减少`) made one.
pub fn normalize(name: &str) -> String {
    let mut s: String = name
        .nfkc()
        .filter(|c| !c.is_whitespace() && !NOISE.contains(c))
        .map(|c| match c {
            '【' | '〔' | '[' | '{' | '〈' | '《' => '(',
            '】' | '〕' | ']' | '}' | '〉' | '》' => ')',
            c => traditional_to_simplified(c.to_ascii_lowercase()),
        })
        .collect();
    // Roman numerals: NFKC turns Ⅲ into iii, which is what we want for both spellings.
    while let Some(open) = trailing_group_start(&s) {
        if !is_unit_like(&s[open + 1..s.len() - 1]) {
            break;
        }
        s.truncate(open);
    }
    unify_fall_suffix(&s)
}

/// All keys of a name.
pub fn keys(name: &str) -> Keys {
    let full_with = normalize(name);
    let full: String = full_with
        .chars()
        .filter(|c| *c != '(' && *c != ')')
        .collect();
    let bare = unify_fall_suffix(&remove_groups(&full_with));
    let mut loose = strip_year(&bare).to_string();
    for p in REGION_PREFIXES {
        if let Some(rest) = loose.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                loose = rest.to_string();
            }
            break;
        }
    }
    for v in VERBS {
        if let Some(at) = loose.find(v) {
            let rest = format!("{}{}", &loose[..at], &loose[at + v.len()..]);
            if rest.chars().count() >= 2 {
                loose = rest;
            }
            break;
        }
    }
    for suf in GROWTH_SUFFIXES {
        if let Some(rest) = loose.strip_suffix(suf) {
            if rest.chars().count() >= 2 {
                loose = rest.to_string();
            }
            break;
        }
    }
    Keys { full, bare, loose }
}

/// `bare` without a leading year (`2023年地区生产总值`, `2009全年…`): a
/// name the extractor took with its date still names the year's indicator.
fn strip_year(bare: &str) -> &str {
    let digits = bare.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return bare;
    }
    let rest = &bare[4..];
    let rest = rest.strip_prefix('年').unwrap_or(rest);
    if rest.chars().count() >= 2 {
        rest
    } else {
        bare
    }
}

fn trailing_group_start(s: &str) -> Option<usize> {
    if !s.ends_with(')') {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in s.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether a bracket's content is a unit (`亿元`, `万元/人`, `%`, `人年`, `1/10万`).
pub fn is_unit_like(inner: &str) -> bool {
    !inner.is_empty()
        && inner.chars().count() <= 10
        && inner
            .chars()
            .all(|c| UNIT_CHARS.contains(c) || c.is_ascii_digit() || c == '.')
}

fn remove_groups(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn unify_fall_suffix(s: &str) -> String {
    for suf in FALL_SUFFIXES {
        if let Some(rest) = s.strip_suffix(suf) {
            if !rest.is_empty() {
                return format!("{rest}降低");
            }
        }
    }
    s.to_string()
}

/// Normalises a written unit: NFKC, no spaces, no brackets (`（万元）` → `万元`).
pub fn normalize_unit(unit: &str) -> String {
    unit.nfkc()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '[' | ']'))
        .collect()
}

/// Length of the longest common subsequence of two strings, in characters.
pub fn lcs_len(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for ca in &a {
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Similarity of two normalised names in 0..=1: 2·LCS / (|a| + |b|).
pub fn similarity(a: &str, b: &str) -> f64 {
    let la = a.chars().count();
    let lb = b.chars().count();
    if la + lb == 0 {
        return 1.0;
    }
    2.0 * lcs_len(a, b) as f64 / (la + lb) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, full: &str, bare: &str) {
        let k = keys(input);
        assert_eq!((k.full.as_str(), k.bare.as_str()), (full, bare), "{input}");
    }

    #[test]
    fn normalises_names() {
        check("地区生产总值 (亿元)", "地区生产总值", "地区生产总值");
        check(
            "﹡常住人口城镇化率(%)",
            "常住人口城镇化率",
            "常住人口城镇化率",
        );
        check(
            "研究与试验发展 (R&D) 经费投入强度 (%)",
            "研究与试验发展r&d经费投入强度",
            "研究与试验发展经费投入强度",
        );
        check(
            "城市细颗粒物（PM2.5）浓度下降（%）",
            "城市细颗粒物pm2.5浓度降低",
            "城市细颗粒物浓度降低",
        );
        check(
            "万元地区生产总值用水量下降率(%)",
            "万元地区生产总值用水量降低",
            "万元地区生产总值用水量降低",
        );
        check(
            "全员劳动生产率(万元/人)",
            "全员劳动生产率",
            "全员劳动生产率",
        );
        check(
            "万人就业人员中研发人员数(人年)",
            "万人就业人员中研发人员数",
            "万人就业人员中研发人员数",
        );
        check("常住(含瞬时)人口数(万人)", "常住含瞬时人口数", "常住人口数");
        check(
            "每千人口执业(助理)医师数",
            "每千人口执业助理医师数",
            "每千人口执业医师数",
        );
        check("ＧＤＰ", "gdp", "gdp");
    }

    #[test]
    fn loose_key_drops_growth_and_region_words() {
        assert_eq!(keys("全市地区生产总值增长").loose, "地区生产总值");
        assert_eq!(keys("规模以上工业增加值增速").loose, "规模以上工业增加值");
        assert_eq!(keys("增长").loose, "增长");
        assert_eq!(keys("2023年全省地区生产总值").loose, "地区生产总值");
        assert_eq!(keys("2009全年地区生产总值").loose, "地区生产总值");
        assert_eq!(keys("第三产业实现增加值").loose, "第三产业增加值");
        assert_eq!(keys("我市完成地区生产总值").loose, "地区生产总值");
        // A year alone, or a year and one character, is no indicator.
        assert_eq!(keys("2023年").loose, "2023年");
    }

    #[test]
    fn traditional_names_match_simplified() {
        assert_eq!(keys("地區生產總值(億元)").bare, "地区生产总值");
        assert_eq!(keys("社會消費品零售總額").bare, "社会消费品零售总额");
    }

    #[test]
    fn lcs_and_similarity() {
        assert_eq!(lcs_len("城镇调查失业率", "城镇登记失业率"), 5);
        assert!((similarity("abc", "abc") - 1.0).abs() < 1e-9);
        assert!(similarity("规模以上工业增加值增速", "规模以上工业增加值") > 0.85);
    }

    #[test]
    fn unit_like_brackets() {
        assert!(is_unit_like("亿元"));
        assert!(is_unit_like("%"));
        assert!(is_unit_like("1/10万"));
        assert!(!is_unit_like("r&d"));
        assert!(!is_unit_like("pm2.5"));
        assert!(!is_unit_like("助理"));
    }
}
