//! Places: a gazetteer of China's provinces, prefectures and counties
//! (`data/regions.tsv`, GB/T 2260 names, with `data/regions-since.tsv` for
//! the places renamed or created since), to tell a place name from words
//! that merely end in 市, 区 or 县 (城区, 全市, 开发区), and to find the place
//! a document is about when its title and signature do not name it.

use crate::quantity::{at, ends};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Administrative level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// 省, 自治区, 直辖市.
    Province = 1,
    /// 地级市, 自治州, 地区, 盟.
    Prefecture = 2,
    /// 县, 县级市, 区, 旗.
    County = 3,
}

/// A known place: its full name and level.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// Full name (浙江省, 遵义市, 罗湖区).
    pub name: &'static str,
    /// Level.
    pub level: Level,
    /// The province it lies in (its own name for a province).
    pub province: &'static str,
    /// The prefecture a county lies in (its own name for a prefecture; empty
    /// for a province and for counties straight under one).
    pub prefecture: &'static str,
}

/// 新疆生产建设兵团, listed as a province (regions-since.tsv): its pages call
/// it 兵团 and name its cities under their divisions (第二师铁门关市).
const PRODUCTION_CORPS: &str = "新疆生产建设兵团";

struct Gazetteer {
    /// Counties by their name without 县 (略阳 → 略阳县), for pages that never
    /// write the full name; ambiguous ones are left out.
    county_short: HashMap<&'static str, Place>,
    /// Districts by their name without 区 (安源 → 安源区), the same way.
    district_short: HashMap<&'static str, Place>,
    /// Full names, and short names of provinces and prefectures (浙江, 遵义),
    /// each to its place; a short name is marked so.
    names: HashMap<&'static str, (Place, bool)>,
    /// Every proper prefix of a name: a scan stops where its text is none.
    prefixes: HashSet<&'static str>,
    longest: usize,
}

impl Gazetteer {
    /// Whether some name is longer than `t` and starts with it.
    fn extends(&self, t: &str) -> bool {
        self.prefixes.contains(t)
    }
}

fn gazetteer() -> &'static Gazetteer {
    const TSV: &str = include_str!("../data/regions.tsv");
    // (Read after the base table, whose provinces and prefectures place them.)
    const SINCE: &str = include_str!("../data/regions-since.tsv");
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut names = HashMap::new();
        // Provinces by the first two digits of their code (listed before their places).
        let mut provinces: HashMap<&'static str, &'static str> = HashMap::new();
        // Prefectures by the first four digits.
        let mut prefectures: HashMap<&'static str, &'static str> = HashMap::new();
        for line in TSV
            .lines()
            .chain(SINCE.lines())
            .filter(|l| !l.starts_with('#'))
        {
            let mut f = line.split('\t');
            let (Some(code), Some(level), Some(name)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let prefix = code.get(..2).unwrap_or(code);
            if level == "1" {
                provinces.insert(prefix, name);
            }
            let province = provinces.get(prefix).copied().unwrap_or(name);
            let prefix4 = code.get(..4).unwrap_or(code);
            if level == "2" {
                prefectures.insert(prefix4, name);
            }
            let prefecture = prefectures.get(prefix4).copied().unwrap_or("");
            let level = match level {
                "1" => Level::Province,
                "2" => Level::Prefecture,
                _ => Level::County,
            };
            // Districts named like everyday words (阳泉市城区, 郊区, 矿区).
            if matches!(name, "城区" | "郊区" | "矿区") {
                continue;
            }
            let place = Place {
                name,
                level,
                province,
                prefecture,
            };
            names.entry(name).or_insert((place, false));
            if level != Level::County {
                if let Some(short) = short_name(name) {
                    names.entry(short).or_insert((place, true));
                }
            }
            // 玉树藏族自治州 is 玉树州 in its own documents (and 玉树 for short),
            // 维西傈僳族自治县 is 维西县; a fact's region is named as its
            // document names it.
            let written_as = |stem: &str, suffix: char| {
                let name: &'static str = Box::leak(format!("{stem}{suffix}").into_boxed_str());
                (name, (Place { name, ..place }, false))
            };
            if let Some(stem) = autonomous_prefecture_stem(name) {
                let (with_suffix, entry) = written_as(stem, '州');
                names.entry(with_suffix).or_insert(entry);
                if !COMMON.contains(&stem) {
                    names.entry(stem).or_insert((place, true));
                }
            }
            if let Some(stem) = autonomous_county_stem(name) {
                let (with_suffix, entry) = written_as(stem, '县');
                names.entry(with_suffix).or_insert(entry);
            }
            // 新疆生产建设兵团 is 兵团 in its own documents.
            if name == PRODUCTION_CORPS {
                names.entry("兵团").or_insert((
                    Place {
                        name: "兵团",
                        ..place
                    },
                    false,
                ));
            }
        }
        // Counties become districts and county-level cities become districts
        // (辽中县 → 辽中区, 长乐市 → 长乐区): documents of any year name a
        // place as it was then, so each county-level place is known by its
        // other forms too, where no other place has that name. Built once;
        // the names live as long as the table.
        let aliases: Vec<(String, Place)> = names
            .values()
            .filter(|(p, short)| !short && p.level == Level::County)
            .filter_map(|(p, _)| {
                let stem = p.name.strip_suffix(['县', '区', '市'])?;
                (stem.chars().count() >= 2).then_some((stem, *p))
            })
            .flat_map(|(stem, p)| {
                let mut forms = vec![(format!("{stem}县"), p)];
                // (Not 安新县 as 安新区: …新区 is the tail of a named area,
                // 贵安新区, 两江新区.)
                if !stem.ends_with('新') {
                    forms.push((format!("{stem}区"), p));
                }
                // 吴江市, 萧山市: a county-level city before it became a
                // district. (Not after 城 or 都: 大城市, 新都市 are phrases.)
                if !stem.ends_with(['城', '都']) {
                    forms.push((format!("{stem}市"), p));
                }
                forms
            })
            .filter(|(a, _)| !names.contains_key(a.as_str()))
            .collect();
        for (a, p) in aliases {
            let name: &'static str = Box::leak(a.into_boxed_str());
            names.entry(name).or_insert((Place { name, ..p }, false));
        }
        // Two counties (or districts) of one short name: neither is meant.
        let short_names = |suffix: char| {
            let mut map: HashMap<&'static str, Option<Place>> = HashMap::new();
            for (place, _) in names
                .values()
                .filter(|(p, short)| !short && p.level == Level::County)
            {
                if let Some(short) = place
                    .name
                    .strip_suffix(suffix)
                    .filter(|s| s.chars().count() >= 2)
                {
                    map.entry(short)
                        .and_modify(|e| *e = None)
                        .or_insert(Some(*place));
                }
            }
            map.into_iter()
                .filter_map(|(k, v)| Some((k, v?)))
                .filter(|(k, _)| !names.contains_key(k))
                .collect::<HashMap<_, _>>()
        };
        let county_short = short_names('县');
        let district_short = short_names('区');
        let longest = names.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        let prefixes = names
            .keys()
            .flat_map(|k: &&'static str| k.char_indices().skip(1).map(move |(b, _)| &k[..b]))
            .collect();
        Gazetteer {
            names,
            prefixes,
            longest,
            county_short,
            district_short,
        }
    })
}

/// 维西傈僳族自治县 → 维西, 青龙满族自治县 → 青龙: the place's own name
/// before the peoples an autonomous county is named for (维西县 in its own
/// documents).
fn autonomous_county_stem(name: &'static str) -> Option<&'static str> {
    autonomous_stem(name, "自治县")
}

/// The name before the peoples of an autonomous place whose name ends in
/// `suffix` (自治州, 自治县); none when shorter than two characters.
fn autonomous_stem(name: &'static str, suffix: &str) -> Option<&'static str> {
    let body = name.strip_suffix(suffix)?;
    let at = PEOPLES.iter().filter_map(|p| body.find(p)).min()?;
    let stem = &body[..at];
    (stem.chars().count() >= 2).then_some(stem)
}

/// Peoples autonomous places are named for, as their names write them.
const PEOPLES: &[&str] = &[
    "藏族",
    "苗族",
    "侗族",
    "朝鲜族",
    "土家族",
    "彝族",
    "傣族",
    "哈尼族",
    "壮族",
    "白族",
    "蒙古",
    "回族",
    "哈萨克",
    "柯尔克孜",
    "傈僳族",
    "景颇族",
    "布依族",
    "满族",
    "瑶族",
    "畲族",
    "黎族",
    "仡佬族",
    "土族",
    "撒拉族",
    "羌族",
    "水族",
    "仫佬族",
    "毛南族",
    "纳西族",
    "拉祜族",
    "佤族",
    "布朗族",
    "独龙族",
    "怒族",
    "普米族",
    "锡伯族",
    "达斡尔族",
    "鄂温克族",
    "塔吉克",
    "东乡族",
    "保安族",
    "裕固族",
    "各族",
];

/// 玉树藏族自治州 → 玉树, 黔东南苗族侗族自治州 → 黔东南: the place's own
/// name before the peoples an autonomous prefecture is named for.
fn autonomous_prefecture_stem(name: &'static str) -> Option<&'static str> {
    autonomous_stem(name, "自治州")
}

/// 浙江省 → 浙江, 广西壮族自治区 → 广西, 遵义市 → 遵义; none when the short
/// form would be one character or a common word.
fn short_name(name: &'static str) -> Option<&'static str> {
    const SUFFIXES: &[&str] = &[
        "壮族自治区",
        "回族自治区",
        "维吾尔自治区",
        "特别行政区",
        "自治区",
        "地区",
        "省",
        "市",
        "盟",
    ];
    let short = SUFFIXES.iter().find_map(|s| name.strip_suffix(s))?;
    (short.chars().count() >= 2 && !COMMON.contains(&short)).then_some(short)
}

/// Areas that span or split provinces, as a title names them, with the
/// name of the area (西部大开发 is a policy for 西部地区).
const NAMED_AREAS: &[(&str, &str)] = &[
    ("西部大开发", "西部地区"),
    ("西部地区", "西部地区"),
    ("东北振兴", "东北地区"),
    ("东北地区", "东北地区"),
    ("中部崛起", "中部地区"),
    ("中部地区", "中部地区"),
    ("长三角", "长三角"),
    ("长江三角洲", "长江三角洲"),
    ("珠三角", "珠三角"),
    ("珠江三角洲", "珠江三角洲"),
    ("粤港澳大湾区", "粤港澳大湾区"),
    ("京津冀", "京津冀"),
    ("成渝地区双城经济圈", "成渝地区双城经济圈"),
    ("成渝经济区", "成渝经济区"),
    ("长江经济带", "长江经济带"),
    ("黄河流域", "黄河流域"),
    ("海峡西岸经济区", "海峡西岸经济区"),
    ("北部湾经济区", "北部湾经济区"),
];

/// A named area in a (simplified) title: one of [`NAMED_AREAS`], or a part
/// of a province named by its coast (江苏沿海地区, 辽宁沿海经济带). Returns
/// the area's name and where the title names it (as a char position).
pub fn named_area(t: &str) -> Option<(String, usize)> {
    let chars: Vec<char> = t.chars().collect();
    let listed = NAMED_AREAS.iter().find_map(|(w, name)| {
        t.find(w)
            .map(|at| (name.to_string(), t[..at].chars().count()))
    });
    let coast = || {
        let at = t.find("沿海")?;
        let k = t[..at].chars().count();
        let (_, len, _) = (k.saturating_sub(4)..k).find_map(|i| {
            place_at(&chars, i).filter(|(p, len, _)| i + len == k && p.level == Level::Province)
        })?;
        let start = k - len;
        let rest: String = chars[k..].iter().take(5).collect();
        let tail = ["沿海地区", "沿海经济带", "沿海"]
            .iter()
            .find(|w| rest.starts_with(*w))?;
        let name: String = chars[start..k].iter().collect::<String>() + tail;
        Some((name, start))
    };
    listed.or_else(coast)
}

/// Verbs before the province a speech was given in (视察贵州重要讲话精神).
const VISITED: &[&str] = &["视察", "考察"];

/// Short names that are also everyday words (or, for 海南, part of the names
/// of places within): not read as places unless nothing else is named.
const COMMON: &[&str] = &[
    "中山", "长治", "大同", "黄山", "吉安", "永安", "海南", "开封", "太平",
];

/// Whether a word may start at `s[i]`: after a non-Chinese char, a function
/// word or a date (2020年1-6月绵阳, 一季度绵阳), or one of `also`.
fn starts_word(s: &[char], i: usize, also: &str) -> bool {
    i == 0
        || !planwatch_text::norm::is_han(s[i - 1])
        || "在到与和及的了是对向从据年月日度为把将使让于以察".contains(s[i - 1])
        || also.contains(s[i - 1])
        // (加快新疆农村综合产权交易中心建设, 推动湖北高质量发展: a verb's object.)
        || ["加快", "推动", "促进", "支持", "助力"]
            .iter()
            .any(|w| ends(s, i, w))
        // (构建和谐汉寿, 建设美丽乡城: a slogan's epithet before the place.)
        || ["和谐", "美丽", "幸福", "魅力", "大美"]
            .iter()
            .any(|w| ends(s, i, w))
}

/// The place whose name starts at `s[i]`, longest first, with its length in
/// chars and whether it was named by its short form.
pub fn place_at(s: &[char], i: usize) -> Option<(Place, usize, bool)> {
    let g = gazetteer();
    let max = g.longest.min(s.len().saturating_sub(i));
    let mut buf = String::new();
    let mut found = None;
    for (k, c) in s[i..i + max].iter().enumerate() {
        buf.push(*c);
        if k >= 1 {
            if let Some((p, short)) = g.names.get(buf.as_str()) {
                found = Some((*p, k + 1, *short));
            }
        }
        if !g.extends(&buf) {
            break;
        }
    }
    // A short name must stand as a word: not inside a name or phrase (市长王安顺,
    // 平安顺利), nor run on into a longer word (浙江大学 is no place).
    let word_start = starts_word(s, i, "省市县区");
    // Nor may a name start inside another that began before it (大南昌都市圈
    // holds 南昌, not 昌都市).
    let found = found?;
    let inside_another = (i.saturating_sub(2)..i).any(|j| {
        let mut buf: String = s[j..i].iter().collect();
        for c in &s[i..(i + max).min(s.len())] {
            // (Once no name goes on with it, none can be found further.)
            if !g.extends(&buf) {
                return false;
            }
            buf.push(*c);
            if g.names.contains_key(buf.as_str()) {
                return true;
            }
        }
        false
    });
    Some(found).filter(|(p, len, short)| {
        // (内蒙古大地: the land of the place, no longer word.)
        let runs_on = s
            .get(i + len)
            .is_some_and(|c| matches!(c, '大' | '路' | '街' | '湾' | '站' | '港' | '机'))
            && !(s.get(i + len) == Some(&'大') && s.get(i + len + 1) == Some(&'地'));
        // 省委和县委: 和 joins 县委, it does not name 和县.
        let joins_committee = *len == 2
            && s.get(i + len) == Some(&'委')
            && matches!(
                s[i],
                '和' | '与' | '及' | '同' | '并' | '在' | '对' | '向' | '由' | '经'
            );
        // A one-character name with its suffix (范县, 代县, 城区) hides in words
        // (示范县, 现代县域, 中心城区): it too must start a word.
        let hides_in_words = !*short && *len == 2 && !word_start;
        // 2万户以上城区, 以下城区: 以上/以下 is a word, and 上城区 no place.
        let after_yi = i > 0
            && matches!(s[i - 1], '以' | '之')
            && matches!(s[i], '上' | '下' | '内' | '外' | '东' | '西' | '南' | '北');
        !inside_another
            && !after_yi
            && !joins_committee
            && !hides_in_words
            && (!*short || (word_start && !runs_on && p.name.chars().count() > *len))
    })
}

/// Like [`place_at`], but a chain of places (重庆市九龙坡区, 天津市河东区) gives
/// its most specific one, with the chain's whole length.
pub fn place_chain_at(s: &[char], i: usize) -> Option<(Place, usize, bool)> {
    let (mut p, mut len, mut short) = place_at(s, i)?;
    loop {
        // (新疆生产建设兵团第二师铁门关市: a division of the corps before its city.)
        if p.province == PRODUCTION_CORPS && s.get(i + len) == Some(&'第') {
            let n = s[i + len + 1..]
                .iter()
                .take(3)
                .take_while(|c| "一二三四五六七八九十".contains(**c))
                .count();
            if n > 0 && s.get(i + len + 1 + n) == Some(&'师') {
                if let Some((q, l, sh)) = place_at(s, i + len + n + 2) {
                    (p, short) = (q, sh);
                    len += n + 2 + l;
                    continue;
                }
            }
        }
        let Some((q, l, sh)) = place_at(s, i + len) else {
            break;
        };
        if q.level <= p.level {
            break;
        }
        (p, short) = (q, sh);
        len += l;
    }
    Some((p, len, short))
}

/// 与无锡市持续深化帮扶合作: the place at `s[i..i + len]` is a partner in aid
/// or cooperation, not the speaker.
fn partner_at(s: &[char], i: usize, len: usize) -> bool {
    (ends(s, i, "与") || ends(s, i, "同") || ends(s, i, "和")) && {
        let clause: String = s[i + len..]
            .iter()
            .take(24)
            .take_while(|c| !matches!(c, '，' | ',' | '。' | '；' | ';' | '\n'))
            .collect();
        [
            "帮扶", "协作", "合作", "对口", "结对", "共建", "签约", "签订", "携手",
        ]
        .iter()
        .any(|w| clause.contains(w))
    }
}

/// The one place of `level` a text names anywhere, even inside a word or a
/// slogan (`东北网黑龙江`, `美丽吉林建设`, `物联江西`), for a text that speaks
/// of itself at that level (我省, 全省) and names its place nowhere as a word.
/// Two or more places of the level: none.
pub fn sole_place_of_level(s: &[char], level: Level) -> Option<Place> {
    let g = gazetteer();
    let mut found: Option<Place> = None;
    for i in 0..s.len() {
        // (视察江西重要讲话精神: the place visited, not the page's.)
        if VISITED.iter().any(|w| ends(s, i, w)) {
            continue;
        }
        let mut buf = String::new();
        let mut here = None;
        let mut here_len = 0;
        for c in s[i..(i + g.longest).min(s.len())].iter() {
            buf.push(*c);
            // A province's short name may be a prefecture's too (吉林): the
            // level asked for decides.
            if let Some((p, _)) = g.names.get(buf.as_str()) {
                let q = if p.level == level {
                    Some(*p)
                } else if level == Level::Province && lookup(&format!("{buf}省")).is_some() {
                    lookup(&format!("{buf}省"))
                } else if level == Level::County {
                    // (岳阳 is a city's short name; a county's page means 岳阳县.)
                    lookup(&format!("{buf}县")).filter(|c| c.level == Level::County)
                } else {
                    None
                };
                // (A county's name of one or two characters, 和县 in 战略和县人大, is
                // words first.)
                if q.is_some_and(|q| level != Level::County || q.name.chars().count() >= 3) {
                    here = q;
                    here_len = buf.chars().count();
                }
            }
            if !g.extends(&buf) {
                break;
            }
        }
        if let Some(p) = here.filter(|_| !partner_at(s, i, here_len)) {
            match found {
                Some(f) if f.name != p.name => return None,
                _ => found = Some(p),
            }
        }
    }
    found
}

/// The full name of a known place, if `name` is one (full or short form).
pub fn lookup(name: &str) -> Option<Place> {
    gazetteer().names.get(name).map(|(p, _)| *p)
}

/// A known place written as a name alone: its full or short form, or its
/// name less 市 (开封, kept out of the short forms as also a word).
pub fn lookup_alone(name: &str) -> Option<Place> {
    lookup(name).or_else(|| lookup(&format!("{name}市")))
}

/// Places named in `s`, in order: (char position, length, place).
pub fn places(s: &[char]) -> Vec<(usize, usize, Place)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if let Some((p, len, _)) = place_chain_at(s, i) {
            out.push((i, len, p));
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

/// The place a text is most about: the most often named (a full name counts
/// twice a short one), at the level its `全省`/`全市`/`全县` words speak of
/// when they say. Ties go to the first named.
pub fn main_place(s: &[char]) -> Option<Place> {
    let text: String = s.iter().collect();
    let level_hint = [
        ("全省", Level::Province, ""),
        ("全市", Level::Prefecture, ""),
        ("全州", Level::Prefecture, "州"),
        ("全盟", Level::Prefecture, "盟"),
        ("全县", Level::County, ""),
        // A district's or an autonomous region's (广西全区), a banner's.
        ("全区", Level::County, "区"),
        ("全旗", Level::County, "旗"),
    ]
    .into_iter()
    .map(|(w, l, end)| (self_references(&text, w), l, end))
    .filter(|(n, _, _)| *n > 0)
    .max_by_key(|(n, _, _)| *n);
    let hint_count = level_hint.map_or(0, |(n, _, _)| n);
    let level_hint = level_hint.map(|(_, l, end)| (l, end));
    let mut score: Vec<(&'static str, Place, usize, usize)> = Vec::new();
    // A short first line is a headline (數說德州五年成績): its place counts more.
    let first_line = s.iter().position(|c| *c == '\n').unwrap_or(s.len());
    let headline_end = if first_line <= 30 { first_line } else { 0 };
    let mut i = 0;
    // Inside 《》 a place may be the issuer of a document cited rather than the
    // subject: it counts as a short name does, and not at all in the document
    // a text is based on (根据《中共湖南省委…若干意见》, 制定本方案).
    let mut cited = 0usize;
    let mut basis = false;
    // Where a meeting sat (自治区两会在呼和浩特召开).
    let mut venue_seat: Option<Place> = None;
    // Places named side by side (西宁、海东): no speaker, but of a province.
    let mut listed_aside: Vec<Place> = Vec::new();
    while i < s.len() {
        match s[i] {
            '《' => {
                cited += 1;
                let before: String = s[i.saturating_sub(4)..i].iter().collect();
                basis = ["根据", "按照", "依据", "贯彻", "落实"]
                    .iter()
                    .any(|w| before.contains(w));
            }
            '》' => cited = cited.saturating_sub(1),
            // A title is never broken over lines.
            '\n' => cited = 0,
            _ => {}
        }
        if cited > 0 && basis {
            i += 1;
            continue;
        }
        if let Some((p, len, short)) = place_chain_at(s, i) {
            // (不含铁门关市), 除X外: a place set aside is not the subject.
            let excluded = ["不含", "不包括", "除"].iter().any(|w| ends(s, i, w));
            // 视察贵州重要讲话精神: boilerplate naming the province visited; a
            // last resort only.
            let visited = VISITED.iter().any(|w| ends(s, i, w));
            // 两会在呼和浩特召开: where a meeting sat; 西宁铁路复线: a line's
            // name. Neither is what the text is about.
            let after: String = s[i + len..].iter().take(3).collect();
            let venue = ends(s, i, "在")
                && ["召开", "举行", "举办", "开幕", "闭幕"]
                    .iter()
                    .any(|w| after.starts_with(w));
            let named_work = ["铁路", "高铁", "高速", "公路", "机场", "大道"]
                .iter()
                .any(|w| after.starts_with(w));
            let partner = partner_at(s, i, len);
            if venue && venue_seat.is_none() {
                venue_seat = Some(p);
            }
            // 开辟北京、上海、武夷山目标客源市场: places listed side by side are
            // markets, partners or members, not the speaker.
            let listed = s.get(i.wrapping_sub(1)) == Some(&'、') || s.get(i + len) == Some(&'、');
            if listed {
                listed_aside.push(p);
            }
            if excluded || visited || venue || named_work || listed || partner {
                i += len;
                continue;
            }
            // 宝鸡市渭滨区: a place written under its parent is named with care.
            let chained = place_at(s, i).is_some_and(|(_, l, _)| l < len);
            let w = if short || cited > 0 { 1 } else { 2 }
                + usize::from(chained)
                + if i < headline_end { 2 } else { 0 };
            match score.iter_mut().find(|e| e.0 == p.name) {
                Some(e) => e.2 += w,
                None => score.push((p.name, p, w, i)),
            }
            i += len;
        } else {
            i += 1;
        }
    }
    // A province's meeting held in a city of it, the text naming no other
    // place (自治区两会在呼和浩特召开。会上，自治区主席…): that province.
    if score.is_empty() {
        if let Some(seat) = venue_seat.filter(|_| {
            [
                "自治区两会",
                "省两会",
                "自治区主席",
                "省长",
                "自治区人民政府",
                "省人民政府",
                "我省",
                "我区",
            ]
            .iter()
            .any(|w| text.contains(w))
        }) {
            return lookup(seat.province);
        }
    }
    let fits = |p: &Place| match level_hint {
        // 全州 is said in an autonomous prefecture (…州), 全盟 in a league.
        Some((_, end @ ("区" | "旗"))) => p.name.ends_with(end),
        Some((_, end)) if !end.is_empty() => p.level == Level::Prefecture && p.name.ends_with(end),
        // 全市 is said in prefecture-level cities, county-level ones and the
        // municipalities (北京市).
        // (Not in a district or a county: 西夏区 compared within 全市.)
        Some((Level::Prefecture, _)) => p.level == Level::Prefecture || p.name.ends_with('市'),
        Some((l, _)) => p.level == l,
        None => true,
    };
    // The hint counts only for a place named about as often as the most
    // named one (领跑全省 on a page about 牡丹江市 compares with the province).
    let top = score.iter().map(|e| e.2).max().unwrap_or(0);
    let fits_enough = |e: &(&'static str, Place, usize, usize)| fits(&e.1) && e.2 * 2 >= top;
    let pool: Vec<_> = match level_hint {
        // A page that speaks of 全州 but never names a 州 does not say which.
        Some((_, "州" | "盟")) => score.into_iter().filter(|e| fits(&e.1)).collect(),
        _ if score.iter().any(fits_enough) => score.into_iter().filter(fits_enough).collect(),
        _ => score,
    };
    // 全省 said again and again on a page naming places within one province
    // only in passing (西宁, 海东 once each): that province speaks.
    if let Some((Level::Province, _)) = level_hint {
        let passing = pool.iter().all(|e| e.2 <= 2) && hint_count >= 3;
        let named: Vec<Place> = pool.iter().map(|e| e.1).chain(listed_aside).collect();
        if passing && !named.is_empty() && !named.iter().any(|p| p.level == Level::Province) {
            let first = named[0].province;
            if named.iter().all(|p| p.province == first) {
                return lookup(first);
            }
        }
    }
    // A city's own text (市委、市政府…) naming counties of its own only in
    // passing (建成罗源县…项目): the city speaks.
    let county_words = [
        "县委",
        "县政府",
        "全县",
        "区委",
        "区政府",
        "全区",
        "我县",
        "我区",
    ];
    let city_speaks = matches!(level_hint, None | Some((Level::Prefecture, "")))
        && ["市委", "市政府", "全市", "我市"]
            .iter()
            .any(|w| text.contains(w))
        && !county_words.iter().any(|w| text.contains(w));
    if city_speaks
        && !pool.is_empty()
        && pool
            .iter()
            // (A county-level city says 全市 of itself: 一季度龙泉市生产总值.)
            // (Nor is a county opening the text in passing: 2009年,洛南县按照….)
            .all(|e| {
                e.1.level == Level::County
                    && e.2 <= 2
                    && e.3 >= 12
                    && !e.1.prefecture.is_empty()
                    && !e.1.name.ends_with('市')
            })
    {
        let first = pool[0].1.prefecture;
        if pool.iter().all(|e| e.1.prefecture == first) {
            return lookup(first);
        }
    }
    pool.into_iter()
        .max_by(|a, b| a.2.cmp(&b.2).then(b.3.cmp(&a.3)))
        .map(|e| e.1)
}

/// How often `w` (全市) speaks of the text's own place, not of a whole its
/// place is compared within (在全市率先, 全市第一, 高于全市平均).
fn self_references(text: &str, w: &str) -> usize {
    text.match_indices(w)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = &text[i + w.len()..];
            // (高于全国(5.5%)、全区(6.5%): a benchmark with its figure.)
            !before.is_some_and(|c| "在居列于占跑超比较".contains(c))
                && !["第", "前", "平均", "首", "同", "(", "（"]
                    .iter()
                    .any(|x| after.starts_with(x))
        })
        .count()
}

/// The place of a text that names none [`main_place`] or
/// [`county_by_short_name`] reads: a province visited (视察贵州重要讲话精神),
/// else a short name that is also a word (`2020年是海南发展…`).
pub fn fallback_place(s: &[char]) -> Option<Place> {
    // Only on a page about a province: a county's bulletin (全县…视察江西)
    // names its province without being about it.
    let text: String = s.iter().collect();
    if ["全县", "全市", "全区", "全州", "全旗"]
        .iter()
        .any(|w| text.contains(w))
    {
        return None;
    }
    let visited = (0..s.len()).find_map(|i| {
        VISITED
            .iter()
            .any(|w| ends(s, i, w))
            .then(|| place_chain_at(s, i))
            .flatten()
            .map(|(p, _, _)| p)
    });
    visited.or_else(|| common_place(s))
}

/// The first short name of [`COMMON`] standing as a word (`2020年是海南发展…`),
/// for a text that names no other place.
fn common_place(s: &[char]) -> Option<Place> {
    (0..s.len()).find_map(|i| {
        if !starts_word(s, i, "") {
            return None;
        }
        COMMON.iter().find_map(|w| {
            let n = w.chars().count();
            let here = s.get(i..i + n)?.iter().copied().eq(w.chars());
            // Not inside a longer name (海南藏族自治州).
            if !here || s.get(i + n) == Some(&'藏') {
                return None;
            }
            ["省", "市"]
                .iter()
                .find_map(|suf| lookup(&format!("{w}{suf}")))
        })
    })
}

/// A county a page names only without 县 (`2021年是略阳发展…`, `略阳坚持…`),
/// on a page that speaks of 全县 and names it as a word twice, or once as the
/// subject of its development (实现辽中经济跨越式发展) with no other county named:
/// (char position, length, place) of its first mention.
pub fn county_by_short_name(s: &[char]) -> Option<(usize, usize, Place)> {
    let text: String = s.iter().collect();
    let g = gazetteer();
    // A page about 全县 names a county; one about 全区 (区委), a district.
    let short_names = if text.contains("全县") || text.contains("县委") {
        &g.county_short
    } else if text.contains("全区") || text.contains("区委") {
        &g.district_short
    } else {
        return None;
    };
    let mut seen: Vec<(usize, usize, Place, usize)> = Vec::new();
    const VERBS: &[&str] = &["实现", "推动", "促进", "加快"];
    // 建设“六个安源”, “智造绿都、和合任泽”: a quoted slogan closing on its
    // place (not 两个城区, 三个新城, counts of other things).
    // (“三基地一通道”: a count of things, not a place.)
    let slogan_end = |i: usize, n: usize| {
        matches!(s.get(i + n), Some('”' | '’'))
            && !(i > 0 && "一二三四五六七八九十两".contains(s[i - 1]))
            && s[i.saturating_sub(12)..i]
                .iter()
                .any(|c| matches!(c, '“' | '‘'))
    };
    // 市生态环境局咸安分局: a city bureau's branch for the district.
    let branch = |i: usize, n: usize| i > 0 && s[i - 1] == '局' && at(s, i + n, "分局");
    for i in 0..s.len() {
        // (Inside a word only as a slogan's end or a bureau's branch.)
        let inside = !starts_word(s, i, "") && !VERBS.iter().any(|w| ends(s, i, w));
        for n in [2, 3] {
            if inside && !slogan_end(i, n) && !branch(i, n) {
                continue;
            }
            let Some(w) = s.get(i..i + n) else { continue };
            let w: String = w.iter().collect();
            if let Some(p) = short_names.get(w.as_str()) {
                match seen.iter_mut().find(|e| e.2.name == p.name) {
                    Some(e) => e.3 += 1,
                    None => seen.push((i, n, *p, 1)),
                }
            }
        }
    }
    // Named twice, or once as the subject of its development (2021年是略阳
    // 发展…不平凡的一年, 2020年略阳经济…, 为伊吾的改革开放…) where no other is
    // (长治 in 长治久安 is a word, once).
    let subject_at = |i: usize, n: usize| {
        let after: String = s[i + n..(i + n + 3).min(s.len())].iter().collect();
        // (海曙新闻网讯(记者…): the place's own news site opening the text.)
        let byline = (i == 0 || s[i - 1] == '\n')
            && ["新闻网", "网讯", "日报讯", "融媒"]
                .iter()
                .any(|w| after.starts_with(w));
        let after = after.strip_prefix('的').unwrap_or(&after);
        let verb = VERBS.iter().any(|w| ends(s, i, w));
        // (“六大行动”上城实践: the place's practice of a campaign.)
        let practice = after.starts_with("实践");
        byline
            || slogan_end(i, n)
            || branch(i, n)
            || practice
            || (i > 0
                && (matches!(s[i - 1], '是' | '年' | '为') || verb)
                && ["发展", "经济", "改革"]
                    .iter()
                    .any(|w| after.starts_with(w)))
    };
    let subjects: Vec<&str> = seen
        .iter()
        .filter(|e| subject_at(e.0, e.1))
        .map(|e| e.2.name)
        .collect();
    let alone = |e: &(usize, usize, Place, usize)| {
        subjects.len() == 1 && subjects[0] == e.2.name && seen.iter().all(|o| o.3 == 1)
    };
    let chosen: Vec<(usize, usize, Place, usize)> = seen
        .iter()
        .copied()
        .filter(|e| e.3 >= 2 || alone(e))
        .collect();
    chosen
        .into_iter()
        .max_by(|a, b| a.3.cmp(&b.3).then(b.0.cmp(&a.0)))
        .map(|e| (e.0, e.1, e.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn named_areas_in_titles() {
        assert_eq!(
            named_area("西部大开发“十二五”规划获批"),
            Some(("西部地区".to_string(), 0))
        );
        assert_eq!(
            named_area("到2025年江苏沿海地区综合实力稳步提升"),
            Some(("江苏沿海地区".to_string(), 6))
        );
        assert_eq!(named_area("江苏省2021年统计公报"), None);
    }

    #[test]
    fn a_conjunction_before_a_committee_is_no_county() {
        assert!(place_at(&chars("和县委十三届六次全会"), 0).is_none());
        assert_eq!(
            place_at(&chars("和县县委"), 0).map(|p| p.0.name),
            Some("和县")
        );
    }

    #[test]
    fn counties_named_without_their_suffix() {
        let s = chars("2021年是略阳发展进程不平凡的一年。全县生产总值69.7亿元。");
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), Some("略阳县"));
        // Once, as an everyday word, is no mention.
        let s = chars("2015年,全县落实惠民政策,全县生产总值增长13.1%。");
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), None);
        // A district, on a page about 全区.
        let s = chars("2010年,在区委领导下,全区经济平稳增长,安源发展迈上新台阶,安源城乡面貌一新。");
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), Some("安源区"));
        // A county become a district (辽中县 → 辽中区) keeps its old name.
        let s = chars("全县扶贫工作以四个乡镇为重点,实现辽中经济跨越式发展。");
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), Some("辽中县"));
        // Once, in a slogan counting it, as a campaign's practice, or as a
        // city bureau's branch.
        let s = chars("2010年,在区委领导下,建设“六个安源”的决策部署。全区经济保持增长。");
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), Some("安源区"));
        let s = chars("2021年,在区委领导下,全区紧紧围绕“智造绿都、和合任泽”建设目标。");
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), Some("任泽区"));
        // A district named after the base table was compiled (任县 → 任泽区).
        assert_eq!(lookup("任泽区").map(|p| p.prefecture), Some("邢台市"));
        assert_eq!(lookup("光明区").map(|p| p.prefecture), Some("深圳市"));
        let s = chars("全区深化“六大行动”上城实践。");
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), Some("上城区"));
        let s = chars("全区空气质量达标。(牵头单位:市生态环境局咸安分局)");
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), Some("咸安区"));
        // Not a count of other things (两个城区), nor a bureau's own name.
        let s = chars("全区建成三个新城,区发展改革局安排资金。");
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), None);
        // Once, as the district's own news site opening the text.
        let s = chars("海曙新闻网讯(记者某某)2012年,全区经济运行总体平稳。");
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), Some("海曙区"));
    }

    #[test]
    fn the_one_province_a_page_names_inside_words() {
        let s = chars("为贯彻落实《美丽吉林建设规划纲要》,全省到2027年…");
        assert_eq!(
            sole_place_of_level(&s, Level::Province).map(|p| p.name),
            Some("吉林省")
        );
        let s = chars("东北网黑龙江 > 经济 我省上半年经济增长");
        assert_eq!(
            sole_place_of_level(&s, Level::Province).map(|p| p.name),
            Some("黑龙江省")
        );
        // Two provinces: neither.
        let s = chars("物联江西、数字浙江");
        assert_eq!(
            sole_place_of_level(&s, Level::Province).map(|p| p.name),
            None
        );
        // A county's page: the city's short name is the county's.
        let s = chars("2013年,全县人民深入践行民本岳阳的执政和发展理念");
        assert_eq!(
            sole_place_of_level(&s, Level::County).map(|p| p.name),
            Some("岳阳县")
        );
        // (和县 across two words is none.)
        let s = chars("围绕县党代会确定的总体战略和县人大确定的目标");
        assert_eq!(sole_place_of_level(&s, Level::County).map(|p| p.name), None);
    }

    #[test]
    fn county_level_cities_become_districts_keep_their_old_name() {
        assert_eq!(
            place_at(&chars("吴江市十一五规划纲要"), 0).map(|p| p.0.name),
            Some("吴江市")
        );
        // 城市 and 都市 are words, not 上城区 or 新都区 as cities.
        assert!(place_at(&chars("上城市民"), 0).is_none());
        assert!(place_at(&chars("新都市圈"), 0).is_none());
    }

    #[test]
    fn the_land_of_a_place_and_a_slogans_epithet_name_it() {
        let s = chars("八月的内蒙古大地,到处洋溢着收获的喜悦。今年以来,全区经济运行稳中向好。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("内蒙古自治区"));
        // (浙江大学 still runs on into a longer word.)
        assert!(place_at(&chars("在浙江大学"), 1).is_none());
        let s = chars("“十二五”时期是构建和谐汉寿的重要阶段,也是汉寿抢抓机遇的关键时期。全县生产总值年均增长12%。");
        assert_eq!(
            county_by_short_name(&s).map(|(_, _, p)| p.name),
            Some("汉寿县")
        );
    }

    #[test]
    fn pages_that_never_name_their_place() {
        // 昌都市 inside 大南昌都市圈 is no mention; 铁门关市 is set aside.
        let s = chars("全县融入大南昌都市圈，全县生产总值增长8%。");
        assert_eq!(main_place(&s).map(|p| p.name), None);
        let s = chars("全州实现生产总值1519.84亿元(不含铁门关市)，全州人口增长。");
        assert_eq!(main_place(&s).map(|p| p.name), None);
        let s = chars("巴音郭楞蒙古自治州统计局。全州实现生产总值1519.84亿元。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("巴音郭楞蒙古自治州"));
    }

    #[test]
    fn knows_places_not_words() {
        assert_eq!(lookup("罗湖区").map(|p| p.level), Some(Level::County));
        assert_eq!(lookup("浙江").map(|p| p.name), Some("浙江省"));
        assert!(lookup("城区").is_none());
        assert!(lookup("开发区").is_none());
        let s = chars("2020年，罗湖区固定资产投资384亿元");
        let p = places(&s);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].2.name, "罗湖区");
        let s = chars("2018年重庆市九龙坡区国民经济和社会发展统计公报");
        assert_eq!(places(&s)[0].2.name, "九龙坡区");
    }

    #[test]
    fn words_holding_one_character_counties_are_no_places() {
        // 示范县 holds 范县, 现代县域 holds 代县.
        assert!(places(&chars("成功创建渔业平安示范县")).is_empty());
        assert!(places(&chars("基本完成2万户以上城区连片棚户区改造")).is_empty());
        assert!(places(&chars("发展现代县域经济")).is_empty());
        assert_eq!(places(&chars("2020年，范县生产总值")).len(), 1);
    }

    #[test]
    fn autonomous_counties_as_their_documents_name_them() {
        let p = lookup("维西县").expect("维西傈僳族自治县 by its own name");
        assert_eq!((p.name, p.prefecture), ("维西县", "迪庆藏族自治州"));
        assert_eq!(lookup("青龙县").map(|p| p.province), Some("河北省"));
    }

    #[test]
    fn autonomous_prefectures_as_their_documents_name_them() {
        assert_eq!(lookup("玉树州").map(|p| p.name), Some("玉树州"));
        assert_eq!(lookup("玉树").map(|p| p.name), Some("玉树藏族自治州"));
        assert_eq!(lookup("黔东南州").map(|p| p.level), Some(Level::Prefecture));
    }

    #[test]
    fn main_place_follows_the_documents_own_words() {
        let s = chars("据贵州省政府网站消息，介绍遵义“十四五”时期成就。遵义地区生产总值突破4000亿元，全市实现增长。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("遵义市"));
        let s = chars("全省地区生产总值增长7%，其中成都市增长8%。四川省统计局。全省");
        assert_eq!(main_place(&s).map(|p| p.name), Some("四川省"));
        // The issuer of a document cited in 《》 is not the subject.
        let s = chars("根据《中共湖南省委湖南省人民政府关于支持长沙市高质量发展的若干意见》，为长沙现代化建设，把长沙建设成为现代化城市。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("长沙市"));
        // A short name right after a date (2020年1-6月绵阳) starts a word.
        let s = chars("2020年1-6月绵阳主要经济指标\n规模以上工业增加值增长3.0%。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("绵阳市"));
        // A province visited (视察X) or a short name that is also a word
        // decides only when nothing else is named.
        let s = chars("深入落实总书记视察江西重要讲话精神，全县生产总值增长。");
        assert_eq!(fallback_place(&s).map(|p| p.name), None);
        let s = chars("深入落实总书记视察贵州重要讲话精神，全年生产总值增长。");
        assert_eq!(main_place(&s).map(|p| p.name), None);
        assert_eq!(fallback_place(&s).map(|p| p.name), Some("贵州省"));
        // A partner in aid or cooperation (与无锡市…帮扶合作) is not the speaker.
        let s = chars("全市脱贫攻坚强势推进，乐都、民和达到脱贫摘帽标准。与无锡市持续深化帮扶合作，累计落实帮扶资金5.03亿元。");
        assert_ne!(main_place(&s).map(|p| p.name), Some("无锡市"));
        let s = chars("无锡市持续深化帮扶合作，全市落实帮扶资金5.03亿元。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("无锡市"));
        let s = chars("2020年是海南发展历史上极不平凡的一年。");
        assert_eq!(fallback_place(&s).map(|p| p.name), Some("海南省"));
        // A province named as a verb's object on its own page (我区, 全区).
        let s = chars("力争全区果品产量870万吨。加快新疆农村综合产权交易中心建设。推进“三基地一通道”建设,全区原油产量3350万吨。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("新疆维吾尔自治区"));
        // A city of the corps under its division.
        let s2 = chars("新疆生产建设兵团第二师铁门关市2022年国民经济和社会发展统计公报");
        assert_eq!(
            place_chain_at(&s2, 0).map(|p| (p.0.name, p.1)),
            Some(("铁门关市", 15))
        );
        // (A count closing a slogan, 一通道, names no 通道县.)
        assert_eq!(county_by_short_name(&s).map(|p| p.2.name), None);
        // Places listed side by side are markets, not the speaker.
        let s = chars("全年开展乡村旅游活动40场以上。开辟北京、上海、武夷山目标客源市场。");
        assert_eq!(main_place(&s).map(|p| p.name), None);
        let s = chars("发展精品粮油、亳州花茶、绿色蔬果。亳州市全年生产总值增长。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("亳州市"));
        // A city's own text naming one of its counties in passing.
        let s = chars(
            "市委、市政府研究决定继续开展为民办实事工作。建成罗源县鉴江镇东湾溪安全生态水系项目。",
        );
        assert_eq!(main_place(&s).map(|p| p.name), Some("福州市"));
        // …but not a county's text, which names the city's 市委 too.
        let s = chars("在市委、市政府的坚强领导下，罗源县全县生产总值增长7%。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("罗源县"));
        // A county-level city says 全市 of itself.
        let s = chars("一季度,全市经济运行稳中有进。一季度龙泉市生产总值47.92亿元。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("龙泉市"));
        // A county opening the text is its subject, not named in passing.
        let s = chars("2009年,洛南县按照好中求快的方针,全力保增长。全市排名第三。");
        assert_eq!(main_place(&s).map(|p| p.name), Some("洛南县"));
    }
}
