//! Quantities: a number with its unit, range and comparator words
//! (`突破2000亿元`, `15%—20%`, `400余个`, `4.3%以内`).

use crate::number::{parse_at, Number};
use planwatch_core::Comparator;

/// Units whose number counts things; a noun after them names what is counted
/// (`建成5个农产品加工园区`).
const CLASSIFIERS: &[&str] = &[
    "个",
    "家",
    "户",
    "项",
    "座",
    "所",
    "名",
    "条",
    "台",
    "张",
    "件",
    "套",
    "批次",
    "批",
    "处",
    "场次",
    "场",
    "笔",
    "辆",
    "艘",
    "架",
    "部",
    "本",
    "株",
    "粒",
    "棵",
    "宗",
    "种",
    "间",
    "栋",
    "支",
    "位",
    "人",
    "人次",
    "次",
    "万",
    "亿",
    "万户",
    "万人",
    "万个",
    "标台",
    "口",
    "列",
    "册",
    "块",
    "所",
    "枚",
    "头",
    "羽",
    "只",
    "匹",
    "根",
    "幢",
    "颗",
    "艘次",
    "例",
    "盏",
    "篇",
    "堂",
    "头只匹",
    "头只",
    "只匹",
];

/// A unit that counts things (`家`, `万名`, `亿人次`): a classifier, with or
/// without a magnitude before it.
pub(crate) fn counts_things(unit: &str) -> bool {
    // (台(套): the first classifier says what is counted.)
    let unit = unit.split('(').next().unwrap_or(unit);
    let bare = MAGNITUDES
        .iter()
        .find_map(|m| unit.strip_prefix(m).filter(|b| !b.is_empty()))
        .unwrap_or(unit);
    CLASSIFIERS.contains(&bare)
}

/// Units of extent a work verb may put before the noun it measures
/// (`建成2142万亩高标准农田`, `铺设26公里管网`).
/// (Not tons or kilowatts: 新建10万吨污水处理厂 is a plant's capacity.)
const MEASURED_UNITS: &[&str] = &["亩", "公顷", "平方米", "平方公里", "公里", "千米", "延米"];

/// Verbs of building and doing that take such a measure and then their noun.
const WORK_VERBS: &[&str] = &[
    "建成",
    "新建",
    "实施",
    "完成",
    "新增",
    "改造",
    "治理",
    "打造",
    "建设",
    "推广",
    "种植",
    "造林",
    "整治",
    "修复",
    "绿化",
    "硬化",
    "铺设",
    "改建",
    "扩建",
    "续建",
    "开工",
    "改善",
    "提升",
    "配送",
    "新改建",
    "建设完成",
];

/// Base units, matched after an optional magnitude prefix; longest first wins.
const BASE_UNITS: &[&str] = &[
    "个百分点",
    // Livestock counted by several classifiers at once (存栏牲畜19.03万头只匹).
    "头只匹",
    "头只",
    "只匹",
    "个千分点",
    "千分点",
    "百分点",
    "个工作日",
    "工作日",
    "个月",
    "吨标准煤",
    "吨标煤",
    "标准煤",
    "立方米",
    "平方米",
    // (供热能力达800万m2, 地下空间140万平米, 淘汰锅炉1万蒸吨.)
    "m2",
    "m²",
    "m³",
    "㎡",
    "平米",
    "蒸吨",
    "平方公里",
    "平方千米",
    "公顷",
    "公里",
    "千米",
    "千瓦时",
    "千瓦",
    "吉瓦",
    "兆瓦",
    "兆伏安",
    "千伏安",
    "美元",
    "欧元",
    "港元",
    // (Macau's, Hong Kong's and Taiwan's money: 3013.3億澳門元.)
    "澳门元",
    "澳门币",
    "港币",
    "新台币",
    "日元",
    "英镑",
    "元",
    "人次",
    "人年",
    "人",
    "户",
    "亩",
    "吨",
    "斤",
    "公斤",
    "千克",
    "标准箱",
    "标箱",
    "标台",
    "株",
    "吨公里",
    "人公里",
    "辆",
    "套",
    "个",
    "家",
    "项",
    "座",
    "所",
    "名",
    "条",
    "台",
    "张",
    "件",
    "处",
    "场次",
    "场",
    "笔",
    "口",
    "列",
    "批次",
    // (接待邮轮超过100艘次.)
    "艘次",
    "艘",
    "架",
    "部",
    "床",
    // (新建住宅12幢, 卫星3颗, 5组, 蜂群3万箱, 鱼苗2500万尾, 显示屏2.88亿片, 土石方20万方.)
    "幢",
    "颗",
    "组",
    "箱",
    "尾",
    "片",
    "方",
    "册",
    "种",
    "栋",
    "棵",
    "宗",
    "间",
    "块",
    "岁",
    "年",
    "天",
    "小时",
    "倍",
    // 翻了7.19番: doublings.
    "番",
    "度",
    "米",
    "位",
    "次",
    "枚",
    "头",
    "羽",
    "只",
    "匹",
    // (充电桩10万根.)
    "根",
    // (复明手术300例, 纱锭1360万锭, 路灯2万盏, 论文50篇, 课程1000课时, 巡讲300堂.)
    "例",
    "锭",
    "盏",
    "篇",
    "课时",
    "堂",
    "微克",
    "毫克",
    "Mbps",
    "Gbps",
    // (光伏装机50GW, 储能2GWh: power and energy in SI letters.)
    "TWh",
    "GWh",
    "MWh",
    "kWh",
    "GW",
    "MW",
    "kW",
    // (2千伏安/户: 千 read with the number; 10克/平方米; 40mg/L.)
    "伏安",
    "克",
    "mg",
    "%",
    "‰",
    // (增幅超过68℅: the care-of sign typed for a per cent.)
    "℅",
    // 近七成, 超过四成, 增长两成: tenths.
    "成",
];

/// 兆 is 万亿 in Taiwan and older texts (`5.06兆元`).
const MAGNITUDES: &[&str] = &["万亿", "千万", "百万", "十万", "万", "亿", "兆", "千", "百"];

/// Words after a figure that make it a milestone passed, not a count of
/// things (突破30亿斤大关, 2.5万亿元大关).
const MILESTONES: &[&str] = &["大关", "关口", "台阶", "新台阶", "大台阶"];

/// Compound denominators after `/` (`元/人`, `公里/百平方公里`, `吨标准煤/万元`).
const PER_UNITS: &[&str] = &[
    "平方米",
    "L",
    "百平方公里",
    // (铁路网密度507公里/万平方公里, 供电煤耗296克/千瓦时.)
    "万平方公里",
    "平方公里",
    "千瓦时",
    "立方米",
    "万元",
    "万人",
    "千人",
    "人",
    "户",
    "年",
    "天",
    // (供水能力1000万立方米/日, 污水处理能力500万吨/日.)
    "日",
    "小时",
    "吨",
    "亩",
];

/// A number with its unit and binding words.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Char index in the sentence where the quantity starts (the number, or a leading `≥`).
    pub start: usize,
    /// Char index just past the quantity, including `以上`/`左右`.
    pub end: usize,
    /// Char index where the number itself starts.
    pub num_start: usize,
    /// Value as written (magnitude kept in the unit).
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Unit as written, normalised for matching (`亿元`, `%`).
    pub unit: String,
    /// Comparator from words next to the number, if any.
    pub comparator: Option<Comparator>,
    /// The unit counts things and a noun follows (`5个园区`).
    pub counts_following_noun: bool,
    /// Char index where the unit is written, if it is written.
    pub unit_pos: Option<usize>,
    /// The quantity qualifies a noun (`10万元以上的村`) rather than stating a figure.
    pub qualifier: bool,
}

fn match_word(s: &[char], i: usize, words: &[&'static str]) -> Option<&'static str> {
    let mut best: Option<(&'static str, usize)> = None;
    for w in words {
        if at(s, i, w) {
            let n = w.chars().count();
            if best.is_none_or(|(_, b)| b < n) {
                best = Some((w, n));
            }
        }
    }
    best.map(|(w, _)| w)
}

/// Verbs of change that may follow a figure directly (`由3964元提高到6500元`).
const CHANGE_VERBS: &[&str] = &[
    "下降", "降低", "降至", "减少", "减至", "提高", "提升", "增加", "增至", "上升", "扩大", "缩小",
    "缩减", "压减", "压缩", "达到", "跃升", "攀升", "跃居", "回落", "下滑", "上涨", "增长",
];

/// Whether `s[i..]` starts with `w`.
pub fn at(s: &[char], i: usize, w: &str) -> bool {
    // Char by char, so a mismatch on the first char costs one comparison.
    w.chars().enumerate().all(|(j, c)| s.get(i + j) == Some(&c))
}

/// A part of a year counted from its start at `s[i]` (the `三季度` of
/// `2021年前三季度`, `10个月`, `半年`): after `前` it is no deadline.
pub fn part_of_year_at(s: &[char], i: usize) -> bool {
    if ["三季度", "二季度", "两季度", "一季度", "半年", "三个季度"]
        .iter()
        .any(|w| at(s, i, w))
    {
        return true;
    }
    let n = s[i.min(s.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || "一二两三四五六七八九十".contains(**c))
        .count();
    n > 0 && (at(s, i + n, "个月") || at(s, i + n, "月"))
}

/// Whether `s[..i]` ends with `w`.
pub fn ends(s: &[char], i: usize, w: &str) -> bool {
    let mut k = i.min(s.len());
    for c in w.chars().rev() {
        if k == 0 || s[k - 1] != c {
            return false;
        }
        k -= 1;
    }
    true
}

/// A cell or word that is a unit and nothing more (`%`, `万元`, `个百分点`):
/// a 单位 column's cell.
pub(crate) fn is_unit_word(t: &str) -> bool {
    if matches!(t, "%" | "％" | "‰" | "个百分点" | "百分点") {
        return true;
    }
    let s: Vec<char> = t.chars().collect();
    !s.is_empty() && unit_at(&s, 0, None).is_some_and(|(_, n)| n == s.len())
}

/// Matches a unit at `s[i]`: optional magnitude, base unit, optional `/denominator`.
/// Returns the unit and its length in chars.
fn unit_at(s: &[char], i: usize, magnitude: Option<&str>) -> Option<(String, usize)> {
    let mut unit = String::new();
    let mut j = i;
    let mut must_have_base = false;
    // 12/10万: a rate per 100 000 (孕产妇死亡率).
    if magnitude.is_none() {
        if let Some(w) = ["/10万", "/十万", "／10万"].iter().find(|w| at(s, i, w)) {
            return Some(("/10万".to_string(), w.chars().count()));
        }
    }
    if let Some(m) = magnitude {
        unit.push_str(m);
        j += m.chars().count();
    } else if let Some(m) = match_word(s, j, MAGNITUDES)
        .filter(|m| {
            // 190861千瓦, 500千米: a unit that starts like a magnitude.
            !match_word(s, j, BASE_UNITS).is_some_and(|b| b.starts_with(*m))
        })
        .filter(|m| {
            // 兆 before 瓦/伏安/赫 is the SI prefix of a unit (兆瓦), not 万亿.
            *m != "兆"
                || !matches!(
                    s.get(j + 1),
                    Some('瓦' | '伏' | '赫' | '帕' | '焦' | '字' | '比')
                )
        })
    {
        unit.push_str(m);
        j += m.chars().count();
        // A magnitude alone is a unit only for 万/亿 (`17.19万建档立卡人口`, `突破1000亿`).
        must_have_base = !(m == "万" || m == "亿" || m == "万亿" || m == "兆");
    }
    // 人口, 人员, 人才 are nouns: `280万人口` is 280 万 of 人口.
    // 5万亿台阶 is a step, not 台 of machines.
    let base = match_word(s, j, BASE_UNITS).filter(|b| {
        let noun = match *b {
            "人" => matches!(s.get(j + 1), Some('口' | '员' | '才' | '民' | '均')),
            "台" => s.get(j + 1) == Some(&'阶'),
            // 6部门 are departments, 部分 a part.
            "部" => matches!(s.get(j + 1), Some('门' | '分' | '署' | '委')),
            // 3组织, 尾气, 片区, 方面/方案/方式: words, not units.
            "组" => matches!(
                s.get(j + 1),
                Some('织' | '团' | '建' | '成' | '合' | '配' | '分' | '长')
            ),
            "尾" => matches!(s.get(j + 1), Some('气' | '矿' | '水' | '声' | '款' | '数')),
            "片" => matches!(s.get(j + 1), Some('区' | '面' | '段' | '林' | '场')),
            "方" => matches!(
                s.get(j + 1),
                Some(
                    '面' | '案'
                        | '式'
                        | '向'
                        | '针'
                        | '法'
                        | '位'
                        | '阵'
                        | '言'
                        | '舱'
                        | '便'
                        | '略'
                )
            ),
            "箱" => matches!(s.get(j + 1), Some('式' | '体')),
            // 成 is tenths only right after the number (四成, 近4成以上), not
            // the verb or word it starts (一成不变, 三成为, 成本, 成都).
            "成" => !unit.is_empty() || s.get(j + 1).is_some_and(|c| {
                "为立本果效绩员熟交都长就型品功套片批像年分材因色才家败器全形语真份规不千百万亿倍"
                    .contains(*c)
            }),
            _ => false,
        };
        !noun
    });
    match base {
        Some(b) => {
            unit.push_str(b);
            j += b.chars().count();
        }
        // 食用菌63亿袋, 日产鞋品约5万双, 筛查1万例以上: a measure word of its
        // own after 万/亿, closing the figure.
        None if !unit.is_empty() && !must_have_base && own_measure_word(s, j) => {
            unit.push(s[j]);
            return Some(with_denominator(s, j + 1, unit, i));
        }
        None if !unit.is_empty() && !must_have_base => return Some((unit, j - i)),
        None => return None,
    }
    Some(with_denominator(s, j, unit, i))
}

/// A Han character at `j` right after 万/亿 that counts what the figure is
/// of (袋, 双, 例, 棒, 粒): a word of one character closing the figure, not the
/// first character of a noun (5万农户受益) nor a word of amount (多, 余).
fn own_measure_word(s: &[char], j: usize) -> bool {
    let Some(&c) = s.get(j) else { return false };
    if !planwatch_text::norm::is_han(c)
        || "多余以左上下的和及与等或至到分均为是了之大级字元亿万千百十两一二三四五六七八九零县縣市区區省镇鎮乡鄉村美"
            .contains(c)
    {
        return false;
    }
    match s.get(j + 1) {
        None => true,
        Some(&n) => {
            is_delim(n)
                || matches!(n, '/' | '、' | '以' | '左' | ')' | '）')
                || ((n == '和' || n == '及') && s.get(j + 2).is_some_and(|d| d.is_ascii_digit()))
        }
    }
}

fn with_denominator(s: &[char], mut j: usize, mut unit: String, i: usize) -> (String, usize) {
    // 5.3万台(套), 71.29万头(只): a second classifier in brackets counts the
    // same things.
    if s.get(j) == Some(&'(')
        && s.get(j + 2) == Some(&')')
        && s.get(j + 1)
            .is_some_and(|c| "套只件台头匹辆个部".contains(*c))
        && unit
            .chars()
            .last()
            .is_some_and(|c| "套只件台头匹辆个部".contains(c))
    {
        unit.push('(');
        unit.push(s[j + 1]);
        unit.push(')');
        j += 3;
    }
    if s.get(j) == Some(&'/') {
        if let Some(d) = match_word(s, j + 1, PER_UNITS) {
            unit.push('/');
            unit.push_str(d);
            return (unit, j + 1 + d.chars().count() - i);
        }
    }
    (unit, j - i)
}

fn is_range_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '－' | '-' | '~' | '～' | '至' | '到' | '‐')
}

/// Whether the number at `i` is glued to a code or name rather than a quantity
/// (`5G`, `PM2.5`, `B2B`, `第3`, `220千伏`).
fn is_code(s: &[char], i: usize, n: &Number) -> bool {
    if i > 0 {
        let p = s[i - 1];
        if (p.is_ascii_alphanumeric() && !after_economic_acronym(s, i))
            || p == '.'
            || p == '第'
            || p == '·'
        {
            return true;
        }
        if n.chinese && is_cn_numeral_char(p) {
            return true;
        }
    }
    let after = i + n.len;
    s.get(after)
        .is_some_and(|c| c.is_ascii_alphabetic() && !matches!(c, 'k' | 'm'))
        && !at(s, after, "Mbps")
        && !at(s, after, "Gbps")
        && !at(s, after, "mg/")
        && !["GW", "MW", "TWh"].iter().any(|w| at(s, after, w))
}

/// Whether the figure at `i` follows an indicator written in Latin letters
/// (人均GDP35997元, CPI102.3): the letters name it, they don't make a code.
fn after_economic_acronym(s: &[char], i: usize) -> bool {
    let letters = s[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word: String = s[i - letters..i].iter().collect();
    ["GDP", "GNP", "GNI", "CPI", "PPI"].contains(&word.as_str())
}

fn is_cn_numeral_char(c: char) -> bool {
    "〇零一二两三四五六七八九十百千万亿".contains(c)
}

/// A year written at `i` (`2020年`, `二〇二五年`), with its length including 年.
pub fn year_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    let mut j = i;
    let mut digits = String::new();
    while let Some(&c) = s.get(j) {
        let d = if c.is_ascii_digit() {
            Some(c)
        } else {
            match c {
                '〇' | '○' | '零' => Some('0'),
                // (二O一二年, 二OO八年: a Latin O typed for 〇 among Chinese digits.)
                'O' | 'o' | 'Ｏ' if !digits.is_empty() && !s[i].is_ascii_digit() => Some('0'),
                '一' => Some('1'),
                '二' => Some('2'),
                '三' => Some('3'),
                '四' => Some('4'),
                '五' => Some('5'),
                '六' => Some('6'),
                '七' => Some('7'),
                '八' => Some('8'),
                '九' => Some('9'),
                _ => None,
            }
        };
        match d {
            Some(d) if digits.len() < 4 => {
                digits.push(d);
                j += 1;
            }
            _ => break,
        }
    }
    // `2021 年`: text from PDFs puts a space between the digits and 年.
    if digits.len() == 4
        && s.get(j) == Some(&' ')
        && s.get(j + 1) == Some(&'年')
        && s[i].is_ascii_digit()
    {
        j += 1;
    }
    if digits.len() != 4 || s.get(j) != Some(&'年') {
        return None;
    }
    if i > 0 && (s[i - 1].is_ascii_digit()) {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    (1949..=2100).contains(&y).then_some((y, j + 1 - i))
}

/// Finds the quantities of a sentence, in order.
pub fn quantities(s: &[char]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if let Some((_, len)) = year_at(s, i) {
            i += len;
            continue;
        }
        let Some(n) = parse_at(s, i).or_else(|| implicit_one(s, i)) else {
            i += 1;
            continue;
        };
        if is_code(s, i, &n) {
            i += n.len.max(1);
            continue;
        }
        match quantity_at(s, i, &n) {
            Some(mut q) => {
                i = q.end.max(i + 1);
                // 人口自然增长率为-5.11‰: a minus sign written before the number.
                let signed = q.start >= 1
                    && matches!(s[q.start - 1], '-' | '−' | '－')
                    && (q.start == 1
                        || matches!(
                            s[q.start - 2],
                            '为' | '是' | ':' | '(' | ',' | '至' | '达' | '长' | '、'
                        ));
                if signed && q.value > 0.0 && q.value_max.is_none() {
                    q.value = -q.value;
                    q.start -= 1;
                }
                // 突破4000亿元、5000亿元: a list shares the comparator of its verb.
                if let Some(prev) = out.last() {
                    let listed = q.start == prev.end + 1 && s.get(prev.end) == Some(&'、');
                    if listed && q.comparator.is_none() && prev.unit == q.unit {
                        q.comparator = prev.comparator;
                    }
                }
                // 分别加快9.5个和11.4个百分点: points written once for the list.
                if q.unit == "个" {
                    if let Some((u, at)) = list_unit(s, q.end).filter(|(u, _)| u == "个百分点")
                    {
                        q.unit = u;
                        // (The unit as written is the list's last.)
                        q.unit_pos = Some(at);
                    }
                }
                if !is_rank(s, &q)
                    && !is_streak(s, &q)
                    && !is_age_group(s, &q)
                    && !is_structure_count(s, &q)
                    && !is_page_counter(s, &q)
                    && !is_span_of_years(s, &q)
                {
                    out.push(q);
                }
            }
            None => i += n.len.max(1),
        }
    }
    out
}

/// The end of `:1` or `∶100` after a ratio's first term at `s[j]`.
fn ratio_tail(s: &[char], j: usize) -> Option<usize> {
    if !matches!(s.get(j), Some(':' | '∶' | '：')) {
        return None;
    }
    let end = ["100", "1"]
        .iter()
        .find(|w| at(s, j + 1, w))
        .map(|w| j + 1 + w.len())?;
    (!s.get(end).is_some_and(|c| c.is_ascii_digit() || *c == '.')).then_some(end)
}

/// A unitless number `s[i..j]` that a ratio named just before it in the
/// clause measures (`城乡收入比由1.93缩小到1.86`, `收入倍差缩小到1.9以内`),
/// and that ends its clause or a bound follows.
fn ratio_named_before(s: &[char], i: usize, j: usize) -> bool {
    let ends_clause = s
        .get(j)
        .is_none_or(|c| is_delim(*c) || matches!(c, '以' | '左' | '的' | ')' | '）'))
        || ["缩小", "下降", "降至", "降到", "降低", "提高", "扩大"]
            .iter()
            .any(|w| at(s, j, w));
    if !ends_clause {
        return false;
    }
    let from = (0..i)
        .rev()
        .take(30)
        .find(|&k| matches!(s[k], '，' | ',' | '。' | '；' | ';'))
        .map_or(i.saturating_sub(30), |k| k + 1);
    let before: String = s[from..i].iter().collect();
    // (基尼系数, 供水安全保障系数超过1.3.)
    ["收入比", "倍差", "收入差距", "系数", "比值"]
        .iter()
        .any(|w| before.contains(w))
}

/// `居民消费价格指数为103.5`, `控制在103.5以内`, `总人口性别比为107.50`: an
/// index or a sex ratio stated after its name and a verb, with no unit.
fn index_named_before(s: &[char], i: usize, j: usize, value: f64) -> bool {
    if !(50.0..=200.0).contains(&value) || s.get(j).is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let ends_clause = s
        .get(j)
        .is_none_or(|c| is_delim(*c) || matches!(c, '以' | '左' | ')' | '）'));
    if !ends_clause {
        return false;
    }
    const VERBS: [&str; 6] = ["控制在", "为", "达到", "达", "是", "在"];
    let Some(v) = VERBS.iter().find(|w| ends(s, i, w)) else {
        return false;
    };
    let mut name_end = i - v.chars().count();
    // (总人口性别比(以女性为100,男性对女性的比例)为107.50: an aside between.)
    if name_end > 0 && matches!(s[name_end - 1], ')' | '）') {
        if let Some(k) = (name_end.saturating_sub(40)..name_end - 1)
            .rev()
            .find(|&k| matches!(s[k], '(' | '（'))
        {
            name_end = k;
        }
    }
    ["指数", "性别比"].iter().any(|w| ends(s, name_end, w))
}

/// `5岁以下儿童死亡率`, `65岁及以上人口`, `0-3岁婴幼儿`: an age that bounds
/// the group a name counts is part of the name, not a figure.
/// (And `0-17岁77324人`, `15-59岁的人口`: an age band heading the count after it.)
fn is_age_group(s: &[char], q: &Quantity) -> bool {
    q.unit == "岁"
        && s.get(q.end).is_some_and(|c| {
            "儿人老婴妇居常户青少学幼男女".contains(*c)
                || (q.value_max.is_some() && (c.is_ascii_digit() || "的占组段".contains(*c)))
        })
}

/// `过去的5年`, `未来5年`, `用5年时间`, `5年间`: a span of time, no figure
/// (not `平均受教育年限11.4年`).
fn is_span_of_years(s: &[char], q: &Quantity) -> bool {
    if q.unit != "年" || q.value.fract() != 0.0 || q.value > 30.0 {
        return false;
    }
    let before: String = s[q.start.saturating_sub(4)..q.start].iter().collect();
    let before = before.trim_end_matches('的');
    [
        "过去", "未来", "今后", "近", "这", "前", "后", "用", "经过", "历时", "花", "连续",
    ]
    .iter()
    .any(|w| before.ends_with(w))
        || ["时间", "间", "来", "内", "里", "中", "多来", "左右时间"]
            .iter()
            .any(|w| at(s, q.end, w))
}

/// `510 次浏览`, `0 位用户参与讨论`, `阅读量 3万`: a web page's counters
/// of its own readers, no figure of the place.
fn is_page_counter(s: &[char], q: &Quantity) -> bool {
    let mut j = q.end;
    while s.get(j).is_some_and(|c| *c == ' ') {
        j += 1;
    }
    let after_unit = matches!(q.unit.as_str(), "次" | "人" | "位" | "条" | "人次")
        && [
            "浏览",
            "阅读",
            "点击",
            "用户参与",
            "参与讨论",
            "评论",
            "回复",
            "收藏",
            "转发",
            "点赞",
        ]
        .iter()
        .any(|w| at(s, j, w));
    let bare_after_word = q.unit.is_empty() || q.unit == "次";
    let before: String = s[q.start.saturating_sub(5)..q.start]
        .iter()
        .filter(|c| !matches!(c, ' ' | ':' | '：'))
        .collect();
    let after_word = bare_after_word
        && [
            "浏览",
            "阅读",
            "点击",
            "浏览量",
            "阅读量",
            "点击量",
            "浏览次数",
            "阅读次数",
            "点击数",
        ]
        .iter()
        .any(|w| before.ends_with(w));
    after_unit || after_word
}

/// `从5个方面提出`, `推动5个方面18项重点工作`: how a text is laid out, no figure.
fn is_structure_count(s: &[char], q: &Quantity) -> bool {
    q.unit == "个" && (at(s, q.end, "方面") || at(s, q.end, "维度"))
}

/// `居全国16位`, `前移2位`, `位次上升3位`: a place in a ranking, or its move,
/// is no figure of the region.
fn is_rank(s: &[char], q: &Quantity) -> bool {
    // (总量前进1个位次, 前移3个位次: a move in a ranking.)
    if q.unit == "个" && at(s, q.end, "位次") {
        return true;
    }
    if q.unit != "位" {
        return false;
    }
    let before: String = s[q.start.saturating_sub(6)..q.start].iter().collect();
    [
        "居", "列", "排", "前移", "后移", "上升", "提升", "前进", "后退", "下降", "位次",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// `连续7个季度`, `連續6個月`, `连续3年`: how long a run lasted, no figure
/// of the place.
fn is_streak(s: &[char], q: &Quantity) -> bool {
    if q.start < 2 || s[q.start - 2..q.start] != ['连', '续'] {
        return false;
    }
    let after = |w: &str| at(s, q.end, w);
    match q.unit.as_str() {
        "个" => ["季度", "月", "年", "周"].iter().any(|w| after(w)),
        "年" | "月" | "季度" | "天" | "届" | "周" => true,
        _ => false,
    }
}

/// The unit of a list of bare numbers ending in one with a unit
/// (`1.3和0.2个百分点`, `2.3、4.1和5个百分点`): rates and points only, which a
/// list may share; `j` is just past the first number. Returns the unit and
/// where it is written.
/// (With `respectively` set, after 分别: any unit, `分别达到8393和6520美元`.)
fn list_unit(s: &[char], j: usize) -> Option<(String, usize)> {
    list_unit_of(s, j, false)
}

fn list_unit_of(s: &[char], mut j: usize, respectively: bool) -> Option<(String, usize)> {
    for _ in 0..6 {
        if !matches!(s.get(j), Some('和' | '、' | '及' | '与')) {
            return None;
        }
        // (0.15、-5.64、1.34个百分点: an item may carry its minus sign, or
        // its own verb of change: 分别下降0.2个、下降0.6个、提高0.8个百分点.)
        let verb = CHANGE_VERBS
            .iter()
            .find(|w| at(s, j + 1, w))
            .map_or(0, |w| w.chars().count());
        let k = j + 1 + verb + usize::from(matches!(s.get(j + 1 + verb), Some('-' | '−' | '－')));
        let n = parse_at(s, k).filter(|n| !n.chinese && n.len > 0)?;
        let after = k + n.len;
        if let Some((unit, _)) = unit_at(s, after, n.magnitude) {
            // (1.1个、2.3个和3.6个百分点: each item says 个, the last 个百分点.)
            if unit == "个" {
                j = after + 1;
                continue;
            }
            return (respectively || unit == "%" || unit == "‰" || unit.ends_with("百分点"))
                .then_some((unit, after));
        }
        j = after;
    }
    None
}

/// 分别 shortly before `i` in the same sentence.
fn respectively_before(s: &[char], i: usize) -> bool {
    let from = i.saturating_sub(30);
    let before = &s[from..i];
    let start = before
        .iter()
        .rposition(|c| matches!(c, '。' | '；' | ';' | '\n'))
        .map_or(0, |k| k + 1);
    before[start..].windows(2).any(|w| w == ['分', '别'])
}

/// `突破亿吨`: a magnitude and unit with no number after 突破/超过/达到 means one.
fn implicit_one(s: &[char], i: usize) -> Option<Number> {
    let c = *s.get(i)?;
    // (跨上万亿元台阶, 保持在亿吨以上: the verbs that pass or hold a level.)
    let verbs = [
        "突破",
        "超过",
        "达到",
        "达",
        "跨上",
        "迈上",
        "跃上",
        "保持在",
        "首破",
        "破",
    ];
    if !(c == '亿' || c == '万') || !verbs.iter().any(|w| ends(s, i, w)) {
        return None;
    }
    // (突破万亿元: 万亿 is one magnitude.)
    let unit_at = if at(s, i, "万亿") { i + 2 } else { i + 1 };
    // (突破万亿大关, 首次破万亿。: the magnitude alone, at a milestone or a clause's end.)
    let milestone = ["大关", "台阶", "关口", "级", "。", "，", ","]
        .iter()
        .any(|w| at(s, unit_at, w));
    let after = match_word(s, unit_at, BASE_UNITS).or(milestone.then_some(""))?;
    if after == "%" || after.ends_with("百分点") {
        return None;
    }
    Some(Number {
        value: 1.0,
        len: 0,
        magnitude: None,
        word_unit: None,
        chinese: false,
        fraction: false,
    })
}

fn quantity_at(s: &[char], i: usize, n: &Number) -> Option<Quantity> {
    let mut j = i + n.len;
    // A bare 百/千 (百度, 千方百计) is a number only before 万/亿/余/多.
    if n.chinese
        && n.len == 1
        && matches!(s[i], '十' | '百' | '千')
        && n.magnitude.is_none()
        && !matches!(s.get(j), Some('万' | '亿' | '余' | '多'))
    {
        return None;
    }
    // 一 alone counts only after words that state an amount (增加一倍, 至少一个).
    if n.chinese
        && n.len == 1
        && s[i] == '一'
        && ![
            "增加", "提高", "增长", "至少", "最少", "有", "达到", "突破", "翻", "各",
        ]
        .iter()
        .any(|w| ends(s, i, w))
    {
        return None;
    }
    // A number inside a quoted name (“政策措施16条”, “100万+”).
    // (Counted over the chars near it only: linear on any sentence.)
    let near = &s[i.saturating_sub(60)..i];
    let opened = near.iter().filter(|c| **c == '“').count();
    let closed = near.iter().filter(|c| **c == '”').count();
    if opened > closed && s[i..].iter().take(12).any(|c| *c == '”') {
        return None;
    }
    // Dates and ordinals are not quantities.
    if let Some(&c) = s.get(j) {
        if matches!(
            c,
            '月' | '日'
                | '号'
                | '时'
                | '届'
                | '期'
                | '级'
                | '类'
                | '型'
                | '星'
                | '代'
                | '线'
                | '环'
                | '路'
                | '甲'
        ) && n.word_unit.is_none()
        {
            return None;
        }
    }
    let mut comparator = None;
    // 余/多 between number and unit (400余个, 3000余万元).
    if matches!(s.get(j), Some('余') | Some('多')) {
        comparator = Some(Comparator::Gt);
        j += 1;
    }
    let (mut unit, ulen) = if let Some(u) = n.word_unit {
        (u.to_string(), 0)
    } else {
        match unit_at(s, j, n.magnitude) {
            Some(u) => u,
            None if let Some((unit, at)) = list_unit_of(s, j, respectively_before(s, i)) => {
                // 提高1.3和0.2个百分点: the first of a list takes the unit of the last.
                let mut q = Quantity {
                    start: i,
                    end: j,
                    num_start: i,
                    value: n.value,
                    value_max: None,
                    unit,
                    comparator: None,
                    counts_following_noun: false,
                    unit_pos: Some(at),
                    qualifier: false,
                };
                finish(s, &mut q);
                return Some(q);
            }
            // 城乡居民收入比缩小到2.25∶1, 性别比为105.23:100, 收入倍差缩小到1.9以内:
            // a ratio, no unit.
            // (占全市的三分之一: a fraction needs no unit either.)
            None if let Some(end) = ratio_tail(s, j)
                .or_else(|| (n.value < 10.0 && ratio_named_before(s, i, j)).then_some(j))
                .or_else(|| index_named_before(s, i, j, n.value).then_some(j))
                .or_else(|| n.fraction.then_some(j)) =>
            {
                let mut q = Quantity {
                    start: i,
                    end,
                    num_start: i,
                    value: n.value,
                    value_max: None,
                    unit: String::new(),
                    comparator: None,
                    counts_following_noun: false,
                    unit_pos: None,
                    qualifier: false,
                };
                finish(s, &mut q);
                return Some(q);
            }
            None => {
                // A range whose first half has no unit: 5至8个, 15-20%.
                let (unit, value_max, end) = range_tail(s, j)?;
                if unit == "年" {
                    return None; // 2015—2025年 is a period
                }
                let unit_pos = end - unit.chars().count();
                let mut q = Quantity {
                    start: i,
                    end,
                    num_start: i,
                    value: n.value,
                    value_max: Some(value_max),
                    unit,
                    comparator: None,
                    counts_following_noun: false,
                    unit_pos: Some(unit_pos),
                    qualifier: false,
                };
                finish(s, &mut q);
                return Some(q);
            }
        }
    };
    if n.chinese && !plausible_chinese(s, i, n, &unit) {
        return None;
    }
    // Tenths run from one to nine (2025年成为 never gets here: 年 is read first).
    if unit == "成" && !(n.value > 0.0 && n.value < 10.0) {
        return None;
    }
    // 年 as a unit only for durations, not for years or 三年行动.
    if unit == "年"
        && (n.chinese
            || n.value >= 100.0
            || s.get(j + ulen).is_some_and(|c| {
                // (受教育年限达到10.5年等: 等 ends a list of figures.)
                !is_delim(*c)
                    && !at(s, j + ulen, "以上")
                    && !at(s, j + ulen, "左右")
                    && !at(s, j + ulen, "等。")
                    && !at(s, j + ulen, "等，")
                    && !at(s, j + ulen, "等,")
            }))
    {
        return None;
    }
    // 头4年, 近5年, 前两年, 未来5年, 今后三年: a span of time, not a figure.
    if unit == "年"
        && i > 0
        && (matches!(s[i - 1], '头' | '前' | '近' | '后' | '这')
            || ["未来", "今后", "此后", "随后"]
                .iter()
                .any(|w| ends(s, i, w)))
    {
        return None;
    }
    // 千亿产业, 万亿级企业, 产值超1000亿元的产业6个, 超10亿元以上龙头企业100家:
    // a class of size naming things, not a figure.
    let class_at = |k: usize| {
        [
            "产业",
            "企业",
            "龙头企业",
            "集群",
            "园区",
            "工程",
            "级",
            "镇",
            "乡",
            "村",
            "项目",
            // (地区生产总值超200亿元的县(市、区)达50个.)
            "县",
        ]
        .iter()
        .any(|w| at(s, k, w))
    };
    let size_class = if n.chinese {
        class_at(j + ulen)
    } else {
        // (Written in digits, only after 超/突破: 达到1000亿元的水平 is a figure.)
        ["超", "突破", "过"].iter().any(|w| ends(s, i, w))
            && ["以上的", "以上", "的", ""]
                .iter()
                .any(|w| at(s, j + ulen, w) && class_at(j + ulen + w.chars().count()))
    };
    // 翻一番 is a doubling told in words (a goal's own phrase); 翻了7.19番 a figure.
    if unit == "番" && n.chinese {
        return None;
    }
    // 四年连跨4个千亿: steps of size counted, not a figure.
    let steps = n.chinese && i > 0 && s[i - 1] == '个';
    if (size_class || steps) && ["亿", "万亿", "亿元", "万亿元", "万元"].contains(&unit.as_str())
    {
        return None;
    }
    // 这8件大事, 这5个工程: a count pointing at a list, not a figure.
    if i > 0 && matches!(s[i - 1], '这' | '那') && counts_things(&unit) {
        return None;
    }
    // 十一届三次、四次全会: the number of a meeting, not a count.
    if unit == "次" && (ends(s, i, "届") || meeting_follows(s, j + ulen)) {
        return None;
    }
    let unit_pos = n.word_unit.is_none().then_some(j);
    j += ulen;
    // 百亿级, 千亿级: a class of size, not a quantity; 近9万字的文本: a text's length.
    if s.get(j) == Some(&'级') || (MAGNITUDES.contains(&unit.as_str()) && s.get(j) == Some(&'字'))
    {
        return None;
    }
    // A capacity naming a project (30万吨航道, 400兆瓦风电) describes a thing, not a figure.
    let money = unit.ends_with('元');
    // (But an extent right after a work verb is the figure: 建成2142万亩高标准农田.)
    let worked = {
        let bare = MAGNITUDES
            .iter()
            .find_map(|m| unit.strip_prefix(m).filter(|b| !b.is_empty()))
            .unwrap_or(&unit);
        MEASURED_UNITS.contains(&bare) && WORK_VERBS.iter().any(|w| ends(s, i, w))
    };
    // (Nor a share: 六成农民用上了自来水 are six tenths of the farmers.)
    if !money && !worked && !counts_things(&unit) && !matches!(unit.as_str(), "%" | "‰" | "成") {
        if let Some(&c) = s.get(j) {
            let cjk = planwatch_text::norm::is_han(c);
            // (44850万亩不能减少: a floor, no thing named.)
            let floor = ["不减少", "不能减少", "不降低", "不下降"]
                .iter()
                .any(|w| at(s, j, w));
            // (建成4条188公里轨道交通: the lines counted, then their length in all.)
            let length_of_lines = matches!(unit.as_str(), "公里" | "千米")
                && i >= 2
                && s[i - 1] == '条'
                && s[i - 2].is_ascii_digit();
            // (由16平方公里扩大到25平方公里, 从75.2岁提高到78.5岁: a start
            // value, a change verb after it.)
            let changes = CHANGE_VERBS.iter().any(|w| at(s, j, w));
            // (粮食总产突破30亿斤大关: a milestone passed, no thing named.)
            let milestone = MILESTONES.iter().any(|w| at(s, j, w));
            if cjk
                && !floor
                && !milestone
                && !length_of_lines
                && !changes
                && !"以左上和及与的比增同较其为是等多余或至到分均、".contains(c)
            {
                return None;
            }
        }
    }
    if comparator.is_none()
        && matches!(s.get(j), Some('余') | Some('多'))
        && unit.chars().count() <= 2
    {
        comparator = Some(Comparator::Gt);
        j += 1;
        // 3万余名志愿者: the things counted follow 余.
        if MAGNITUDES.contains(&unit.as_str()) {
            // (1.2万余亩, 23亿余亩: any unit of things measured too.)
            let counted = match_word(s, j, CLASSIFIERS)
                .or_else(|| match_word(s, j, BASE_UNITS))
                .filter(|c| {
                    !MAGNITUDES.contains(c) && !["年", "%", "‰", "成", "倍", "度", "番"].contains(c)
                });
            if let Some(c) = counted {
                unit.push_str(c);
                j += c.chars().count();
            } else if let Some((u, len)) = ["亿元", "元", "亿美元", "美元"]
                .iter()
                .find(|u| at(s, j, u))
                .map(|u| (u, u.chars().count()))
            {
                // 4万多亿元, 3万多元: the money unit follows 多.
                unit.push_str(u);
                j += len;
            }
        }
    }
    let mut q = Quantity {
        start: i,
        end: j,
        num_start: i,
        value: n.value,
        value_max: None,
        unit,
        comparator,
        counts_following_noun: false,
        unit_pos,
        qualifier: false,
    };
    // 从7万亿元到11万亿元: a change from one level to another, not a range.
    let from_to = ["从", "由"].iter().any(|w| ends(s, i, w));
    if let Some(&c) = s.get(j) {
        if is_range_dash(c) && !(from_to && matches!(c, '到' | '至')) {
            if let Some(m) = s.get(j + 1).and_then(|_| parse_at(s, j + 1)) {
                let k = j + 1 + m.len;
                let unit2 = unit_at(s, k, m.magnitude);
                // (50亿-100亿元: a bare magnitude on the first end takes the
                // second's unit.)
                let bare_magnitude =
                    matches!(q.unit.as_str(), "万" | "亿" | "万亿" | "千万" | "百万");
                let same_unit = unit2.as_ref().is_none_or(|(u, _)| {
                    *u == q.unit || (bare_magnitude && u.starts_with(q.unit.as_str()))
                });
                if same_unit && m.value > n.value {
                    q.value_max = Some(m.value);
                    if let Some((u, l)) = unit2 {
                        q.end = k + l;
                        q.unit = u;
                    } else {
                        q.end = k;
                    }
                }
            }
        }
    }
    finish(s, &mut q);
    Some(q)
}

/// `至8个`, `-20%`: the unit and upper bound after a bare first number.
fn range_tail(s: &[char], j: usize) -> Option<(String, f64, usize)> {
    let c = *s.get(j)?;
    if !is_range_dash(c) {
        return None;
    }
    let m = parse_at(s, j + 1)?;
    let k = j + 1 + m.len;
    let (unit, ulen) = unit_at(s, k, m.magnitude)?;
    Some((unit, m.value, k + ulen))
}

/// Chinese numerals are quantities only in plain counting (`一万二千人`, `千亿元`),
/// not in set phrases (`一体化`, `三大攻坚战`, `十三五`, `一个中心`).
fn plausible_chinese(s: &[char], i: usize, n: &Number, unit: &str) -> bool {
    if i > 0 && matches!(s[i - 1], '“' | '"' | '「' | '第' | '每' | '之') {
        return false;
    }
    // (两组若干措施, 地有五方, 五头五尾: sayings and lists, not counts.)
    if matches!(unit, "组" | "尾" | "方" | "片" | "箱") {
        return false;
    }
    let single = n.len == 1 && n.value < 10.0;
    // 二元结构, 一元化: a numeral in a word, not money.
    let after = i + n.len + unit.chars().count();
    if single
        && unit == "元"
        && s.get(after)
            .is_some_and(|c| planwatch_text::norm::is_han(*c))
    {
        return false;
    }
    if single
        && matches!(
            unit,
            "个" | "项"
                | "条"
                | "种"
                | "批"
                | "次"
                | "部"
                | "年"
                | "天"
                | "位"
                | "家"
                | "所"
                | "座"
                | "张"
        )
    {
        // 一个/两个/三项 mostly name a list of things in prose, not a figure.
        let after = i + n.len + unit.chars().count();
        return s.get(after).is_none_or(|c| is_delim(*c)) || at(s, after, "以上");
    }
    true
}

/// A figure bounding the things a count of the same clause counts: `超过6万人的
/// 有2个` and `2万至6万人之间的有3个` (the count after `的有`), `有8个市…在12%以上`
/// (the count before, the figure a bound placed by 在).
fn bounds_what_is_counted(s: &[char], q: &Quantity) -> bool {
    let rest: String = s[q.end..]
        .iter()
        .take_while(|c| !is_delim(**c))
        .take(16)
        .collect();
    if let Some(k) = rest.find("的有") {
        let before = &rest[..k];
        let after = &rest[k + "的有".len()..];
        let range_tail = before.starts_with(['至', '到', '~', '-', '—']);
        let count_follows = after.chars().next().is_some_and(|c| c.is_ascii_digit())
            && ["个", "家", "项", "所", "座"]
                .iter()
                .any(|u| after.contains(u));
        return count_follows && (range_tail || !before.chars().any(|c| c.is_ascii_digit()));
    }
    let clause_start = (0..q.start)
        .rev()
        .find(|&i| is_delim(s[i]))
        .map_or(0, |i| i + 1);
    let before: String = s[clause_start..q.start].iter().collect();
    let placed = before.ends_with('在')
        && matches!(
            q.comparator,
            Some(Comparator::Ge | Comparator::Gt | Comparator::Le | Comparator::Lt)
        );
    placed
        && before.match_indices('有').any(|(i, w)| {
            let t = &before[i + w.len()..];
            let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
            digits > 0 && t[digits..].starts_with(['个', '家', '项'])
        })
}

/// Punctuation that ends a clause.
pub fn is_delim(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '；'
            | ';'
            | '、'
            | '：'
            | ':'
            | '！'
            | '？'
            | '）'
            | ')'
            | '（'
            | '('
            | '“'
            | '”'
            | '"'
            | '》'
            | '《'
    )
}

/// Adds comparator words after the quantity and decides whether a noun follows.
/// Whether a meeting's name follows, past a list of more numbers
/// (`三次、四次、五次全会`).
fn meeting_follows(s: &[char], mut j: usize) -> bool {
    for _ in 0..4 {
        if ["全会", "会议", "全体会议", "常委会"]
            .iter()
            .any(|w| at(s, j, w))
        {
            return true;
        }
        if s.get(j) != Some(&'、') {
            return false;
        }
        let n = s[j + 1..]
            .iter()
            .take_while(|c| "一二三四五六七八九十".contains(**c) || c.is_ascii_digit())
            .count();
        if n == 0 || s.get(j + 1 + n) != Some(&'次') {
            return false;
        }
        j += n + 2;
    }
    false
}

fn finish(s: &[char], q: &mut Quantity) {
    let j = q.end;
    let post = [
        ("以上", Comparator::Ge),
        ("及以上", Comparator::Ge),
        ("以内", Comparator::Le),
        ("以下", Comparator::Le),
        ("左右", Comparator::Approx),
        ("上下", Comparator::Approx),
        // (湿地保有量44850万亩不能减少: a floor.)
        ("不减少", Comparator::Ge),
        ("不能减少", Comparator::Ge),
        ("不降低", Comparator::Ge),
        ("不下降", Comparator::Ge),
    ];
    for (w, c) in post {
        if at(s, j, w) {
            q.comparator = Some(c);
            q.end = j + w.chars().count();
            break;
        }
    }
    // 10万元以上的村: a bound that qualifies a noun.
    // 投资50亿元以上17个: a bound that qualifies the count after it.
    // (20家以上5G重点骨干企业: figures and letters make a word, no count.)
    let digits = s[q.end..].iter().take_while(|c| c.is_ascii_digit()).count();
    let coded_word = digits > 0
        && s.get(q.end + digits)
            .is_some_and(|c| c.is_ascii_alphabetic());
    let count_after = digits > 0 && !coded_word;
    // (保持12%以上的增长速度, 7%左右的增速: the figure of the rate named after it.)
    let rate_after = s.get(q.end) == Some(&'的')
        && [
            "增长",
            "增速",
            "增幅",
            "速度",
            "年均增长",
            "高速增长",
            "较快增长",
            "水平",
            "负增长",
            // (符合3%左右的预期目标, 高于9%左右的规划目标: the goal's figure.)
            "预期",
            "目标",
            "规划目标",
            "年度目标",
            "年初目标",
            "计划目标",
        ]
        .iter()
        .any(|w| at(s, q.end + 1, w));
    // (打造100家以上的链主企业: a count of the things a verb makes, no bound
    // on a noun.)
    let made = counts_things(&q.unit) && WORK_VERBS.iter().any(|w| ends(s, q.start, w));
    q.qualifier = q.comparator.is_some()
        && !rate_after
        && ((s.get(q.end) == Some(&'的') && !made) || count_after);
    // 人口自然增长率-1.97‰, 增速为-2.3%: a minus sign after a name or verb
    // (not 1-3月, not 2020-2025) makes the figure negative.
    if q.num_start >= 2
        && q.num_start == q.start
        && matches!(s[q.num_start - 1], '-' | '－' | '−')
        && (planwatch_text::norm::is_han(s[q.num_start - 2])
            || matches!(s[q.num_start - 2], '：' | ':'))
        && !matches!(s[q.num_start - 2], '至' | '到' | '年' | '月')
    {
        q.value = -q.value;
        q.start -= 1;
    }
    // Comparator signs and words just before the number.
    let i = q.num_start;
    let pre: &[(&str, Comparator)] = &[
        ("≥", Comparator::Ge),
        ("≧", Comparator::Ge),
        (">=", Comparator::Ge),
        ("≤", Comparator::Le),
        ("≦", Comparator::Le),
        ("<=", Comparator::Le),
        (">", Comparator::Gt),
        ("<", Comparator::Lt),
        ("＞", Comparator::Gt),
        ("＜", Comparator::Lt),
    ];
    for (w, c) in pre {
        if ends(s, i, w) {
            q.start = i - w.chars().count();
            if q.comparator.is_none() || *c == Comparator::Ge || *c == Comparator::Le {
                q.comparator = Some(*c);
            }
            break;
        }
    }
    // 约¥0.65万元: a currency sign is part of the figure, not of its name.
    if q.start > 0 && matches!(s[q.start - 1], '¥' | '￥') {
        q.start -= 1;
    }
    if q.comparator.is_none() {
        q.comparator = word_comparator_before(s, q.start);
    }
    // 向6万元迈进: a level approached.
    if q.comparator.is_none() && q.start > 0 && s[q.start - 1] == '向' && at(s, q.end, "迈进") {
        q.comparator = Some(Comparator::Approx);
    }
    let next = s.get(q.end).copied();
    // Money followed by a noun names a thing by its size (300亿元产业集群).
    // (建成2142.04万亩高标准农田, 实施100万平方米精品小区建设: a measure
    // right after the verb, of the noun after it.)
    let measured = {
        let bare = MAGNITUDES
            .iter()
            .find_map(|m| q.unit.strip_prefix(m).filter(|b| !b.is_empty()))
            .unwrap_or(&q.unit);
        MEASURED_UNITS.contains(&bare) && WORK_VERBS.iter().any(|w| ends(s, q.start, w))
    };
    let counts = counts_things(&q.unit) || q.unit.ends_with('元') || measured;
    // (安排282个2013年市重大投资项目: the year of the things counted.)
    let year_then_noun = year_at(s, q.end).is_some_and(|(_, n)| {
        s.get(q.end + n)
            .is_some_and(|c| planwatch_text::norm::is_han(*c) && !"以来前底末的".contains(*c))
    });
    // (打造100家以上的链主企业: the noun after 的 is what the verb makes.)
    let made_noun = made
        && next == Some('的')
        && s.get(q.end + 1)
            .is_some_and(|c| planwatch_text::norm::is_han(*c));
    let noun_after = counts
            && next.is_some_and(|c| {
                (!is_delim(c) || c == '“' || c == '《')
                // (培育20家以上5G重点骨干企业: a noun opening on figures and letters.)
                && (!c.is_ascii_digit() || year_then_noun || coded_word)
                && !"和及与等的以左上,比增同较其为是多余或至到分均、".contains(c)
        })
        // 101.5万人下降至58.12万人: a change verb follows, not a counted noun.
        && !CHANGE_VERBS.iter().any(|w| at(s, q.end, w))
        && !at(s, q.end, "迈进")
        && !at(s, q.end, "奋进")
        // 300亿元锐减至…: any two-character verb going on to a new value.
        && !matches!(s.get(q.end + 2), Some('至' | '到'))
        // 2.5万亿元大关, 5兆两台阶: a milestone passed, not a thing counted.
        // (…and 5兆两台阶, two steps at once.)
        && !MILESTONES
            .iter()
            .chain(&["两台阶", "两个台阶"])
            .any(|w| at(s, q.end, w));
    q.counts_following_noun = made_noun || noun_after;
    // 营业收入超千亿元工业企业从2家增加到4家: a size class of the things
    // counted after it, not a figure of its own.
    if q.counts_following_noun
        && q.unit.ends_with('元')
        && ["超", "过", "逾", "超过"]
            .iter()
            .any(|w| ends(s, q.num_start, w))
        && s[q.end..]
            .iter()
            .take_while(|c| !is_delim(**c))
            .take(24)
            .any(|c| c.is_ascii_digit())
    {
        q.qualifier = true;
    }
    // 500万元以上固定资产投资, 营收3亿元以上工业企业, 4600元以下贫困现象:
    // a bound on money right before a noun is a size class, as with 的.
    if q.unit.ends_with('元')
        && matches!(q.comparator, Some(Comparator::Ge | Comparator::Le))
        && ["以上", "以下"].iter().any(|w| ends(s, q.end, w))
        && next.is_some_and(|c| {
            planwatch_text::norm::is_han(c) && !"和及与等的以左比增同较其为是或至到分均".contains(c)
        })
        && !["规模", "目标", "水平", "台阶", "大关"]
            .iter()
            .any(|w| at(s, q.end, w))
    {
        q.qualifier = true;
    }
    // 常住人口超过6万人的有2个, 在2万至6万人之间的有3个, 有8个市经济增速在
    // 12%以上: a bound on the things a count in the clause counts.
    if bounds_what_is_counted(s, q) {
        q.qualifier = true;
    }
    // 存栏20万头的肉牛大县4个, 总投资4.6亿元的华润100兆瓦光伏项目: a
    // figure in a clause on the noun that a later figure of the clause counts
    // or sizes describes that noun, and is no figure of its own.
    // (Not money, often a project's own figure: 总投资160亿元的…基地; nor a
    // goal's: 高于年初12%的目标14.4个百分点.)
    // (Nor a share: 全省13%的GDP、25%的财政收入; 8%的增速比全省高.)
    if at(s, q.end, "的")
        && !q.unit.ends_with('元')
        && !q.unit.contains('%')
        && !q.unit.ends_with("百分点")
        && !["目标", "预期", "计划", "任务", "水平"]
            .iter()
            .any(|w| at(s, q.end + 1, w))
        && describes_a_counted_noun(s, q.end + 1)
    {
        q.qualifier = true;
    }
    // 432种主要工业产品中, 全区22个县(市)区第3位: the set something is
    // picked or ranked from, not a figure.
    if counts_things(&q.unit) {
        let run: Vec<char> = s[q.end..]
            .iter()
            .copied()
            .take_while(|c| !matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':' | '、' | '\n'))
            .take(16)
            .collect();
        // (第3位, 第5名; not 第一书记.)
        let ranked = run.iter().enumerate().any(|(k, c)| {
            *c == '第' && {
                let n = run[k + 1..]
                    .iter()
                    .take_while(|d| d.is_ascii_digit() || "一二三四五六七八九十".contains(**d))
                    .count();
                n > 0 && matches!(run.get(k + 1 + n), Some('位' | '名'))
            }
        });
        // (…中，有300种; 31个工业大类行业中，21个行业增加值增长; 60项重点工程中有
        // 16项: what follows counts within the set.)
        // (Counted things only: 为1000人筛查脑卒中 is no set; nor a run past
        // an ellipsis: 60件民生实事……报告中.)
        let among = run.len() >= 2
            && matches!(
                q.unit.as_str(),
                "个" | "個" | "项" | "項" | "件" | "家" | "座" | "所" | "条" | "條" | "种" | "種"
            )
            && !run.iter().any(|c| matches!(c, '.' | '…'))
            && !run.ends_with(&['其', '中'])
            && ((run.last() == Some(&'中') && {
                let k = q.end + run.len();
                matches!(s.get(k), Some('，' | ',' | '有'))
            }) || run.windows(2).any(|w| w == ['中', '有']));
        // (全国14个大型煤炭基地之一, 全国74个重点监测城市中: the set the place
        // is one of.)
        let one_of = {
            let t: String = run.iter().collect();
            t.contains("之一")
                || (t.contains('中')
                    && ["全国", "全省", "全市", "全区"]
                        .iter()
                        .any(|w| ends(s, q.start, w)))
        };
        // (纲要分解为259项重大任务, 梳理出64项重点工作: how a plan is laid out.)
        let laid_out = ["分解为", "分解成", "梳理出", "细化为", "细化出", "分解為"]
            .iter()
            .any(|w| ends(s, q.start, w));
        let counted = matches!(
            q.unit.as_str(),
            "个" | "個" | "项" | "項" | "件" | "家" | "座" | "所" | "条" | "條"
        );
        if ranked || among || (counted && (one_of || laid_out)) {
            q.qualifier = true;
        }
    }
    // 2个300亿元产业集群: a count of size classes, not a figure.
    if counts_things(&q.unit) && next.is_some_and(|c| c.is_ascii_digit()) {
        let mut j = q.end;
        while s.get(j).is_some_and(|c| c.is_ascii_digit() || *c == '.') {
            j += 1;
        }
        let money = ["亿元", "万元", "元"]
            .iter()
            .find(|w| at(s, j, w))
            .map(|w| w.chars().count());
        if let Some(n) = money {
            if s.get(j + n)
                .is_some_and(|c| planwatch_text::norm::is_han(*c))
            {
                q.qualifier = true;
            }
        }
    }
}

/// After a figure's 的 at `i`: a noun of two characters or more, then, in
/// the same clause, a figure (`肉牛大县4个`).
fn describes_a_counted_noun(s: &[char], i: usize) -> bool {
    let noun = s[i.min(s.len())..]
        .iter()
        .take_while(|c| planwatch_text::norm::is_han(**c))
        .count();
    noun >= 2
        && s[i + noun..]
            .iter()
            .take(16)
            .take_while(|c| !is_delim(**c) && **c != '、')
            .any(|c| c.is_ascii_digit())
}

/// Comparator words shortly before a number (`突破`, `不低于`, `控制在`, `约`).
fn word_comparator_before(s: &[char], i: usize) -> Option<Comparator> {
    let words: &[(&str, Comparator)] = &[
        ("大于等于", Comparator::Ge),
        ("大于或等于", Comparator::Ge),
        ("小于等于", Comparator::Le),
        ("小于或等于", Comparator::Le),
        ("大于", Comparator::Gt),
        ("小于", Comparator::Lt),
        ("不低于", Comparator::Ge),
        ("不少于", Comparator::Ge),
        ("至少", Comparator::Ge),
        ("最少", Comparator::Ge),
        ("不超过", Comparator::Le),
        ("不高于", Comparator::Le),
        ("不多于", Comparator::Le),
        ("控制在", Comparator::Le),
        ("低于", Comparator::Lt),
        ("少于", Comparator::Lt),
        ("不到", Comparator::Lt),
        ("不足", Comparator::Lt),
        ("突破", Comparator::Gt),
        // (首次破万亿, 首破千亿.)
        ("首次破", Comparator::Gt),
        ("首破", Comparator::Gt),
        ("超过", Comparator::Gt),
        // 城镇化率将超45%.
        ("超", Comparator::Gt),
        ("高于", Comparator::Gt),
        ("多于", Comparator::Gt),
        ("逾", Comparator::Gt),
        // 迈上5万亿台阶, 跨越4万亿: a threshold passed.
        ("迈上", Comparator::Gt),
        ("跃上", Comparator::Gt),
        ("跨上", Comparator::Gt),
        ("跨越", Comparator::Gt),
        ("站上", Comparator::Gt),
        ("跨过", Comparator::Gt),
        ("接近", Comparator::Approx),
        ("迈向", Comparator::Approx),
        ("大约", Comparator::Approx),
        ("约", Comparator::Approx),
        ("近", Comparator::Approx),
    ];
    // Look back over at most 4 chars for the word, skipping 达到/为 between.
    let lo = i.saturating_sub(5);
    for end in (lo..=i).rev() {
        for (w, c) in words {
            if ends(s, end, w) {
                let gap: String = s[end..i].iter().collect();
                if gap.is_empty() || ["达到", "达", "为", "在", "到", "至"].contains(&gap.as_str())
                {
                    // 低于 inside 不低于 is handled by the longer word first.
                    return Some(*c);
                }
            }
        }
        if end < i && is_delim(s[end]) {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each quantity's value and whether it only qualifies another.
    fn qualified(s: &str) -> Vec<(f64, bool)> {
        let v: Vec<char> = s.chars().collect();
        quantities(&v)
            .iter()
            .map(|q| (q.value, q.qualifier))
            .collect()
    }

    fn q(s: &str) -> Vec<(f64, Option<f64>, String, Option<Comparator>)> {
        let v: Vec<char> = s.chars().collect();
        quantities(&v)
            .into_iter()
            .map(|q| (q.value, q.value_max, q.unit, q.comparator))
            .collect()
    }

    #[test]
    fn an_age_band_heading_a_count_is_no_figure() {
        let values = |t: &str| -> Vec<f64> { q(t).into_iter().map(|x| x.0).collect() };
        assert_eq!(values("其中0-17岁77324人，占18.8%"), [77324.0, 18.8]);
        assert_eq!(values("15-59岁的人口为50万人"), [50.0]);
        // An age as a figure stays one.
        assert_eq!(values("人均预期寿命78.5岁"), [78.5]);
        assert_eq!(values("平均年龄为35-40岁。"), [35.0]);
    }

    #[test]
    fn an_index_after_its_name_needs_no_unit() {
        assert_eq!(q("居民消费价格指数为103.5").len(), 1);
        assert_eq!(q("价格指数控制在103.5以内")[0].0, 103.5);
        assert_eq!(q("总人口性别比为107.50，")[0].0, 107.5);
        assert_eq!(
            q("总人口性别比(以女性为100,男性对女性的比例)为107.50，")[0].0,
            107.5
        );
        // Not any number after 指数, nor a year, nor one outside an index's range.
        assert!(q("发展指数2020年").is_empty());
        assert!(q("指数为12").is_empty());
        assert!(q("指数为103.5亿").iter().all(|x| !x.2.is_empty()));
    }

    #[test]
    fn counters_of_cases_lamps_and_lessons() {
        assert_eq!(q("复明手术300例")[0].2, "例");
        assert_eq!(q("路灯2万盏")[0].2, "万盏");
        assert_eq!(q("指导课程200课时")[0].2, "课时");
        assert_eq!(q("5千亿元"), vec![(5000.0, None, "亿元".into(), None)]);
    }

    #[test]
    fn a_measure_word_of_its_own_after_a_magnitude_is_the_unit() {
        assert_eq!(q("食用菌栽培规模63亿袋。")[0].2, "亿袋");
        assert_eq!(q("日产各类鞋品约5万双，")[0].2, "万双");
        assert_eq!(q("核酸检测能力6.5万管/天左右")[0].2, "万管/天");
        assert_eq!(q("供热能力达800万m2")[0].2, "万m2");
        // A noun after the magnitude is no unit; nor a place or 多.
        assert_eq!(q("带动5万农户受益")[0].2, "万");
        assert_eq!(q("增加到4万多亿")[0].2, "万");
    }

    #[test]
    fn a_start_value_before_a_change_verb_is_a_figure() {
        let got: Vec<f64> = q("城区规划面积由16平方公里扩大到25平方公里")
            .iter()
            .map(|q| q.0)
            .collect();
        assert_eq!(got, [16.0, 25.0]);
        // A capacity naming a project is still no figure of its own.
        assert!(q("建设30万吨航道").is_empty());
    }

    #[test]
    fn an_extent_after_a_work_verb_measures_the_noun_after_it() {
        let v: Vec<char> = "建成2142.04万亩高标准农田，新建26公里污水管网"
            .chars()
            .collect();
        let qs = quantities(&v);
        assert_eq!(qs.len(), 2);
        assert!(qs.iter().all(|q| q.counts_following_noun));
        // A plant's capacity, or a width, names the thing built.
        assert!(q("新建10万吨污水处理厂").is_empty());
        assert!(q("拓宽30米道路").is_empty());
    }

    #[test]
    fn the_set_a_place_is_one_of_and_a_plans_layout_are_no_figures() {
        let got = qualified(
            "平凉是全国14个大型煤炭基地之一，在全国74个重点监测城市中排第9，纲要分解为259项重大任务，新建学校5所",
        );
        assert_eq!(
            got,
            [(14.0, true), (74.0, true), (259.0, true), (5.0, false)]
        );
    }

    #[test]
    fn the_set_a_count_is_drawn_from_is_no_figure() {
        let got = qualified("31个工业大类行业中，21个行业增加值增长；60项重点工程中有16项延期");
        assert_eq!(
            got,
            [(31.0, true), (21.0, false), (60.0, true), (16.0, false)]
        );
        // (Not people, nor a run past an ellipsis.)
        let got = qualified("免费为1000人筛查脑卒中，抓好60件民生实事……报告中，");
        assert_eq!(got, [(1000.0, false), (60.0, false)]);
    }

    #[test]
    fn a_span_of_years_is_no_figure() {
        assert!(q("总结过去的5年，规划未来的5年").is_empty());
        assert!(q("用5年时间实现翻番").is_empty());
        assert_eq!(q("平均受教育年限达到11.4年")[0].0, 11.4);
        assert_eq!(q("人均预期寿命78年")[0].0, 78.0);
    }

    #[test]
    fn a_pages_counters_are_no_figures() {
        assert!(q("发布于2021-9-20 19:27 510 次浏览 0 位用户参与讨论").is_empty());
        assert!(q("阅读次数：3052次").is_empty());
        assert_eq!(q("接待游客510万人次")[0].0, 510.0);
    }

    #[test]
    fn a_list_after_fenbie_shares_its_last_unit() {
        let got: Vec<(f64, String)> = q("分别达到8393和6520美元")
            .into_iter()
            .map(|x| (x.0, x.2))
            .collect();
        assert_eq!(got, [(8393.0, "美元".into()), (6520.0, "美元".into())]);
        // Without 分别, a bare number before 和 is no figure of that unit.
        assert_eq!(q("1和2号线通车里程100公里").len(), 1);
        // A bound before the rate it is the figure of.
        let v: Vec<char> = "连续5年保持12%以上的增长速度".chars().collect();
        assert!(quantities(&v)
            .iter()
            .any(|x| x.value == 12.0 && !x.qualifier));
    }

    #[test]
    fn a_range_with_a_magnitude_on_each_end() {
        assert_eq!(
            q("50亿-100亿元的达到10家"),
            vec![
                (50.0, Some(100.0), "亿元".into(), None),
                (10.0, None, "家".into(), None)
            ]
        );
        assert_eq!(q("3万至5万人")[0], (3.0, Some(5.0), "万人".into(), None));
    }

    #[test]
    fn a_capacity_per_day_and_a_coefficient() {
        assert_eq!(q("供水能力达到1000万立方米/日")[0].2, "万立方米/日");
        assert_eq!(q("污水处理能力500万吨/日")[0].2, "万吨/日");
        assert_eq!(q("供水安全保障系数超过1.3。")[0].0, 1.3);
    }

    #[test]
    fn a_bare_magnitude_passed_or_held_is_one() {
        assert_eq!(
            q("跨上万亿元台阶"),
            vec![(1.0, None, "万亿元".into(), Some(Comparator::Gt))]
        );
        assert_eq!(q("原煤产量保持在亿吨以上")[0].2, "亿吨");
        // The magnitude alone, at a milestone or the clause's end.
        assert_eq!(
            q("生产总值首次破万亿。"),
            vec![(1.0, None, "万亿".into(), Some(Comparator::Gt))]
        );
        assert_eq!(q("总量突破万亿大关")[0].2, "万亿");
        assert_eq!(q("粮食总产突破30万吨大关")[0].2, "万吨");
        assert!(q("万亿级产业集群").is_empty());
        assert_eq!(q("装机容量达1.6吉瓦")[0].2, "吉瓦");
        assert_eq!(q("勘探开发井超过100口")[0].2, "口");
    }

    #[test]
    fn a_minus_sign_after_a_name_makes_a_figure_negative() {
        assert_eq!(q("人口自然增长率-1.97‰")[0].0, -1.97);
        assert_eq!(q("增速为-2.3%")[0].0, -2.3);
        // Ranges of months and years are no signs.
        assert!(q("1-3月增长5%").iter().all(|x| x.0 > 0.0));
        assert!(q("2021年-2025年累计投资500亿元").iter().all(|x| x.0 > 0.0));
    }

    #[test]
    fn a_money_unit_after_more_than_a_magnitude() {
        assert_eq!(
            q("达4万多亿元"),
            vec![(4.0, None, "万亿元".into(), Some(Comparator::Gt))]
        );
        assert_eq!(q("人均收入3万多元")[0].2, "万元");
        assert_eq!(q("3万余名志愿者")[0].2, "万名");
    }

    #[test]
    fn a_ratio_named_before_a_bare_number_has_no_unit() {
        assert_eq!(
            q("城乡收入比由1.93缩小到1.86"),
            vec![(1.93, None, "".into(), None), (1.86, None, "".into(), None)]
        );
        assert_eq!(
            q("城乡居民收入倍差缩小到1.9以内")[0].3,
            Some(Comparator::Le)
        );
        assert_eq!(q("城乡居民收入比从2020年的2.26降低至2024年的2.06").len(), 2);
        // No ratio named: a bare number is no figure.
        assert!(q("全面推进2.0版建设").is_empty());
    }

    #[test]
    fn a_streak_is_no_figure() {
        assert!(q("增速连续7个季度赶上或超过全国").is_empty());
        assert!(q("连续3年保持两位数增长").is_empty());
        assert_eq!(q("连续3年完成投资120亿元").len(), 1);
        assert_eq!(q("新增7个季度").len(), 1);
        // (A move in a ranking, too.)
        assert!(q("经济总量前进1个位次").is_empty());
    }

    #[test]
    fn a_growth_written_with_its_minus_sign() {
        assert_eq!(q("到位资金7.57亿元,增长-16%")[1].0, -16.0);
        // (Each item saying 个, the last 个百分点.)
        let l = q("分别拉动增长1.1个、2.3个和3.6个百分点");
        let got: Vec<(f64, &str)> = l.iter().map(|x| (x.0, x.2.as_str())).collect();
        assert_eq!(
            got,
            vec![(1.1, "个百分点"), (2.3, "个百分点"), (3.6, "个百分点")]
        );
        // (Each item with its own verb of change.)
        let l = q("占GDP的比重较上年分别下降0.2个、下降0.6个、提高0.8个百分点");
        let got: Vec<(f64, &str)> = l.iter().map(|x| (x.0, x.2.as_str())).collect();
        assert_eq!(
            got,
            vec![(0.2, "个百分点"), (0.6, "个百分点"), (0.8, "个百分点")]
        );
        // (In a list sharing the last item's unit.)
        let l = q("拉动贡献分别为0.15、-5.64、1.34个百分点");
        let got: Vec<(f64, &str)> = l.iter().map(|x| (x.0, x.2.as_str())).collect();
        assert_eq!(
            got,
            vec![(0.15, "个百分点"), (-5.64, "个百分点"), (1.34, "个百分点")]
        );
    }

    #[test]
    fn a_currency_sign_belongs_to_the_figure() {
        let v: Vec<char> = "人均GDP约¥0.65万元".chars().collect();
        let qs = quantities(&v);
        assert_eq!(qs[0].start, 6);
        assert_eq!(qs[0].comparator, Some(Comparator::Approx));
    }

    #[test]
    fn words_that_hold_numerals() {
        assert!(q("打破粮猪二元结构").is_empty());
        assert_eq!(
            q("死亡率5.94‰,上升0.05个千分点"),
            vec![
                (5.94, None, "‰".into(), None),
                (0.05, None, "个千分点".into(), None)
            ]
        );
        assert!(q("“十三五”头4年，经济年均增长").is_empty());
        assert!(q("未来5年，全省还将着力推进").is_empty());
        assert!(q("在于都农村干这8件大事").is_empty());
        let l = q("一产、二产贡献率提高1.3和0.2个百分点");
        assert_eq!(l.len(), 2);
        assert_eq!((l[0].0, l[0].2.as_str()), (1.3, "个百分点"));
        // A size class before the things it counts: only the count is a figure.
        assert_eq!(q("培育产值超1000亿元的产业6个").len(), 1);
        assert_eq!(q("其中超亿元的镇3个,超5000万元的镇4个").len(), 2);
        assert_eq!(
            q("城镇化率将超45%"),
            vec![(45.0, None, "%".into(), Some(Comparator::Gt))]
        );
        assert_eq!(q("年销售收入超10亿元以上龙头企业100家").len(), 1);
        assert_eq!(q("总产值达到1000亿元的水平").len(), 1);
        assert!(q("省委十一届三次、四次全会").is_empty());
        // Ranks and their moves.
        assert!(q("居全国16位,比2015年前移2位").is_empty());
        assert_eq!(
            q("突破4000亿元、5000亿元"),
            vec![
                (4000.0, None, "亿元".into(), Some(Comparator::Gt)),
                (5000.0, None, "亿元".into(), Some(Comparator::Gt))
            ]
        );
        assert_eq!(q("引进博士50位").len(), 1);
        assert_eq!(
            q("形成11个工业千亿产业"),
            vec![(11.0, None, "个".into(), None)]
        );
        assert_eq!(q("四年连跨4个千亿"), vec![(4.0, None, "个".into(), None)]);
        assert_eq!(
            q("平均受教育年限11.4年"),
            vec![(11.4, None, "年".into(), None)]
        );
        assert_eq!(
            q("受教育年限达到10.5年等。"),
            vec![(10.5, None, "年".into(), None)]
        );
        assert_eq!(
            q("湿地保有量44850万亩不能减少"),
            vec![(44850.0, None, "万亩".into(), Some(Comparator::Ge))]
        );
    }

    #[test]
    fn a_cell_that_is_a_unit_alone() {
        for u in ["%", "万元", "亿元", "个百分点", "公里", "万人"] {
            assert!(is_unit_word(u), "{u}");
        }
        for t in ["地区生产总值", "万元GDP能耗", "", "7.2"] {
            assert!(!is_unit_word(t), "{t}");
        }
    }

    #[test]
    fn units_and_comparators() {
        assert_eq!(
            q("孕产妇死亡率控制在12/10万以下"),
            vec![(12.0, None, "/10万".into(), Some(Comparator::Le))]
        );
        assert_eq!(q("接入宽带要达100Mbps")[0].2, "Mbps");
        assert_eq!(q("光伏装机达到50GW")[0].2, "GW");
        assert_eq!(q("新型储能2GWh")[0].2, "GWh");
        assert_eq!(q("户用光伏10kW")[0].2, "kW");
        assert!(q("建成5G基站").is_empty());
        // A unit that starts like a magnitude.
        assert_eq!(q("农业机械总动力190861千瓦")[0].2, "千瓦");
        assert_eq!(q("新建公路500千米")[0].2, "千米");
        assert_eq!(q("户均配变容量达到2千伏安/户")[0].2, "千伏安/户");
        assert_eq!(q("残存量不高于10克/平方米")[0].2, "克/平方米");
        assert_eq!(
            q("化学需氧量将≦40mg/L"),
            vec![(40.0, None, "mg/L".into(), Some(Comparator::Le))]
        );
        assert_eq!(
            q("地区生产总值1357.5亿元"),
            vec![(1357.5, None, "亿元".into(), None)]
        );
        assert_eq!(
            q("GDP力争突破3000亿元"),
            vec![(3000.0, None, "亿元".into(), Some(Comparator::Gt))]
        );
        assert_eq!(
            q("控制在4.3%以内"),
            vec![(4.3, None, "%".into(), Some(Comparator::Le))]
        );
        assert_eq!(
            q("年均增长7%左右"),
            vec![(7.0, None, "%".into(), Some(Comparator::Approx))]
        );
        assert_eq!(
            q("≥6%"),
            vec![(6.0, None, "%".into(), Some(Comparator::Ge))]
        );
        assert_eq!(
            q("解决实际问题400余个"),
            vec![(400.0, None, "个".into(), Some(Comparator::Gt))]
        );
        assert_eq!(
            q("资金3000余万元"),
            vec![(3000.0, None, "万元".into(), Some(Comparator::Gt))]
        );
        assert_eq!(
            q("招商千余批次"),
            vec![(1000.0, None, "批次".into(), Some(Comparator::Gt))]
        );
        assert_eq!(
            q("提高2个百分点"),
            vec![(2.0, None, "个百分点".into(), None)]
        );
        assert_eq!(
            q("公路密度达93.22公里/百平方公里"),
            vec![(93.22, None, "公里/百平方公里".into(), None)]
        );
        assert_eq!(
            q("分别达到千亿元以上"),
            vec![(1000.0, None, "亿元".into(), Some(Comparator::Ge))]
        );
        assert_eq!(q("比重15%—20%"), vec![(15.0, Some(20.0), "%".into(), None)]);
        assert_eq!(q("新建5至8个"), vec![(5.0, Some(8.0), "个".into(), None)]);
        assert_eq!(
            q("新登记经营主体5.2万户"),
            vec![(5.2, None, "万户".into(), None)]
        );
        assert_eq!(
            q("全市17.19万建档立卡人口"),
            vec![(17.19, None, "万".into(), None)]
        );
        assert_eq!(
            q("社会体育指导员占全市人口的2.0‰"),
            vec![(2.0, None, "‰".into(), None)]
        );
        assert_eq!(q("增长百分之五点五"), vec![(5.5, None, "%".into(), None)]);
        assert_eq!(
            q("城镇化率达到 54.5 %".replace(' ', "").as_str()),
            vec![(54.5, None, "%".into(), None)]
        );
        assert_eq!(
            q("PM2.5浓度降至35微克/立方米以下"),
            vec![(35.0, None, "微克/立方米".into(), Some(Comparator::Le))]
        );
        assert_eq!(q("居住280万人口"), vec![(280.0, None, "万".into(), None)]);
        assert_eq!(
            q("还不到8000万元"),
            vec![(8000.0, None, "万元".into(), Some(Comparator::Lt))]
        );
        assert_eq!(q("增加一倍"), vec![(1.0, None, "倍".into(), None)]);
        assert_eq!(
            q("锦州港货物吞吐量突破亿吨"),
            vec![(1.0, None, "亿吨".into(), Some(Comparator::Gt))]
        );
        assert_eq!(
            q("打造5个百亿级产业集群"),
            vec![(5.0, None, "个".into(), None)]
        );
    }

    #[test]
    fn a_count_before_figures_and_letters_counts_the_word() {
        let v: Vec<char> = "培育20家以上5G重点骨干企业".chars().collect();
        let qs = quantities(&v);
        assert!(!qs[0].qualifier && qs[0].counts_following_noun);
        assert_eq!(q("充电桩10万根")[0].2, "万根");
    }

    #[test]
    fn a_count_before_a_year_and_its_noun_counts_the_noun() {
        let v: Vec<char> = "安排282个2013年市重大投资项目".chars().collect();
        assert!(quantities(&v)[0].counts_following_noun);
        let v: Vec<char> = "新增5个2013年以来".chars().collect();
        assert!(!quantities(&v)[0].counts_following_noun);
    }

    #[test]
    fn a_second_classifier_in_brackets_and_units_after_yu() {
        assert_eq!(
            q("保有量达到5.3万台(套)"),
            vec![(5.3, None, "万台(套)".into(), None)]
        );
        assert_eq!(
            q("育活仔畜71.29万头(只)"),
            vec![(71.29, None, "万头(只)".into(), None)]
        );
        assert_eq!(
            q("完成造林面积1.2万余亩"),
            vec![(1.2, None, "万亩".into(), Some(Comparator::Gt))]
        );
        // (Not a bracketed note: 3万台(其中…).)
        assert_eq!(q("3万台(其中新增1万台)")[0].2, "万台");
    }

    #[test]
    fn a_bound_on_what_a_count_counts() {
        let got = qualified(
            "常住人口超过6万人的有2个，在2万至6万人之间的有3个，全省有8个市经济增速在12%以上",
        );
        assert_eq!(
            got,
            [
                (6.0, true),
                (2.0, false),
                // (2万至6万人: one range.)
                (2.0, true),
                (3.0, false),
                (8.0, false),
                (12.0, true)
            ]
        );
    }

    #[test]
    fn units_of_things_less_common() {
        for (t, u) in [
            ("接待邮轮超过100艘次", "艘次"),
            ("铁路网密度达到507公里/万平方公里", "公里/万平方公里"),
            ("供电煤耗下降到296克/千瓦时", "克/千瓦时"),
            ("新建住宅12幢", "幢"),
            ("放养鱼苗2500万尾", "万尾"),
            ("显示屏2.88亿片", "亿片"),
            ("移动土石方70万方", "万方"),
            ("增幅超过68℅", "℅"),
        ] {
            assert_eq!(q(t).first().map(|x| x.2.as_str()), Some(u), "{t}");
        }
        for t in ["地有五方。", "制定两组若干措施", "汽车尾气", "3片区"] {
            assert!(
                q(t).iter()
                    .all(|x| !["方", "组", "尾", "片"].contains(&x.2.as_str())),
                "{t}"
            );
        }
    }

    #[test]
    fn tenths_after_a_number() {
        assert_eq!(
            q("占比重近七成"),
            vec![(7.0, None, "成".into(), Some(Comparator::Approx))]
        );
        assert_eq!(
            q("占比超过4成以上"),
            vec![(4.0, None, "成".into(), Some(Comparator::Ge))]
        );
        assert!(q("一成不变").is_empty());
        assert!(q("三成为全国示范").is_empty());
        assert!(q("12成").is_empty());
    }

    #[test]
    fn not_quantities() {
        assert!(q("2023年1月10日").is_empty());
        assert!(q("新建5G基站").is_empty());
        assert!(q("PM2.5浓度").is_empty());
        // Letters naming an indicator are no code: the figure after them counts.
        assert_eq!(q("人均GDP35997元")[0].0, 35997.0);
        assert_eq!(q("全市GDP38.02亿元")[0].0, 38.02);
        assert!(q("“十三五”时期").is_empty());
        assert!(q("一体化发展，三大攻坚战").is_empty());
        assert!(q("实施科技创新发展三年行动").is_empty());
        assert!(q("第3次会议").is_empty());
        assert!(q("纲要(2015—2025年)").is_empty());
        // Qualifiers: a bound before a count, a count of size classes.
        let v: Vec<char> = "其中投资50亿元以上17个".chars().collect();
        assert!(quantities(&v)[0].qualifier && !quantities(&v)[1].qualifier);
        let v: Vec<char> = "食品加工2个300亿元产业集群".chars().collect();
        let qs = quantities(&v);
        assert!(qs[0].qualifier && qs[1].counts_following_noun);
        let v: Vec<char> = "营业收入超千亿元工业企业从2家增加到4家".chars().collect();
        let qs = quantities(&v);
        assert!(qs[0].qualifier && !qs[1].qualifier);
        // (A size class of money is no quantity at all.)
        assert_eq!(q("一般公共预算收入突破15亿元的县(市、区)达10个").len(), 1);
        let v: Vec<char> = "全省500万元以上固定资产投资增长20%".chars().collect();
        assert!(quantities(&v)[0].qualifier && !quantities(&v)[1].qualifier);
        let v: Vec<char> = "重点监测的432种主要工业产品中,有300种产量增长"
            .chars()
            .collect();
        assert!(quantities(&v)[0].qualifier && !quantities(&v)[1].qualifier);
        let v: Vec<char> = "增速位列全区22个县(市)区第3位".chars().collect();
        assert!(quantities(&v)[0].qualifier);
        let v: Vec<char> = "全县9名县处级干部担任第一书记,集群达24个、居全国第1"
            .chars()
            .collect();
        assert!(quantities(&v).iter().all(|q| !q.qualifier));
        let v: Vec<char> = "提供贷款担保186笔15.1亿元".chars().collect();
        assert!(quantities(&v).iter().all(|q| !q.qualifier));
        assert!(q("锦州港30万吨航道改扩建").is_empty());
        assert!(q("引进中关村、百度人工智能").is_empty());
        assert!(q("打通“最后一公里”").is_empty());
        assert!(q("出台“政策措施16条”").is_empty());
    }

    #[test]
    fn years() {
        let v: Vec<char> = "到二〇二五年".chars().collect();
        assert_eq!(year_at(&v, 1), Some((2025, 5)));
        let v: Vec<char> = "2020年".chars().collect();
        assert_eq!(year_at(&v, 0), Some((2020, 5)));
        // A Latin O typed for 〇 among Chinese digits.
        let v: Vec<char> = "到二O一二年".chars().collect();
        assert_eq!(year_at(&v, 1), Some((2012, 5)));
        let v: Vec<char> = "二OO八年".chars().collect();
        assert_eq!(year_at(&v, 0), Some((2008, 5)));
        let v: Vec<char> = "GO12年".chars().collect();
        assert_eq!(year_at(&v, 1), None);
    }
}
