//! Facts in running text: each quantity of a sentence becomes a fact, with
//! its indicator read from the words before (or, for counts, after) it, its
//! year from the nearest year named before it, and its kind from the
//! section, the year and marker words.

use crate::doc::{period_spoken_of, Frame};
use crate::quantity::{at, ends, is_delim, part_of_year_at, quantities, year_at, Quantity};
use crate::span::Span;
use crate::words::*;
use planwatch_core::{Comparator, DocType, Fact, Kind, Measure};

/// Where a paragraph sits: the section's kind and year.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// The section reviews achievements (发展基础, 工作回顾).
    pub review: bool,
    /// A year named by the section heading.
    pub year: Option<i32>,
    /// The heading text.
    pub title: Option<String>,
    /// The paragraphs list goals announced just before (`预期目标是：`).
    pub goals: bool,
    /// A deadline carried in from the paragraph before, which this one goes
    /// on from (`同时，…达到20万人` after `到2025年，…`).
    pub carry_in: Option<i32>,
    /// The paragraph before ended a listed goal on ； (…考核指标为，西安市…；):
    /// the list goes on here.
    pub goal_run_in: bool,
    /// A five-year period the figure-less paragraphs before spoke of
    /// (`硕果累累“十二五”`, `“十二五”时期是…的时期。`): a change told without
    /// years (由7070美元增加到1.15万美元) runs over it.
    pub period_in: Option<(i32, i32)>,
    /// The sentence runs under a span of years opening it (两年来，…；新增
    /// 公交专用道7条): what was newly added is a total over those years.
    pub over_years: bool,
}

/// What a paragraph hands on to the next one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Carry {
    /// The deadline named last (到2025年…), for a paragraph going on from it.
    pub deadline: Option<i32>,
    /// A list of goals that ended the paragraph on ； and may go on.
    pub goal_run: bool,
    /// The period spoken of, for the paragraphs after (see `Section::period_in`).
    pub period: Option<(i32, i32)>,
}

/// What every fact of one document shares.
pub struct DocCtx<'a> {
    /// File name.
    pub doc: &'a str,
    /// Time frame.
    pub frame: &'a Frame,
    /// Region of the document.
    pub region: Option<String>,
}

fn is_clause_delim(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?'
    )
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
}

/// A year named in a sentence.
#[derive(Debug, Clone, Copy)]
struct YearMention {
    pos: usize,
    year: i32,
    /// Preceded by 到/至: a goal's deadline.
    deadline: bool,
    /// Preceded by 截至: the date a stock was counted up to, no goal.
    up_to: bool,
    /// Heads its sentence and is followed by a comma (`2020年，…`): the topic of
    /// what follows in the paragraph.
    topic: bool,
    /// After 由/从 (`由2011年的1.24万亿元提高到…`): the year of the starting
    /// value only, ending at `end`.
    base: bool,
    /// Char position just past 年.
    end: usize,
}

impl YearMention {
    /// A year named at `pos`, its words ending at `end`, with no role of its own.
    fn at(pos: usize, year: i32, end: usize) -> YearMention {
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
    fn deadline_at(pos: usize, year: i32, end: usize) -> YearMention {
        YearMention {
            deadline: true,
            ..YearMention::at(pos, year, end)
        }
    }
}

fn year_mentions(s: &[char]) -> Vec<YearMention> {
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
                || at(s, after, "相比")
                || at(s, after, "比")
                // 2020年以来 opening a sentence is the topic (below); elsewhere a span's start.
                || (at(s, after, "以来") && !(i == 0 || s.get(i - 1).is_some_and(|c| is_clause_delim(*c) || is_sentence_end(*c))))
                || at(s, after, "远景")
                // 自2016年启动建设至今: a span's start, up to now.
                || ((ends(s, i, "自") || ends(s, i, "从"))
                    && s[after..]
                        .iter()
                        .take_while(|c| !is_clause_delim(**c))
                        .take(16)
                        .collect::<String>()
                        .contains("至今"))
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
            if stated_base {
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
            let comparison =
                compared || (["是", "是“"].iter().any(|w| ends(s, i, w)) && at(s, i + len, "的"));
            // 较“十三五”末的3.4万元增长到3.9万元: the base is stated, and is that year's.
            let base_value = compared
                && at(s, i + len, "的")
                && s.get(i + len + 1).is_some_and(|c| c.is_ascii_digit());
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
fn set_against(s: &[char], i: usize) -> bool {
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
fn plan_document_named(after: &str) -> bool {
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
const PLAN_ISSUED: &[&str] = &[
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
fn names_a_plans_years(s: &[char], i: usize) -> bool {
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
fn five_year_name_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    if !matches!(s.get(i), Some('十' | '第')) {
        return None;
    }
    let (name, start) = crate::doc::FIVE_YEAR_PLANS
        .iter()
        .find(|(name, _)| at(s, i, name))?;
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
fn five_year_first_years_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    let (start, j) = five_year_name_at(s, i)?;
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
fn five_year_end_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    let (start, j) = five_year_name_at(s, i)?;
    (s.get(j) == Some(&'末')).then_some((start + 4, j + 1 - i))
}

/// Years a work report names relative to itself: 今年 is the year it is
/// delivered in, 过去一年/去年/过去五年 end with the year before. Each heads what
/// follows (`今年主要预期目标是：…；…`) like a topic year.
fn relative_years(s: &[char], frame: &Frame) -> Vec<YearMention> {
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
                let year = if at(s, i, "去年") {
                    past
                } else if at(s, i, "今年") && !frame.from_figures {
                    past.saturating_add(1)
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

/// Extracts the facts of one paragraph (`text[start..end]`); returns the
/// deadline year it carries at its end, if any.
pub fn paragraph_facts(
    text: &str,
    start: usize,
    end: usize,
    section: &Section,
    ctx: &DocCtx,
    out: &mut Vec<Fact>,
) -> Carry {
    let facts_before = out.len();
    let span = Span::new(text, start, end);
    let s = &span.chars;
    let mut years = year_mentions(s);
    years.extend(relative_years(s, ctx.frame));
    years.extend(period_end_mentions(s, ctx.frame));
    years.extend(plan_end_deadlines(s));
    years.sort_by_key(|y| y.pos);
    let lists = year_lists(s, &years);
    // The last list of years named (2016年、2017年、2018年上半年), for the
    // runs of values it dates one by one (分别…16.7%、21.2%、21.2%).
    let mut listed: Option<Vec<i32>> = None;
    let mut sent_start = 0;
    // A deadline year (到2020年) carries over the paragraph.
    let mut carried: Option<YearMention> = section
        .carry_in
        .map(|year| YearMention::deadline_at(0, year, 0));
    // A past year that dated the clause before a ；(跃升至2020年的469.5亿元；财政收入达42.6亿元).
    let mut after_semicolon: Option<YearMention> = None;
    let mut goal_run = section.goal_run_in;
    let mut work_ahead = false;
    let mut over_years = false;
    for i in 0..=s.len() {
        if i < s.len() && !is_sentence_end(s[i]) {
            continue;
        }
        let a = sentence_start_skip(s, sent_start);
        let b = (i + 1).min(s.len());
        if a < b {
            if let Some((_, l)) = lists.iter().rev().find(|(end, _)| *end >= a && *end < b) {
                listed = Some(l.clone());
            }
            let dated = Dating {
                years: &years,
                listed: listed.as_deref(),
            };
            let own = carried;
            let lent = after_semicolon.take().filter(|_| carried.is_none());
            if lent.is_some() {
                carried = lent;
            }
            // 意见提出2020年建设目标，即…；…；…: the goals run on over ； to the 。.
            let listed_goals = goal_run.then(|| Section {
                goals: true,
                ..section.clone()
            });
            let sect = listed_goals.as_ref().unwrap_or(section);
            over_years |= opens_over_years(&s[a..b]);
            let spanned = over_years.then(|| Section {
                over_years: true,
                ..sect.clone()
            });
            let sect = spanned.as_ref().unwrap_or(sect);
            sentence_facts(&span, a, b, &dated, &mut carried, sect, ctx, text, out);
            over_years &= matches!(s[b - 1], '；' | ';');
            if lent.is_some() && carried.map(|y| y.pos) == lent.map(|y| y.pos) {
                carried = own;
            }
            // (Cheap tests first: every sentence of every document passes here.)
            let announces = || {
                let sentence: String = s[a..b].iter().collect();
                // (广西将筹措60亿元…；…: an article on a plan speaks in the future.)
                // (预计…将突破 is an estimate of a result.)
                let estimate = sentence
                    .find('将')
                    .is_some_and(|i| sentence[..i].contains("预计"));
                let future = ctx.frame.doc_type == DocType::Other
                    && speaks_of_future(&sentence)
                    && !estimate;
                (future
                    || crate::words::target_markers(&sentence).any(|w| {
                        sentence.match_indices(w).any(|(i, _)| {
                            !(compared_with_goal(&sentence[..i]) || completes_goal(&sentence[..i]))
                        })
                    }))
                    && !ACTUAL_MARKERS.iter().any(|w| sentence.contains(w))
            };
            let semicolon = matches!(s[b - 1], '；' | ';');
            // Only where a clause with no year would default to a goal.
            let goal_default = matches!(
                ctx.frame.doc_type,
                DocType::FiveYearPlan | DocType::Outline | DocType::ImplementationPlan
            );
            // 该县将重点抓好七个方面工作。一是…。二是…: an article's list of
            // the work ahead runs on to the paragraph's end.
            if ctx.frame.doc_type == DocType::Other && !work_ahead && announces_work_ahead(&s[a..b])
            {
                work_ahead = true;
            }
            // 今年主要施政目标包括：…增长8%；…增长9%；: a report's goals listed
            // after a colon run on over ； too.
            let colon_goals = || {
                let t: String = s[a..b].iter().collect();
                t.contains("今年")
                    && t.find("目标")
                        .is_some_and(|i| t[i..].chars().take(5).any(|c| matches!(c, '：' | ':')))
            };
            goal_run = work_ahead
                || semicolon
                    && (goal_default || ctx.frame.doc_type == DocType::Other)
                    && (goal_run || announces())
                || semicolon
                    && ctx.frame.doc_type == DocType::WorkReport
                    && (goal_run || colon_goals());
            // A year lent over ； to the clauses after it: in a plan, a past
            // year (跃升至2020年的469.5亿元；…); in a report, its goal year
            // (2016年全市地区生产总值增长6.5%；居民消费价格涨幅控制在3.5%左右；…).
            let report = ctx.frame.doc_type == DocType::WorkReport;
            if semicolon && (goal_default || report) {
                let lends = |y: &YearMention| match (goal_default, ctx.frame.present) {
                    (true, Some(p)) => !y.deadline && y.year <= p,
                    (false, Some(p)) => y.year > p,
                    (_, None) => false,
                };
                after_semicolon = years
                    .iter()
                    .rev()
                    .find(|y| y.pos >= a && y.pos < b && !y.base && lends(y))
                    .map(|y| YearMention {
                        pos: b,
                        end: b,
                        topic: goal_default || y.topic,
                        ..*y
                    })
                    .or(lent.map(|y| YearMention {
                        pos: b,
                        end: b,
                        ..y
                    }));
            }
        }
        sent_start = b;
    }
    // A paragraph with no figure of its own that speaks of a period
    // (`“十二五”时期是…`) hands it on; one with figures hands on what it got.
    let figureless = out.len() == facts_before;
    let period = if figureless {
        let t: String = s.iter().collect();
        crate::doc::period_named(&t).or(section.period_in)
    } else {
        section.period_in
    };
    Carry {
        deadline: carried.filter(|y| y.deadline).map(|y| y.year),
        goal_run,
        period,
    }
}

/// `该县将重点抓好七个方面工作。`, `将着力抓好以下工作：`: a sentence with no
/// figure announcing the work ahead, listed in the sentences after it.
fn announces_work_ahead(s: &[char]) -> bool {
    if s.iter().any(|c| c.is_ascii_digit()) || s.len() > 40 {
        return false;
    }
    let t: String = s.iter().collect();
    let t = t.trim_end_matches(['。', '：', ':', '；', ';']);
    speaks_of_future(t)
        && ["工作", "任务"].iter().any(|w| t.ends_with(w))
        && ["抓好", "做好", "推进", "突出", "聚焦"]
            .iter()
            .any(|w| t.contains(w))
        && ["方面", "以下", "重点", "几项", "大"]
            .iter()
            .any(|w| t.contains(w))
}

/// `是发展关键之年`, `是极不平凡的一年` right after a year at `s[after]`: the
/// sentence says what that year is.
fn says_what_year_it_is(s: &[char], after: usize) -> bool {
    if !at(s, after, "是") {
        return false;
    }
    let rest: String = s[after..]
        .iter()
        .take_while(|c| !is_sentence_end(**c))
        // (Bounded, so a text of years and no full stop stays linear.)
        .take(200)
        .collect();
    rest.ends_with("之年") || rest.ends_with("一年")
}

/// A sentence opening on a span of years that looks back (`两年来，`,
/// `3年间`, `这五年`): not `近年来`, which names no span.
fn opens_over_years(s: &[char]) -> bool {
    let head: String = s.iter().take(8).collect();
    let head = head.trim_start_matches(['这', '过', '去']);
    let Some(k) = head.find("年来").or_else(|| head.find("年间")) else {
        return false;
    };
    let n = &head[..k];
    !n.is_empty()
        && n.chars().count() <= 2
        && n.chars()
            .all(|c| c.is_ascii_digit() || "两二三四五六七八九十".contains(c))
}

fn sentence_start_skip(s: &[char], mut a: usize) -> usize {
    while a < s.len() && (is_clause_delim(s[a]) || s[a] == '、') {
        a += 1;
    }
    a
}

/// The years a paragraph names, for dating the values of one sentence.
struct Dating<'a> {
    years: &'a [YearMention],
    /// The last list of years named so far in the paragraph.
    listed: Option<&'a [i32]>,
}

/// Runs of two or more years joined by 、/和 (a part of the year may follow
/// each: 2018年上半年), as (char position of the last, years).
fn year_lists(s: &[char], years: &[YearMention]) -> Vec<(usize, Vec<i32>)> {
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

/// A name made only of words of measure (`并且年均增长比率`, `累计增长幅度`,
/// `其总量`): it speaks of the indicator just named.
fn only_measure_words(name: &str) -> bool {
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
    while let Some(r) = WORDS.iter().find_map(|w| rest.strip_prefix(w)) {
        rest = r;
    }
    converted || doubled || (rest.is_empty() && !name.is_empty())
}

/// A `从`/`由` year earlier in the sentence (从2021年…到2024年): the year at
/// `i` ends a span of years, not a goal's deadline.
fn from_year_before(s: &[char], i: usize) -> bool {
    let start = i.saturating_sub(60);
    (start..i)
        .rev()
        .take_while(|&k| !is_sentence_end(s[k]))
        .filter(|&k| matches!(s[k], '从' | '由'))
        .any(|k| year_at(s, k + 1).is_some())
}

/// `发展目标`, `主要目标` right after a year (到2025年的发展目标): the goals
/// that year is the deadline of, named without a figure.
fn goals_named(s: &[char], from: usize) -> bool {
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
fn plan_end_deadlines(s: &[char]) -> Vec<YearMention> {
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

fn period_end_mentions(s: &[char], frame: &Frame) -> Vec<YearMention> {
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

#[allow(clippy::too_many_arguments)]
fn sentence_facts(
    span: &Span,
    a: usize,
    b: usize,
    dated: &Dating,
    carried: &mut Option<YearMention>,
    section: &Section,
    ctx: &DocCtx,
    text: &str,
    out: &mut Vec<Fact>,
) {
    let s = &span.chars[a..b];
    let qs = quantities(s);
    let sent_years: Vec<YearMention> = dated
        .years
        .iter()
        .filter(|y| y.pos >= a && y.pos < b)
        .map(|y| YearMention {
            pos: y.pos - a,
            end: y.end.saturating_sub(a),
            ..*y
        })
        .collect();
    // 到2017年，预期生产总值翻一番以上。公共财政收入年均增长12%: a deadline
    // in a sentence with no figure dates the sentences after it.
    let sentence: String = s.iter().collect();
    if qs.is_empty() {
        // (2023年是发展关键之年。 dates the sentences after it too.)
        // (2019年，全区上下…取得了来之不易的成绩。 heads what the paragraph
        // then counts: 全区预计全年实现地区生产总值430亿元.)
        let year_of = |y: &&YearMention| y.topic;
        if let Some(y) = sent_years.iter().rev().find(|y| y.deadline || year_of(y)) {
            *carried = Some(*y);
        } else if ctx.frame.present.is_none() {
            // “十二五”期间，哈市力争实现“两个翻番”。GDP总量由3700亿元增加到7400亿元:
            // in a text that knows no year of its own, a period's goals
            // announced with no figure date the figures after them.
            let announced = ["力争", "目标", "确保", "将"]
                .iter()
                .any(|w| sentence.contains(w));
            if let (true, Some((_, end))) = (announced, crate::doc::period_spoken_of(&sentence)) {
                *carried = Some(YearMention::deadline_at(0, end, 0));
            }
        }
    }
    // “十三五”期间，全省…拟完成投资4900亿元。其中：… — a sentence opening on
    // a period still ahead dates the goals after it in the paragraph.
    let opens_on_period =
        period_phrase_len(s) > 0 && !at(s, period_phrase_len(s).saturating_sub(2), "以来");
    if opens_on_period && carried.is_none_or(|y| !y.deadline) {
        if let (Some((start, end)), Some(p)) =
            (crate::doc::period_spoken_of(&sentence), ctx.frame.present)
        {
            if start > p {
                *carried = Some(YearMention::deadline_at(0, end, 0));
            }
        }
    }
    // In sentence coords.
    let mut last_subject: Option<(usize, usize)> = None;
    // The subject before a share (占年计划的41.8%) took its place.
    let mut before_share: Option<(usize, usize)> = None;
    // The name of the last count with its noun after it (7069张公办养老床位).
    let mut last_count: Option<Name> = None;
    // (Every word it looks for ends in 后: most sentences are passed over at once.)
    let projected = if s.contains(&'后') && !qs.is_empty() {
        projected_from(s)
    } else {
        None
    };
    // A figure-less clause `s[start..end]` naming what the figures after it
    // are of, with how it went told in words (…实现恢复性较快增长).
    let clause_subject = |start: usize, end: usize| {
        let clause: String = s[start..end].iter().collect();
        // (一般公共预算收入连续跨越千亿级大关: a milestone passed, told in words.)
        let milestone = ["连续跨越", "跨越", "迈上", "跃上"]
            .iter()
            .filter_map(|w| clause.find(w).map(|b| clause[..b].chars().count()))
            .min()
            .map(|k| end - (start + k));
        let trend = TRENDS
            .iter()
            .find(|t| clause.ends_with(*t))
            .map(|t| t.chars().count())
            .max(trend_len(&clause))
            .or(milestone)
            .unwrap_or(0);
        let (ls, le) = strip(s, start, end - trend, LEAD, TRAIL);
        let name: String = s.get(ls..le).unwrap_or_default().iter().collect();
        (qs.iter()
            .find(|q| !q.qualifier)
            .is_some_and(|q| q.start > end)
            && name.chars().count() >= 2
            && looks_like_a_name(&name))
        .then_some(Name::Plain(ls, le))
    };
    // 旅游业总收入稳步增长，2020年达到9000亿元左右: an opening clause with no
    // figure names what the figures after it are of.
    // (Read only when a figure has no other name: every sentence passes here.)
    let opening_subject = || {
        // (其中，地区生产总值实现跨越，…: past a connective clause.)
        let mut start = ["其中", "另外", "此外", "同时"]
            .iter()
            .find(|w| at(s, 0, w) && s.get(2).is_some_and(|c| is_clause_delim(*c)))
            .map_or(0, |_| 3);
        // (一季度，全省规模以上工业增加值实现恢复性较快增长，…: past the time.)
        if let Some(k) = (start..s.len().min(start + 12)).find(|&i| is_clause_delim(s[i])) {
            let head: String = s[start..k].iter().collect();
            let time = [
                "一季度",
                "上半年",
                "前三季度",
                "全年",
                "今年以来",
                "今年",
                "去年",
                "年初以来",
                "近年来",
                "五年来",
            ]
            .iter()
            .any(|w| head.ends_with(w))
                || is_time_reference(&s[start..k]);
            if time && k + 1 < s.len() && !is_sentence_end(s[k]) {
                start = k + 1;
            }
        }
        let end = (start..s.len())
            .find(|&i| is_clause_delim(s[i]))
            .unwrap_or(s.len());
        // (一季度，在…等多种因素带动下，全省规模以上工业增加值实现恢复性较快
        // 增长，比上年同期增长13.1%: else the clause just before the figures'.)
        clause_subject(start, end)
            .or_else(|| {
                let first = qs.iter().find(|q| !q.qualifier)?;
                let reach = first.start.saturating_sub(80);
                let own = reach
                    + s[reach..first.start]
                        .iter()
                        .rposition(|c| is_clause_delim(*c))?;
                let near = own.saturating_sub(60);
                let before = s[near..own]
                    .iter()
                    .rposition(|c| is_clause_delim(*c))
                    .map_or(near, |k| near + k + 1);
                (before > start)
                    .then(|| clause_subject(before, own))
                    .flatten()
            })
            .or_else(|| prior_subject(span, a, s).map(|(x, y)| Name::Prior(x, y)))
    };
    let mut prev_end = 0;
    let mut prev_clause_start = usize::MAX;
    let mut prev_name: Option<String> = None;
    let mut clause_place: Option<(usize, String)> = None;
    let mut main_name: Option<(String, String, Measure)> = None;
    // Where the main name's subject starts, and its first fact in `out`.
    let mut main_at: Option<(usize, usize)> = None;
    // Distinct subjects named so far, for `A 5万户、B 8170户，分别增长65%、26.8%`.
    let mut subjects: Vec<(usize, usize)> = Vec::new();
    let joined = |i: usize| listed_after(s, &qs, i);
    for (k, q) in qs.iter().enumerate() {
        // (30%以上的行政村达到…标准: a share with no figure after it in its
        // clause is the clause's figure, not a bound on what a later one counts.)
        let alone = q.unit == "%"
            && (q.start == 0 || is_clause_delim(s[q.start - 1]))
            && qs.get(k + 1).is_none_or(|n| {
                between(s, q.end, n.start)
                    .iter()
                    .any(|c| is_clause_delim(*c))
            });
        if q.qualifier && !alone {
            continue;
        }
        let clause_start = (0..q.start)
            .rev()
            .find(|&i| is_clause_delim(s[i]))
            .map_or(0, |i| i + 1);
        if counts_an_indicator_set(s, clause_start, q) {
            continue;
        }
        let narrow_start = if clause_start == prev_clause_start {
            prev_end.max(clause_start)
        } else {
            clause_start
        };
        let clause_end = (q.end..s.len())
            .find(|&i| is_clause_delim(s[i]))
            .unwrap_or(s.len());
        // Year: the nearest named before the quantity, else the carried deadline.
        // A 由/从 year belongs to the value right after it (由2011年的1.24万亿元) only.
        // The run of values joined by 、/和 this one is in, and whether 分别 spreads them.
        let first = (1..=k)
            .rev()
            .take_while(|&i| joined(i))
            .last()
            .map_or(k, |i| i - 1);
        // (从2020年的10.4%、7.8%提升至…: the start year of the whole run.)
        let mut year_m = sent_years
            .iter()
            .rev()
            .find(|y| y.pos < q.start && (!y.base || qs[first].start <= y.end + 3))
            .copied();
        let run = (first + 1..qs.len()).take_while(|&i| joined(i)).count() + 1;
        let in_run = run > 1;
        // (先后 over a list of years: 2012年、2014年先后突破5万亿、6万亿.)
        let respectively = {
            let before: String = between(s, clause_start, qs[first].start).iter().collect();
            before.contains("分别") || before.contains("先后")
        };
        // 2016年、2017年、2018年…分别为4.4%、4.4%、2.6%: the k-th value is the k-th year's.
        // (2020年、2021年…累计完成产值398.8亿元、579.33亿元: as many values as
        // years listed pair up without 分别 too.)
        if let Some(list) = dated.listed.filter(|l| l.len() == run && run > 1) {
            let named_since = year_m.is_some_and(|y| !list.contains(&y.year));
            if !named_since {
                let at = YearMention::at(q.start, list[k - first], q.start);
                year_m = Some(YearMention {
                    year: list[k - first],
                    ..year_m.unwrap_or(at)
                });
            }
        }
        // 2010年以来，GDP分别增长14%、12.5%、11%: a yearly series from that year on.
        if let Some(y) = year_m
            .filter(|y| respectively && run > 1 && dated.listed.is_none() && at(s, y.end, "以来"))
        {
            let year = y.year + (k - first) as i32;
            if ctx
                .frame
                .present
                .is_none_or(|p| y.year + run as i32 - 1 <= p)
            {
                year_m = Some(YearMention { year, ..y });
            }
        }
        // 前3年全省服务业增加值比重分别为47.3%、49.7%和51.4% in a review: the
        // plan's first years, one by one.
        if respectively && run > 1 && year_m.is_none() && ctx.frame.doc_type == DocType::PlanReview
        {
            let opening: String = between(s, clause_start, qs[first].start).iter().collect();
            let n = first_years_count(&opening);
            if let (Some(start), Some(n)) = (ctx.frame.period_start, n) {
                if n == run {
                    year_m = Some(YearMention::at(
                        clause_start,
                        start + (k - first) as i32,
                        clause_start,
                    ));
                }
            }
        }
        if let Some(y) = sent_years
            .iter()
            .rev()
            .find(|y| (y.deadline || y.topic) && y.pos < q.start)
        {
            *carried = Some(*y);
        }
        let pre: String = s[clause_start..q.start].iter().collect();
        // 2025年…达5.2兆元，2026年…则预期增长5%: a later clause on another
        // year of its own says nothing of this figure's kind.
        // (截至去年的4年间…增长11.5%, after 根据规划,“十二五”末…要达: nor does
        // one before the clause that names this figure's year; a colon's
        // announcement, 主要目标是：到“十三五”末, still heads it.)
        let scope: Option<String> = year_m.map(|own| {
            let from = (0..own.pos.min(s.len()))
                .rev()
                .find(|&i| matches!(s[i], '，' | ',' | '；' | ';'))
                .map_or(0, |i| i + 1);
            let to = sent_years
                .iter()
                .find(|y| y.pos >= q.end && !y.base && y.year != own.year)
                .map_or(s.len(), |y| y.pos);
            s[from..to].iter().collect()
        });
        let decided = decide_kind(
            ctx,
            section,
            scope.as_deref().unwrap_or(&sentence),
            &pre,
            year_m.or(*carried).map(|y| y.year),
        );
        // 工程建成后，每年可退还农业用水1.48亿立方米: what a project will yield.
        let decided = if ctx.frame.doc_type != DocType::StatisticalBulletin
            && projected.is_some_and(|from| from <= q.start)
        {
            Kind::Target
        } else {
            decided
        };
        // 完成区人代会批准增长8%以上目标: beside a result, the goal it met, of the
        // same year and indicator.
        // 完成《纲要》提出的400万人目标, 《纲要》中提出的…1万亿元…的目标: a
        // review names its plan's goal.
        let plan_goal = ctx.frame.doc_type == DocType::PlanReview
            && year_m.is_none()
            && names_plan_goal(s, clause_start, q.start, q.end, clause_end);
        let met_goal = decided == Kind::Actual
            && (plan_goal
                || meets_goal(s, clause_start, q.end, clause_end)
                // (低于预期1.5个百分点 is the gap, not the goal.)
                || (goal_aside(s, clause_start, q.start, q.end, clause_end)
                    && !q.unit.ends_with("百分点")));
        // 到2025年, 2025年年底前 in an article or plan: a goal, unless the
        // document reviews that year.
        let by_deadline = year_m.or(*carried).is_some_and(|y| {
            // An implementation plan's first year may be a deadline (到2023年).
            let first = i32::from(ctx.frame.doc_type == DocType::ImplementationPlan);
            y.deadline
                && !y.up_to
                && (ctx.frame.from_figures || ctx.frame.present.is_none_or(|p| y.year + first > p))
        }) && !ACTUAL_MARKERS.iter().any(|w| pre.contains(w))
            && !matches!(
                ctx.frame.doc_type,
                DocType::StatisticalBulletin | DocType::PlanReview
            )
            // (News of a report that gives no year of its own: 到2027年 sets goals.)
            && (ctx.frame.doc_type != DocType::WorkReport || ctx.frame.present.is_none());
        // 由3700亿元增加到7400亿元: the value a change starts from is past,
        // whatever goal the change is.
        // (由2021年的568亿元增加到880亿元, 由目前的4万亩增至10万亩: a start
        // dated in the past or now.)
        // (分别从每月631元、286元提高到653元、315元: a run of start values,
        // read from before its first and after its last.)
        let (run_head, run_tail) = if in_run {
            (qs[first].start, qs[(first + run - 1).min(qs.len() - 1)].end)
        } else {
            (q.start, q.end)
        };
        let run_pre: std::borrow::Cow<str> = if in_run {
            between(s, clause_start, run_head)
                .iter()
                .collect::<String>()
                .into()
        } else {
            pre.as_str().into()
        };
        let start_word = {
            let mut t = run_pre.trim_end();
            t = t.strip_suffix('的').unwrap_or(t);
            // (从每人每月1883元: a rate's period between the word and the value.)
            for w in ["每人每月", "每人每年", "每月", "每年", "每人"] {
                if let Some(r) = t.strip_suffix(w) {
                    t = r;
                    break;
                }
            }
            let dated = ["现在", "目前", "当前"]
                .iter()
                .find_map(|w| t.strip_suffix(w))
                .or_else(|| {
                    let y = t.strip_suffix('年')?;
                    let digits = y.chars().rev().take_while(|c| c.is_ascii_digit()).count();
                    (digits == 4).then(|| &y[..y.len() - 4])
                });
            let t = dated.unwrap_or(t);
            ["从", "由"].iter().any(|w| t.ends_with(w))
        };
        let starts_a_change = year_m.is_none_or(|y| y.deadline || y.base)
            && start_word
            // (增加到, 提高至; 增至, 降到; 向.)
            && (matches!(s.get(run_tail + 2), Some('至' | '到'))
                || matches!(s.get(run_tail + 1), Some('至' | '到'))
                || s.get(run_tail) == Some(&'向'));
        // 截至今年4月底，全省汽车保有量204.5万辆: a stock counted up to a
        // date, in a plan as anywhere.
        let counted = year_m.is_some_and(|y| y.up_to && !y.deadline)
            && ctx.frame.doc_type == DocType::ImplementationPlan
            && !pre.contains("到")
            && !crate::words::target_markers(&pre).any(|w| pre.contains(w));
        let kind = if starts_a_change || counted {
            Kind::Actual
        } else if met_goal || (decided == Kind::Actual && by_deadline) {
            Kind::Target
        } else {
            decided
        };
        // 3年实现26746人脱贫: a goal over the next N years, counted from the plan's first year.
        let span_ahead = (year_m.is_none() && kind == Kind::Target)
            .then(|| {
                years_ahead(&pre, false).or_else(|| {
                    // 通过三年努力，完成全市32万座…: the span heads the clause before.
                    let before: String = s[..q.start].iter().collect();
                    years_ahead(&before, true)
                })
            })
            .flatten();
        let ahead = span_ahead.and_then(|(n, _)| match first_plan_year(ctx.frame) {
            Some(first) => Some(first + n - 1),
            // An undated article on a plan: the latest year it names is the deadline.
            None if ctx.frame.from_figures => ctx.frame.target_year,
            None => None,
        });
        // “十二五”时期，X从287.8亿元增加到430.9亿元: the start value is the
        // year before the period.
        // (过去五年 dates its sentence to the year reviewed, not the start value.)
        let five_years = |y: &YearMention| PAST_FIVE_YEARS.iter().any(|w| at(s, y.pos, w));
        let period_start_value = (year_m.is_none_or(|y| five_years(&y)) || starts_a_change)
            && ["从", "由"].iter().any(|w| pre.trim_end().ends_with(w))
            && (decided == Kind::Actual || starts_a_change);
        let from_period = period_start_value
            .then(|| {
                // The period may be named sentences before, in the paragraph;
                // 过去五年 in a report is the five years up to the one reviewed.
                let before: String = span.chars[..a + q.start].iter().collect();
                period_spoken_of(&before)
                    // (Under a heading on the period: 硕果累累“十二五”.)
                    .or_else(|| {
                        let t: String = section
                            .title
                            .as_deref()?
                            .chars()
                            .map(planwatch_text::norm::char_for_matching)
                            .collect();
                        crate::doc::period_named(&t)
                    })
                    .or(section.period_in)
                    .or_else(|| {
                        // A review of a plan: its changes run from the year before
                        // the plan's first (由22.2%提高到36.2%).
                        if ctx.frame.doc_type == DocType::PlanReview {
                            if let Some(start) = ctx.frame.period_start {
                                return Some((start, start + 4));
                            }
                        }
                        let p = ctx.frame.present?;
                        // A five-year plan looks back on the five years to its base year.
                        let plan =
                            matches!(ctx.frame.doc_type, DocType::FiveYearPlan | DocType::Outline);
                        (plan
                            || PAST_FIVE_YEARS
                                .iter()
                                .any(|w| before.contains(w) || section_says(section, w)))
                        .then_some((p - 4, p))
                    })
            })
            .flatten()
            .map(|(start, _)| start - 1);
        // (到2025年，城镇化率由60%提高到65%: the start value is not the deadline's.)
        let deadline_start = starts_a_change && year_m.is_some_and(|y| y.deadline);
        let year = if plan_goal && ctx.frame.target_year.is_some() {
            ctx.frame.target_year
        } else if deadline_start {
            from_period.or(ctx
                .frame
                .present
                .filter(|p| year_m.is_some_and(|y| *p < y.year)))
        } else {
            from_period
                .or(year_m.map(|y| y.year))
                .or(ahead)
                .or_else(|| carried.map(|y| y.year))
                // (A start value is now's, whatever the goal is.)
                .or_else(|| {
                    let as_kind = if starts_a_change {
                        Kind::Actual
                    } else {
                        decided
                    };
                    default_year(ctx, section, as_kind, &sentence)
                })
        };
        let (mut measure, negative) = decide_measure(ctx.frame.doc_type, kind, &pre, q);
        // 两年来，…；新增公交专用道7条: an addition over the span of years.
        let added = pre.starts_with('新') || pre.contains("新增") || pre.contains("新建");
        if section.over_years && kind == Kind::Actual && measure == Measure::Level && added {
            measure = Measure::Cumulative;
        }
        let total_ahead = ahead.is_some() && span_ahead.is_some_and(|(_, level)| !level);
        if total_ahead && measure == Measure::Level && !q.unit.ends_with('%') {
            measure = Measure::Cumulative;
        }
        let mut value = q.value;
        if negative {
            value = -value;
        }
        // Indicator.
        let subject = if let Some((x, y)) =
            last_subject.filter(|_| stated_base_before(s, narrow_start, q.start))
        {
            // 地区生产总值260.36亿元，比1983年的1.78亿元翻了7.19番: the base
            // is of the figure just named.
            Some(Name::Plain(x, y))
        } else if let Some((head, last)) = measured_pair(&qs, k) {
            // 建成4条188公里轨道交通: a count and a measure of the noun after both.
            let after = noun_end(s, last.end, qs.get(k + 2).map(|m| m.start), clause_end);
            let (ls, le) = strip(s, narrow_start.min(head), head, LEAD, &[]);
            let (ns, ne) = strip(s, last.end, after, &[], TRAIL);
            Some(Name::Joined(ls, le, ns, ne))
        } else if q.counts_following_noun {
            let end = noun_end(s, q.end, qs.get(k + 1).map(|n| n.start), clause_end);
            let (ls, le) = strip(s, narrow_start, q.start, LEAD, &[]);
            let (ns, ne) = strip(s, q.end, end, &[], TRAIL);
            Some(Name::Joined(ls, le, ns, ne))
        } else {
            let (mut ls, mut le) = strip(s, narrow_start, q.start, LEAD, TRAIL);
            let cut = cut_comparison(s, ls, le);
            (ls, le) = strip(s, ls, cut, LEAD, TRAIL);
            // 两年平均增长6.0%, 近三年年均增长: a span of years is no name.
            // (两年平均下降: the trail's 年平均 cut leaves the count alone.)
            let count_of_years = le > ls
                && le - ls <= 2
                && s.get(le) == Some(&'年')
                && s[ls..le]
                    .iter()
                    .all(|c| c.is_ascii_digit() || "一两二三四五六七八九十".contains(*c));
            if le > ls
                && (count_of_years || is_years_span(&s[ls..le]) || is_time_reference(&s[ls..le]))
            {
                le = ls;
            }
            if le > ls && le - ls < 2 && narrow_start > clause_start {
                // 10万元以上的村达到75%: one char is not a name; take the whole clause.
                (ls, le) = strip(s, clause_start, q.start, LEAD, TRAIL);
            }
            if le > ls {
                if s[ls] == '占' {
                    before_share = last_subject;
                }
                last_subject = Some((ls, le));
                if !subjects.iter().any(|&(x, y)| s[x..y] == s[ls..le]) {
                    subjects.push((ls, le));
                }
                Some(Name::Plain(ls, le))
            } else if respectively && run > 1 && run <= subjects.len() {
                // 分别 after several named figures: the k-th rate is the k-th subject's.
                let (x, y) = subjects[subjects.len() - run + (k - first)];
                Some(Name::Plain(x, y))
            } else if let Some(from) =
                named_after(s, q, clause_end).filter(|_| last_subject.is_none())
            {
                // 50%的农户进入新型农业组织, 30%以上的行政村达到…标准,
                // 90%以上行政村生活垃圾得到有效治理: the share is named after it.
                let (ns, ne) = strip(s, from, clause_end, &[], TRAIL);
                (ne > ns).then_some(Name::Joined(ls, ls, ns, ne))
            } else {
                // 完成11.3亿元,占年计划的41.8%,同比增长9.3%: a growth after a share
                // is the growth of what the share is of; a change in points
                // (提高0.82个百分点) is the share's own.
                let after_share =
                    last_subject.is_some_and(|(x, _)| s[x] == '占') && !q.unit.ends_with("百分点");
                match (after_share, before_share) {
                    (true, Some((x, y))) => Some(Name::Plain(x, y)),
                    // (新增7069张公办养老床位，为计划的101%: the count's name.)
                    // (Not inside a list, 1.902万户、6.53万人脱贫, named after it.)
                    _ => last_subject
                        .map(|(x, y)| Name::Plain(x, y))
                        .or(last_count.filter(|_| !in_run))
                        .or_else(opening_subject),
                }
            }
        };
        if let Some(Name::Joined(..)) = subject {
            last_count = subject;
        }
        // The next figure's name starts after this one's counted noun when a
        // list goes on (26746人脱贫、36个贫困村销号).
        prev_end = match subject {
            Some(Name::Joined(_, _, _, ne)) if s.get(ne) == Some(&'、') => ne.max(q.end),
            _ => q.end,
        };
        prev_clause_start = clause_start;
        let Some(subject) = subject else { continue };
        let mut names = subject.names(span, a, s, &qs, k);
        // 装备制造业保持较快增长，年均增速达10.6%: a name of measure words
        // alone, with nothing named before, is the opening clause's.
        if let (Name::Plain(x, y), None) = (subject, &prev_name) {
            let short: String = s[x..y].iter().collect();
            if names.len() == 1 && only_measure_words(&short) {
                if let Some(open) = opening_subject() {
                    names = open.names(span, a, s, &qs, k);
                }
            }
        }
        if let (Name::Plain(x, y), Some(prev)) = (subject, &prev_name) {
            let short: String = s[x..y].iter().collect();
            // …下降16.7%，规划期末目标为下降20%: the goal of the indicator just named.
            let goal_word = short
                .trim_start_matches("规划")
                .trim_start_matches("期末")
                .trim_start_matches("年度")
                .trim_start_matches("预期");
            if names.len() == 1
                && (matches!(goal_word, "目标" | "目标值" | "计划" | "基数" | "基期值")
                    || only_measure_words(&short))
            {
                names = vec![prev.clone()];
            }
            // 城镇人口124.88万人，占户籍人口的比重为42.34%: the share is the previous subject's.
            if short.starts_with('占')
                && names.len() == 1
                && !prev.starts_with('占')
                && !prev.contains(&names[0])
            {
                names = vec![format!("{prev}{}", names[0])];
            }
            // 增长8%，高2个百分点: the growth's gap to the goal (or the
            // benchmark) the sentence measures it against.
            if matches!(short.as_str(), "高" | "低" | "快" | "慢" | "高出" | "低出")
                && q.unit.ends_with("百分点")
                && names.len() == 1
            {
                let stem = prev.trim_end_matches("增速");
                names = vec![format!("{stem}增速{}", short.trim_end_matches('出'))];
            }
            if y - x <= 3
                && short.ends_with('率')
                && prev.ends_with('率')
                && prev.chars().count() > 4
                && names.len() == 1
            {
                let stem: String = prev.chars().take(prev.chars().count() - 3).collect();
                names = vec![format!("{stem}{}", names[0])];
            }
        }
        // The shape of a plan: its share of indicators of a kind (涉及民生的指标占70%),
        // the tasks it sets out (提出了十一个新任务).
        let plan = matches!(
            ctx.frame.doc_type,
            DocType::FiveYearPlan | DocType::Outline | DocType::ImplementationPlan
        );
        names.retain(|n| {
            let n: String = n
                .chars()
                .map(planwatch_text::norm::char_for_matching)
                .collect();
            let share_of_indicators =
                plan && !section.review && q.unit == "%" && n.ends_with("指标");
            let tasks = ["提出", "明确", "部署"].iter().any(|w| pre.contains(w))
                && ["任务", "新任务", "重点任务", "主要任务", "大任务"]
                    .iter()
                    .any(|t| n.ends_with(t));
            // 一、科教惠民工程(项目6个，其中基建工程类5个): how a list of
            // projects is made up, no figure of the region.
            // (优化公共服务方面(7项), 确定5个方面重点民生实事项目20件.)
            let make_up = matches!(q.unit.as_str(), "个" | "项" | "件")
                && (n.ends_with('类')
                    || n.ends_with("(项目")
                    || n.ends_with("方面")
                    || n.ends_with("方面(")
                    || n.ends_with("实事项目")
                    || n.ends_with("实事")
                    || pre.ends_with("方面(")
                    || pre.ends_with("方面（"));
            !share_of_indicators && !tasks && !make_up
        });
        // 南京预计1.68万亿元 after 苏州地区生产总值预计达到2.4万亿元: a place
        // alone names the figure before it, for that place; and the place
        // heading that figure's name was its region.
        let mut listed_place: Option<String> = None;
        if let (Name::Plain(x, y), Some((main, main_unit, _)), Some((mx, first_fact))) =
            (subject, &main_name, main_at)
        {
            if names.len() == 1 && *main_unit == q.unit && !met_goal {
                if let Some(place) = place_alone(span, a, x, y) {
                    let stem = match heading_place(span, a, mx, main) {
                        Some((own, stem)) => {
                            let from = first_fact.min(out.len());
                            for f in out[from..].iter_mut().filter(|f| f.indicator == *main) {
                                f.indicator = stem.clone();
                                f.region = Some(own.clone());
                            }
                            stem
                        }
                        None => main.clone(),
                    };
                    names = vec![stem];
                    listed_place = Some(place);
                }
            }
        }
        // 其余各市常住人口依次为:运城市4774508人、临汾市3976481人: places
        // alone in a list, the indicator named before the colon.
        if let (None, Name::Plain(x, y), 1) = (&listed_place, subject, names.len()) {
            if let Some(place) = place_alone(span, a, x, y) {
                if let Some(topic) = list_topic(span, a, x) {
                    names = vec![topic];
                    listed_place = Some(place);
                }
            }
        }
        // 西夏区(13.0%)和灵武市(8.2%)地区生产总值增速分别位列…: a place's
        // figure in brackets, the indicator named after the run.
        if let Some((px, plen, nx, ny)) = bracketed_after_place(s, q.start, q.end, clause_end) {
            let name: String = span.orig[a + nx..a + ny].iter().collect();
            let norm: String = s[nx..ny].iter().collect();
            let rate = ["增速", "增幅"].iter().find(|w| norm.ends_with(*w));
            if let Some(w) = rate.filter(|_| q.unit == "%") {
                measure = Measure::Growth;
                names = vec![name
                    .chars()
                    .take(name.chars().count() - w.chars().count())
                    .collect()];
            } else {
                names = vec![name];
            }
            let full = crate::region::place_chain_at(s, px).map(|(p, _, _)| p.name);
            listed_place = full.map(|f| written_place(span, a, px, plen, f));
        }
        if let (true, Some((main, main_unit, main_measure))) = (met_goal, &main_name) {
            names = vec![main.clone()];
            // (预期目标为8.5%以上) after 增长5.9%: a goal of the same measure.
            if measure == Measure::Level && *main_unit == q.unit {
                measure = *main_measure;
            }
            // 下降5.2%，好于下降7%的预期: the goal of a one-year change.
            if measure == Measure::Reduction && *main_measure == Measure::Growth {
                measure = Measure::Growth;
                value = -value;
            }
        }
        if let Some(n) = names.first() {
            prev_name = Some(n.clone());
            // 高于全市0.8个百分点 compares the figure before it; the goal beside a
            // result belongs to the indicator itself.
            let comparison = ["高于", "低于", "快于", "慢于", "比", "较", "超过", "超出"]
                .iter()
                .any(|w| n.starts_with(w));
            if !comparison && !q.unit.ends_with("百分点") {
                main_name = Some((n.clone(), q.unit.clone(), measure));
                let x = match subject {
                    Name::Plain(x, _) | Name::Joined(x, _, _, _) => x,
                    Name::Prior(..) => 0,
                };
                main_at = Some((x, out.len()));
            }
        }
        for n in names.iter_mut() {
            if n == "GDP" {
                // Plans and bulletins mean 地区生产总值 by GDP; keep both words.
                *n = "地区生产总值(GDP)".to_string();
            } else if (n.ends_with("GDP") || n.starts_with("GDP"))
                && !n.contains("生产总值")
                && !["于GDP", "占GDP", "比GDP", "较GDP"]
                    .iter()
                    .any(|w| n.contains(w))
            {
                // 上半年江西GDP, GDP累计增速: the same word inside a name.
                *n = n.replacen("GDP", "地区生产总值(GDP)", 1);
            }
        }
        let quote_start = match subject {
            Name::Plain(x, _) => x.min(clause_start),
            Name::Prior(..) => clause_start,
            Name::Joined(x, y, _, _) => {
                if y > x {
                    x
                } else {
                    q.start
                }
            }
        };
        let quote_end = match subject {
            Name::Joined(_, _, _, ne) => ne.max(q.end),
            _ => q.end,
        };
        let (qa, qb) = span.bytes(a + quote_start.min(q.start), a + quote_end);
        let quote = text.get(qa..qb).unwrap_or_default().to_string();
        // 松山新区人口达到20万, 成都市地区生产总值…: a place heading the name is the fact's region.
        let subject_start = match subject {
            Name::Plain(x, _) | Name::Joined(x, _, _, _) => x,
            Name::Prior(..) => 0,
        };
        // A place heading a clause stays its subject (银川市3年实现26746人脱贫、36个贫困村销号).
        let region = match listed_place.or_else(|| place_heading(span, a, subject_start)) {
            Some(r) => {
                clause_place = Some((clause_start, r.clone()));
                Some(r)
            }
            // (…in the clauses after it too, up to the sentence's end:
            // 西安市优良天数257天，PM2.5浓度为54微克/立方米；— unless one
            // speaks of the whole, 全省…)
            None => clause_place
                .as_ref()
                .filter(|(c, _)| {
                    *c == clause_start
                        || !matches!(s.get(clause_start), Some('全' | '我' | '本' | '各'))
                })
                .map(|(_, r)| r.clone())
                .or_else(|| ctx.region.clone()),
        };
        for name in names {
            if name.chars().count() < 2 {
                continue;
            }
            out.push(Fact {
                doc: ctx.doc.to_string(),
                kind,
                indicator: name,
                region: region.clone(),
                year,
                value: Some(value),
                value_max: q.value_max,
                unit: Some(written_unit(span, a, q)).filter(|u| !u.is_empty()),
                measure,
                comparator: q.comparator.unwrap_or(Comparator::Eq),
                attribute: None,
                text: None,
                quote: quote.clone(),
                section: section.title.clone(),
                start: Some(qa),
                end: Some(qb),
            });
        }
    }
    qualitative_facts(span, a, b, dated.years, *carried, section, ctx, text, out);
}

/// `共30项指标`, `等8项指标达到…`, `下降3项指标`: a count of the indicators
/// a plan sets or a list just named describes the document, not the region
/// (`有23项指标已完成` counts progress and stays).
fn counts_an_indicator_set(s: &[char], clause_start: usize, q: &Quantity) -> bool {
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
fn place_heading(span: &Span, a: usize, x: usize) -> Option<String> {
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
fn bracketed_after_place(
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
fn place_alone(span: &Span, a: usize, x: usize, y: usize) -> Option<String> {
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
fn list_topic(span: &Span, a: usize, x: usize) -> Option<String> {
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
fn heading_place(span: &Span, a: usize, x: usize, name: &str) -> Option<(String, String)> {
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
fn written_place(span: &Span, a: usize, x: usize, len: usize, full: &str) -> String {
    let norm: String = span.chars[a + x..a + x + len].iter().collect();
    let orig: String = span.orig[a + x..a + x + len].iter().collect();
    crate::frame::written(&norm, &orig, full)
}

/// Chars `a..b`, or none when the bounds cross (quantities whose comparator
/// signs overlap the previous one's end).
fn between(s: &[char], a: usize, b: usize) -> &[char] {
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
        orig
    } else {
        q.unit.clone()
    }
}

/// How an indicator name is made from the sentence.
#[derive(Debug, Clone, Copy)]
enum Name {
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
    fn names(&self, span: &Span, off: usize, s: &[char], qs: &[Quantity], k: usize) -> Vec<String> {
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
    fn listed(
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
                let first = (0..=k)
                    .rev()
                    .take_while(|&i| i == k || listed_after(s, qs, i + 1))
                    .last()
                    .unwrap_or(k);
                let count = (first..qs.len())
                    .take_while(|&i| i == first || listed_after(s, qs, i))
                    .count();
                let sectors = sector_list(chars).or_else(|| urban_and_rural(chars));
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
                    let both = plain.contains('均') || plain.contains('都');
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

/// `钢铁、铝业…和电力五大支柱产业增加值`: the list gives examples of a
/// set it then counts (五大, 三个), and the figure is the set's.
fn collective(chars: &[char]) -> Option<String> {
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
fn urban_and_rural(chars: &[char]) -> Option<Vec<String>> {
    let head: String = chars.iter().take(4).collect();
    let rest: String = clean_name(&chars.get(4..)?.iter().collect::<String>());
    // (城乡居民收入比, 城乡居民收入差距: one figure of the two together.)
    if rest.ends_with('比') || rest.ends_with("差距") {
        return None;
    }
    match head.as_str() {
        "城乡居民" => Some(vec![format!("城镇居民{rest}"), format!("农村居民{rest}")]),
        "城鄉居民" => Some(vec![format!("城鎮居民{rest}"), format!("農村居民{rest}")]),
        _ => None,
    }
}

/// `一、二、三产业增加值`, `一二三産`, `第二、三产业比重`: the sectors named
/// by their numbers, as full names (第一产业增加值, 第二产业增加值, …).
fn sector_list(chars: &[char]) -> Option<Vec<String>> {
    let mut i = usize::from(chars.first() == Some(&'第'));
    let mut numbers = Vec::new();
    while let Some(&c) = chars.get(i) {
        match c {
            '一' | '二' | '三' => numbers.push(c),
            '、' | '，' | ',' => {}
            _ => break,
        }
        i += 1;
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
fn split_list_on(chars: &[char], seps: &str, longest: usize, figures: usize) -> Vec<String> {
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
    let trade = |p: &Vec<char>| p.last() == Some(&'业');
    // (计算机、通信和其他电子设备制造业增加值: the trade's figure, where no
    // item before is a figure's name: not 地区生产总值和工业总产值.)
    let trade_figure = |p: &Vec<char>| {
        let w: String = p.iter().collect();
        ["增加值", "总产值", "产值", "营业收入"]
            .iter()
            .find_map(|m| w.strip_suffix(m))
            .is_some_and(|t| t.ends_with('业'))
    };
    let figure_name = |p: &Vec<char>| p.last().is_some_and(|c| "值额量率入数重".contains(*c));
    let before = &parts[..parts.len() - 1];
    let one_trade = parts.last().is_some_and(trade) && !before.iter().any(trade)
        || parts.last().is_some_and(trade_figure)
            && !before.iter().any(|p| trade(p) || figure_name(p));
    // (Unless a figure is given for each part: `figures` of them, listed.)
    if one_trade && figures != parts.len() {
        return vec![];
    }
    let last = parts.last().cloned().unwrap_or_default();
    parts
        .iter()
        .map(|p| {
            let mut name: String = p.iter().collect();
            // (化学需氧量、氮氧化物排放量, 生产总值、城乡居民收入: an item
            // ending as a whole name does needs no part of the last.)
            if p.len() < last.len()
                && !std::ptr::eq(p, parts.last().unwrap_or(p))
                && p.last() != last.last()
                && !p.last().is_some_and(|c| "值额量率入数重".contains(*c))
            {
                name.extend(&last[p.len()..]);
            }
            clean_name(&name)
        })
        .collect()
}

fn p_prev_is(parts: &[Vec<char>], c: char) -> bool {
    parts.last().and_then(|p| p.last()) == Some(&c)
}

/// Removes quotes and brackets around words in a name.
fn clean_name(s: &str) -> String {
    // 機制活——啟動459項改革措施: a slogan set before a dash labels the figure.
    let s = match s.rsplit_once("——") {
        Some((_, after)) if after.chars().count() >= 2 => after,
        _ => s,
    };
    s.chars()
        .filter(|c| {
            !matches!(
                c,
                '“' | '”' | '"' | '‘' | '’' | '《' | '》' | '「' | '」' | '﹡' | '*' | ' '
            )
        })
        .collect()
}

/// The end of the noun a count names (`5个农产品加工园区，` → before `，`).
fn noun_end(s: &[char], from: usize, next_q: Option<usize>, clause_end: usize) -> usize {
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

/// Whether `qs[i]` is listed right after `qs[i - 1]` (`25.9%和16.8%`, `5%、6%`).
fn listed_after(s: &[char], qs: &[Quantity], i: usize) -> bool {
    between(s, qs[i - 1].end, qs[i].start)
        .iter()
        .all(|c| matches!(c, '和' | '、' | '及' | '与'))
}

/// A count written right before a measure of the same things (`4条188公里`
/// 轨道交通), when `qs[k]` is either: where the pair starts, and its later one.
fn measured_pair(qs: &[Quantity], k: usize) -> Option<(usize, &Quantity)> {
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
fn named_after(s: &[char], q: &Quantity, clause_end: usize) -> Option<usize> {
    let mut at_ = q.end;
    let bound = ["及以上", "以上", "左右"]
        .iter()
        .find(|w| at(s, at_, w))
        .map(|w| w.chars().count());
    at_ += bound.unwrap_or(0);
    let share = q.unit == "%";
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
fn strip(s: &[char], mut a: usize, mut b: usize, lead: &[&str], trail: &[&str]) -> (usize, usize) {
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
fn stated_base_before(s: &[char], mut a: usize, b: usize) -> bool {
    while a < b && (is_delim(s[a]) || s[a] == '、') {
        a += 1;
    }
    if !(at(s, a, "比") || at(s, a, "较")) {
        return false;
    }
    let Some((_, len)) = year_at(s, a + 1) else {
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
fn span_count_before(name: &[char]) -> usize {
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
fn dateline_len(s: &[char]) -> usize {
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
fn first_years_count(opening: &str) -> Option<usize> {
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
fn first_years_len(s: &[char]) -> Option<usize> {
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
fn period_phrase_len(s: &[char]) -> usize {
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
const VERBS_AT_FRONT: &[&str] = &[
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
fn cut_comparison(s: &[char], a: usize, b: usize) -> usize {
    for i in a..b {
        // 由77家, 从“十三五”末的3.87万亿元, 由2011年的…: the name ends before the start value.
        if matches!(s[i], '由' | '从')
            && i > a + 1
            && s.get(i + 1)
                .is_some_and(|c| c.is_ascii_digit() || matches!(c, '“' | '"' | '「' | '十'))
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
            if !matches!(next, '重' | '率' | '例' | '值' | '较')
                && !ratio
                && (i == a || s[i - 1] != '对')
            {
                return i;
            }
        }
    }
    b
}

fn decide_kind(
    ctx: &DocCtx,
    section: &Section,
    sentence: &str,
    pre: &str,
    year: Option<i32>,
) -> Kind {
    let frame = ctx.frame;
    if frame.doc_type == DocType::StatisticalBulletin {
        return Kind::Actual;
    }
    // A review sets results beside goals in one sentence: only the clause counts.
    let marked_in = if frame.doc_type == DocType::PlanReview {
        pre
    } else {
        sentence
    };
    let target_marked = crate::words::target_markers(marked_in).any(|w| {
        marked_in.match_indices(w).any(|(i, _)| {
            let before = &marked_in[..i];
            // 搬迁入住任务全面完成: a task done, not set.
            let done_after = matches!(*w, "目标" | "任务" | "计划")
                && task_done(&marked_in[i + w.len()..]);
            // 实施服务业企业三年倍增计划: a programme's name, not a goal set.
            let programme = matches!(*w, "计划" | "规划") && names_programme(before);
            // 国土空间总体规划(2021—2035年)获批实施: a plan named as a document.
            let document = matches!(*w, "计划" | "规划" | "纲要")
                && plan_document_named(&marked_in[i + w.len()..]);
            // 规划目标实现综合指数: the 目标 after it says which.
            let goal_after = matches!(*w, "计划" | "规划")
                && ["目标", "任务"]
                    .iter()
                    .any(|g| marked_in[i + w.len()..].starts_with(g));
            // 人均预期寿命: an indicator's name.
            let lifespan = *w == "预期" && marked_in[i..].starts_with("预期寿命");
            // (向上争取资金21.33亿元, 争取到中央预算内资金: money obtained.)
            let obtained = *w == "争取" && {
                let after: String = marked_in[i + w.len()..].chars().take(8).collect();
                after.starts_with('到') || after.contains("资金") || after.contains("债")
            };
            // (目标任务均为国家下达): an aside in brackets says nothing of the figure.
            let opened = before.matches(['(', '（']).count();
            let aside = opened > before.matches([')', '）']).count();
            !(lifespan
                || obtained
                || aside
                || compared_with_goal(before)
                || (matches!(*w, "目标" | "计划" | "规划" | "任务") && completes_goal(before))
                || done_after
                || goal_after
                || document
                || programme)
        })
    }) || (marked_in.contains("今年") && !so_far_this_year(marked_in))
        // 广西将筹措60亿元: an article on a plan speaks of it in the future.
        || (frame.doc_type == DocType::Other && speaks_of_future(marked_in));
    // (已籌集21.9億元, 已到户1561吨: 已 before the clause's verb tells a result.)
    let already = pre.match_indices('已').any(|(i, w)| {
        let next = pre[i + w.len()..].chars().next();
        let prev = pre[..i].chars().next_back();
        next.is_some_and(planwatch_text::norm::is_han)
            && !matches!(prev, Some('而' | '不' | '早'))
            && !pre[i + w.len()..].starts_with("于")
            // (已启动拆迁的208个城中村: a relative clause on what is counted.)
            && !pre[i + w.len()..].contains('的')
    });
    // (目前仍有38%的农民群众…: the state now; not 由目前的4万亩增至10万亩's goal.)
    let now = pre
        .rfind("目前")
        .is_some_and(|i| !pre[i..].contains(['到', '至']));
    let actual_marked = already
        || now
        || ACTUAL_MARKERS
            .iter()
            .any(|w| pre.contains(w) || sentence.contains(w));
    let present = frame.present.or(
        if matches!(frame.doc_type, DocType::Other | DocType::PlanReview) {
            Some(i32::MAX)
        } else {
            None
        },
    );
    // 今年以来, 今年一季度: a part of the year already past.
    if marked_in.contains("今年") && so_far_this_year(marked_in) {
        return Kind::Actual;
    }
    // An implementation plan's 目标任务 section sets goals year by year
    // (2018年实现15万人脱贫), whatever the date it was published.
    if frame.doc_type == DocType::ImplementationPlan && section.goals && !actual_marked {
        return Kind::Target;
    }
    let estimating = || pre.contains("预计") || pre.contains("有望");
    if let (Some(y), Some(p)) = (year, present) {
        // 今年有望突破5000亿元 in a review written in the plan's last year: an
        // estimate of that year's result.
        let reviews_its_year = frame.doc_type == DocType::PlanReview
            && p.checked_add(1) == Some(y)
            && !target_marked
            && estimating();
        if y > p && !reviews_its_year {
            return Kind::Target;
        }
        // (发展目标: 2005年,第三产业比重达到42% in an undated text whose
        // "now" came from its own figures, here its goals.)
        if y == p && section.goals && frame.from_figures && !actual_marked && !estimating() {
            return Kind::Target;
        }
        // 2016年完成77个村减贫摘帽 in an implementation plan of 2016: the
        // year's task, unless the text says it is done or counts to a date.
        if y == p
            && (frame.doc_type == DocType::ImplementationPlan || frame.on_plan)
            && !section.review
            && !actual_marked
            && !estimating()
            && ![
                "以来",
                "截至",
                "截止",
                "底",
                "上半年",
                "前三季度",
                "月份",
                "月末",
            ]
            .iter()
            .any(|w| sentence.contains(w))
        {
            return Kind::Target;
        }
        // 年均增速预计将达到5% in a review or report: an estimate of a result.
        // (And in an article of that very year: 预计2025年地区生产总值将突破14万亿元.)
        // (预计到2025年末，全县地区生产总值将突破140亿元: 预计 before the year.)
        let estimate = (matches!(frame.doc_type, DocType::PlanReview | DocType::WorkReport)
            && estimating())
            || (frame.doc_type == DocType::Other
                && frame.present == Some(y)
                && (pre.contains("预计")
                    || sentence.contains(&format!("预计到{y}"))
                    || sentence.contains(&format!("预计{y}"))));
        // 16日,记者从两会上了解到:2018年,…完成森林抚育1万亩 in January:
        // the year's plans, unless counted so far.
        if frame.early_in_year
            && y == p
            && !actual_marked
            && !estimating()
            && ![
                "以来", "截至", "截止", "目前", "累计", "去年", "上年", "1-", "1月", "一月",
            ]
            .iter()
            .any(|w| sentence.contains(w))
        {
            return Kind::Target;
        }
        // (An article on a plan of that year just issued: the plan's goals.)
        let planned = frame.plan_issued_for == Some(y) && !estimating();
        if (!target_marked && !planned) || actual_marked || estimate {
            return Kind::Actual;
        }
        return Kind::Target;
    }
    // 全年生产总值预计增长7.5%: a report's estimate of the year just ended.
    if frame.doc_type == DocType::WorkReport && pre.contains("预计") && !pre.contains("到20") {
        return Kind::Actual;
    }
    if (section.goals || frame.on_plan) && !actual_marked {
        return Kind::Target;
    }
    // “十三五”时期… in a later plan or report: a period already past.
    if let Some((_, end)) = period_spoken_of(sentence) {
        if frame.present.is_some_and(|p| end <= p)
            && !["力争", "确保", "到20"]
                .iter()
                .any(|w| sentence.contains(w))
        {
            return Kind::Actual;
        }
    }
    // “十二五”期间全市生产总值年均增长12.5%左右 in a report of 2011: a period
    // still ahead speaks of goals.
    if let Some((start, _)) = period_spoken_of(sentence) {
        if frame.present.is_some_and(|p| start > p) && !actual_marked {
            return Kind::Target;
        }
    }
    if section.review {
        // Nouns like 计划/目标 name programmes in reviews; only these verbs mark a goal there.
        let strong = ["力争", "确保"].iter().any(|w| sentence.contains(w));
        if strong && !actual_marked && !sentence.contains("预计") {
            return Kind::Target;
        }
        return Kind::Actual;
    }
    if actual_marked && frame.doc_type != DocType::WorkReport {
        return Kind::Actual;
    }
    // Articles and pages that are not plans report what is, unless they say otherwise.
    if matches!(frame.doc_type, DocType::Other | DocType::PlanReview)
        && !target_marked
        && year.is_none_or(|y| frame.present.is_none_or(|p| y <= p))
    {
        return Kind::Actual;
    }
    if actual_marked && !target_marked {
        return Kind::Actual;
    }
    // A work report states achievements unless it says a goal, or the
    // section is the coming year's work.
    if frame.doc_type == DocType::WorkReport
        && !target_marked
        && section
            .year
            .is_none_or(|y| frame.present.is_none_or(|p| y <= p))
    {
        return Kind::Actual;
    }
    Kind::Target
}

/// A verb of carrying out in the clause before a 计划/规划 (实施…三年倍增计划,
/// 启动…行动计划): the word names a programme under way.
fn names_programme(before: &str) -> bool {
    let clause = before
        .rsplit(['，', ',', '。', '；', ';', '：', ':'])
        .next()
        .unwrap_or(before);
    [
        "实施", "启动", "开展", "推进", "落实", "印发", "出台", "制定",
    ]
    .iter()
    .any(|v| clause.contains(v))
}

/// `全面完成`, `提前实现` right after a goal word: the goal was met.
fn task_done(after: &str) -> bool {
    let mut t = after;
    for w in ["已经", "已", "均", "全面", "基本", "超额", "提前", "顺利"] {
        t = t.strip_prefix(w).unwrap_or(t);
    }
    t.starts_with("完成") || t.starts_with("实现")
}

/// `建成后，每年可…`, `全部投产后将…`: where a sentence starts telling what
/// a project will yield once built (the char after the first 可/将/预计/能
/// that follows such words); a figure after it is a goal.
fn projected_from(s: &[char]) -> Option<usize> {
    const ONCE: &[&str] = &[
        "建成后",
        "投产后",
        "达产后",
        "竣工后",
        "完工后",
        "运营后",
        "落成后",
    ];
    ONCE.iter()
        .filter_map(|w| {
            (0..s.len())
                .find(|&i| at(s, i, w))
                .map(|i| i + w.chars().count())
        })
        .filter_map(|from| {
            (from..s.len()).find_map(|i| {
                ["可", "将", "预计", "能"]
                    .iter()
                    .find(|m| at(s, i, m))
                    .map(|m| i + m.chars().count())
            })
        })
        .min()
}

/// `将筹措`, `将实施`: 将 before a verb (not 将近, 将其, 将来).
fn speaks_of_future(sentence: &str) -> bool {
    sentence.match_indices('将').any(|(i, w)| {
        let next = sentence[i + w.len()..].chars().next();
        // (为即将收官的“十二五”画上句号: a clause on a noun, 的 right after it.)
        let qualifies = sentence[i + w.len()..].chars().take(5).any(|c| c == '的');
        next.is_some_and(|c| planwatch_text::norm::is_han(c) && !"近其来军士".contains(c))
            && !qualifies
    })
}

/// `好于年初预期`, `高于计划`, `完成年度目标`: a result measured against the
/// goal, so the goal word that follows does not make the sentence a goal.
fn compared_with_goal(before: &str) -> bool {
    // 好于下降7%的预期: the goal's figure between the comparison and the goal word.
    let mut before = strip_goal_figure(before.strip_suffix('的').unwrap_or(before));
    // 高于年初预期目标: the qualifiers between the comparison and the goal word.
    // (占年计划的41.8%: 年 alone qualifies 计划 as well.)
    // (比“十五”计划高出4.1个百分点: the plan named by its period.)
    // (占年度投资计划的73%: the plan's subject too.)
    while let Some(b) = [
        "预期", "年初", "年度", "计划", "规划", "全年", "年", "”", "十五", "九五", "“", "投资",
    ]
    .iter()
    .find_map(|w| before.strip_suffix(w))
    .or_else(|| {
        crate::doc::FIVE_YEAR_PLANS
            .iter()
            .find_map(|(n, _)| before.strip_suffix(n))
    }) {
        before = b;
    }
    [
        "好于",
        "高于",
        "低于",
        "快于",
        "慢于",
        "超过",
        "超出",
        "符合",
        "达到",
        "完成",
        "超额完成",
        "实现",
        "控制在",
        // 占年计划的41.8%, 为计划的101%: the share of the goal reached.
        "占",
        "为",
        // (与年度预期目标6%以上相比), 比年初目标: the goal compared with.
        "与",
        "比",
        "较",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

/// `好于下降7%` → `好于`: drops a goal's figure (and its verb) from the end.
fn strip_goal_figure(s: &str) -> &str {
    let mut t = s;
    for w in ["以内", "以上", "左右", "以下"] {
        t = t.strip_suffix(w).unwrap_or(t);
    }
    t = t.strip_suffix(['%', '％']).unwrap_or(t);
    let bare = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    if bare.len() == t.len() {
        return s;
    }
    let mut t = bare;
    for w in ["下降", "增长", "增加", "提高", "降低", "减少"] {
        t = t.strip_suffix(w).unwrap_or(t);
    }
    t
}

/// `排名全市第1位(预期目标为8.5%以上)`, `，年度目标7%`: goal words alone
/// before a figure in a result's sentence give the goal beside the result.
/// `的预期`, `左右的规划目标`, `的目标14.4个百分点`: what follows a figure
/// says it is the goal (then perhaps the gap to it).
fn names_the_goal(tail: &str) -> bool {
    let mut t = tail;
    for w in ["左右", "以上", "以内"] {
        t = t.strip_prefix(w).unwrap_or(t);
    }
    let Some(mut t) = t.strip_prefix('的') else {
        return false;
    };
    while let Some(rest) = ["规划", "年度", "年初", "全年"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
    {
        t = rest;
    }
    let Some(rest) = ["预期目标", "目标", "预期", "计划"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
    else {
        return false;
    };
    // Nothing after, or the gap to the goal.
    rest.is_empty() || rest.ends_with("百分点")
}

fn goal_aside(
    s: &[char],
    clause_start: usize,
    q_start: usize,
    q_end: usize,
    clause_end: usize,
) -> bool {
    // 好于下降7%的预期: a comparison opening the clause, the goal word closing it.
    let head: String = s[clause_start..q_start].iter().collect();
    let tail: String = s[q_end..clause_end].iter().filter(|c| **c != ' ').collect();
    if [
        "好于", "高于", "低于", "快于", "慢于", "超过", "符合", "完成", "实现",
    ]
    .iter()
    .any(|w| head.starts_with(w) || head.ends_with(w))
        && names_the_goal(&tail)
    {
        return true;
    }
    let from = (clause_start..q_start)
        .rev()
        .find(|&i| matches!(s[i], '(' | '（'))
        .map_or(clause_start, |i| i + 1);
    // 比年初目标(6.5%)低2.3个百分点, 高于年初目标(9%): the goal in brackets.
    if from > clause_start && from == q_start {
        let named: String = s[clause_start..from - 1].iter().collect();
        if ["目标", "预期", "计划", "预期目标", "目标值"]
            .iter()
            .any(|w| named.ends_with(w))
        {
            return true;
        }
    }
    // 增长6.3%，低1.7个百分点(8%左右): a gap, then the goal it is measured
    // against in brackets.
    if from > clause_start && from == q_start {
        let gap: String = s[clause_start..from - 1].iter().collect();
        if gap.ends_with("个百分点")
            && ["高", "低", "快", "慢", "超"]
                .iter()
                .any(|w| gap.starts_with(w))
            && matches!(s.get(q_end), Some(')' | '）'))
        {
            return true;
        }
    }
    let words: String = s[from..q_start].iter().filter(|c| **c != ' ').collect();
    let mut w = words.as_str();
    // (与年度预期目标6%以上相比: the goal compared with.)
    w = w.strip_prefix('与').unwrap_or(w);
    for tail in ["为", "是", ":", "：", "增长", "达到"] {
        w = w.strip_suffix(tail).unwrap_or(w);
    }
    // 控制在预期4.2%以内: the goal's figure after its word.
    for head in ["控制在", "好于", "高于", "低于", "实现", "完成"] {
        w = w.strip_prefix(head).unwrap_or(w);
    }
    if matches!(w, "预期" | "计划" | "目标") {
        return true;
    }
    for head in ["年初", "全年", "年度", "计划", "规划", "预期", "确定的"] {
        w = w.strip_prefix(head).unwrap_or(w);
    }
    matches!(
        w,
        "目标" | "预期目标" | "目标值" | "计划目标" | "预期" | "计划"
    )
}

/// `完成区人代会批准增长 8%以上目标`, `完成年度计划的控制在3.2%以内目标`:
/// the figure of a clause that opens with 完成 and closes with 目标 is the
/// goal that was met.
fn meets_goal(s: &[char], clause_start: usize, q_end: usize, clause_end: usize) -> bool {
    let head: String = s[clause_start..q_end].iter().collect();
    let tail: String = s[q_end..clause_end].iter().filter(|c| **c != ' ').collect();
    (head.starts_with("完成") || head.starts_with("超额完成"))
        && [
            "目标",
            "以上目标",
            "以内目标",
            "左右目标",
            "的目标",
            "以上的目标",
            "以内的目标",
            "左右的目标",
            "的预期目标",
            "预期目标",
        ]
        .contains(&tail.as_str())
}

/// `《纲要》提出的400万人目标`, `规划确定的…1300亿元的目标`: a plan's own goal
/// named in the clause, the figure right before 目标 (or in the list before it).
fn names_plan_goal(
    s: &[char],
    clause_start: usize,
    q_start: usize,
    q_end: usize,
    clause_end: usize,
) -> bool {
    let head: String = s[clause_start..q_start].iter().collect();
    let tail: String = s[q_end..clause_end].iter().filter(|c| **c != ' ').collect();
    let named = ["提出的", "确定的", "规定的"]
        .iter()
        .any(|w| head.contains(w))
        && (head.contains("纲要") || head.contains("规划"));
    let goal_next = tail.starts_with("目标")
        || tail.starts_with("的目标")
        || (tail.starts_with('、') && tail.contains("的目标") && tail.chars().count() <= 24);
    named && goal_next
}

/// `完成区人代会批准增长8%以上目标`: the clause says a goal was met, with the
/// goal's terms between 完成 and 目标 (not `确保完成`, `力争完成`; `完成…任务`
/// lists tasks).
fn completes_goal(before: &str) -> bool {
    let clause = before
        .rsplit(['，', ',', '；', ';', '。', '：', ':'])
        .next()
        .unwrap_or(before);
    // (提前一年实现了“十五”计划的主要经济目标: a goal reached, too.)
    let reached = clause.rfind("完成").or_else(|| {
        clause.rfind("实现了").or_else(|| {
            clause
                .contains("提前")
                .then(|| clause.rfind("实现"))
                .flatten()
        })
    });
    reached.is_some_and(|i| {
        let head = &clause[..i];
        ![
            "确保", "力争", "争取", "努力", "要", "将", "全面", "必须", "坚决",
        ]
        .iter()
        .any(|w| head.ends_with(w))
    }) && !clause.contains("确保")
        && !clause.contains("力争")
}

/// `今年以来`, `今年一季度`, `今年1至7月`: every 今年 of the sentence opens a
/// part of the year already past (a mid-year report's actuals), not a goal.
fn so_far_this_year(sentence: &str) -> bool {
    const SO_FAR: &[&str] = &[
        "以来",
        "一季度",
        "上半年",
        "前三季度",
        "前两季度",
        "1至",
        "1-",
        "1—",
        "前",
        "截至",
        "一至",
    ];
    sentence.match_indices("今年").all(|(i, w)| {
        let rest = &sentence[i + w.len()..];
        SO_FAR.iter().any(|p| rest.starts_with(p))
    })
}

fn default_year(ctx: &DocCtx, section: &Section, kind: Kind, sentence: &str) -> Option<i32> {
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
fn is_time_reference(name: &[char]) -> bool {
    let t: String = name
        .iter()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’'))
        .collect();
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
    }) || matches!(
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
const PAST_FIVE_YEARS: &[&str] = &["过去五年", "五年来", "过去的五年"];

/// Whether the open section's heading says `w` (一、过去五年工作回顾); a
/// heading on "the five years" (取得巨大成就的五年, 极不平凡的五年) says
/// 过去五年.
fn section_says(section: &Section, w: &str) -> bool {
    section.title.as_deref().is_some_and(|t| {
        t.contains(w) || (w == "过去五年" && t.trim_end_matches(['。', ' ']).ends_with("的五年"))
    })
}

/// `两年`, `近三年`, `前2年`: a span of years.
fn is_years_span(name: &[char]) -> bool {
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
fn years_ahead(pre: &str, across_clause: bool) -> Option<(i32, bool)> {
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
fn first_plan_year(frame: &Frame) -> Option<i32> {
    match frame.doc_type {
        DocType::FiveYearPlan | DocType::Outline => frame.present.map(|p| p + 1),
        DocType::ImplementationPlan | DocType::Other if !frame.from_figures => frame.present,
        DocType::ImplementationPlan | DocType::Other => None,
        DocType::WorkReport => frame.target_year,
        DocType::PlanReview | DocType::StatisticalBulletin => None,
    }
}

/// The measure of a quantity, and whether its value is a fall (negative).
fn decide_measure(doc_type: DocType, kind: Kind, pre: &str, q: &Quantity) -> (Measure, bool) {
    // (年均增速保持在2.6%以上、增加值总量冲刺63.3亿元: a list item with words
    // of its own is not under the change the item before spoke of.)
    let item = pre.rsplit('、').next().unwrap_or(pre);
    let pre = if item
        .chars()
        .filter(|c| planwatch_text::norm::is_han(*c))
        .count()
        >= 2
    {
        item
    } else {
        pre
    };
    let rate = q.unit == "%" || q.unit.ends_with("百分点");
    // 增加值 and 增长点 are nouns, not verbs.
    let last_verb = |words: &[&'static str]| {
        words
            .iter()
            .flat_map(|w| pre.match_indices(w).map(move |(i, _)| (i + w.len(), *w)))
            // 增长的贡献率, 增长的拉动: a noun, not the change itself.
            .filter(|(end, _)| !pre[*end..].starts_with(['值', '点', '极', '的', '率']))
            .max()
    };
    let last_rise = last_verb(RISE);
    let last_fall = last_verb(FALL);
    let verb = match (last_rise, last_fall) {
        (Some(r), Some(f)) => Some(if r.0 >= f.0 {
            (r.0, true)
        } else {
            (f.0, false)
        }),
        (Some(r), None) => Some((r.0, true)),
        (None, Some(f)) => Some((f.0, false)),
        (None, None) => None,
    };
    // A verb followed by 至/到 names the level reached (降低至43, 提高到95%).
    let to_level =
        verb.is_some_and(|(end, _)| pre[end..].starts_with('至') || pre[end..].starts_with('到'));
    let yoy = ["比上年", "同比", "较上年", "比去年", "较去年"]
        .iter()
        .any(|w| pre.contains(w));
    // (按年平均汇率折算: a rate of exchange, no change; read without it.)
    let averaged;
    let pre = if pre.contains("年平均汇率") {
        averaged = pre.replace("年平均汇率", "");
        averaged.as_str()
    } else {
        pre
    };
    if pre.contains("年均")
        || pre.contains("年平均")
        || pre.contains("平均每年")
        // (两年平均下降; not 平均工资增长, a noun's growth.)
        || pre.match_indices("平均").any(|(i, w)| {
            let after = &pre[i + w.len()..];
            ["增", "下降", "降低", "减少", "递", "提高", "上升"]
                .iter()
                .any(|v| after.starts_with(v))
        })
    {
        return (
            Measure::AvgGrowth,
            verb.is_some_and(|(_, up)| !up) && !pre.contains("降低率"),
        );
    }
    if q.unit == "倍" || q.unit == "番" {
        return (Measure::Cumulative, false);
    }
    if pre.contains("累计") || pre.contains("五年共") {
        return (Measure::Cumulative, false);
    }
    // An amount over a named period (“十四五”期间新建200所, 五年减少贫困人口507万).
    if !rate
        && (pre.contains("期间") || pre.contains("五年") || pre.contains("年间"))
        && !pre.contains("年均")
    {
        return (Measure::Cumulative, false);
    }
    let comparison = !yoy && has_comparison_base(pre);
    // (从2020年的2.26降低至2024年的2.06: the level reached, not a change.)
    if comparison && verb.is_some() && !to_level {
        let fall = verb.is_some_and(|(_, up)| !up);
        // 比2020年下降13.5% as a goal is a cut to make, stated as a positive number.
        if fall && kind == Kind::Target && rate {
            return (Measure::Reduction, false);
        }
        return (Measure::Cumulative, fall);
    }
    let Some((_, up)) = verb.filter(|_| !to_level) else {
        return (Measure::Level, false);
    };
    let plan = matches!(
        doc_type,
        DocType::FiveYearPlan | DocType::Outline | DocType::ImplementationPlan
    );
    if up {
        if yoy {
            return (Measure::Growth, false);
        }
        if rate {
            if kind == Kind::Target && plan && q.unit == "%" {
                return (Measure::AvgGrowth, false);
            }
            return (Measure::Growth, false);
        }
        if kind == Kind::Target && plan {
            return (Measure::Cumulative, false);
        }
        return (Measure::Growth, false);
    }
    // A result that fell is a negative change: a rate anywhere (下降3%), an
    // amount in a bulletin (减少4.2千公顷); a report's 降低成本480亿元 is a cut.
    if yoy
        || (kind == Kind::Actual && !rate && doc_type == DocType::StatisticalBulletin)
        || (rate
            && kind == Kind::Actual
            && matches!(
                doc_type,
                DocType::WorkReport
                    | DocType::StatisticalBulletin
                    | DocType::PlanReview
                    | DocType::Other
            ))
    {
        return (Measure::Growth, true);
    }
    (Measure::Reduction, false)
}

fn has_comparison_base(pre: &str) -> bool {
    let chars: Vec<char> = pre.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if (*c == '比' || *c == '较')
            && !matches!(
                chars.get(i + 1),
                Some('重') | Some('率') | Some('例') | Some('值')
            )
        {
            return true;
        }
    }
    pre.contains("相比")
}

/// Goals stated without a number (`不低于全省平均水平`, `与经济增长同步`).
#[allow(clippy::too_many_arguments)]
fn qualitative_facts(
    span: &Span,
    a: usize,
    b: usize,
    years: &[YearMention],
    carried: Option<YearMention>,
    section: &Section,
    ctx: &DocCtx,
    text: &str,
    out: &mut Vec<Fact>,
) {
    let s = &span.chars[a..b];
    let sentence: String = s.iter().collect();
    let mut clause_start = 0;
    let mut prev_clause: Option<(usize, usize)> = None;
    for i in 0..=s.len() {
        if i < s.len() && !is_clause_delim(s[i]) {
            continue;
        }
        let (mut cs, ce) = (clause_start, i);
        clause_start = i + 1;
        let before = prev_clause.replace((cs, ce));
        let clause: String = s[cs..ce].iter().collect();
        let Some((pat, measure, comparator)) = qualitative_pattern(&clause) else {
            continue;
        };
        let pos = cs + clause[..clause.find(pat).unwrap_or(0)].chars().count();
        // A figure counts as one when it has a unit other than 倍 and is no
        // count of what the name names (9个贫困县区农民人均可支配收入).
        let has_figure = |from: usize| {
            quantities(&s[from..ce]).iter().any(|q| {
                q.unit != "倍"
                    && !(q.unit == "个"
                        && s.get(from + q.end)
                            .is_some_and(|&c| planwatch_text::norm::is_han(c)))
            })
        };
        if has_figure(cs) {
            // …年均增长10%以上、研发投入强度超过全国平均水平: the last item of
            // a list may state a goal of its own.
            match (cs..pos).rev().find(|&k| s[k] == '、') {
                Some(k) if !has_figure(k + 1) => cs = k + 1,
                _ => continue,
            }
        }
        // Goal words start at the comparator before the pattern.
        let mut t0 = pos;
        for w in QUALITATIVE_LEADS {
            let mut k = pos;
            while k > cs && pos - k <= 12 {
                k -= 1;
                if at(s, k, w) && k < t0 {
                    t0 = k;
                    break;
                }
            }
        }
        let (ns, ne) = strip(s, cs, t0, LEAD, TRAIL);
        // 地区生产总值比2020年翻一番: the name stops at the comparison.
        let cut = cut_comparison(s, ns, ne);
        let (mut ns, mut ne) = if cut > ns {
            strip(s, ns, cut, LEAD, TRAIL)
        } else {
            (ns, ne)
        };
        // 比2010年翻一番: the comparison is part of the goal's words.
        if pat.starts_with('翻') || pat.ends_with("翻番") {
            if let Some(c) = (ns..t0)
                .find(|&k| s[k] == '比' && k + 1 < t0 && !matches!(s[k + 1], '重' | '率' | '例'))
            {
                t0 = c;
            }
        }
        let t_end = pos + pat.chars().count();
        // 基本消除重污染天气: a verb that takes its indicator after it.
        let verb_first = ne <= ns && VERB_FIRST.contains(pat);
        if verb_first {
            (ns, ne) = strip(s, t_end, ce, LEAD, TRAIL);
        }
        // 研发经费投入占生产总值的比重，达到全国平均水平: the name is the whole
        // clause before, when it is a name alone (no figure, no verb of its own).
        if ne <= ns && t0 == cs {
            if let Some((ps, pe)) = before {
                let (a2, b2) = strip(s, ps, pe, LEAD, TRAIL);
                if b2 > a2
                    && b2 - a2 <= 24
                    && quantities(&s[a2..b2]).is_empty()
                    && looks_like_a_name(&s[a2..b2].iter().collect::<String>())
                {
                    (ns, ne) = (a2, b2);
                }
            }
        }
        if ne <= ns {
            continue;
        }
        let year_m = years
            .iter()
            .rfind(|y| y.pos >= a && y.pos < a + pos)
            .copied()
            .or(carried);
        let kind = decide_kind(ctx, section, &sentence, "", year_m.map(|y| y.year));
        // A doubling reached (比2000年翻一番, 实现翻番) is a result worth stating
        // too; the other patterns only say what a goal asks.
        let doubling = pat.contains('翻') || pat.contains("倍增");
        if kind != Kind::Target && !(doubling && kind == Kind::Actual) {
            continue;
        }
        let year = year_m
            .map(|y| y.year)
            .or_else(|| default_year(ctx, section, kind, &sentence));
        let goal: String = s[t0..t_end].iter().collect();
        let lead_cmp = if goal.starts_with("力争")
            || goal.starts_with("高于")
            || goal.starts_with("超过")
            || goal.starts_with("快于")
        {
            Some(Comparator::Gt)
        } else if goal.starts_with("不低于") || goal.starts_with("不少于") {
            Some(Comparator::Ge)
        } else if goal.starts_with("不高于") || goal.starts_with("不超过") {
            Some(Comparator::Le)
        } else if goal.starts_with("低于") {
            Some(Comparator::Lt)
        } else if goal.starts_with("接近") {
            Some(Comparator::Approx)
        } else {
            None
        };
        let name: String = s[ns..ne].iter().collect();
        let measure = if pat.starts_with("平均水")
            && (name.contains("增速") || name.contains("增长") || name.contains("增幅"))
        {
            Measure::Growth
        } else {
            *measure
        };
        let (qa, qb) = if verb_first {
            span.bytes(a + t0, a + ne)
        } else {
            span.bytes(a + ns, a + t_end)
        };
        // One goal shared by a list of indicators is one fact each.
        let orig: Vec<char> = span.orig_string(a + ns, a + ne).chars().collect();
        let mut names = if orig.len() == ne - ns {
            // A goal shared by a list names whole indicators, longer than
            // the items of a figure's list (单位地区生产总值二氧化碳排放量降低).
            split_list_on(&orig, "、和及", 20, 0)
        } else {
            Vec::new()
        };
        if names.is_empty() {
            names.push(clean_name(&orig.iter().collect::<String>()));
        }
        // 生产总值达到805亿元，比2000年翻一番: a doubling (reached or set)
        // names no indicator of its own; it is that of the figure before it
        // in the sentence, or it is left out.
        if kind == Kind::Actual || doubling {
            // (财政收入提前实现翻一番: how soon is no part of the name.)
            for n in names.iter_mut() {
                if let Some(stem) = n.strip_suffix("提前") {
                    *n = stem.to_string();
                }
            }
            let (sentence_start, _) = span.bytes(a, a);
            let weak = |n: &str| {
                let c: Vec<char> = n.chars().collect();
                c.len() < 2
                    || ["比", "较", "較", "提前"].iter().any(|w| n.starts_with(w))
                    || is_time_reference(&c)
            };
            if names.iter().any(|n| weak(n)) {
                match out
                    .last()
                    .filter(|f| f.value.is_some() && f.start.is_some_and(|x| x >= sentence_start))
                {
                    Some(f) => names = vec![f.indicator.clone()],
                    None => continue,
                }
            }
        }
        for indicator in names {
            out.push(Fact {
                doc: ctx.doc.to_string(),
                kind,
                indicator,
                region: ctx.region.clone(),
                year,
                value: None,
                value_max: None,
                unit: None,
                measure,
                comparator: lead_cmp.unwrap_or(*comparator),
                attribute: None,
                text: Some(span.orig_string(a + t0, a + t_end)),
                quote: text.get(qa..qb).unwrap_or_default().to_string(),
                section: section.title.clone(),
                start: Some(qa),
                end: Some(qb),
            });
        }
    }
}

/// How a sentence says an indicator went, before its figures follow.
const TRENDS: &[&str] = &[
    "稳步增长",
    "持续增长",
    "快速增长",
    "较快增长",
    "保持较快增长",
    "平稳增长",
    "稳定增长",
    "大幅增长",
    "大幅提升",
    "稳步提升",
    "持续提升",
    "明显提升",
    "显著提升",
    "不断提高",
    "稳步提高",
    "大幅提高",
    "显著提高",
    "持续下降",
    "明显下降",
    "大幅下降",
    "迅猛增长",
    "显著增长",
    "明显增长",
    "快速提升",
    "持续扩大",
    "不断扩大",
    "实现跨越",
    "跨越发展",
    "连续迈上新台阶",
    "迈上新台阶",
    "再上新台阶",
    "实现恢复性增长",
    "恢复性增长",
    // (生产总值翻一番，由2005年的681亿元增至…: a doubling told in words.)
    "实现翻番",
    "翻一番",
    "翻两番",
    "翻番",
];

/// `一是生产总值翻一番。由2005年的681亿元增至…`: a sentence `s` (at span
/// char `a`) opening on a change with no subject (由…, 分别由…) is of the
/// short figure-less sentence just before it, when that one names an
/// indicator and how it went (翻一番, 大幅增长); its span chars.
fn prior_subject(span: &Span, a: usize, s: &[char]) -> Option<(usize, usize)> {
    let opens_on_change = ["由", "从", "分别由", "分别从"].iter().any(|w| at(s, 0, w));
    let c = &span.chars;
    let end = a.checked_sub(1)?;
    if !opens_on_change || !c.get(end).is_some_and(|&ch| is_sentence_end(ch)) {
        return None;
    }
    // (Only a short sentence: 40 chars back at most.)
    let from = end.saturating_sub(40);
    let start = (from..end)
        .rev()
        .find(|&i| is_sentence_end(c[i]) || c[i] == '\n')
        .map(|i| i + 1)
        .or((from == 0).then_some(0))?;
    if !quantities(&c[start..end]).is_empty() {
        return None;
    }
    let mut cs = (start..end)
        .rev()
        .find(|&i| is_clause_delim(c[i]))
        .map_or(start, |i| i + 1);
    // (一是, 二是: the item's number.)
    if c.get(cs + 1) == Some(&'是')
        && c.get(cs)
            .is_some_and(|ch| "一二三四五六七八九十".contains(*ch))
    {
        cs += 2;
    }
    let clause: String = c[cs..end].iter().collect();
    let trend = TRENDS
        .iter()
        .find(|t| clause.ends_with(*t))
        .map(|t| t.chars().count())
        .max(trend_len(&clause))?;
    let (ls, le) = strip(c, cs, end - trend, LEAD, TRAIL);
    let name: String = c.get(ls..le)?.iter().collect();
    (name.chars().count() >= 2 && looks_like_a_name(&name)).then_some((ls, le))
}

/// `实现恢复性较快增长`, `保持平稳较快增长`, `继续小幅回升`: a way of going
/// told in words at the end of `clause` (a verb of change after at least one
/// word of how); its length in chars.
fn trend_len(clause: &str) -> Option<usize> {
    const CHANGES: &[&str] = &[
        "增长", "提升", "提高", "下降", "回升", "扩大", "回落", "加快", "好转",
    ];
    const HOW: &[&str] = &[
        "恢复性",
        "较快",
        "平稳",
        "稳定",
        "稳步",
        "持续",
        "快速",
        "大幅",
        "明显",
        "显著",
        "不断",
        "迅猛",
        "高速",
        "强劲",
        "小幅",
        "逐步",
        "进一步",
        "继续",
        "保持",
        "实现",
        "呈现",
        "两位数",
        "较大幅度",
        "较大",
        "企稳",
        "了",
        "的",
    ];
    let change = CHANGES.iter().find(|c| clause.ends_with(*c))?;
    let mut rest = &clause[..clause.len() - change.len()];
    let mut words = 0;
    while let Some(w) = HOW.iter().find(|w| rest.ends_with(*w)) {
        rest = &rest[..rest.len() - w.len()];
        words += 1;
    }
    (words > 0 && !rest.is_empty()).then(|| clause[rest.len()..].chars().count())
}

/// Whether a clause reads as an indicator's name alone: it ends the way
/// names of measured things end (…的比重, …率, …收入).
fn looks_like_a_name(t: &str) -> bool {
    const ENDS: &[&str] = &[
        "比重", "比例", "占比", "强度", "水平", "收入", "增速", "浓度", "面积", "投入", "能耗",
        "指数", "规模", "寿命", "年限", "投资", "率", "量", "值", "额", "数",
    ];
    ENDS.iter().any(|e| t.ends_with(e))
}

/// Words that open a qualitative goal before its pattern.
/// Goal words that take their indicator after them when none comes before
/// (`基本消除重污染天气`, `完成国家下达的节能减排降碳目标`).
const VERB_FIRST: &[&str] = &["基本消除", "全面消除", "下达的"];

const QUALITATIVE_LEADS: &[&str] = &[
    "力争",
    "不低于",
    "不高于",
    "不少于",
    "不超过",
    "高于",
    "低于",
    "超过",
    "快于",
    "接近",
    "达到",
    "保持",
    "与",
    "实现",
    "完成",
    "总体",
    "基本",
    "全面",
];

/// The first pattern of [`QUALITATIVE`] (the most specific) the clause holds:
/// one pass of an automaton over the clause, which every clause of every
/// document goes through.
fn qualitative_pattern(clause: &str) -> Option<&'static (&'static str, Measure, Comparator)> {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    // Built from a few dozen fixed words, far below the automaton's limits.
    let ac = AC.get_or_init(|| {
        aho_corasick::AhoCorasick::new(QUALITATIVE.iter().map(|(p, _, _)| p))
            .expect("qualitative patterns build")
    });
    ac.find_overlapping_iter(clause)
        .map(|m| m.pattern().as_usize())
        .min()
        .and_then(|k| QUALITATIVE.get(k))
}

/// Qualitative goal patterns, most specific first: (words, measure, comparator).
const QUALITATIVE: &[(&str, Measure, Comparator)] = &[
    ("平均水平", Measure::Level, Comparator::Eq),
    ("平均水准", Measure::Level, Comparator::Eq),
    ("上年水平", Measure::Level, Comparator::Eq),
    ("上年水准", Measure::Level, Comparator::Eq),
    ("总量控制要求", Measure::Level, Comparator::Le),
    ("全部脱贫", Measure::Level, Comparator::Eq),
    ("同步增长", Measure::AvgGrowth, Comparator::Eq),
    ("增长同步", Measure::Growth, Comparator::Eq),
    ("增长基本同步", Measure::Growth, Comparator::Eq),
    ("发展同步", Measure::Growth, Comparator::Eq),
    ("发展基本同步", Measure::Growth, Comparator::Eq),
    ("基本上同步", Measure::Growth, Comparator::Eq),
    ("高于经济增长", Measure::Growth, Comparator::Gt),
    ("快于经济增长", Measure::Growth, Comparator::Gt),
    ("省上下达", Measure::Level, Comparator::Eq),
    ("市上下达", Measure::Level, Comparator::Eq),
    ("稳中有升", Measure::Growth, Comparator::Gt),
    ("稳中有增", Measure::Growth, Comparator::Gt),
    ("下达任务", Measure::Level, Comparator::Eq),
    ("下达目标", Measure::Level, Comparator::Eq),
    ("下达指标", Measure::Level, Comparator::Eq),
    ("下达的任务", Measure::Level, Comparator::Eq),
    ("下达的目标", Measure::Level, Comparator::Eq),
    ("省考指标", Measure::Level, Comparator::Eq),
    ("合理区间", Measure::Level, Comparator::Eq),
    ("不下降", Measure::Level, Comparator::Ge),
    ("只增不减", Measure::Level, Comparator::Ge),
    ("得到消除", Measure::Level, Comparator::Eq),
    ("基本消除", Measure::Level, Comparator::Eq),
    ("全面消除", Measure::Level, Comparator::Eq),
    ("全面脱贫", Measure::Level, Comparator::Eq),
    ("全部摘帽", Measure::Level, Comparator::Eq),
    ("实现正增长", Measure::Growth, Comparator::Gt),
    ("保持基本稳定", Measure::Level, Comparator::Eq),
    ("稳中有降", Measure::Growth, Comparator::Lt),
    ("稳中提质", Measure::Growth, Comparator::Eq),
    ("保持稳定增长", Measure::Growth, Comparator::Eq),
    ("发达经济体水平", Measure::Level, Comparator::Eq),
    ("全省水平", Measure::Level, Comparator::Eq),
    ("全区水平", Measure::Level, Comparator::Eq),
    ("全市水平", Measure::Level, Comparator::Eq),
    ("全国水平", Measure::Level, Comparator::Eq),
    ("实现翻番", Measure::Cumulative, Comparator::Eq),
    ("翻一番", Measure::Cumulative, Comparator::Eq),
    ("翻了一番", Measure::Cumulative, Comparator::Eq),
    ("翻两番", Measure::Cumulative, Comparator::Eq),
    ("实现倍增", Measure::Cumulative, Comparator::Eq),
    ("上一个大台阶", Measure::Level, Comparator::Gt),
    ("上一个新台阶", Measure::Level, Comparator::Gt),
    ("保持平稳增长", Measure::Growth, Comparator::Eq),
    ("稳定增长", Measure::Growth, Comparator::Eq),
    ("基本稳定", Measure::Level, Comparator::Eq),
    ("接近规划目标", Measure::Level, Comparator::Approx),
    // Taking the indicator after them (VERB_FIRST), so tried last.
    ("下达的", Measure::Level, Comparator::Eq),
];

#[cfg(test)]
mod tests {
    use super::*;
    use planwatch_core::DocumentInfo;

    fn run(
        doc_type: DocType,
        year: Option<i32>,
        period: (Option<i32>, Option<i32>),
        review: bool,
        text: &str,
    ) -> Vec<Fact> {
        let info = DocumentInfo {
            title: None,
            region: Some("某市".into()),
            doc_type,
            period_start: period.0,
            period_end: period.1,
            year,
            issuer: None,
            number: None,
        };
        let frame = Frame::new(&info);
        let ctx = DocCtx {
            doc: "t.txt",
            frame: &frame,
            region: info.region.clone(),
        };
        let mut out = Vec::new();
        let section = Section {
            review,
            ..Default::default()
        };
        let _ = paragraph_facts(text, 0, text.len(), &section, &ctx, &mut out);
        out
    }

    fn brief(f: &Fact) -> String {
        format!(
            "{} {} {} {} {} {} {}",
            f.kind.as_str(),
            f.indicator,
            f.year.unwrap_or(0),
            f.value.unwrap_or(f64::NAN),
            f.unit.clone().unwrap_or_default(),
            f.measure.as_str(),
            f.comparator.as_str()
        )
    }

    fn check(doc_type: DocType, review: bool, text: &str, want: &[&str]) {
        let (year, period) = match doc_type {
            DocType::WorkReport => (Some(2024), (None, None)),
            DocType::StatisticalBulletin => (Some(2023), (None, None)),
            _ => (None, (Some(2016), Some(2020))),
        };
        let got: Vec<String> = run(doc_type, year, period, review, text)
            .iter()
            .map(brief)
            .collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn town_and_country_residents_are_spelt_out() {
        let list = |s: &str| urban_and_rural(&s.chars().collect::<Vec<_>>());
        assert_eq!(
            list("城乡居民人均可支配收入"),
            Some(vec![
                "城镇居民人均可支配收入".to_string(),
                "农村居民人均可支配收入".to_string()
            ])
        );
        assert_eq!(
            list("城鄉居民收入").map(|v| v[1].clone()),
            Some("農村居民收入".into())
        );
        assert_eq!(list("城乡居民收入比"), None);
        assert_eq!(list("居民人均可支配收入"), None);
    }

    #[test]
    fn sectors_named_by_number_are_spelt_out() {
        let list = |s: &str| sector_list(&s.chars().collect::<Vec<_>>());
        let want = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            list("第一、二、三产业增加值所占比重"),
            want(&[
                "第一产业增加值所占比重",
                "第二产业增加值所占比重",
                "第三产业增加值所占比重"
            ])
        );
        assert_eq!(
            list("一二三産分別完成增加值"),
            want(&["第一産業增加值", "第二産業增加值", "第三産業增加值"])
        );
        assert_eq!(
            list("二三产业比重"),
            want(&["第二产业比重", "第三产业比重"])
        );
        assert_eq!(list("三次产业结构"), None);
        assert_eq!(list("一产业增加值"), None);
    }

    #[test]
    fn plan_review_results_beside_goals() {
        check(
            DocType::PlanReview,
            false,
            "2016年、2017年、2018年上半年,全省细颗粒物浓度分别较2015年下降16.7%、21.2%、21.2%,规划期末目标为下降20%;劣Ⅴ类水体比例分别为4.4%、4.4%、2.6%,规划期末目标为6.1%。",
            &[
                "actual 细颗粒物浓度 2016 -16.7 % cumulative eq",
                "actual 细颗粒物浓度 2017 -21.2 % cumulative eq",
                "actual 细颗粒物浓度 2018 -21.2 % cumulative eq",
                "target 细颗粒物浓度 2020 20 % reduction eq",
                "actual 劣Ⅴ类水体比例 2016 4.4 % level eq",
                "actual 劣Ⅴ类水体比例 2017 4.4 % level eq",
                "actual 劣Ⅴ类水体比例 2018 2.6 % level eq",
                "target 劣Ⅴ类水体比例 2020 6.1 % level eq",
            ],
        );
    }

    #[test]
    fn a_gap_to_the_goal_and_the_goal_in_brackets() {
        check(
            DocType::WorkReport,
            false,
            "2023年地区生产总值12.4万亿元、增长8%,高2个百分点(与年度预期目标6%以上相比,下同);固定资产投资增长6.3%,低1.7个百分点(8%左右)。12项约束性指标(目标任务均为国家下达)中,10项指标可如期完成。",
            &[
                "actual 地区生产总值 2023 12.4 万亿元 level eq",
                "actual 地区生产总值 2023 8 % growth eq",
                "actual 地区生产总值增速高 2023 2 个百分点 level eq",
                "target 地区生产总值 2023 6 % growth ge",
                "actual 固定资产投资 2023 6.3 % growth eq",
                "actual 固定资产投资增速低 2023 1.7 个百分点 level eq",
                "target 固定资产投资 2023 8 % growth approx",
                "actual 指标可如期 2023 10 项 level eq",
            ],
        );
    }

    #[test]
    fn as_many_values_as_years_listed_pair_up() {
        check(
            DocType::WorkReport,
            false,
            "2021年、2022年规上工业企业完成产值398.8亿元、579.33亿元。",
            &[
                "actual 规上工业企业完成产值 2021 398.8 亿元 level eq",
                "actual 规上工业企业完成产值 2022 579.33 亿元 level eq",
            ],
        );
    }

    #[test]
    fn lifespan_and_age_groups_are_names() {
        check(
            DocType::FiveYearPlan,
            false,
            "2015年末,全市居民人均预期寿命提高到82.25岁,婴儿死亡率和5岁以下儿童死亡率分别为0.63‰和2.52‰。",
            &[
                "actual 居民人均预期寿命 2015 82.25 岁 level eq",
                "actual 婴儿死亡率 2015 0.63 ‰ level eq",
                "actual 5岁以下儿童死亡率 2015 2.52 ‰ level eq",
            ],
        );
    }

    #[test]
    fn results_so_far_this_year_and_counts_of_indicators() {
        check(
            DocType::WorkReport,
            false,
            "今年一季度和上半年全省地区生产总值分别增长9.3%、9.2%,好于年初预期。",
            &[
                "actual 一季度全省地区生产总值 2024 9.3 % growth eq",
                "actual 上半年全省地区生产总值 2024 9.2 % growth eq",
            ],
        );
        // A task reported done is no goal.
        let got: Vec<String> = run(
            DocType::WorkReport,
            Some(2020),
            (None, None),
            false,
            "易地扶贫搬迁26万人入住任务全面完成。",
        )
        .iter()
        .map(|f| f.kind.as_str().to_string())
        .collect();
        assert_eq!(got, ["actual"]);
        // 占年计划的41.8%: progress against the goal, in a sentence with no year.
        let got: Vec<String> = run(
            DocType::WorkReport,
            Some(2017),
            (Some(2017), Some(2017)),
            false,
            "会议认为,上半年全县地区生产总值完成11.3亿元,占年计划的41.8%。",
        )
        .iter()
        .map(|f| f.kind.as_str().to_string())
        .collect();
        assert_eq!(got, ["actual", "actual"]);
        check(
            DocType::WorkReport,
            false,
            "2023年,工业增加值完成4亿元,占年计划的53.1%,同比增长13%。",
            &[
                "actual 工业增加值 2023 4 亿元 level eq",
                "actual 工业增加值占年计划 2023 53.1 % level eq",
                "actual 工业增加值 2023 13 % growth eq",
            ],
        );
        check(
            DocType::WorkReport,
            true,
            "地区生产总值、地方一般公共预算收入等8项指标达到计划目标序时进度。",
            &[],
        );
    }

    #[test]
    fn news_datelines_are_no_names() {
        check(
            DocType::Other,
            false,
            "人民网银川7月26日电(记者阎梦婕)地区生产总值1267.24亿元,同比增长7.5%。",
            &[
                "actual 地区生产总值 0 1267.24 亿元 level eq",
                "actual 地区生产总值 0 7.5 % growth eq",
            ],
        );
    }

    #[test]
    fn a_report_on_the_coming_plan_period_states_goals() {
        check(
            DocType::WorkReport,
            false,
            "市长提出,“十五五”期间全市生产总值年均增长6%,人均生产总值超过15万元。",
            &[
                "target 生产总值 2030 6 % avg_growth eq",
                "target 人均生产总值 2030 15 万元 level gt",
            ],
        );
        check(
            DocType::WorkReport,
            false,
            "到2027年,实现全面小康。公共财政收入年均增长12%以上。",
            &["target 公共财政收入 2027 12 % avg_growth ge"],
        );
        check(
            DocType::WorkReport,
            false,
            "主要目标是:到“十五五”末,地区生产总值达到2140亿元。",
            &["target 地区生产总值 2030 2140 亿元 level eq"],
        );
    }

    #[test]
    fn goals_over_the_next_years_and_changes_from_to() {
        // A five-year plan 2016–2020: 3年 from its first year ends in 2018.
        check(
            DocType::FiveYearPlan,
            false,
            "甲县3年实现26746人脱贫、36个贫困村销号;连续3年增长8%。",
            &[
                "target 甲县3年实现脱贫 2018 26746 人 cumulative eq",
                "target 贫困村销号 2018 36 个 cumulative eq",
                "target 连续3年 2020 8 % avg_growth eq",
            ],
        );
        let facts = run(
            DocType::FiveYearPlan,
            None,
            (Some(2016), Some(2020)),
            false,
            "银川市3年实现26746人脱贫、36个贫困村销号。",
        );
        assert!(facts.iter().all(|f| f.region.as_deref() == Some("银川市")));
        // A change verb after a count is not the counted noun.
        check(
            DocType::StatisticalBulletin,
            false,
            "建档立卡贫困人口从101.5万人下降至58.12万人。",
            &[
                "actual 建档立卡贫困人口 2023 101.5 万人 level eq",
                "actual 建档立卡贫困人口 2023 58.12 万人 level eq",
            ],
        );
        // A plan's look back: from the year before its last period to its base year.
        let years: Vec<Option<i32>> = run(
            DocType::WorkReport,
            Some(2024),
            (None, None),
            false,
            "一般公共预算收入365亿元,是2010年(财政一般预算收入)的3.67倍。",
        )
        .iter()
        .map(|f| f.year)
        .collect();
        assert_eq!(years, [Some(2023), Some(2023)]);
        let years: Vec<(Option<i32>, Option<f64>)> = run(
            DocType::FiveYearPlan,
            None,
            (Some(2016), Some(2020)),
            true,
            "省外亿元项目到位资金是“十二五”时期2.7倍。税收收入占比由73.7%提升至89.9%。",
        )
        .iter()
        .map(|f| (f.year, f.value))
        .collect();
        assert_eq!(
            years,
            [
                (Some(2015), Some(2.7)),
                (Some(2010), Some(73.7)),
                (Some(2015), Some(89.9))
            ]
        );
    }

    #[test]
    fn spans_of_years_and_measure_words_are_no_names() {
        check(
            DocType::StatisticalBulletin,
            false,
            "全年实现地区生产总值456.72亿元,比上年增长6.6%,两年平均增长6.0%。",
            &[
                "actual 地区生产总值 2023 456.72 亿元 level eq",
                "actual 地区生产总值 2023 6.6 % growth eq",
                "actual 地区生产总值 2023 6 % avg_growth eq",
            ],
        );
        check(
            DocType::StatisticalBulletin,
            false,
            "全市财政总收入从2015年的50.22亿元增加到2020年的62.8亿元,年均递增4.58%。",
            &[
                "actual 财政总收入 2015 50.22 亿元 level eq",
                "actual 财政总收入 2020 62.8 亿元 level eq",
                "actual 财政总收入 2020 4.58 % avg_growth eq",
            ],
        );
        check(
            DocType::StatisticalBulletin,
            false,
            "全市地区生产总值连续突破4000亿元、5000亿元,4年平均增速达6.4%。",
            &[
                "actual 地区生产总值 2023 4000 亿元 level gt",
                "actual 地区生产总值 2023 5000 亿元 level gt",
                "actual 地区生产总值 2023 6.4 % avg_growth eq",
            ],
        );
    }

    #[test]
    fn gdp_inside_a_name() {
        check(
            DocType::StatisticalBulletin,
            false,
            "上半年江西GDP达6465亿元。",
            &["actual 上半年江西地区生产总值(GDP) 2023 6465 亿元 level eq"],
        );
    }

    #[test]
    fn goals_that_name_their_indicator_after_the_verb() {
        let f = run(
            DocType::ImplementationPlan,
            Some(2023),
            (Some(2023), Some(2027)),
            false,
            "到2027年,基本消除重污染天气,完成国家下达的节能减排降碳目标。",
        );
        let got: Vec<(String, Option<String>, Option<i32>)> = f
            .iter()
            .map(|f| (f.indicator.clone(), f.text.clone(), f.year))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "重污染天气".to_string(),
                    Some("基本消除".to_string()),
                    Some(2027)
                ),
                (
                    "节能减排降碳目标".to_string(),
                    Some("完成国家下达的".to_string()),
                    Some(2027)
                )
            ]
        );
    }

    #[test]
    fn the_shape_of_a_plan_is_no_fact() {
        check(
            DocType::FiveYearPlan,
            false,
            "规划纲要提出了十一个新任务,其中涉及民生福祉和生态文明的指标占70%以上。",
            &[],
        );
    }

    #[test]
    fn falls_in_a_bulletin_are_negative_changes() {
        check(
            DocType::StatisticalBulletin,
            false,
            "水稻播种面积516.4千公顷,减少4.2千公顷。",
            &[
                "actual 水稻播种面积 2023 516.4 千公顷 level eq",
                "actual 水稻播种面积 2023 -4.2 千公顷 growth eq",
            ],
        );
    }

    #[test]
    fn a_yearly_series_since_a_year() {
        check(
            DocType::WorkReport,
            true,
            "2010年以来,我省年度GDP分别增长14%、12.5%、11%、10.1%,呈逐年回落态势。",
            &[
                "actual 年度地区生产总值(GDP) 2010 14 % growth eq",
                "actual 年度地区生产总值(GDP) 2011 12.5 % growth eq",
                "actual 年度地区生产总值(GDP) 2012 11 % growth eq",
                "actual 年度地区生产总值(GDP) 2013 10.1 % growth eq",
            ],
        );
    }

    #[test]
    fn a_periods_start_value() {
        check(
            DocType::FiveYearPlan,
            true,
            "“十二五”时期,全区地区生产总值从287.8亿元增加到430.9亿元;区级财政收入从9.1亿元增加到25.7亿元,按可比口径年均增长3.6%。",
            &[
                "actual 地区生产总值 2010 287.8 亿元 level eq",
                "actual 地区生产总值 2015 430.9 亿元 level eq",
                "actual 区级财政收入 2010 9.1 亿元 level eq",
                "actual 区级财政收入 2015 25.7 亿元 level eq",
                "actual 区级财政收入 2015 3.6 % avg_growth eq",
            ],
        );
    }

    #[test]
    fn start_values_of_the_past_five_years() {
        check(
            DocType::WorkReport,
            true,
            "过去五年,境内上市公司由77家增至144家。",
            &[
                "actual 境内上市公司 2018 77 家 level eq",
                "actual 境内上市公司 2023 144 家 level eq",
            ],
        );
    }

    #[test]
    fn a_time_compared_with_is_no_name() {
        check(
            DocType::WorkReport,
            true,
            "2023年,工业总产值接近1300亿元,是“十一五”末的3.2倍,年均增长13.2%。",
            &[
                "actual 工业总产值 2023 1300 亿元 level approx",
                "actual 工业总产值 2023 3.2 倍 cumulative eq",
                "actual 工业总产值 2023 13.2 % avg_growth eq",
            ],
        );
    }

    #[test]
    fn goals_met_beside_results() {
        check(
            DocType::WorkReport,
            true,
            "2023 年,全区地区生产总值同比增长 8%以上,完成区人代会批准增长 8%以上目标。",
            &[
                "actual 地区生产总值 2023 8 % growth ge",
                "target 地区生产总值 2023 8 % growth ge",
            ],
        );
        check(
            DocType::WorkReport,
            true,
            "全年实现地区生产总值增长5.9%,高于全市0.8个百分点,排名全市第1位(预期目标为8.5%以上)。",
            &[
                "actual 地区生产总值 2023 5.9 % growth eq",
                "actual 高于全市 2023 0.8 个百分点 level eq",
                "target 地区生产总值 2023 8.5 % growth ge",
            ],
        );
        check(
            DocType::WorkReport,
            true,
            "2023年,一般公共预算收入下降5.2%,好于下降7%的预期;城镇登记失业率3.52%,控制在预期4.2%以内。",
            &[
                "actual 一般公共预算收入 2023 -5.2 % growth eq",
                "target 一般公共预算收入 2023 -7 % growth eq",
                "actual 城镇登记失业率 2023 3.52 % level eq",
                "target 城镇登记失业率 2023 4.2 % level le",
            ],
        );
        check(
            DocType::WorkReport,
            true,
            "2023年,固定资产投资增长10.2%,高于年初目标(9%);认真贯彻落实省委十一届三次、四次全会精神。",
            &[
                "actual 固定资产投资 2023 10.2 % growth eq",
                "target 固定资产投资 2023 9 % growth eq",
            ],
        );
        // 完成…任务 lists tasks, and 确保完成…目标 sets a goal.
        check(
            DocType::WorkReport,
            false,
            "确保完成增长8%的目标。",
            &["target 目标 2024 8 % growth eq"],
        );
    }

    #[test]
    fn plans_say_last_year_of_their_base() {
        check(
            DocType::FiveYearPlan,
            false,
            "截至去年,全省数字经济增加值达30218亿元。最终形成近9万字的文本。",
            &["actual 数字经济增加值 2015 30218 亿元 level eq"],
        );
    }

    #[test]
    fn work_report_review() {
        check(
            DocType::WorkReport,
            true,
            "初步核算,地区生产总值增长5.4%,一般公共预算收入增长10%,城镇新增就业1.7万人。",
            &[
                "actual 地区生产总值 2023 5.4 % growth eq",
                "actual 一般公共预算收入 2023 10 % growth eq",
                "actual 城镇新增就业 2023 1.7 万人 level eq",
            ],
        );
        check(
            DocType::WorkReport,
            true,
            "实际利用外资3948万美元,增长44%。",
            &[
                "actual 实际利用外资 2023 3948 万美元 level eq",
                "actual 实际利用外资 2023 44 % growth eq",
            ],
        );
        check(
            DocType::WorkReport,
            true,
            "新增科技型中小企业663家、雏鹰瞪羚企业25家。",
            &[
                "actual 新增科技型中小企业 2023 663 家 level eq",
                "actual 雏鹰瞪羚企业 2023 25 家 level eq",
            ],
        );
    }

    #[test]
    fn work_report_goals() {
        check(
            DocType::WorkReport,
            false,
            "今年主要预期目标是:地区生产总值增长6.5%,居民消费价格涨幅不高于3%。",
            &[
                "target 地区生产总值 2024 6.5 % growth eq",
                "target 居民消费价格 2024 3 % growth le",
            ],
        );
    }

    #[test]
    fn plan_goals_and_base() {
        check(
            DocType::FiveYearPlan,
            false,
            "到2020年,全市地区生产总值年均增长7%左右,单位地区生产总值能源消耗降低12%。",
            &[
                "target 地区生产总值 2020 7 % avg_growth approx",
                "target 单位地区生产总值能源消耗 2020 12 % reduction eq",
            ],
        );
        check(
            DocType::FiveYearPlan,
            true,
            "全市实现地区生产总值1357.5亿元,年均增长8.2%。",
            &[
                "actual 地区生产总值 2015 1357.5 亿元 level eq",
                "actual 地区生产总值 2015 8.2 % avg_growth eq",
            ],
        );
        check(
            DocType::FiveYearPlan,
            true,
            "人均城市道路面积由2010年末的9.7平方米增加到2015年末的11.6平方米。",
            &[
                "actual 人均城市道路面积 2010 9.7 平方米 level eq",
                "actual 人均城市道路面积 2015 11.6 平方米 level eq",
            ],
        );
    }

    #[test]
    fn lists_share_or_split_values() {
        let got: Vec<String> = run(
            DocType::FiveYearPlan,
            None,
            (Some(2016), Some(2020)),
            true,
            "供水、供电和燃气用户普及率达到90%以上。",
        )
        .iter()
        .map(|f| f.indicator.clone())
        .collect();
        assert_eq!(got, ["供水用户普及率", "供电用户普及率", "燃气用户普及率"]);
        let got: Vec<String> = run(
            DocType::WorkReport,
            Some(2024),
            (None, None),
            true,
            "城镇和农村常住居民人均可支配收入分别增长5.1%和8%。",
        )
        .iter()
        .map(|f| format!("{} {}", f.indicator, f.value.unwrap_or(0.0)))
        .collect();
        assert_eq!(
            got,
            [
                "城镇常住居民人均可支配收入 5.1",
                "农村常住居民人均可支配收入 8"
            ]
        );
    }

    #[test]
    fn bulletin_value_added_is_a_level() {
        check(DocType::StatisticalBulletin, false, "其中，第一产业增加值123.4亿元，增长3.1%；年末户籍总人口285.6万人，比上年末减少1.2万人。", &[
            "actual 第一产业增加值 2023 123.4 亿元 level eq",
            "actual 第一产业增加值 2023 3.1 % growth eq",
            "actual 户籍总人口 2023 285.6 万人 level eq",
            "actual 户籍总人口 2023 -1.2 万人 growth eq",
        ]);
    }

    #[test]
    fn respectively_maps_rates_to_earlier_subjects() {
        check(
            DocType::WorkReport,
            true,
            "新登记经营主体5.2万户、新注册企业8170户,分别增长65%、26.8%。",
            &[
                "actual 新登记经营主体 2023 5.2 万户 level eq",
                "actual 新注册企业 2023 8170 户 level eq",
                "actual 新登记经营主体 2023 65 % growth eq",
                "actual 新注册企业 2023 26.8 % growth eq",
            ],
        );
        // Two trades, a figure each (not one trade's name, 冶炼和压延加工业).
        check(
            DocType::WorkReport,
            true,
            "电子和装备产业分别增长2.9%和1.6%。",
            &[
                "actual 电子产业 2023 2.9 % growth eq",
                "actual 装备产业 2023 1.6 % growth eq",
            ],
        );
    }

    #[test]
    fn a_year_followed_by_a_figure_is_not_a_date() {
        check(
            DocType::Outline,
            false,
            "2020年50%的农户进入新型农业组织。",
            &["target 农户进入新型农业组织 2020 50 % level eq"],
        );
    }

    #[test]
    fn a_figure_converted_at_the_exchange_rate_is_the_same_indicators() {
        check(
            DocType::StatisticalBulletin,
            false,
            "2018年,全市人均地区生产总值14万元,按年平均汇率折算为2.1万美元。",
            &[
                "actual 人均地区生产总值 2018 14 万元 level eq",
                "actual 人均地区生产总值 2018 2.1 万美元 level eq",
            ],
        );
    }

    #[test]
    fn a_count_and_a_length_of_the_noun_after_both() {
        check(
            DocType::Outline,
            false,
            "到2020年,建成4条188公里轨道交通。",
            &[
                "target 建成轨道交通 2020 4 条 level eq",
                "target 轨道交通 2020 188 公里 level eq",
            ],
        );
    }

    #[test]
    fn doublings_in_figures_are_the_named_indicators_and_in_words_a_goal() {
        check(
            DocType::StatisticalBulletin,
            false,
            "2012年,地区生产总值260.36亿元,比1983年的1.78亿元翻了7.19番。",
            &[
                "actual 地区生产总值 2012 260.36 亿元 level eq",
                "actual 地区生产总值 1983 1.78 亿元 level eq",
                "actual 地区生产总值 2012 7.19 番 cumulative eq",
            ],
        );
        check(
            DocType::Outline,
            false,
            "到2020年,地区生产总值翻一番。",
            &["target 地区生产总值 2020 NaN  cumulative eq"],
        );
    }

    #[test]
    fn money_obtained_is_a_result_not_a_goal() {
        // 争取 before money obtained (争取资金, 争取到) is no 力争-like goal word.
        let text = "2018年,全市共向上争取资金21.33亿元。";
        let got: Vec<String> = run(DocType::Other, Some(2018), (None, None), false, text)
            .iter()
            .map(brief)
            .collect();
        assert_eq!(got, ["actual 向上争取资金 2018 21.33 亿元 level eq"]);
    }

    #[test]
    fn a_future_is_told_by_jiang_before_a_verb_not_in_a_noun_clause() {
        assert!(speaks_of_future("广西将筹措60亿元"));
        assert!(!speaks_of_future(
            "为即将收官的“十二五”画上了一个圆满的句号"
        ));
        assert!(!speaks_of_future("将近300亿元"));
    }

    #[test]
    fn a_share_opening_its_clause_is_named_after_it() {
        check(
            DocType::Outline,
            false,
            "到2025年,30%以上的行政村达到美丽乡村建设标准,60%城市污水处理厂完成提标改造。",
            &[
                "target 行政村达到美丽乡村建设标准 2025 30 % level ge",
                "target 城市污水处理厂完成提标改造 2025 60 % level eq",
            ],
        );
        // A bound on what a later figure of the clause counts stays a bound.
        check(
            DocType::Outline,
            false,
            "到2025年,收入10万元以上的村达到75%。",
            &["target 收入10万元以上的村 2025 75 % level eq"],
        );
    }

    #[test]
    fn counted_nouns() {
        check(
            DocType::Outline,
            false,
            "2020年,建成5个农产品加工园区,6个加工产业集群。",
            &[
                "target 建成农产品加工园区 2020 5 个 level eq",
                "target 加工产业集群 2020 6 个 level eq",
            ],
        );
    }

    #[test]
    fn traditional_characters() {
        check(
            DocType::StatisticalBulletin,
            false,
            "全年地區生產總值1234.5億元,比上年增長5.2%。",
            &[
                "actual 地區生產總值 2023 1234.5 億元 level eq",
                "actual 地區生產總值 2023 5.2 % growth eq",
            ],
        );
    }

    #[test]
    fn more_qualitative_goals() {
        let f = run(DocType::FiveYearPlan, None, (Some(2021), Some(2025)), false, "到2025年，城乡居民人均可支配收入增长与经济增长基本同步，地下水质量不下降，主要污染物排放完成省下达任务。");
        let got: Vec<(String, String)> = f
            .iter()
            .map(|f| (f.indicator.clone(), f.text.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "城乡居民人均可支配收入".to_string(),
                    "与经济增长基本同步".to_string()
                ),
                ("地下水质量".to_string(), "不下降".to_string()),
                ("主要污染物排放".to_string(), "完成省下达任务".to_string()),
            ]
        );
        assert!(f.iter().all(|f| f.year == Some(2025)));
    }

    #[test]
    fn doubling_goals_keep_their_comparison_and_lists_their_names() {
        let f = run(DocType::FiveYearPlan, None, (Some(2016), Some(2020)), false, "到2020年，生产总值、城乡居民收入比2010年翻一番，化学需氧量、二氧化硫排放量达到总量控制要求，实际使用外资稳中提质。");
        let got: Vec<(String, String)> = f
            .iter()
            .map(|f| (f.indicator.clone(), f.text.clone().unwrap_or_default()))
            .collect();
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            got,
            [
                pair("生产总值", "比2010年翻一番"),
                pair("城乡居民收入", "比2010年翻一番"),
                pair("化学需氧量", "达到总量控制要求"),
                pair("二氧化硫排放量", "达到总量控制要求"),
                pair("实际使用外资", "稳中提质"),
            ]
        );
    }

    #[test]
    fn a_goal_shared_by_a_list_of_long_names() {
        let f = run(DocType::FiveYearPlan, None, (Some(2016), Some(2020)), false, "到2020年，单位地区生产总值能耗降低、单位地区生产总值二氧化碳排放量降低、氮氧化物排放量降低完成国家下达目标任务。");
        let names: Vec<&str> = f.iter().map(|f| f.indicator.as_str()).collect();
        assert_eq!(
            names,
            [
                "单位地区生产总值能耗降低",
                "单位地区生产总值二氧化碳排放量降低",
                // (The words before the goal lose a closing verb, as any name does.)
                "氮氧化物排放量"
            ]
        );
    }

    #[test]
    fn qualitative_goals() {
        let f = run(
            DocType::FiveYearPlan,
            None,
            (Some(2016), Some(2020)),
            false,
            "经济增速不低于全省平均水平。",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value, None);
        assert_eq!(f[0].text.as_deref(), Some("不低于全省平均水平"));
        assert_eq!(f[0].year, Some(2020));
    }

    #[test]
    fn qualitative_goals_named_in_the_clause_before_or_after_a_list() {
        let f = run(
            DocType::FiveYearPlan,
            None,
            (Some(2016), Some(2020)),
            false,
            "到“十三五”末，全社会研发经费投入占生产总值的比重，达到全国平均水平。",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].indicator, "全社会研发经费投入占生产总值的比重");
        let f = run(
            DocType::FiveYearPlan,
            None,
            (Some(2016), Some(2020)),
            false,
            "全社会研发经费投入年均增长10%以上、研发投入强度超过全国平均水平。",
        );
        let q: Vec<_> = f.iter().filter(|f| f.value.is_none()).collect();
        assert_eq!(q.len(), 1, "{f:?}");
        assert_eq!(q[0].indicator, "研发投入强度");
    }

    #[test]
    fn additions_over_a_span_of_years_are_totals() {
        let f = run(
            DocType::PlanReview,
            Some(2012),
            (Some(2011), Some(2015)),
            true,
            "两年来，三环快速路主线贯通；新增公交专用道7条，市区公交出行率达24.91%。",
        );
        let got: Vec<String> = f.iter().map(brief).collect();
        assert!(
            got.iter()
                .any(|b| b.starts_with("actual 新增公交专用道 2012 7 条 cumulative")),
            "{got:?}"
        );
        assert!(got.iter().any(|b| b.contains("24.91 % level")), "{got:?}");
    }
}
