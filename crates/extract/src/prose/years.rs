//! Years of figures: the years a sentence names (比上年, 到2025年, “十四五”
//! 末), the spans and periods they make, and the year a figure takes when it
//! names none (from its section and the document's frame).

use super::*;

/// A year named in a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct YearMention {
    pub(super) pos: usize,
    pub(super) year: i32,
    /// Preceded by 到/至: a goal's deadline.
    pub(super) deadline: bool,
    /// Preceded by 截至: the date a stock was counted up to, no goal.
    pub(super) up_to: bool,
    /// Heads its sentence and is followed by a comma (`2020年，…`): the topic of
    /// what follows in the paragraph.
    pub(super) topic: bool,
    /// After 由/从 (`由2011年的1.24万亿元提高到…`): the year of the starting
    /// value only, ending at `end`.
    pub(super) base: bool,
    /// Char position just past 年.
    pub(super) end: usize,
}

impl YearMention {
    /// A year named at `pos`, its words ending at `end`, with no role of its own.
    pub(super) fn at(pos: usize, year: i32, end: usize) -> YearMention {
        YearMention {
            pos,
            year,
            deadline: false,
            up_to: false,
            topic: false,
            base: false,
            end,
        }
    }

    /// A goal's deadline named at `pos` (到2025年).
    pub(super) fn deadline_at(pos: usize, year: i32, end: usize) -> YearMention {
        YearMention {
            deadline: true,
            ..YearMention::at(pos, year, end)
        }
    }
}

pub(super) fn year_mentions(s: &[char]) -> Vec<YearMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if let Some((y, len)) = year_at(s, i) {
            let after = i + len;
            // 是2011年的1.54倍, 是2010年(财政一般预算收入)的3.67倍 compare with that year.
            let of_year = at(s, after, "的")
                || (matches!(s.get(after), Some('(' | '（'))
                    && s[after..]
                        .iter()
                        .take(20)
                        .position(|c| matches!(c, ')' | '）'))
                        .is_some_and(|k| at(s, after + k + 1, "的")));
            let comparison = COMPARISON_BEFORE_YEAR.iter().any(|w| ends(s, i, w))
                || (ends(s, i, "是") && of_year)
                // (分别恢复到2019年的113%、119%: the base a recovery is measured against.)
                || (["恢复到", "恢复至", "相当于"].iter().any(|w| ends(s, i, w)) && of_year)
                || at(s, after, "相比")
                || at(s, after, "比")
                // 2020年以来 opening a sentence is the topic (below); elsewhere a span's start.
                || (at(s, after, "以来") && !(i == 0 || s.get(i - 1).is_some_and(|c| is_clause_delim(*c) || is_sentence_end(*c))))
                || at(s, after, "远景")
                // 自2016年启动建设至今: a span's start, up to now (not 提升至今年10月的…).
                || ((ends(s, i, "自") || ends(s, i, "从"))
                    && {
                        let run: String = s[after..]
                            .iter()
                            .take_while(|c| !is_clause_delim(**c))
                            .take(16)
                            .collect();
                        run.match_indices("至今")
                            .any(|(k, w)| !run[k + w.len()..].starts_with('年'))
                    })
                || at(s, after, "的基础")
                || at(s, after, "基础上")
                || names_a_plans_years(s, i)
                // 增速分别高于上年同期、2017年全年0.9个百分点: a benchmark.
                || set_against(s, i);
            // 2024年1月10日 is a date; 2020年50%的农户 is a year and a figure.
            let digits = s[after..].iter().take_while(|c| c.is_ascii_digit()).count();
            let date = s.get(after + digits) == Some(&'月') && digits <= 2;
            // 比1983年的1.78亿元翻了7.19番, 比1983年830元: the base compared
            // with is stated, and is that year's.
            let stated_base = ["比", "较"].iter().any(|w| ends(s, i, w)) && !date && {
                let v = if at(s, after, "的") {
                    after + 1
                } else {
                    after
                };
                s.get(v).is_some_and(|c| c.is_ascii_digit())
            };
            // 为2005年5386美元的2.07倍: the base set against, stated with its
            // year; the multiple is of the year before.
            let multiple_of_base = ["为", "是"].iter().any(|w| ends(s, i, w))
                && !date
                && s.get(after).is_some_and(|c| c.is_ascii_digit())
                && {
                    let run: Vec<char> = s[after..]
                        .iter()
                        .copied()
                        .take_while(|c| !is_clause_delim(*c))
                        .take(16)
                        .collect();
                    run.windows(2)
                        .any(|w| w[0] == '的' && w[1].is_ascii_digit())
                };
            if stated_base || multiple_of_base {
                out.push(YearMention {
                    base: true,
                    ..YearMention::at(i, y, after)
                });
            } else if !comparison && !date {
                // 到2025年, 2025年年底前, 2025年前: a goal's deadline.
                // (提高到2024年的8.9万亿元 names the year of a value reached.)
                // (到2025年的发展目标 is the goals' deadline, though.)
                // (从2021年超过11万亿…到2024年超过13万亿 spans years up to one past.)
                // (于2016年率先突破 dates a past event; 力争于2025年 sets a deadline.)
                let by_yu = ends(s, i, "于") && {
                    let near: String = s[i.saturating_sub(5)..i].iter().collect();
                    ["力争", "争取", "计划", "将", "要", "确保", "拟"]
                        .iter()
                        .any(|w| near.contains(w))
                        || at(s, after, "前")
                        || at(s, after, "底")
                };
                // (截至2018年末 dates a stock counted, no goal, though it
                // carries as a deadline does.)
                let up_to = ends(s, i, "截至") || ends(s, i, "截止");
                let deadline = ((ends(s, i, "到") || ends(s, i, "至") || by_yu)
                    && (!at(s, after, "的") || goals_named(s, after + 1))
                    && !from_year_before(s, i))
                    || ["年底前", "底前"].iter().any(|w| at(s, after, w))
                    || (at(s, after, "前") && !part_of_year_at(s, after + 1));
                let mut lead = i;
                for w in ["到", "至", "在", "截至", "截止"] {
                    if ends(s, lead, w) {
                        lead -= w.chars().count();
                        break;
                    }
                }
                let heads = lead == 0
                    || s.get(lead - 1)
                        .is_some_and(|c| is_sentence_end(*c) || is_clause_delim(*c));
                let mut k = after;
                for w in ["末", "底", "前", "以来"] {
                    if at(s, k, w) {
                        k += w.chars().count();
                    }
                }
                let comma = s
                    .get(k)
                    .is_some_and(|c| matches!(c, '，' | ',' | '：' | ':'));
                // 2020年…主要预期目标：… heads the list of goals that follows.
                let announces = {
                    let clause: String = s[after..]
                        .iter()
                        .take_while(|c| {
                            !is_sentence_end(**c) && !matches!(c, ':' | '：' | ',' | '，')
                        })
                        .collect();
                    let end = after + clause.chars().count();
                    clause.contains("目标") && s.get(end).is_some_and(|c| matches!(c, ':' | '：'))
                };
                // 2023年是发展关键之年。: the year the paragraph goes on about.
                let year_of = heads && says_what_year_it_is(s, after);
                out.push(YearMention {
                    pos: i,
                    year: y,
                    deadline,
                    up_to,
                    topic: (heads && comma) || announces || year_of,
                    base: ends(s, i, "由") || ends(s, i, "从"),
                    end: after,
                });
            }
            i += len;
        } else if let Some((y, len)) = five_year_first_years_at(s, i) {
            // “十一五”前四年，全部工业增加值年均增长18.1%: the span's last year.
            out.push(YearMention {
                topic: s.get(i + len).is_some_and(|c| matches!(c, '，' | ',')),
                ..YearMention::at(i, y, i + len)
            });
            i += len;
        } else if let Some((y, len)) = five_year_end_at(s, i) {
            // 从“十三五”末的3.87万亿元: the last year of that plan; 是“十一五”末的2倍 compares.
            let compared = ["比", "较", "比“", "较“"].iter().any(|w| ends(s, i, w));
            // (和“十二五”末相比，…分别增长44.6%: the base of the changes after it.)
            let set_against = ["和", "与", "同", "和“", "与“", "同“"]
                .iter()
                .any(|w| ends(s, i, w))
                && (at(s, i + len, "相比") || at(s, i + len, "比较"));
            let comparison = compared
                || set_against
                || (["是", "是“"].iter().any(|w| ends(s, i, w)) && at(s, i + len, "的"));
            // 较“十三五”末的3.4万元增长到3.9万元: the base is stated, and is that year's.
            // (较“十五”末期250.4亿元翻番: the same, without 的.)
            let base_value = compared
                && (at(s, i + len, "的") && s.get(i + len + 1).is_some_and(|c| c.is_ascii_digit())
                    || s.get(i + len).is_some_and(|c| c.is_ascii_digit()));
            if base_value || !comparison {
                out.push(YearMention {
                    base: base_value || ["从", "由", "从“", "由“"].iter().any(|w| ends(s, i, w)),
                    ..YearMention::at(i, y, i + len)
                });
            }
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether the year at `i` is one a figure is set against in its clause
/// (`高于上年同期、2017年全年`).
pub(super) fn set_against(s: &[char], i: usize) -> bool {
    let reach = i.saturating_sub(16);
    let from = s[reach..i]
        .iter()
        .rposition(|c| is_clause_delim(*c) || is_sentence_end(*c))
        .map_or(reach, |k| reach + k + 1);
    let clause: String = s[from..i].iter().collect();
    ["高于", "低于", "快于", "慢于"]
        .iter()
        .any(|w| clause.contains(w))
}

/// What follows a plan's name (`(2021—2035年)获批实施`, `》印发`) says the
/// document was approved or issued.
pub(super) fn plan_document_named(after: &str) -> bool {
    let mut t = after;
    if let Some(rest) = t.strip_prefix(['(', '（']) {
        if let Some(close) = rest.find([')', '）']).filter(|&k| k <= 30) {
            t = rest[close..].trim_start_matches([')', '）']);
        }
    }
    t = t.trim_start_matches(['》', '”']);
    PLAN_ISSUED.iter().any(|w| t.starts_with(w))
}

/// Verbs saying a plan was approved or issued.
pub(super) const PLAN_ISSUED: &[&str] = &[
    "获批",
    "获得批复",
    "批复",
    "印发",
    "出台",
    "发布",
    "正式实施",
];

/// A year in the brackets after a plan's name, the plan said to be approved
/// or issued (`国土空间总体规划(2021—2035年)获批实施`): it names the plan, and
/// dates no figure after it. (`印发《…计划(2023—2025年)》，明确了…1301个重点项目`
/// dates what the plan sets out.)
pub(super) fn names_a_plans_years(s: &[char], i: usize) -> bool {
    let close = s[i..]
        .iter()
        .take(8)
        .position(|c| matches!(c, ')' | '）'))
        .map(|k| i + k + 1);
    let Some(close) = close else {
        return false;
    };
    let mut after = close;
    if matches!(s.get(after), Some('》' | '”')) {
        after += 1;
    }
    if !PLAN_ISSUED.iter().any(|w| at(s, after, w)) {
        return false;
    }
    let mut k = i;
    while k > 0 && i - k < 12 && (s[k - 1].is_ascii_digit() || "-—–~～至到年".contains(s[k - 1]))
    {
        k -= 1;
    }
    if k == 0 || !matches!(s[k - 1], '(' | '（') {
        return false;
    }
    let before: String = s[k.saturating_sub(3)..k - 1].iter().collect();
    ["规划", "纲要", "方案", "计划", "行动", "意见"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// A five-year plan named at `s[i]` (`十三五`, `“十四五”`): its first year,
/// and where the name ends, past any closing quote.
pub(super) fn five_year_name_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    if !matches!(s.get(i), Some('十' | '第' | '九')) {
        return None;
    }
    // “十五”, “九五” (2001—2005, 1996—2000) only in quotes: bare, they are 15 and 95.
    let quoted = |n: usize| {
        i > 0
            && matches!(s[i - 1], '“' | '"' | '「')
            && s.get(i + n).is_some_and(|c| matches!(c, '”' | '"' | '」'))
    };
    let (name, start) = crate::doc::FIVE_YEAR_PLANS
        .iter()
        .find(|(name, _)| at(s, i, name))
        .or_else(|| {
            [("十五", 2001), ("九五", 1996)]
                .iter()
                .find(|(name, _)| at(s, i, name) && quoted(2))
        })?;
    let mut j = i + name.chars().count();
    while s
        .get(j)
        .is_some_and(|c| matches!(c, '”' | '"' | '」' | '’' | '』'))
    {
        j += 1;
    }
    Some((*start, j))
}

/// `“十一五”前四年`, `十三五头4年` at `s[i]`: the last of those years, and the length.
pub(crate) fn five_year_first_years_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    let (start, j) = five_year_name_at(s, i)?;
    // (“十五”计划开始实施5年来, “十三五”实施四年来: the years it has run.)
    let mut k = j;
    for w in ["计划", "規劃", "规划", "開始", "开始", "實施", "实施", "以"] {
        if at(s, k, w) {
            k += w.chars().count();
        }
    }
    if k > j {
        let n = match s.get(k)? {
            '两' | '二' | '2' => 2,
            '三' | '3' => 3,
            '四' | '4' => 4,
            '五' | '5' => 5,
            _ => return None,
        };
        let rest: String = s.iter().skip(k + 1).take(3).collect();
        return (rest.starts_with("年来") || rest.starts_with("年以来"))
            .then_some((start + n - 1, k + 3 - i));
    }
    if !matches!(s.get(j), Some('前' | '头')) {
        return None;
    }
    let n = match s.get(j + 1)? {
        '两' | '二' | '2' => 2,
        '三' | '3' => 3,
        '四' | '4' => 4,
        _ => return None,
    };
    (s.get(j + 2) == Some(&'年')).then_some((start + n - 1, j + 3 - i))
}

/// `十三五末`, `“十四五”末` at `s[i]`: the plan's last year and the length.
pub(super) fn five_year_end_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    let (start, j) = five_year_name_at(s, i)?;
    // (“十五”末期: the same.)
    let n = if at(s, j, "末期") { 2 } else { 1 };
    (s.get(j) == Some(&'末')).then_some((start + 4, j + n - i))
}

/// Years a work report names relative to itself: 今年 is the year it is
/// delivered in, 过去一年/去年/过去五年 end with the year before. Each heads what
/// follows (`今年主要预期目标是：…；…`) like a topic year.
///
/// Under a heading reviewing an earlier year (一、2023年国民经济和社会发展计划
/// 执行情况 in a report delivered in 2024), 今年(以来) is that year.
pub(super) fn relative_years(s: &[char], frame: &Frame, section: &Section) -> Vec<YearMention> {
    let (Some(now), Some(past)) = (frame.target_year, frame.actual_year) else {
        return Vec::new();
    };
    // A plan issued in its first year says 去年/截至去年 of its base year,
    // and 今年 (截至今年4月底) of that first year.
    if matches!(
        frame.doc_type,
        DocType::FiveYearPlan | DocType::Outline | DocType::ImplementationPlan
    ) {
        return s
            .iter()
            .enumerate()
            .filter_map(|(i, _)| {
                // (News of the plan dated before its period speaks in its date's year.)
                let year = if at(s, i, "去年") {
                    frame.spoken_in.map_or(past, |y| y - 1)
                } else if at(s, i, "今年") && !frame.from_figures {
                    frame.spoken_in.unwrap_or(past.saturating_add(1))
                } else {
                    return None;
                };
                let compared = i > 0 && matches!(s[i - 1], '过' | '比' | '较');
                (!compared && !at(s, i + 2, "同期")).then(|| YearMention {
                    topic: true,
                    up_to: ends(s, i, "截至") || ends(s, i, "截止"),
                    ..YearMention::at(i, year, i + 2)
                })
            })
            .collect();
    }
    // An article that knows its own year (a date line, 今年是…收官之年)
    // says 今年/去年 of it and the year before.
    // (The year spoken in, and the year looked back on: a report delivered in
    // December says 今年 and 过去一年 of the one year it reviews.)
    let (now, reviewed, before) = match (frame.doc_type, frame.present) {
        (DocType::WorkReport, _) => match frame.spoken_in {
            Some(y) => (y, y, y - 1),
            None => (now, past, past),
        },
        (DocType::Other, Some(p)) if !frame.from_figures => (p, p - 1, p - 1),
        // A review speaks in the year it was written (预计今年将超过6万亿元
        // after 2024年的5.78万亿元).
        (DocType::PlanReview, Some(p)) => (p, p - 1, p - 1),
        _ => return Vec::new(),
    };
    // (去年 there is still the year before the report's: 过去五年及2010年
    // 工作回顧 in a report of 2011 says 去年 of 2010.)
    let now = match section.year {
        Some(y) if section.review && y < now => y,
        _ => now,
    };
    /// Which year a word names.
    enum Said {
        Now,
        Reviewed,
        YearBefore,
    }
    const WORDS: &[(&str, Said)] = &[
        ("今年", Said::Now),
        ("过去一年", Said::Reviewed),
        ("过去的一年", Said::Reviewed),
        ("去年", Said::YearBefore),
        ("过去五年", Said::Reviewed),
        ("五年来", Said::Reviewed),
    ];
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let hit = WORDS.iter().find(|(w, _)| at(s, i, w));
        let Some((w, said)) = hit else {
            i += 1;
            continue;
        };
        let n = w.chars().count();
        // (在去年较快增长的基础上: the year built on, not the one reported.)
        let built_on = {
            let clause: String = s[i + n..]
                .iter()
                .take_while(|c| !is_clause_delim(**c) && !is_sentence_end(**c))
                .take(16)
                .collect();
            clause.contains("基础上")
        };
        let compared = COMPARISON_BEFORE_YEAR.iter().any(|c| ends(s, i, c))
            || at(s, i + n, "同期")
            || built_on
            || (*w == "去年" && i > 0 && s[i - 1] == '过');
        // (A review's 五年来 runs to the period's end, not the year before.)
        let review_span = frame.doc_type == DocType::PlanReview && !matches!(*w, "今年" | "去年");
        if !compared && !review_span {
            let year = match said {
                Said::Now => now,
                Said::Reviewed => reviewed,
                Said::YearBefore => before,
            };
            out.push(YearMention {
                topic: true,
                ..YearMention::at(i, year, i + n)
            });
        }
        i += n;
    }
    out
}

/// The first year of a span ending in the year named at `i`
/// (`2014-2015年`, `2014年至2015年`).
pub(super) fn span_start(s: &[char], i: usize) -> Option<i32> {
    let dash = i.checked_sub(1)?;
    if !matches!(s[dash], '-' | '—' | '–' | '~' | '～' | '至' | '到') {
        return None;
    }
    let mut end = dash;
    if end > 0 && s[end - 1] == '—' {
        end -= 1;
    }
    if end > 0 && s[end - 1] == '年' {
        end -= 1;
    }
    let from = end.checked_sub(4)?;
    if !s[from..end].iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s[from..end].iter().collect::<String>().parse().ok()
}

/// Runs of two or more years joined by 、/和 (a part of the year may follow
/// each: 2018年上半年), as (char position of the last, years).
pub(super) fn year_lists(s: &[char], years: &[YearMention]) -> Vec<(usize, Vec<i32>)> {
    let mut out: Vec<(usize, Vec<i32>)> = Vec::new();
    let mut run: Vec<&YearMention> = Vec::new();
    for y in years {
        let joined = run.last().is_some_and(|p| {
            let mut gap: String = between(s, p.end, y.pos).iter().collect();
            for w in ["上半年", "一季度", "前三季度", "末", "底"] {
                gap = gap.replace(w, "");
            }
            !gap.is_empty() && gap.chars().all(|c| matches!(c, '、' | '和' | '及' | '与'))
        });
        if !joined {
            if run.len() >= 2 {
                out.push((run[run.len() - 1].pos, run.iter().map(|y| y.year).collect()));
            }
            run.clear();
        }
        run.push(y);
    }
    if run.len() >= 2 {
        out.push((run[run.len() - 1].pos, run.iter().map(|y| y.year).collect()));
    }
    out
}

/// A `从`/`由` year earlier in the sentence (从2021年…到2024年): the year at
/// `i` ends a span of years, not a goal's deadline.
pub(super) fn from_year_before(s: &[char], i: usize) -> bool {
    let start = i.saturating_sub(60);
    (start..i)
        .rev()
        .take_while(|&k| !is_sentence_end(s[k]))
        .filter(|&k| matches!(s[k], '从' | '由'))
        .any(|k| year_at(s, k + 1).is_some())
}

/// `发展目标`, `主要目标` right after a year (到2025年的发展目标): the goals
/// that year is the deadline of, named without a figure.
pub(super) fn goals_named(s: &[char], from: usize) -> bool {
    let phrase: String = s
        .iter()
        .skip(from)
        .take(8)
        .take_while(|c| !c.is_ascii_digit() && !is_sentence_end(**c) && !is_clause_delim(**c))
        .collect();
    phrase.contains("目标")
}

/// `规划期末`, `期末目标`: the end of the plan a plan or review speaks for.
/// `到“十三五”末`, `到十四五期末`: the last year of the plan named, as a
/// deadline.
pub(super) fn plan_end_deadlines(s: &[char]) -> Vec<YearMention> {
    let mut out = Vec::new();
    for i in 0..s.len() {
        if !matches!(s[i], '到' | '至') {
            continue;
        }
        let n = period_phrase_len(&s[i + 1..]);
        if n == 0 {
            continue;
        }
        let phrase: String = s[i + 1..i + 1 + n].iter().collect();
        let end_of_period = phrase.ends_with('末');
        if let (true, Some((_, end))) = (end_of_period, crate::doc::named_period(&phrase)) {
            out.push(YearMention::deadline_at(i, end, i + 1 + n));
        }
    }
    out
}

pub(super) fn period_end_mentions(s: &[char], frame: &Frame) -> Vec<YearMention> {
    let Some(end) = frame.target_year else {
        return Vec::new();
    };
    if !matches!(
        frame.doc_type,
        DocType::PlanReview | DocType::FiveYearPlan | DocType::Outline
    ) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for w in ["规划期末", "期末目标", "到期末", "至期末"] {
        let n = w.chars().count();
        for i in 0..s.len() {
            if matches!(s[i], '规' | '期' | '到' | '至') && at(s, i, w) {
                out.push(YearMention::at(i, end, i + n));
            }
        }
    }
    out
}

/// The words for the five years ahead of a report or article.
pub(crate) const FIVE_YEARS_AHEAD: [&str; 4] = ["未来五年", "今后五年", "未来5年", "今后5年"];

/// The last of the five years ahead (未来五年, 今后五年) a work report or an
/// article on one speaks of.
pub(crate) fn five_years_ahead_end(frame: &Frame) -> Option<i32> {
    match frame.doc_type {
        DocType::WorkReport => frame.target_year.map(|y| y + 4),
        // (An article on a plan names its deadline already: 阿拉善未来五年…“十三五”.)
        // (A nearer year ahead is a milestone on the way: 力争2024年… in an
        // article of 2023 on the five years ahead.)
        DocType::Other => match (frame.present, frame.target_year) {
            (Some(p), Some(t)) if t >= p + 3 => Some(t),
            (Some(p), _) => Some(p + 4),
            _ => None,
        },
        _ => None,
    }
}

/// `未来五年，政府要努力实现以下目标`, `今后五年`: in a work report or an
/// article on one, goals for the five years starting with the report's own,
/// due at the last of them.
pub(super) fn next_five_years(s: &[char], frame: &Frame) -> Vec<YearMention> {
    let Some(last) = five_years_ahead_end(frame) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for w in FIVE_YEARS_AHEAD {
        let n = w.chars().count();
        for i in 0..s.len() {
            if matches!(s[i], '未' | '今') && at(s, i, w) {
                // (Heading its sentence, it heads what follows: 未来五年，政府要
                // 努力实现以下目标：…; not 王安顺表示，今后五年，….)
                let heads = s[..i]
                    .iter()
                    .rev()
                    .find(|c| !c.is_whitespace())
                    .is_none_or(|c| is_sentence_end(*c) || matches!(c, '：' | ':'));
                out.push(YearMention {
                    topic: heads,
                    deadline: heads,
                    ..YearMention::at(i, last, i + n)
                });
            }
        }
    }
    out
}

const SPAN_OF_FIRST_YEARS: &[&str] = &[
    "年来",
    "年间",
    "年平均",
    "年年均",
    "年累计",
    "年新增",
    "年多来",
];

/// Whether a span of years ([`years_into_period`]) opens at `i`.
pub(super) fn span_of_years_at(s: &[char], i: usize) -> bool {
    s.get(i).is_some_and(|c| "1234两二三四".contains(*c))
        && SPAN_OF_FIRST_YEARS.iter().any(|w| at(s, i + 1, w))
}

/// `4年间`, `两年来`, `前两年年均增长`, `4年新增`: in a review of a plan, a
/// span of its first years ends at the year that many years into the period
/// (a review of “十四五” saying 4年平均增速达6.4% speaks of 2021–2024).
pub(super) fn years_into_period(s: &[char], frame: &Frame) -> Vec<YearMention> {
    let Some(start) = frame
        .period_start
        .filter(|_| frame.doc_type == DocType::PlanReview)
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for i in 0..s.len() {
        let n = match s[i] {
            '1' => 1,
            '2' | '两' | '二' => 2,
            '3' | '三' => 3,
            '4' | '四' => 4,
            _ => continue,
        };
        let Some(w) = SPAN_OF_FIRST_YEARS.iter().find(|w| at(s, i + 1, w)) else {
            continue;
        };
        // (近3年, 连续4年, 第二年, 十四年, 2024年: no span of the period's first years.)
        let prev = i.checked_sub(1).map(|j| s[j]);
        if prev
            .is_some_and(|c| c.is_ascii_digit() || "近续第十百零〇一二三四五六七八九后".contains(c))
        {
            continue;
        }
        out.push(YearMention {
            topic: true,
            ..YearMention::at(i, start - 1 + n, i + 1 + w.chars().count())
        });
    }
    out
}

pub(super) fn default_year(
    ctx: &DocCtx,
    section: &Section,
    kind: Kind,
    sentence: &str,
) -> Option<i32> {
    let frame = ctx.frame;
    if sentence.contains("今年") && frame.doc_type == DocType::WorkReport {
        return frame.target_year;
    }
    if let Some((_, end)) = period_spoken_of(sentence)
        .filter(|_| kind == Kind::Actual && frame.doc_type != DocType::WorkReport)
    {
        // “十三五”时期… in a review: the period's last year.
        if frame.present.is_none_or(|p| end <= p) {
            return Some(end);
        }
    }
    if let Some((_, end)) = period_spoken_of(sentence).filter(|_| kind == Kind::Target) {
        // “十四五”时期…目标 in a work report or a plan review: the period's last year.
        if frame.present.is_some_and(|p| end > p) {
            return Some(end);
        }
    }
    // (目前仍有38%的农民群众… in an article: the state when it was written.)
    if kind == Kind::Actual && frame.doc_type == DocType::Other && sentence.contains("目前") {
        if let Some(p) = frame.present {
            return Some(p);
        }
    }
    if let Some(y) = section
        .goal_year
        .filter(|_| kind == Kind::Target && section.goals)
    {
        return Some(y);
    }
    if let Some(y) = section.year {
        let fits = match kind {
            Kind::Actual => frame.present.is_none_or(|p| y <= p),
            Kind::Target => frame.present.is_none_or(|p| y > p),
        };
        if fits {
            return Some(y);
        }
    }
    match kind {
        Kind::Target => frame.target_year,
        Kind::Actual => frame.actual_year,
    }
}

/// `“十一五”末`, `2010年`, `十二五时期`: a point of time a figure is compared
/// with (`是“十一五”末的2倍`), not a name.
pub(super) fn is_time_reference(name: &[char]) -> bool {
    let t: String = name
        .iter()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’'))
        .collect();
    // 十八大以来, 近年来, 五年来: a span of time up to now names nothing.
    if let Some(rest) = t
        .strip_suffix("以来")
        .or_else(|| t.strip_suffix('来').filter(|r| r.ends_with('年')))
    {
        let r = rest.trim_start_matches("党的");
        let congress = r.starts_with('十') && r.ends_with('大') && r.chars().count() <= 4;
        let years = r.trim_start_matches(['近', '这']).trim_end_matches('年');
        let count = !years.is_empty()
            && years.chars().count() <= 2
            && years
                .chars()
                .all(|c| c.is_ascii_digit() || "一两二三四五六七八九十几多".contains(c));
        if congress
            || count
            || matches!(r, "近年" | "今年" | "年初" | "新时代")
            || is_time_reference(&r.chars().collect::<Vec<_>>())
        {
            return true;
        }
    }
    // 2016- of 2016-2019年: the start of a span of years.
    let start = t
        .trim_end_matches(['-', '—', '–', '－', '~', '～', '至', '到'])
        .trim_end_matches('年');
    if start.len() < t.len() && start.len() == 4 && start.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    // (是“九五”末的2.2倍: the plan periods before 2006 too, here where a
    // whole name is read, not a running text.)
    let rest = crate::doc::FIVE_YEAR_PLANS
        .iter()
        .map(|(n, _)| *n)
        .chain(["九五", "十五", "八五"])
        .find_map(|n| t.strip_prefix(n))
        .map(str::to_string)
        .or_else(|| {
            let c: Vec<char> = t.chars().collect();
            year_at(&c, 0).map(|(_, len)| c[len..].iter().collect())
        });
    rest.is_some_and(|r| {
        matches!(
            r.as_str(),
            "" | "末" | "期末" | "时期" | "期间" | "底" | "年末"
        )
    }) || {
        // (提升至今年10月的45.9%, 9月底: a month names nothing either.)
        let m = t.trim_start_matches("今年").trim_start_matches("去年");
        let digits = m.chars().take_while(char::is_ascii_digit).count();
        (1..=2).contains(&digits) && matches!(&m[digits..], "月" | "月底" | "月末" | "月份")
    } || matches!(
        // (2023年上半年同比增长13.1%: a part of a year names nothing.)
        t.as_str(),
        "上半年"
            | "下半年"
            | "一季度"
            | "前三季度"
            | "第一季度"
            | "全年"
            | "今年上半年"
            | "今年一季度"
    )
}

/// How a report names the five years up to the one it reviews.
pub(super) const PAST_FIVE_YEARS: &[&str] = &["过去五年", "五年来", "过去的五年"];

/// Whether the open section's heading says `w` (一、过去五年工作回顾); a
/// heading on "the five years" (取得巨大成就的五年, 极不平凡的五年) says
/// 过去五年.
pub(super) fn section_says(section: &Section, w: &str) -> bool {
    section.title.as_deref().is_some_and(|t| {
        t.contains(w) || (w == "过去五年" && t.trim_end_matches(['。', ' ']).ends_with("的五年"))
    })
}

/// `两年`, `近三年`, `前2年`: a span of years.
pub(super) fn is_years_span(name: &[char]) -> bool {
    let t: String = name.iter().collect();
    let t = t.trim_start_matches(['近', '前', '这']);
    // 4年平均增速: the span with the measure's own words.
    let t = [
        "平均增速",
        "平均增长",
        "平均下降",
        "平均降低",
        "平均减少",
        "年均增速",
        "年均增长",
        "年均下降",
        "平均",
    ]
    .iter()
    .find_map(|w| t.strip_suffix(w))
    .unwrap_or(t);
    let Some(body) = t.strip_suffix('年') else {
        return false;
    };
    !body.is_empty()
        && body.chars().count() <= 2
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || "一两二三四五六七八九十".contains(c))
}

/// `3年实现`, `用两年时间完成`, `五年内新增`: a goal's span in years from now
/// (not `连续3年`, `近3年`, `3年来`, which look back).
pub(super) fn years_ahead(pre: &str, across_clause: bool) -> Option<(i32, bool)> {
    let s: Vec<char> = pre.chars().collect();
    // The nearest span before the figure (3年突破6400亿、5年跨越7500亿).
    for i in (1..s.len()).rev() {
        if s[i] != '年' {
            continue;
        }
        let n = match s[i - 1] {
            c @ '1'..='9' => c as i32 - '0' as i32,
            '一' => 1,
            '两' | '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            _ => continue,
        };
        // (通过三年努力 looks ahead.)
        let through = i >= 3 && s[i - 3] == '通' && s[i - 2] == '过';
        if i >= 2
            && !through
            && (s[i - 2].is_ascii_digit() || "十百第连近前过这今明去后来每".contains(s[i - 2]))
        {
            continue;
        }
        let mut j = i + 1;
        for w in ["时间", "内", "里", "左右", "努力"] {
            if at(&s, j, w) {
                j += w.chars().count();
            }
        }
        // (Across a clause only from `三年努力，` or `三年时间，` to its verb.)
        if across_clause {
            let effort = ["努力", "时间"].iter().any(|w| ends(&s, j, w));
            if !(effort && matches!(s.get(j), Some('，' | ','))) {
                continue;
            }
            j += 1;
        }
        let goal = [
            "实现", "完成", "新增", "建成", "累计", "共", "再", "全部", "基本", "力争", "要", "将",
            "使", "让", "帮助", "突破", "跨越", "超过", "达到",
        ];
        if let Some(w) = goal.iter().find(|w| at(&s, j, w)) {
            // (突破/超过/达到 a level; 实现/新增 a total over the years.)
            let level = matches!(*w, "突破" | "跨越" | "超过" | "达到");
            return Some((n, level));
        }
    }
    None
}

/// The first year a plan's goals run from: a five-year plan's period start,
/// the year of an implementation plan or a work report.
pub(super) fn first_plan_year(frame: &Frame) -> Option<i32> {
    match frame.doc_type {
        DocType::FiveYearPlan | DocType::Outline => frame.present.map(|p| p + 1),
        // (An article of 2020 on the “十四五” plan: its 5年 start in 2021.)
        DocType::ImplementationPlan | DocType::Other if !frame.from_figures => {
            match (frame.period_start, frame.present) {
                (Some(s), Some(p)) if s > p => Some(s),
                _ => frame.present,
            }
        }
        DocType::ImplementationPlan | DocType::Other => None,
        DocType::WorkReport => frame.target_year,
        DocType::PlanReview | DocType::StatisticalBulletin => None,
    }
}

/// The years of the last change told with both its years in `s`
/// (`由2002年的3519.7亿元增加到2007年的7345.7亿元`), as the span it runs
/// over (2003, 2007): the changes told after it without years (由346.7亿元
/// 增加到1034.5亿元) run over the same years.
pub(super) fn dated_change_span(s: &str) -> Option<(i32, i32)> {
    let chars: Vec<char> = s.chars().collect();
    let mut found = None;
    for i in 0..chars.len() {
        if !matches!(chars[i], '由' | '从') {
            continue;
        }
        let Some((y1, len)) = year_at(&chars, i + 1) else {
            continue;
        };
        // The end year within the clause: 到/至 then a year, a few chars on.
        let from = i + 1 + len;
        let end = (from..chars.len().min(from + 40))
            .find(|&k| is_clause_delim(chars[k]))
            .unwrap_or(chars.len().min(from + 40));
        let y2 = (from..end).find_map(|k| {
            if !matches!(chars[k], '到' | '至') {
                return None;
            }
            year_at(&chars, k + 1).map(|(y, _)| y)
        });
        if let Some(y2) = y2.filter(|y2| *y2 > y1 && *y2 - y1 <= 10) {
            found = Some((y1 + 1, y2));
        }
    }
    found
}

/// Whether the figure at `s[i]` is last year's, named right before it:
/// `由上年的57.3%`, `从去年同期的`, `比上年38690元` (a figure, not a change:
/// 比上年增长 has its verb between).
pub(super) fn last_years_figure(s: &[char], i: usize) -> bool {
    let before: String = s[i.saturating_sub(8)..i].iter().collect();
    let before = before.trim_end_matches('的');
    ["上年", "去年", "上年同期", "去年同期"].iter().any(|w| {
        before
            .strip_suffix(w)
            .is_some_and(|b| ["由", "从", "比", "较"].iter().any(|v| b.ends_with(v)))
    })
}
