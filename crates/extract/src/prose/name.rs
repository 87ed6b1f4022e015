//! Indicator names: the words before (or, for counts, after) a figure that
//! say what it measures, cut of datelines, periods, places, verbs and
//! comparisons; lists split into one name per figure.

use super::*;

/// A name made only of words of measure (`并且年均增长比率`, `累计增长幅度`,
/// `其总量`): it speaks of the indicator just named.
pub(super) fn only_measure_words(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "并且",
        "而且",
        "且",
        "其",
        "平均每年的",
        "平均每年",
        "每年",
        "年均",
        "平均",
        "累计",
        "增长率",
        "增长",
        "增速",
        "增幅",
        // (比1983年的1.78亿元翻了7.19番: the doublings of the figure just named.)
        "翻了",
        "翻",
        "分别",
        // (…指标必须下降19.5%…年均下降率要求达到4.61%.)
        "下降率",
        "下降",
        "降幅",
        "要求",
        "比率",
        "幅度",
        "速度",
        "总量",
        // (数字经济加快发展，规模达到2727.1亿元.)
        "规模",
        "成功",
        "为",
        // (人均生产总值超过7万元，折合9000美元: the same figure converted.)
        "折合",
        "约合",
        // (地区生产总值1.27万亿，可比价增长8%; 总量26.42亿元; 初步预计全年增长6.3%.)
        "按可比价",
        "可比价",
        "可比",
        "总数",
        "初步",
        "预计",
        "全年",
        // (增长5.1%，扣除价格因素实际增长4.4%; 剔除该因素年均增长9.6%: the
        // same indicator, reckoned another way.)
        "扣除价格因素后",
        "扣除价格因素",
        "剔除价格因素后",
        "剔除价格因素",
        "剔除该因素后",
        "剔除该因素",
        "剔除这一因素",
        "实际",
        "名义",
        // (两税收入386.6亿元，净增50亿元; 新登记市场主体92.09万户，同步增长17.5%.)
        "净增",
        "同步",
        // (年均增长6.1%，迈上2万亿元新台阶; 首次突破5300亿元大关: a milestone
        // the figure just named passed.)
        "首次",
        "连续",
        "迈上",
        "跨上",
        "站上",
        "登上",
        "突破",
        "跨越",
        "新台阶",
        "台阶",
        "大关",
        "关口",
        // (粮食种植面积4237.2万亩，新增586.3万亩; 三次产业结构调整为…; 稳定
        // 突破百亿元大关: the figure just named, changed or held.)
        "新增",
        "调整为",
        "调整",
        "稳定",
        // (同比增长8.0%，高于一季度的-3.5%; 回升到上半年增长8.3%; 比1-2月的
        // 2.7%: the same indicator in an earlier part of the year.)
        "高于",
        "低于",
        "快于",
        "慢于",
        "相比",
        "回升到",
        "回升至",
        "回落到",
        "回落至",
        "提高到",
        // (由“十三五”的1.753万亿元，发展到2.568万亿元: the same indicator grown.)
        "发展到",
        "发展至",
        "发展",
        "上半年",
        "前三季度",
        "一季度",
        "二季度",
        "三季度",
        "四季度",
        "的",
    ];
    // (人均地区生产总值…，按年平均汇率折算为3.2万美元, 按2017年平均汇率计算为5791美元:
    // the same figure converted.)
    let converted = name.starts_with('按')
        && ["汇率折算", "汇率计算", "汇率换算"]
            .iter()
            .any(|w| name.trim_end_matches(['为', '达']).ends_with(w));
    // (比1983年的1.78亿元翻了7.19番: the base compared with, then the doublings.)
    let doubled = (name.starts_with('比') || name.starts_with("与"))
        && (name.ends_with('翻') || name.ends_with("翻了"));
    let mut rest = name;
    // (工业总产值5180亿元，同比增34.1%: news' short words too.)
    loop {
        let months = month_range_len(&rest.chars().collect::<Vec<_>>());
        if months > 0 {
            rest = &rest[rest
                .char_indices()
                .nth(months)
                .map_or(rest.len(), |(i, _)| i)..];
            continue;
        }
        match WORDS
            .iter()
            .chain(crate::words::SHORT_CHANGES)
            .find_map(|w| rest.strip_prefix(w))
        {
            Some(r) => rest = r,
            None => break,
        }
    }
    converted || doubled || (rest.is_empty() && !name.is_empty())
}

/// `共30项指标`, `等8项指标达到…`, `下降3项指标`: a count of the indicators
/// a plan sets or a list just named describes the document, not the region
/// (`有23项指标已完成` counts progress and stays).
/// `283名代表应出席会议`, `162名代表汇聚一堂`: who attend a meeting, not a
/// figure of the place.
pub(super) fn counts_meeting_members(s: &[char], clause_start: usize, q: &Quantity) -> bool {
    if !matches!(q.unit.as_str(), "名" | "位" | "人") {
        return false;
    }
    let clause_end = (q.end..s.len())
        .find(|&i| matches!(s[i], ',' | '，' | ';' | '；' | '。'))
        .unwrap_or(s.len());
    let clause: String = s[clause_start..clause_end].iter().collect();
    (clause.contains("代表") || clause.contains("委员"))
        && [
            "出席",
            "列席",
            "实到",
            "应到",
            "汇聚一堂",
            "参加会议",
            "参加大会",
            "与会",
        ]
        .iter()
        .any(|w| clause.contains(w))
}

/// `“发展”出现67次`, `提到“高质量发展”12次`: how often a word comes up in a
/// report, as news on it counts; no figure of the place.
pub(super) fn counts_word_mentions(s: &[char], clause_start: usize, q: &Quantity) -> bool {
    if !matches!(q.unit.as_str(), "次" | "处") {
        return false;
    }
    let before: String = s[clause_start..q.start].iter().collect();
    let before = before.trim_end_matches('了');
    let mentioned = ["出现", "提到", "提及", "提了", "强调"]
        .iter()
        .any(|w| before.ends_with(w));
    mentioned && (before.contains('”') || before.contains('"') || before.contains('」'))
}

pub(super) fn counts_an_indicator_set(s: &[char], clause_start: usize, q: &Quantity) -> bool {
    if q.unit != "项" {
        return false;
    }
    // 5大类29项: the shape of an indicator table.
    if ends(s, q.start, "大类")
        || ends(s, q.start, "类")
            && s[..q.start]
                .iter()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit())
    {
        return true;
    }
    // 12项约束性指标(…)中，10项…: the set the next counts divide.
    let clause: String = s[q.end..]
        .iter()
        .take_while(|c| !matches!(c, ',' | '，' | ';' | '；' | '。'))
        .collect();
    if clause.contains("指标") && clause.ends_with('中') {
        return true;
    }
    let after: String = s[q.end..(q.end + 5).min(s.len())].iter().collect();
    if !["指标", "定量指标", "约束性指标", "预期性指标", "主要指标"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return false;
    }
    let before = between(s, clause_start, q.start);
    let tail: String = before
        .iter()
        .rev()
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    ["等", "共", "方面", "提出", "设置", "设定", "包括", "涵盖"]
        .iter()
        .any(|w| tail.ends_with(w))
        || before.iter().any(|c| matches!(c, '、' | '和'))
}

/// The place that opens a subject at sentence char `x` (a known place, or a
/// named area ending in 新区/经济区), as written; none if it is followed by
/// nothing that could be an indicator.
pub(super) fn place_heading(span: &Span, a: usize, x: usize) -> Option<String> {
    let s = &span.chars[a..];
    let mut x = x;
    for w in ["全年", "其中", "年末"] {
        if at(s, x, w) {
            x += w.chars().count();
        }
    }
    let len = if let Some((_, len, false)) = crate::region::place_chain_at(s, x) {
        len
    } else {
        // A named area: 2–5 characters before 新区 or 经济区.
        (2..=5).find_map(|n| {
            let name = s.get(x..x + n)?;
            if name.iter().any(|c| !planwatch_text::norm::is_han(*c))
                || matches!(name[0], '全' | '各' | '本' | '该' | '我' | '新' | '城')
            {
                return None;
            }
            ["新区", "经济区"]
                .iter()
                .find(|w| at(s, x + n, w))
                .map(|w| n + w.chars().count())
        })?
    };
    // The place must head a name, not be the whole subject (银川市3年实现…,
    // 张家口市PM2.5… head one).
    if s.get(x + len)
        .is_none_or(|c| !planwatch_text::norm::is_han(*c) && !c.is_ascii_alphanumeric())
    {
        return None;
    }
    Some(span.orig_string(a + x, a + x + len))
}

/// `西夏区(13.0%)和灵武市(8.2%)地区生产总值增速分别…`: for a figure in
/// brackets right after a place, the place (start, length) and the name
/// after the last bracket of the run (start, end), in sentence coords.
pub(super) fn bracketed_after_place(
    s: &[char],
    qa: usize,
    qb: usize,
    clause_end: usize,
) -> Option<(usize, usize, usize, usize)> {
    if qa == 0 || !matches!(s[qa - 1], '(' | '（') || !matches!(s.get(qb), Some(')' | '）')) {
        return None;
    }
    let open = qa - 1;
    let (px, plen) = (open.saturating_sub(10)..open).find_map(|k| {
        crate::region::place_chain_at(s, k)
            .filter(|(_, len, _)| k + len == open)
            .map(|(_, len, _)| (k, len))
    })?;
    // Past the run of places and bracketed figures (和灵武市(8.2%)).
    let mut nx = qb + 1;
    loop {
        let mut j = nx;
        if s.get(j)
            .is_some_and(|c| matches!(c, '和' | '、' | '及' | '与'))
        {
            j += 1;
        }
        let Some((_, len, _)) = crate::region::place_chain_at(s, j) else {
            break;
        };
        if !matches!(s.get(j + len), Some('(' | '（')) {
            break;
        }
        let Some(close) = s[j + len..]
            .iter()
            .take(12)
            .position(|c| matches!(c, ')' | '）'))
        else {
            break;
        };
        nx = j + len + close + 1;
    }
    const STOPS: &[&str] = &["分别", "位列", "位居", "名列", "排名", "居", "均", "列"];
    let ny = (nx..clause_end.min(s.len()))
        .find(|&i| STOPS.iter().any(|w| at(s, i, w)))
        .unwrap_or(clause_end.min(s.len()));
    (ny >= nx + 2).then_some((px, plen, nx, ny))
}

/// The place, as the document writes it with its full name's suffix, when
/// the name `x..y` is a place alone, perhaps with a verb before its figure
/// (`南京`, `无锡预计`, `南通为`).
pub(super) fn place_alone(span: &Span, a: usize, x: usize, y: usize) -> Option<String> {
    let s = &span.chars[a..];
    let (p, len, _) = crate::region::place_chain_at(s, x)?;
    let rest: String = between(s, x + len, y).iter().collect();
    [
        "",
        "预计",
        "为",
        "达",
        "达到",
        "约",
        "预计达到",
        "预计为",
        "实现",
        "完成",
    ]
    .contains(&rest.as_str())
    .then(|| written_place(span, a, x, len, p.name))
}

/// The indicator a list of places is announced with (`其余各市常住人口从高到低
/// 排序依次为:`), as written, when the place at `x` is in that list.
pub(super) fn list_topic(span: &Span, a: usize, x: usize) -> Option<String> {
    let s = &span.chars[a..];
    // (Looked for near the place only: parsers stay linear.)
    let reach = x.saturating_sub(200);
    let colon = reach + s[reach..x].iter().rposition(|c| matches!(c, ':' | '：'))?;
    if s[colon..x].iter().any(|c| is_sentence_end(*c)) {
        return None;
    }
    let near = colon.saturating_sub(60);
    let from = s[near..colon]
        .iter()
        .rposition(|c| is_clause_delim(*c) || is_sentence_end(*c) || *c == '\n')
        .map_or(near, |k| near + k + 1);
    let norm: String = s[from..colon].iter().collect();
    let orig: String = span.orig[a + from..a + colon].iter().collect();
    // Words of the list and of the places it runs over.
    let mut t = norm.as_str();
    let mut cut_front = 0;
    for w in [
        "其余各市",
        "其余各县",
        "其余",
        "其他各市",
        "各市州",
        "各市",
        "各县",
        "各区",
        "全省",
        "全市",
    ] {
        if let Some(r) = t.strip_prefix(w) {
            cut_front = w.chars().count();
            t = r;
            break;
        }
    }
    let mut cut_back = 0;
    loop {
        let before = t.len();
        for w in [
            "依次为",
            "分别为",
            "分别是",
            "依次是",
            "排序",
            "从高到低",
            "从低到高",
            "由高到低",
            "排名",
            "如下",
            "情况",
        ] {
            if let Some(r) = t.strip_suffix(w) {
                cut_back += w.chars().count();
                t = r;
            }
        }
        if t.len() == before {
            break;
        }
    }
    let n = t.chars().count();
    (2..=12).contains(&n).then(|| {
        orig.chars()
            .skip(cut_front)
            .take(orig.chars().count() - cut_front - cut_back)
            .collect()
    })
}

/// A place heading the name `name` whose subject starts at `x`: the place as
/// written, and the name without it.
pub(super) fn heading_place(
    span: &Span,
    a: usize,
    x: usize,
    name: &str,
) -> Option<(String, String)> {
    let s = &span.chars[a..];
    let (p, len, _) = crate::region::place_chain_at(s, x)?;
    let norm: String = name
        .chars()
        .map(planwatch_text::norm::char_for_matching)
        .collect();
    let head: String = s[x..x + len].iter().collect();
    let stem: String = name.chars().skip(len).collect();
    (norm.starts_with(&head) && stem.chars().count() >= 2)
        .then(|| (written_place(span, a, x, len, p.name), stem))
}

/// The full name of a place named at `x..x+len` in the document's own script.
pub(super) fn written_place(span: &Span, a: usize, x: usize, len: usize, full: &str) -> String {
    let norm: String = span.chars[a + x..a + x + len].iter().collect();
    let orig: String = span.orig[a + x..a + x + len].iter().collect();
    crate::frame::written(&norm, &orig, full)
}

/// Chars `a..b`, or none when the bounds cross (quantities whose comparator
/// signs overlap the previous one's end).
pub(super) fn between(s: &[char], a: usize, b: usize) -> &[char] {
    if a <= b && b <= s.len() {
        &s[a..b]
    } else {
        &[]
    }
}

/// The unit as the document writes it (`億元` stays `億元`).
pub(crate) fn written_unit(span: &Span, off: usize, q: &Quantity) -> String {
    let Some(p) = q.unit_pos else {
        return q.unit.clone();
    };
    let n = q.unit.chars().count();
    let orig = span.orig_string(off + p, off + p + n);
    let same = orig
        .chars()
        .map(planwatch_text::norm::char_for_matching)
        .eq(q.unit.chars());
    if same {
        return orig;
    }
    // (1.2萬余畝: 余 or 多 stands inside the unit as written.)
    let wider: String = span
        .orig_string(off + p, off + p + n + 1)
        .chars()
        .filter(|c| !matches!(c, '余' | '餘' | '多'))
        .collect();
    if wider.chars().count() == n
        && wider
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .eq(q.unit.chars())
    {
        wider
    } else {
        q.unit.clone()
    }
}

/// The name of the last fact when the sentence at `a` follows it after a
/// ；(or opens on 其中) and opens on a change with no name of its own
/// (`…242.0亿元；同比增长5.5%`, `…2.9万亿元。其中，十八大以来年均增长9.4%`),
/// as span positions of that name in the piece before.
pub(super) fn named_just_before(
    span: &Span,
    a: usize,
    s: &[char],
    qs: &[Quantity],
    out: &[Fact],
) -> Option<Name> {
    let c = &span.chars;
    // (…达2.9万亿元。其中，十八大以来年均增长9.4%: a part of it, after 其中.)
    let part = at(s, 0, "其中") && s.get(2).is_some_and(|c| is_clause_delim(*c));
    if a == 0 || !(matches!(c[a - 1], '；' | ';') || part) {
        return None;
    }
    let first = qs.iter().find(|q| !q.qualifier)?;
    if !part {
        // (Names are as written: found in the original chars.)
        if let Some(list) = list_just_before(&span.orig, a, s, qs, first, out) {
            return Some(list);
        }
    }
    let mut opening: String = s[usize::from(part) * 3..first.start].iter().collect();
    // (A span of time up to now before the change: 十八大以来.)
    if let Some(k) = opening.find("以来") {
        let head: Vec<char> = opening[..k + "以来".len()].chars().collect();
        if is_time_reference(&head) {
            opening = opening[k + "以来".len()..]
                .trim_start_matches([',', '，'])
                .to_string();
        }
    }
    // (与上年增长20%, 与上年相比减少7.17%: the same, told with 与.)
    for w in ["与上年相比", "与去年相比", "与上年", "与去年"]
        .iter()
        .chain(crate::words::YEAR_ON_YEAR.iter())
    {
        if let Some(rest) = opening.strip_prefix(w) {
            opening = rest.to_string();
            break;
        }
    }
    // (…比上年下降4.1%；与2020年相比，两年平均增长2.5%: the same figure set
    // against a named year, over the span since.)
    opening = past_comparison_with_year(&opening).to_string();
    if opening.is_empty() || !only_measure_words(&opening) {
        return None;
    }
    let last: Vec<char> = out.last()?.indicator.chars().collect();
    let from = a.saturating_sub(80);
    let x = (from..a.saturating_sub(last.len()))
        .rev()
        .take_while(|&i| !matches!(c[i], '。' | '\n'))
        .find(|&i| c[i..].starts_with(&last))?;
    Some(Name::Prior(x, x + last.len()))
}

/// `…毛入园率、巩固率和毛入学率分别达到90%、99%和92%；2020年分别达到98%、
/// 99%和95%`: a run after a ；that opens on a year and 分别 with no names of
/// its own is of the list the piece before named, when it has as many figures
/// (the list as span positions, from its first name to its last).
fn list_just_before(
    c: &[char],
    a: usize,
    s: &[char],
    qs: &[Quantity],
    first: &Quantity,
    out: &[Fact],
) -> Option<Name> {
    let mut i = 0;
    if at(s, 0, "到") {
        i += 1;
    }
    let (_, len) = crate::quantity::year_at(s, i)?;
    i += len;
    if matches!(s.get(i), Some(',' | '，')) {
        i += 1;
    }
    if !at(s, i, "分别") {
        return None;
    }
    let verb: String = s[i + 2..first.start].iter().collect();
    if !["", "达到", "为", "是", "增长", "提高到", "提高至", "达"].contains(&verb.as_str())
    {
        return None;
    }
    let k = qs.iter().position(|q| std::ptr::eq(q, first))?;
    let (_, count) = listed_run(s, qs, k);
    if count < 2 || out.len() < count {
        return None;
    }
    let names = &out[out.len() - count..];
    // The piece before, back to its sentence's start.
    let from = (a.saturating_sub(200)..a)
        .rev()
        .find(|&j| matches!(c[j], '。' | '\n' | '；' | ';') && j + 1 < a)
        .map_or(a.saturating_sub(200), |j| j + 1);
    let head: Vec<char> = names[0].indicator.chars().collect();
    let tail: Vec<char> = names[count - 1].indicator.chars().collect();
    let x = (from..a).find(|&j| c[j..].starts_with(&head))?;
    let y = (x..a).find(|&j| c[j..].starts_with(&tail))? + tail.len();
    (y - x <= 100).then_some(Name::Prior(x, y))
}

/// `s` past an opening comparison with a named year and the span since
/// (`与2020年相比，两年平均`, `比2019年`, `较2015年同期`), if it opens on one.
fn past_comparison_with_year(s: &str) -> &str {
    let mut rest = s;
    let mut compared = false;
    for lead in ["与", "和", "同", "比", "较"] {
        if let Some(r) = rest.strip_prefix(lead) {
            let digits = r.chars().take_while(char::is_ascii_digit).count();
            if digits == 4 && r[digits..].starts_with('年') {
                rest = &r[digits + '年'.len_utf8()..];
                rest = rest.strip_prefix("同期").unwrap_or(rest);
                if matches!(lead, "与" | "和" | "同") {
                    match rest.strip_prefix("相比") {
                        Some(r) => rest = r,
                        None => return s,
                    }
                }
                compared = true;
            }
            break;
        }
    }
    if !compared {
        return s;
    }
    rest = rest.trim_start_matches([',', '，']);
    // (两年平均, 3年平均: the span since the year compared with.)
    let mut it = rest.char_indices();
    if let (Some((_, c)), Some((k, '年'))) = (it.next(), it.next()) {
        if c.is_ascii_digit() || "两二三四五六七八九十".contains(c) {
            rest = &rest[k + '年'.len_utf8()..];
        }
    }
    rest
}

/// How an indicator name is made from the sentence.
#[derive(Debug, Clone, Copy)]
pub(super) enum Name {
    /// Chars `a..b` of the sentence.
    Plain(usize, usize),
    /// Words before the number plus the counted noun after it.
    Joined(usize, usize, usize, usize),
    /// Chars `a..b` of the span, in the sentence before this one
    /// (see [`prior_subject`]).
    Prior(usize, usize),
}

impl Name {
    /// The indicator names, one per item when a list shares the quantity
    /// (`供水、供电和燃气用户普及率均达到90%`).
    pub(super) fn names(
        &self,
        span: &Span,
        off: usize,
        s: &[char],
        qs: &[Quantity],
        k: usize,
    ) -> Vec<String> {
        match *self {
            Name::Joined(a, b, c, d) => {
                let mut n = clean_name(&span.orig_string(off + a, off + b));
                n.push_str(&clean_name(&span.orig_string(off + c, off + d)));
                vec![n]
            }
            Name::Prior(x, y) => Name::listed(span, x, y, 0, s, qs, k),
            Name::Plain(a, b) => Name::listed(span, off + a, off + b, b, s, qs, k),
        }
    }

    /// The names span chars `x..y` give the k-th quantity of sentence `s`,
    /// one per item of a list they may hold; `tail_from` (in `s`) is where
    /// the words between the name and the quantity start.
    pub(super) fn listed(
        span: &Span,
        x: usize,
        y: usize,
        tail_from: usize,
        s: &[char],
        qs: &[Quantity],
        k: usize,
    ) -> Vec<String> {
        {
            {
                let whole = clean_name(&span.orig_string(x, y));
                let between_next: bool = qs.get(k + 1).is_some_and(|n| {
                    n.start > qs[k].end
                        && between(s, qs[k].end, n.start)
                            .iter()
                            .all(|c| matches!(c, '和' | '、' | '及' | '与'))
                });
                let shared = !between_next
                    && (k == 0
                        || !between(s, qs[k - 1].end, qs[k].start)
                            .iter()
                            .all(|c| matches!(c, '和' | '、' | '及' | '与')));
                let chars = &span.orig[x..y];
                if let Some(c) = collective(chars) {
                    return vec![c];
                }
                // The run of figures listed with this one (X和Y), when not shared.
                let (first, count) = listed_run(s, qs, k);
                let sectors = sector_list(chars)
                    .or_else(|| urban_and_rural(chars))
                    .or_else(|| deposits_and_loans(chars));
                let items = sectors.clone().unwrap_or_else(|| {
                    split_list_on(chars, "、和及", 16, if shared { 0 } else { count })
                });
                if items.len() < 2 {
                    return vec![whole];
                }
                if shared {
                    // A shared value belongs to each item when the sentence says 均/分别,
                    // or the items are rates or shares, which cannot add up.
                    let tail: String = between(s, tail_from, qs[k].start).iter().collect();
                    // (年均, 平均 are no 均 of the items.)
                    let plain = tail.replace("年均", "").replace("平均", "");
                    let both =
                        plain.contains('均') || plain.contains('都') || plain.contains("双双");
                    let each = both || tail.contains("分别");
                    // (城乡居民收入分别增长4.7% with one figure: the first item's,
                    // the text naming the second's cut off.)
                    if sectors.is_some() && !both && tail.contains("分别") {
                        return items.into_iter().take(1).collect();
                    }
                    let last = items.last().map(String::as_str).unwrap_or("");
                    let unit = qs[k].unit.as_str();
                    let rate = unit == "%" || unit == "‰" || unit.ends_with("百分点");
                    let intensive = rate
                        || ["率", "比重", "比例", "占比", "水平"]
                            .iter()
                            .any(|w| last.ends_with(w));
                    // (二三产业比重达到89.1%: the two sectors' share together.)
                    return if each || (intensive && sectors.is_none()) {
                        items
                    } else {
                        vec![whole]
                    };
                }
                // 分别…X和Y: the k-th quantity of the list belongs to the k-th item.
                let idx = k - first;
                if let Some(items) = sectors.filter(|l| l.len() == count) {
                    return vec![items[idx].clone()];
                }
                for seps in ["、和及", "、和", "、"] {
                    // (电子和装备产业分别增长2.9%和1.6%: as many figures as
                    // trades, so not one trade's name.)
                    let items = split_list_on(chars, seps, 16, count);
                    if count == items.len() {
                        return vec![items[idx].clone()];
                    }
                }
                vec![whole]
            }
        }
    }
}

/// The clause ending in the comma right before `s[a]` (`建筑业增加值增长10.8%，`
/// before `拉动…`): where it starts, and where its comma is.
pub(super) fn clause_before(s: &[char], a: usize) -> Option<(usize, usize)> {
    let d = a.checked_sub(1)?;
    if !matches!(s[d], '，' | ',') {
        return None;
    }
    let p = s[..d]
        .iter()
        .rposition(|c| is_clause_delim(*c) || *c == '\n')
        .map_or(0, |i| i + 1);
    Some((p, d))
}

/// `材料产业、消费品产业和电子产业实现较快增长，增速分别为18.7%、12.7%和12.4%`,
/// `外贸进出口实现恢复性增长，增速达到3.8%`: a clause whose name is only a
/// measure (增速, 比重) takes its subject from the clause right before, item by
/// item when that clause lists as many subjects as the run has figures.
pub(super) fn subject_before_bare_measure(
    span: &Span,
    off: usize,
    a: usize,
    b: usize,
    s: &[char],
    qs: &[Quantity],
    k: usize,
) -> Option<String> {
    const GROWTH: &[&str] = &["增速", "增幅", "增长率", "增长速度"];
    let name: String = s.get(a..b)?.iter().collect();
    let name = name.trim();
    let share = name == "比重";
    if !share && !GROWTH.contains(&name) {
        return None;
    }
    let (p, d) = clause_before(s, a)?;
    let prev: String = s[p..d].iter().collect();
    const VERBS: &[&str] = &[
        "实现",
        "保持",
        "继续",
        "持续",
        "呈现",
        "均",
        "分别",
        "增长",
        "稳步",
        "快速",
        "较快",
        "平稳",
        "大幅",
        "同比",
        "比上年",
    ];
    let cut = VERBS.iter().filter_map(|w| prev.find(w)).min()?;
    let subject = &prev[..cut];
    let mut from = 0;
    for w in ["其中", "全年", "同时"] {
        if subject[from..].starts_with(w) {
            from += w.len();
        }
    }
    let subject = &subject[from..];
    // (比去年同期增长6.3%，增速…: a comparison, no subject.)
    if ["比", "较", "按", "与", "同", "其"]
        .iter()
        .any(|w| subject.starts_with(w))
    {
        return None;
    }
    let n = subject.chars().count();
    if !(2..=24).contains(&n) || subject.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // The subject in the document's own script.
    let start = p + prev[..from].chars().count();
    let orig: Vec<char> = span.orig.get(off + start..off + start + n)?.to_vec();
    let (first, count) = listed_run(s, qs, k);
    let item = if count >= 2 {
        let items = split_list_on(&orig, "、和及", 16, count);
        (items.len() == count).then(|| items[k - first].clone())?
    } else {
        if orig.iter().any(|c| matches!(c, '、' | '和' | '及')) {
            return None;
        }
        clean_name(&orig.iter().collect::<String>())
    };
    // (增速比一季度提高0.2个百分点: a change of the rate itself.)
    let of_rate = qs[k].unit.ends_with("百分点");
    Some(if share || of_rate {
        format!("{item}{name}")
    } else {
        item
    })
}

/// `三次产业对经济增长的贡献率分别为14.2%、16.0%和69.8%，分别拉动GDP增长1.2、
/// 1.3和5.6个百分点`, `建筑业增加值增长10.8%，拉动经济增长0.5个百分点`: a
/// clause with no subject of its own telling how many points a figure pulled
/// the whole up (拉动/带动) is the pull of the subject of the clause before,
/// item by item when that clause names the sectors (第一产业拉动GDP增长).
/// `prev` is the name of the figure told just before.
#[allow(clippy::too_many_arguments)]
pub(super) fn pull_of_subject_before(
    span: &Span,
    off: usize,
    a: usize,
    b: usize,
    s: &[char],
    qs: &[Quantity],
    k: usize,
    prev: Option<&str>,
) -> Option<String> {
    if !qs[k].unit.ends_with("百分点") {
        return None;
    }
    // (分别拉动, 直接拉动: the words of how, before the pull.)
    const HOW: [&str; 3] = ["分别", "直接", "共同"];
    let mut x = a;
    for w in HOW {
        if at(s, x, w) {
            x += 2;
        }
    }
    if !(at(s, x, "拉动") || at(s, x, "带动")) || x + 2 >= b {
        return None;
    }
    // The pull as written (拉動GDP增長), 增长 kept where the name stopped before it.
    let mut pull = clean_name(&span.orig_string(off + x, off + b));
    if at(s, b, "增长") {
        pull.push_str(&span.orig_string(off + b, off + b + 2));
    }
    // (The name may start after 分别, or with it.)
    let mut c = a;
    while HOW.iter().any(|w| ends(s, c, w)) {
        c -= 2;
    }
    let (p, d) = clause_before(s, c)?;
    let mut from = p;
    for w in ["其中", "全年", "同时"] {
        if at(s, from, w) {
            from += 2;
        }
    }
    let (first, count) = listed_run(s, qs, k);
    if count >= 2 {
        // The sectors the clause before opens with (三次产业对…, 一、二、三产业…).
        let end = (from..d)
            .find(|&i| {
                s[i] == '对'
                    || s[i].is_ascii_digit()
                    || ["分别", "增加值", "实现", "完成", "贡献"]
                        .iter()
                        .any(|w| at(s, i, w))
            })
            .unwrap_or(d);
        let orig = span.orig.get(off + from..off + end)?;
        let items = sector_list(orig).filter(|l| l.len() == count)?;
        return Some(format!("{}{pull}", items[k - first]));
    }
    // One figure: the subject of the figure told in the clause before.
    qs.iter().find(|q| q.start >= p && q.end <= d)?;
    let prev = prev?;
    let normal: String = prev
        .chars()
        .map(planwatch_text::norm::char_for_matching)
        .collect();
    if normal.contains("拉动") || normal.contains("带动") {
        return None;
    }
    let stem = prev.strip_suffix("增加值").unwrap_or(prev);
    (!stem.is_empty()).then(|| format!("{stem}{pull}"))
}

/// `钢铁、铝业…和电力五大支柱产业增加值`: the list gives examples of a
/// set it then counts (五大, 三个), and the figure is the set's.
pub(super) fn collective(chars: &[char]) -> Option<String> {
    let last_sep = chars
        .iter()
        .rposition(|c| matches!(c, '、' | '和' | '及'))?;
    if !chars[..last_sep].contains(&'、') {
        return None;
    }
    let tail = &chars[last_sep + 1..];
    let j = (1..tail.len().saturating_sub(2))
        .find(|&j| "二两三四五六七八九十".contains(tail[j]) && "大个项类".contains(tail[j + 1]))?;
    Some(clean_name(&tail[j..].iter().collect::<String>()))
}

/// `城乡居民人均可支配收入分别增长8.3%和9.1%`: the town and the country
/// residents' figures, named in the document's script.
pub(super) fn urban_and_rural(chars: &[char]) -> Option<Vec<String>> {
    // (宁县城乡居民…: the place before the pair is the region's, not a third item.)
    let own = chars
        .iter()
        .take(8)
        .position(|c| matches!(c, '县' | '縣' | '市' | '区' | '區' | '旗' | '州'));
    if let Some(p) =
        own.filter(|p| *p >= 1 && matches!(chars.get(p + 1..p + 3), Some(['城', '乡' | '鄉'])))
    {
        return urban_and_rural(&chars[p + 1..]);
    }
    // (城乡常住居民人均可支配收入: residents counted where they live.)
    let resident = matches!(chars.get(2..4), Some(['常', '住']));
    let skip = if resident { 2 } else { 0 };
    let head: String = chars
        .iter()
        .take(2)
        .chain(chars.get(2 + skip..4 + skip)?)
        .collect();
    let rest: String = clean_name(&chars.get(4 + skip..)?.iter().collect::<String>());
    // (城乡居民收入比, 城乡居民收入差距: one figure of the two together.)
    if rest.ends_with('比') || rest.ends_with("差距") {
        return None;
    }
    let lives = if resident { "常住" } else { "" };
    match head.as_str() {
        "城乡居民" => Some(vec![
            format!("城镇{lives}居民{rest}"),
            format!("农村{lives}居民{rest}"),
        ]),
        "城鄉居民" => Some(vec![
            format!("城鎮{lives}居民{rest}"),
            format!("農村{lives}居民{rest}"),
        ]),
        _ => None,
    }
}

/// `一、二、三产业增加值`, `一二三産`, `第二、三产业比重`: the sectors named
/// by their numbers, as full names (第一产业增加值, 第二产业增加值, …).
pub(super) fn sector_list(chars: &[char]) -> Option<Vec<String>> {
    let mut i = usize::from(chars.first() == Some(&'第'));
    let mut numbers = Vec::new();
    // (三次产业: the three sectors, in order.)
    if i == 0 && chars.starts_with(&['三', '次']) {
        numbers = vec!['一', '二', '三'];
        i = 1;
    }
    while let Some(&c) = chars.get(i) {
        match c {
            '一' | '二' | '三' if numbers.len() < 3 => numbers.push(c),
            '、' | '，' | ',' => {}
            _ => break,
        }
        i += 1;
    }
    // (第一、二、三次产业.)
    if chars.get(i) == Some(&'次') {
        i += 1;
    }
    if i >= chars.len() {
        return None;
    }
    let norm: String = chars[i..]
        .iter()
        .take(2)
        .map(|c| planwatch_text::norm::char_for_matching(*c))
        .collect();
    if numbers.len() < 2 || !norm.starts_with('产') {
        return None;
    }
    // (产业 or 产 alone: 一二三产增加值; the document's script kept: 産業.)
    let sector = if chars[i] == '产' {
        "产业".to_string()
    } else {
        format!("{}業", chars[i])
    };
    let rest: String = chars[i + if norm == "产业" { 2 } else { 1 }..]
        .iter()
        .collect();
    // (一二三産分別完成增加值: the verb between the subjects and the figure.)
    let mut rest = rest.as_str();
    for w in ["分别", "分別", "完成", "实现", "實現"] {
        rest = rest.strip_prefix(w).unwrap_or(rest);
    }
    let rest = clean_name(rest);
    // (三次产业结构 7.2:38.5:54.3: one figure of the three together.)
    if numbers.len() == 3 && ["结构", "結構", "比"].iter().any(|w| rest.starts_with(w)) {
        return None;
    }
    Some(
        numbers
            .iter()
            .map(|n| format!("第{n}{sector}{rest}"))
            .collect(),
    )
}

/// Splits `供水、供电和燃气用户普及率` into full names, giving the short
/// items the last item's tail: 供水用户普及率, 供电用户普及率, 燃气用户普及率.
/// Items longer than `longest` chars mean the text is no list of names; a
/// trade's name (交通运输、仓储和邮政业) is one item unless `figures`, as
/// many as its parts, are listed for it.
/// Words a list's last item ends in that name the figure of every item
/// (蔬菜、苹果、猕猴桃产量), longest first where one ends another.
const SHARED_TAILS: &[&str] = &[
    "增加值",
    "总产值",
    "产值",
    "总产量",
    "产量",
    "播种面积",
    "面积",
    "营业收入",
    "总收入",
    "收入",
    "销售额",
    "总额",
    "总人数",
    "人数",
    "销量",
    "存栏",
    "出栏",
    "投资",
];

pub(super) fn split_list_on(
    chars: &[char],
    seps: &str,
    longest: usize,
    figures: usize,
) -> Vec<String> {
    let mut parts: Vec<Vec<char>> = vec![Vec::new()];
    let mut depth = 0;
    for (i, &c) in chars.iter().enumerate() {
        let fixed_phrase = c == '及' && chars.get(i + 1) == Some(&'以');
        match c {
            '(' | '（' | '“' | '《' => depth += 1,
            ')' | '）' | '”' | '》' => depth -= 1,
            _ => {}
        }
        let word_ji = c == '及' && (p_prev_is(&parts, '普') || fixed_phrase);
        if depth == 0 && seps.contains(c) && !word_ji {
            parts.push(Vec::new());
        } else if let Some(p) = parts.last_mut() {
            p.push(c);
        }
    }
    parts.retain(|p| !p.is_empty());
    // 市府西路、中央南街等街路: examples of one thing, not a list of indicators.
    if chars.contains(&'等') {
        return vec![];
    }
    if parts.len() < 2 || parts.iter().any(|p| p.len() > longest) {
        return vec![];
    }
    // 有色金属冶炼和压延加工业, 交通运输、仓储和邮政业: one trade's name
    // (only its last word ends in 业); 采矿业和制造业 lists two.
    // (Read in simplified characters: 交通運輸、倉儲和郵政業 too.)
    let t2s = planwatch_text::norm::traditional_to_simplified;
    let trade = |p: &Vec<char>| p.last().map(|c| t2s(*c)) == Some('业');
    // (计算机、通信和其他电子设备制造业增加值: the trade's figure, where no
    // item before is a figure's name: not 地区生产总值和工业总产值.)
    let trade_figure = |p: &Vec<char>| {
        let w: String = p.iter().map(|c| t2s(*c)).collect();
        ["增加值", "总产值", "产值", "营业收入"]
            .iter()
            .find_map(|m| w.strip_suffix(m))
            // (批发和零售业完成增加值: a verb may come before the figure's word.)
            .map(|t| t.trim_end_matches("完成").trim_end_matches("实现"))
            .is_some_and(|t| t.ends_with('业'))
    };
    let figure_name = |p: &Vec<char>| p.last().is_some_and(|c| "值额量率入数重".contains(t2s(*c)));
    let before = &parts[..parts.len() - 1];
    let one_trade = parts.last().is_some_and(trade) && !before.iter().any(trade)
        || parts.last().is_some_and(trade_figure)
            && !before.iter().any(|p| trade(p) || figure_name(p));
    // (Unless a figure is given for each part: `figures` of them, listed.)
    if one_trade && figures != parts.len() {
        return vec![];
    }
    let last = parts.last().cloned().unwrap_or_default();
    // (蔬菜、苹果、猕猴桃产量: the figure's word the last item ends in is
    // what each before it lacks, whatever the lengths of their own names.)
    let last_word: String = last.iter().map(|c| t2s(*c)).collect();
    let shared = SHARED_TAILS
        .iter()
        .filter(|w| last_word.ends_with(*w) && last_word.chars().count() > w.chars().count())
        .map(|w| w.chars().count())
        .max();
    parts
        .iter()
        .map(|p| {
            let mut name: String = p.iter().collect();
            // (化学需氧量、氮氧化物排放量, 生产总值、城乡居民收入: an item
            // ending as a whole name does needs no part of the last.)
            let whole = std::ptr::eq(p, parts.last().unwrap_or(p))
                || p.last() == last.last()
                || p.last().is_some_and(|c| "值额量率入数重".contains(*c));
            // (Where the last item's own part is longer, 城镇、农村居民人均
            // 可支配收入, the words after an item as long are shared.)
            // (Only between short names of things, 蔬菜、猕猴桃: not 第一、二
            // 产业, 猪、牛、羊肉, 接待游客和旅游总收入.)
            let short_thing = (2..=4).contains(&p.len())
                && !p
                    .last()
                    .is_some_and(|c| "一二三四五六七八九十".contains(*c));
            match shared.filter(|n| short_thing && last.len() - n <= 4 && last.len() - n != p.len())
            {
                Some(n) if !whole => name.extend(&last[last.len() - n..]),
                _ if p.len() < last.len() && !whole => name.extend(&last[p.len()..]),
                _ => {}
            }
            clean_name(&name)
        })
        .collect()
}

pub(super) fn p_prev_is(parts: &[Vec<char>], c: char) -> bool {
    parts.last().and_then(|p| p.last()) == Some(&c)
}

/// Removes quotes and brackets around words in a name.
pub(super) fn clean_name(s: &str) -> String {
    // 機制活——啟動459項改革措施: a slogan set before a dash labels the figure.
    let s = match s.rsplit_once("——") {
        Some((_, after)) if after.chars().count() >= 2 => after,
        _ => s,
    };
    // (| 4 | 新建成保障性住房, |教育局|2|新建成…驿站: cells of a table read as
    // prose; the name is the last cell's.)
    let s = match s.rsplit_once(['|', '｜']) {
        Some((_, after)) if after.trim().chars().count() >= 2 => after.trim(),
        _ => s,
    };
    // (地区生产总值4年平均增长, 新登记市场主体4年累计: a span of years after
    // the name is none of it.)
    let s = {
        let chars: Vec<char> = s.chars().collect();
        let n = chars.len();
        let count = chars[..n.saturating_sub(1)]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit() || "一二两三四五六七八九十".contains(**c))
            .count();
        // (Not 连续3年, 近5年: the words make the name, poor as it is.)
        let kept = n.saturating_sub(1 + count);
        let span_word = kept >= 1 && "续近第前后".contains(chars[kept - 1]);
        if n >= 4 && chars[n - 1] == '年' && (1..=2).contains(&count) && kept >= 2 && !span_word {
            &s[..s.len()
                - chars[n - 1 - count..]
                    .iter()
                    .map(|c| c.len_utf8())
                    .sum::<usize>()]
        } else {
            s
        }
    };
    s.chars()
        .filter(|c| {
            !matches!(
                c,
                '“' | '”'
                    | '"'
                    | '‘'
                    | '’'
                    | '《'
                    | '》'
                    | '「'
                    | '」'
                    | '﹡'
                    | '*'
                    | ' '
                    // (●社会消费品零售总额: list bullets.)
                    | '●'
                    | '■'
                    | '◆'
                    | '▲'
                    | '★'
                    | '☆'
                    | '•'
                    | '▪'
                    | '○'
                    | '◎'
            )
        })
        .collect()
}

/// The end of the noun a count names (`5个农产品加工园区，` → before `，`).
pub(super) fn noun_end(s: &[char], from: usize, next_q: Option<usize>, clause_end: usize) -> usize {
    let mut end = clause_end.min(next_q.unwrap_or(usize::MAX)).min(from + 24);
    // A following count in the same clause starts a new item: stop before 和/、.
    while end > from && matches!(s[end - 1], '和' | '及' | '与' | '、' | ',' | '，') {
        end -= 1;
    }
    // 60个县(市、区)水源置换: a list in brackets stays in the noun.
    let mut depth = 0i32;
    (from..end)
        .find(|&i| {
            match s[i] {
                '(' | '（' => depth += 1,
                ')' | '）' => depth -= 1,
                _ => {}
            }
            s[i] == '、' && depth <= 0
        })
        .unwrap_or(end)
}

/// The run of figures listed with `qs[k]` (`X和Y`, `5%、6%、7%`): its first
/// figure's index and its length.
pub(super) fn listed_run(s: &[char], qs: &[Quantity], k: usize) -> (usize, usize) {
    let first = (0..=k)
        .rev()
        .take_while(|&i| i == k || listed_after(s, qs, i + 1))
        .last()
        .unwrap_or(k);
    let count = (first..qs.len())
        .take_while(|&i| i == first || listed_after(s, qs, i))
        .count();
    (first, count)
}

/// Whether `qs[i]` is listed right after `qs[i - 1]` (`25.9%和16.8%`, `5%、6%`).
pub(super) fn listed_after(s: &[char], qs: &[Quantity], i: usize) -> bool {
    between(s, qs[i - 1].end, qs[i].start)
        .iter()
        .all(|c| matches!(c, '和' | '、' | '及' | '与'))
}

/// A count written right before a measure of the same things (`4条188公里`
/// 轨道交通), when `qs[k]` is either: where the pair starts, and its later one.
pub(super) fn measured_pair(qs: &[Quantity], k: usize) -> Option<(usize, &Quantity)> {
    let pair = |a: &Quantity, b: &Quantity| {
        b.start == a.end
            && crate::quantity::counts_things(&a.unit)
            && matches!(
                b.unit.as_str(),
                "公里" | "千米" | "米" | "亩" | "万亩" | "平方公里"
            )
    };
    let q = &qs[k];
    match (k.checked_sub(1).map(|p| &qs[p]), qs.get(k + 1)) {
        (_, Some(n)) if pair(q, n) => Some((q.start, n)),
        (Some(p), _) if pair(p, q) => Some((p.start, q)),
        _ => None,
    }
}

/// Where the name of a figure that opens its clause starts after it: past
/// 的 (50%的农户…), or past a bound on a share (30%以上的行政村…, 90%以上行政村…).
pub(super) fn named_after(s: &[char], q: &Quantity, clause_end: usize) -> Option<usize> {
    let mut at_ = q.end;
    let bound = ["及以上", "以上", "左右"]
        .iter()
        .find(|w| at(s, at_, w))
        .map(|w| w.chars().count());
    at_ += bound.unwrap_or(0);
    let share = q.unit == "%" || q.unit == "成";
    if s.get(at_) == Some(&'的') {
        // (在2007年突破1000亿元的基础上: what was built on, no name.)
        return (!at(s, at_ + 1, "基础")).then_some(at_ + 1);
    }
    // (60%城市污水处理厂完成提标改造: a share of the things named right after it.)
    // (Not a headline's figure with the next line glued on: the clause is short.)
    // (Not 25.9%和16.8%: a list of figures goes on.)
    (share
        && clause_end <= at_ + 24
        && s.get(at_)
            .is_some_and(|c| planwatch_text::norm::is_han(*c) && !"和及与或".contains(*c))
        && !s[at_..clause_end.max(at_)].iter().any(char::is_ascii_digit)
        && !crate::words::RISE
            .iter()
            .chain(crate::words::FALL)
            .any(|w| at(s, at_, w)))
    .then_some(at_)
}

/// Strips filler words from both ends of `s[a..b]`, and years at the front.
pub(super) fn strip(
    s: &[char],
    mut a: usize,
    mut b: usize,
    lead: &[&str],
    trail: &[&str],
) -> (usize, usize) {
    loop {
        let before = (a, b);
        while a < b && (is_delim(s[a]) || s[a] == '、') {
            a += 1;
        }
        // (2)新建村镇供水工程: a list number left after its bracket.
        let digits = between(s, a, b)
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits > 0 && digits <= 2 && matches!(s.get(a + digits), Some(')' | '）')) {
            a += digits + 1;
        }
        // (1.地区生产总值达到46616亿元: an item's number.)
        if digits > 0
            && digits <= 2
            && matches!(s.get(a + digits), Some('.' | '．' | '、'))
            && s.get(a + digits + 1).is_some_and(|c| !c.is_ascii_digit())
            && (a == 0 || is_clause_delim(s[a - 1]) || s[a - 1] == '\n')
        {
            a += digits + 1;
        }
        if let Some((_, len)) = year_at(s, a) {
            a += len;
        }
        // (5年累计投入691亿元, 3年间: a span of years heading the name.)
        let span_digits = between(s, a, b)
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if (1..=2).contains(&span_digits)
            && s.get(a + span_digits) == Some(&'年')
            && ["累计", "来", "间", "内"]
                .iter()
                .any(|w| at(s, a + span_digits + 1, w))
        {
            a += span_digits + 1;
        }
        // (1-12月份完成投资28.78亿元, 1—9月: the months the figure runs over.)
        a += month_range_len(between(s, a, b));
        if let Some(rest) = s.get(a..b).filter(|_| !lead.is_empty()) {
            a += period_phrase_len(rest);
            a += dateline_len(&s[a..b]);
        }
        for w in lead.iter().chain(if lead.is_empty() {
            &[][..]
        } else {
            VERBS_AT_FRONT
        }) {
            // (年度GDP keeps its 年, 增加值 its 增加.)
            let noun = (*w == "年" && (at(s, a, "年度") || at(s, a, "年均")))
                || (*w == "增加" && at(s, a, "增加值"));
            if at(s, a, w) && a + w.chars().count() <= b && !noun {
                a += w.chars().count();
                break;
            }
        }
        // A year at the end (由2010年末的): not part of the name.
        for tail in ["年末", "年底", "年"] {
            let n = tail.chars().count();
            if b >= a + n + 4
                && ends(&s[..b], b, tail)
                && s[b - n - 4..b - n].iter().all(|c| c.is_ascii_digit())
            {
                b -= n + 4;
                break;
            }
        }
        for w in trail {
            if b > a && ends(&s[..b], b, w) && b - w.chars().count() >= a {
                b -= w.chars().count();
                // 工业总产值5年平均递增: the span's count goes with its 年.
                if w.starts_with('年') {
                    b -= span_count_before(&s[a..b]);
                }
                break;
            }
        }
        while b > a && matches!(s[b - 1], '，' | ',' | '、' | '：' | ':' | '(' | '（') {
            b -= 1;
        }
        if (a, b) == before {
            return (a, b);
        }
    }
}

/// Whether `s[a..b]` is only a year compared with (`，比1983年的`), stating
/// the base value that follows at `b`.
pub(super) fn stated_base_before(s: &[char], mut a: usize, b: usize) -> bool {
    while a < b && (is_delim(s[a]) || s[a] == '、') {
        a += 1;
    }
    // (实现了较“十五”末期250.4亿元翻番的目标: past the verb.)
    for w in ["实现了", "实现"] {
        if at(s, a, w) {
            a += w.chars().count();
            break;
        }
    }
    if !(at(s, a, "比") || at(s, a, "较")) {
        return false;
    }
    let quote = usize::from(s.get(a + 1).is_some_and(|c| matches!(c, '“' | '"')));
    let len = if let Some((_, len)) = year_at(s, a + 1) {
        len
    } else if let Some((_, len)) = five_year_end_at(s, a + 1 + quote) {
        // 比“十二五”末的…, 较“十五”末期…: the plan's last year.
        len + quote
    } else {
        return false;
    };
    let mut k = a + 1 + len;
    for w in ["末", "底"] {
        if at(s, k, w) {
            k += 1;
        }
    }
    if at(s, k, "的") {
        k += 1;
    }
    k == b
}

/// How many chars at the end of `name` count a span of years whose `年`
/// was just cut (`工业总产值5`, `财政收入近三`); 0 if none. A year
/// (`2010`) or a plan's name (`十三五`) is no span.
pub(super) fn span_count_before(name: &[char]) -> usize {
    let n = name.len();
    let digits = name.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let count = if (1..=2).contains(&digits) {
        digits
    } else if digits == 0
        && n >= 2
        && matches!(name[n - 1], '两' | '三' | '四' | '五')
        && !matches!(
            name[n - 2],
            '十' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
        )
    {
        1
    } else {
        return 0;
    };
    let mut k = n - count;
    if k > 0 && matches!(name[k - 1], '近' | '前' | '这' | '后') {
        k -= 1;
    }
    n - k
}

/// `人民网银川7月26日电(记者阎梦婕)`, `本报讯(记者 李某)`: a news dateline
/// in `s` before a name; the length to skip past it (0 if none).
pub(super) fn dateline_len(s: &[char]) -> usize {
    let text: String = s.iter().collect();
    let Some(end) = ["日电", "日讯", "本报讯"]
        .iter()
        .filter_map(|w| text.find(w).map(|i| i + w.len()))
        .min()
    else {
        return 0;
    };
    let mut k = text[..end].chars().count();
    while s.get(k).is_some_and(|c| c.is_whitespace()) {
        k += 1;
    }
    // The reporter's byline in brackets.
    if matches!(s.get(k), Some('(' | '（')) && at(s, k + 1, "记者") {
        if let Some(close) = s[k..].iter().take(30).position(|c| matches!(c, ')' | '）')) {
            k += close + 1;
        }
    }
    k
}

/// `前3年`, `头两年` opening a clause: how many first years of a period it
/// speaks of.
pub(super) fn first_years_count(opening: &str) -> Option<usize> {
    let c: Vec<char> = opening.chars().collect();
    let n = first_years_len(&c)?;
    let digits: String = c[1..n - 1].iter().collect();
    match digits.as_str() {
        "2" | "两" | "二" => Some(2),
        "3" | "三" => Some(3),
        "4" | "四" => Some(4),
        _ => None,
    }
}

/// The length of `前3年`/`头两年` at the start of `s`.
pub(super) fn first_years_len(s: &[char]) -> Option<usize> {
    if !matches!(s.first(), Some('前' | '头')) {
        return None;
    }
    let k = s
        .iter()
        .skip(1)
        .take_while(|c| c.is_ascii_digit() || "两二三四".contains(**c))
        .count();
    (k == 1 && s.get(1 + k) == Some(&'年')).then_some(k + 2)
}

/// `“十二五”期间`, `十四五时期`, `“十三五”以来`, `前3年` at the start of `s`: a
/// period, not part of a name; its length in chars (0 if none).
pub(super) fn period_phrase_len(s: &[char]) -> usize {
    if let Some(n) = first_years_len(s) {
        return n;
    }
    let open = usize::from(matches!(s.first(), Some('“' | '"')));
    let name = ['一', '二', '三', '四', '五'];
    if !(s.get(open) == Some(&'十')
        && s.get(open + 1).is_some_and(|c| name.contains(c))
        && s.get(open + 2) == Some(&'五'))
    {
        return 0;
    }
    let mut k = open + 3;
    if matches!(s.get(k), Some('”' | '"')) {
        k += 1;
    }
    ["期间", "时期", "以来", "期末", "末"]
        .iter()
        .find(|w| at(s, k, w))
        .map_or(0, |w| k + w.chars().count())
}

/// Verbs that may start the words before a number but are not part of a name.
pub(super) const VERBS_AT_FRONT: &[&str] = &[
    "增加到",
    "提高到",
    "提高至",
    "提升至",
    "下降到",
    "下降至",
    "降低至",
    "降至",
    "增至",
    "达到",
    "增长",
    "增加",
    "提高",
    "提升",
    "下降",
    "降低",
    "减少",
];

/// Cuts a comparison (`比“十二五”末`, `比2015年`, `由2010年末的`) off the end of a name.
pub(super) fn cut_comparison(s: &[char], a: usize, b: usize) -> usize {
    for i in a..b {
        // 由77家, 从“十三五”末的3.87万亿元, 由2011年的…: the name ends before the start value.
        if matches!(s[i], '由' | '从')
            && i > a + 1
            && s.get(i + 1)
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, '“' | '"' | '「' | '十'))
        {
            return i;
        }
        // 与上年增长20%: the year compared with, told with 与.
        // (Its 与 may have gone with the words before the name.)
        let with_last_year = |k: usize| ["上年", "去年"].iter().any(|w| at(s, k, w));
        if (s[i] == '与' && with_last_year(i + 1))
            || (i == a && i > 0 && s[i - 1] == '与' && with_last_year(i))
        {
            return i;
        }
        // 按可比口径 is no comparison.
        if (s[i] == '比' || s[i] == '较') && (i == 0 || s[i - 1] != '可') {
            let next = s.get(i + 1).copied().unwrap_or(' ');
            // (收入比缩小到2.25∶1: a ratio's name, a verb after it.)
            let ratio = s[i] == '比'
                && matches!(
                    next,
                    '缩' | '为' | '由' | '从' | '达' | '降' | '保' | '控' | '扩'
                );
            // (性别比(以女性为100): a ratio's name before its aside.)
            if !matches!(next, '重' | '率' | '例' | '值' | '较' | '(' | '（')
                && !ratio
                && (i == a || s[i - 1] != '对')
            {
                return i;
            }
        }
    }
    b
}

/// `比全国(5.5%)`, `高于全省(5.2%)`, `全国(5.4%)`: a figure in brackets right
/// after the whole country or province a figure is set against; which whole.
pub(super) fn benchmark_before(s: &[char], qa: usize, qb: usize) -> Option<&'static str> {
    if qa < 3 || !matches!(s[qa - 1], '(' | '（') || !matches!(s.get(qb), Some(')' | '）')) {
        return None;
    }
    // (高出全国平均水平(79岁)4.62岁: the average named before the bracket.)
    let mut end = qa - 1;
    for w in ["平均水平", "平均"] {
        let n = w.chars().count();
        if end >= n + 2 && at(s, end - n, w) {
            end -= n;
            break;
        }
    }
    let whole = ["全国", "全省"]
        .into_iter()
        .find(|w| end >= 2 && at(s, end - 2, w))?;
    // (Not 全国(5.4%)的 1.2倍 or a place list: the bracket closes the benchmark.)
    Some(whole)
}

/// A span of months opening `s` (`1-12月份`, `1—9月`, `1至6月`): its length.
fn month_range_len(s: &[char]) -> usize {
    let digits = |from: usize| {
        s.get(from..).map_or(0, |r| {
            r.iter().take(2).take_while(|c| c.is_ascii_digit()).count()
        })
    };
    let d1 = digits(0);
    if d1 == 0
        || !s
            .get(d1)
            .is_some_and(|c| matches!(c, '-' | '—' | '–' | '－' | '至' | '~' | '～'))
    {
        return 0;
    }
    let d2 = digits(d1 + 1);
    let end = d1 + 1 + d2;
    if d2 == 0 || s.get(end) != Some(&'月') {
        return 0;
    }
    // (Not 1-2月份 cut from a longer number: the months must be 1..=12.)
    let n = |from: usize, len: usize| -> u32 {
        s[from..from + len]
            .iter()
            .filter_map(|c| c.to_digit(10))
            .fold(0, |acc, d| acc * 10 + d)
    };
    if !(1..=12).contains(&n(0, d1)) || !(1..=12).contains(&n(d1 + 1, d2)) {
        return 0;
    }
    if s.get(end + 1) == Some(&'份') {
        end + 2
    } else {
        end + 1
    }
}

/// The place heading `name`, by its full name, and whether it is the whole
/// name; `None` when no known place heads it.
pub(super) fn own_place(name: &str) -> Option<(String, bool)> {
    let c: Vec<char> = name.chars().collect();
    let (p, len, _) = crate::region::place_chain_at(&c, 0)?;
    let rest = c.len() - len;
    // (A place and a word or two is a place still: 北京市区.)
    if rest == 0 {
        return Some((p.name.to_string(), true));
    }
    (rest >= 2).then(|| (p.name.to_string(), false))
}

/// `比年初目标(6.5%)低`, `较全省高出`: a comparison naming the benchmark
/// before 高/低/快/慢; the benchmark and the direction.
pub(super) fn gap_to_benchmark(short: &str) -> Option<(String, &'static str)> {
    // The benchmark's own figure in brackets is no part of its name.
    let mut plain = String::new();
    let mut depth = 0;
    for c in short.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth > 0 => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let rest = plain
        .strip_prefix('比')
        .or_else(|| plain.strip_prefix('较'))?;
    let rest = rest.strip_suffix('出').unwrap_or(rest);
    let dir = ["高", "低", "快", "慢"]
        .into_iter()
        .find(|d| rest.ends_with(d))?;
    let bench = rest.strip_suffix(dir)?;
    ((2..=8).contains(&bench.chars().count()) && !bench.chars().any(|c| c.is_ascii_digit()))
        .then(|| (bench.to_string(), dir))
}

/// `金融机构存贷款余额` is deposits and loans: two indicators, each with the
/// words around it (金融机构存款余额, 金融机构贷款余额).
pub(super) fn deposits_and_loans(chars: &[char]) -> Option<Vec<String>> {
    let name: String = chars.iter().collect();
    let (head, tail, (d, l)) = ["存贷款", "存貸款"].iter().find_map(|w| {
        let (h, t) = name.split_once(w)?;
        let words = if *w == "存贷款" {
            ("存款", "贷款")
        } else {
            ("存款", "貸款")
        };
        Some((h.to_string(), t.to_string(), words))
    })?;
    (!tail.is_empty()).then(|| vec![format!("{head}{d}{tail}"), format!("{head}{l}{tail}")])
}
