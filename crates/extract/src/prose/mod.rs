//! Facts in running text: each quantity of a sentence becomes a fact, with
//! its indicator read from the words before (or, for counts, after) it, its
//! year from the nearest year named before it, and its kind from the
//! section, the year and marker words.

use crate::doc::{period_spoken_of, Frame};
use crate::quantity::{at, ends, is_delim, part_of_year_at, quantities, year_at, Quantity};
use crate::span::Span;
use crate::words::*;
use planwatch_core::{Comparator, DocType, Fact, Kind, Measure};

mod kind;
mod measure;
mod name;
mod qualitative;
mod years;

use kind::*;
use measure::*;
use name::*;
use qualitative::*;
use years::*;
pub(crate) use years::{five_year_first_years_at, five_years_ahead_end, FIVE_YEARS_AHEAD};

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
    /// The sentence is in a list of goals opened by words that announce
    /// them (`主要预期目标是：`): goals, whatever year the text is of.
    pub announced: bool,
    /// The one year the words announcing the goals named (`2021年，…定下这些
    /// 目标↓`): the goals listed are that year's, whenever the page was dated.
    pub goal_year: Option<i32>,
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

/// `全省`, `全市有`, `2012年全县` right after a clause starts and just before
/// `at`: the whole a share opening its clause is a part of.
fn whole_place_before(s: &[char], at: usize) -> bool {
    let start = (0..at)
        .rev()
        .find(|&i| is_clause_delim(s[i]))
        .map_or(0, |i| i + 1);
    let mut i = start;
    // (A year first: 2012年全省六成农民….)
    while i < at && s[i].is_ascii_digit() {
        i += 1;
    }
    if i > start && s.get(i) == Some(&'年') {
        i += 1;
    }
    let whole = (s.get(i) == Some(&'全') || s.get(i) == Some(&'我'))
        && s.get(i + 1)
            .is_some_and(|c| "省市县区国州旗镇乡村".contains(*c));
    if !whole {
        return false;
    }
    i += 2;
    if s.get(i) == Some(&'有') {
        i += 1;
    }
    i == at
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
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
    years.extend(relative_years(s, ctx.frame, section));
    years.extend(period_end_mentions(s, ctx.frame));
    years.extend(years_into_period(s, ctx.frame));
    years.extend(next_five_years(s, ctx.frame));
    years.extend(plan_end_deadlines(s));
    years.sort_by_key(|y| y.pos);
    // A year opening a line of its own heads its sentence, though the
    // paragraph joined the heading before it (【苏州：…】⏎2023年，苏州…).
    for y in years.iter_mut().filter(|y| !y.topic && y.pos > 0) {
        let line_start = match (span.offs.get(y.pos - 1), span.offs.get(y.pos)) {
            (Some(&(_, prev_end)), Some(&(at, _))) => {
                text.get(prev_end..at).is_some_and(|gap| gap.contains('\n'))
            }
            _ => false,
        };
        if line_start && s.get(y.end).is_some_and(|c| matches!(c, '，' | ',')) {
            y.topic = true;
        }
    }
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
    let mut announced = false;
    let mut over_years = false;
    // A plan's sentence on a period already past (十二五期间，我省…): the
    // sentences after it in the paragraph go on telling that period, until
    // one names a year or goal ahead.
    let mut past_period: Option<(i32, i32)> = None;
    // The kind all the last sentence's figures shared.
    let mut last_sentence_kind: Option<Kind> = None;
    let telling_past = matches!(ctx.frame.doc_type, DocType::FiveYearPlan | DocType::Outline)
        && !section.review
        && !section.goals;
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
            // (And in a report: 十件民生实事包括：… are the year's to do.)
            if matches!(ctx.frame.doc_type, DocType::Other | DocType::WorkReport) && !work_ahead {
                if let Some(list) = opens_list_of_work(&s[a..b]) {
                    work_ahead = true;
                    goal_run = true;
                    announced = list == WorkList::Goals;
                }
            }
            // 意见提出2020年建设目标，即…；…；…: the goals run on over ； to the 。.
            let listed_goals = goal_run.then(|| Section {
                goals: true,
                announced,
                ..section.clone()
            });
            let sect = listed_goals.as_ref().unwrap_or(section);
            over_years |= opens_over_years(&s[a..b]);
            let spanned = over_years.then(|| Section {
                over_years: true,
                ..sect.clone()
            });
            let sect = spanned.as_ref().unwrap_or(sect);
            let told = past_period.map(|p| Section {
                review: true,
                period_in: Some(p),
                ..sect.clone()
            });
            let sect = told.as_ref().unwrap_or(sect);
            let first_new = out.len();
            sentence_facts(&span, a, b, &dated, &mut carried, sect, ctx, text, out);
            // 计划实施项目126个。其中，续建项目33个…。涉及农业农村方面项目31个,年度
            // 投资6.6亿元: a sentence breaking down the one before is of its kind.
            // (Not one naming a year of its own: 其中…比2020年增加7.2万亩.)
            let own_year = || years.iter().any(|y| y.pos >= a && y.pos < b);
            if part_of_the_last(&s[a..b]) && !own_year() {
                if let Some(kind) = last_sentence_kind.filter(|k| *k == Kind::Target) {
                    for f in out[first_new..].iter_mut() {
                        f.kind = kind;
                    }
                }
            }
            if out.len() > first_new {
                let k = out[first_new].kind;
                last_sentence_kind = out[first_new..].iter().all(|f| f.kind == k).then_some(k);
            }
            // (Only a sentence naming a 十X五 period starts a run; only a run
            // needs each sentence read.)
            if telling_past && (past_period.is_some() || s[a..b].contains(&'五')) {
                let sentence: String = s[a..b].iter().collect();
                let ahead = years.iter().any(|y| {
                    y.pos >= a && y.pos < b && ctx.frame.present.is_some_and(|p| y.year > p)
                }) || ["到20", "力争", "确保", "目标", "将"]
                    .iter()
                    .any(|w| sentence.contains(w));
                match period_spoken_of(&sentence) {
                    Some(p) if ctx.frame.present.is_some_and(|now| p.1 <= now) => {
                        past_period = Some(p);
                    }
                    _ if ahead => past_period = None,
                    _ => {}
                }
            }
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
            // 根据这一行动计划，我省制定了相应的发展目标。其中，2015年，…: the
            // goals set are what the paragraph goes on to list.
            if ctx.frame.doc_type == DocType::Other && !work_ahead && tells_goals_set(&s[a..b]) {
                work_ahead = true;
                announced = true;
            }
            // 郭树清在报告中提到，今后，我省将提升基础设施现代化水平。…: what
            // the paragraph goes on to list is the work ahead.
            // (2023年，我市将推行田长制，…。坚持…，建立示范基地1个: a paragraph
            // opening on this year's work ahead lists it.)
            if matches!(ctx.frame.doc_type, DocType::Other | DocType::WorkReport) && !work_ahead {
                if speaks_from_now_on(&s[a..b]) {
                    work_ahead = true;
                } else if a == 0 && opens_on_year_ahead(&s[a..b], ctx.frame.present) {
                    // (Goals of that year, though the article is of it too.)
                    work_ahead = true;
                    announced = true;
                }
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
    let t: String = s.iter().collect();
    let period = if figureless {
        crate::doc::period_named(&t).or(section.period_in)
    } else {
        // (从2011年的1520亿元增加到2016年的2243.1亿元； / 城市化率从59.5%提高到
        // 62.9%: the lines after run over the same years.)
        dated_change_span(&t).or(section.period_in)
    };
    Carry {
        deadline: carried.filter(|y| y.deadline).map(|y| y.year),
        goal_run,
        period,
    }
}

/// What a list opened by a colon holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WorkList {
    /// 主要预期目标是：…
    Goals,
    /// 这十件民生实事分别是：…
    Works,
}

/// `该县将重点抓好七个方面工作。`, `将着力抓好以下工作：`: a sentence with no
/// figure announcing the work ahead, listed in the sentences after it.
/// `这十件民生实事分别是：完成…工程；…`: the year's list of things to do,
/// opened in the sentence that gives its first item.
fn opens_list_of_work(s: &[char]) -> Option<WorkList> {
    let colon = s.iter().take(25).position(|c| matches!(c, '：' | ':'))?;
    let head: String = s[..colon].iter().collect();
    // (经济社会发展的主要预期目标是：…。财政总收入500亿元。…: a list of
    // goals, whatever year the article is of; not 目标完成情况是.)
    let goals = head.contains("目标")
        && !["完成", "实现", "情况", "达到"]
            .iter()
            .any(|w| head.contains(w));
    let works = ["实事", "民生工程", "惠民工程"]
        .iter()
        .any(|w| head.contains(w));
    // (实现以下目标：…: the goals below, whatever verb sets them.)
    let below = ["以下目标", "如下目标", "下列目标"]
        .iter()
        .any(|w| head.ends_with(w));
    if below && !head.chars().any(|c| c.is_ascii_digit()) {
        return Some(WorkList::Goals);
    }
    if head.chars().any(|c| c.is_ascii_digit())
        || !["是", "包括", "为"].iter().any(|w| head.ends_with(w))
    {
        return None;
    }
    if goals {
        Some(WorkList::Goals)
    } else {
        works.then_some(WorkList::Works)
    }
}

/// `今后，我省将提升基础设施现代化水平。`, `他表示，今后几年要…`: a
/// sentence with no figure opening (after whoever says it) on 今后 and
/// saying what will or must be done.
fn speaks_from_now_on(s: &[char]) -> bool {
    if s.iter().any(|c| c.is_ascii_digit()) || s.len() > 60 {
        return false;
    }
    let t: String = s.iter().collect();
    // The words after a speaker's verb, or the sentence itself.
    let said = [
        "表示，",
        "表示,",
        "提到，",
        "提到,",
        "指出，",
        "指出,",
        "强调，",
        "强调,",
    ]
    .iter()
    .find_map(|w| t.find(w).map(|i| &t[i + w.len()..]))
    .unwrap_or(&t);
    let Some(rest) = said.strip_prefix("今后") else {
        return false;
    };
    ["将", "要"].iter().any(|w| rest.contains(w))
}

/// `2023年，我市将…`: a sentence opening on a year not yet past and on its
/// work ahead ([`work_ahead_after_year`]).
fn opens_on_year_ahead(s: &[char], present: Option<i32>) -> bool {
    year_at(s, 0)
        .is_some_and(|(y, len)| present.is_none_or(|p| y >= p) && work_ahead_after_year(&s[len..]))
}

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

/// `我省制定了相应的发展目标。`: a short sentence, no figure, saying goals
/// were set; the figures after it are those goals.
fn tells_goals_set(s: &[char]) -> bool {
    if s.iter().any(|c| c.is_ascii_digit()) || s.len() > 40 {
        return false;
    }
    let t: String = s.iter().collect();
    let t = t.trim_end_matches(['。', '：', ':', '，', ',']);
    ["制定了", "提出了", "明确了", "确定了"]
        .iter()
        .any(|w| t.contains(w))
        && ["目标", "目标任务", "具体目标", "发展目标"]
            .iter()
            .any(|w| t.ends_with(w))
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

/// Whether the name `s[x..y]` is a share of a whole or of a goal: `占年计划的`,
/// `完成全年总量目标的` (…1900亿元，完成全年总量目标的107%，同比增长15%),
/// `超额完成年度任务` — a figure after it is of what the share is of.
fn share_of_whole(s: &[char], x: usize, y: usize) -> bool {
    if s[x] == '占' {
        return true;
    }
    // (Read on the characters, no copy: most names end in no goal word.)
    let end = if s[y - 1] == '的' { y - 1 } else { y };
    let goal = end >= x + 2 && ["目标", "任务", "计划"].iter().any(|w| ends(s, end, w));
    // (The name may start past 完成全年, 完成年度.)
    let done = at(s, x, "完成")
        || at(s, x, "超额完成")
        || s[x.saturating_sub(4)..x]
            .windows(2)
            .any(|w| w == ['完', '成']);
    goal && done
}

fn sentence_start_skip(s: &[char], mut a: usize) -> usize {
    while a < s.len() && (is_clause_delim(s[a]) || s[a] == '、') {
        a += 1;
    }
    a
}

/// Where the clause holding `s[at]` starts: after the last clause mark
/// before it, passing over an aside in brackets (总人口性别比(以女性为100,
/// 男性对女性的比例)为110.37) that closes within 40 chars of its opening.
fn clause_start_before(s: &[char], at: usize) -> usize {
    let mut i = at;
    while i > 0 {
        i -= 1;
        if matches!(s[i], ')' | '）') {
            if let Some(open) = (i.saturating_sub(40)..i)
                .rev()
                .find(|&k| matches!(s[k], '(' | '（'))
            {
                i = open;
                continue;
            }
        }
        if is_clause_delim(s[i]) {
            return i + 1;
        }
    }
    0
}

/// Where, in sentence `a..b` of `span`, a short line closing on a word
/// was run into the text after it (`全市经济社会发展稳中有进、进中提质⏎全市
/// 生产总值达到…`): a heading, not a sentence a page break cut, for a cut
/// line runs to the page's full width. Positions in sentence coordinates.
fn heading_line_breaks(span: &Span, a: usize, b: usize, text: &str) -> Vec<usize> {
    const SHORT: usize = 24;
    let broken = |k: usize| {
        k > 0
            && span
                .offs
                .get(k - 1)
                .zip(span.offs.get(k))
                .and_then(|(p, n)| text.get(p.1..n.0))
                .is_some_and(|gap| gap.contains('\n'))
    };
    // (The line the sentence opens in began at most SHORT chars before it.)
    let mut line_start = (a.saturating_sub(SHORT + 1)..=a)
        .rev()
        .find(|&k| k == 0 || broken(k));
    // (Pages broken at every figure, 预计全年地区生⏎产总值增长⏎3.5%, run on
    // into a figure or a mark.)
    let han = |i: usize| {
        span.chars
            .get(i)
            .is_some_and(|c| planwatch_text::norm::is_han(*c))
    };
    let mut out = Vec::new();
    for k in a + 1..b {
        if !broken(k) {
            continue;
        }
        let short = line_start.is_some_and(|st| k - st <= SHORT);
        // (Nor an infographic's label over its figures: 城乡居民人均可支配收入⏎
        // 分别增长4.5%、8.5%.)
        let figures_follow = || {
            [
                "分别",
                "增长",
                "同比",
                "比上年",
                "达到",
                "达",
                "为",
                "实现",
                "完成",
            ]
            .iter()
            .any(|w| at(&span.chars, k, w))
        };
        if short && han(k - 1) && han(k) && !figures_follow() {
            out.push(k - a);
        }
        line_start = Some(k);
    }
    out
}

/// The years a paragraph names, for dating the values of one sentence.
struct Dating<'a> {
    years: &'a [YearMention],
    /// The last list of years named so far in the paragraph.
    listed: Option<&'a [i32]>,
}

/// Years between a dated start and a deadline (到X年) in one sentence beyond
/// which it tells a history, not a goal: a plan's base is at most 15 years
/// before its aims (2020 → 2035).
const HISTORY_SPAN: i32 = 20;

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
    let period_len = period_phrase_len(s);
    let opens_on_period = period_len > 0 && !at(s, period_len.saturating_sub(2), "以来");
    if opens_on_period && carried.is_none_or(|y| !y.deadline) {
        if let Some((start, end)) = crate::doc::period_spoken_of(&sentence) {
            match ctx.frame.present {
                // (In a text that knows no year of its own, a period told in
                // the future: “十二五”期间，秦州区将努力…，力争…年均增长15%.)
                None if ["将", "力争", "确保"].iter().any(|w| sentence.contains(w)) => {
                    *carried = Some(YearMention::deadline_at(0, end, 0));
                }
                Some(p) if start > p => *carried = Some(YearMention::deadline_at(0, end, 0)),
                // (“十三五”期间，本市居民期望寿命…。孕产妇死亡率…控制在10/10万
                // 以下: a period gone by dates the results after it.)
                Some(p) if end < p && carried.is_none() => {
                    *carried = Some(YearMention {
                        topic: true,
                        ..YearMention::at(0, end, 0)
                    });
                }
                _ => {}
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
        let (ls, mut le) = strip(s, start, end - trend, LEAD, TRAIL);
        // (…科技型企业在2022年的基础上实现“双倍增”: the base is no part of the name.)
        if s.get(ls..le)
            .is_some_and(|n| n.ends_with(&['基', '础', '上']))
        {
            if let Some(k) = (ls..le).rfind(|&i| s[i] == '在') {
                le = strip(s, ls, k, LEAD, TRAIL).1;
            }
        }
        let name: String = s.get(ls..le).unwrap_or_default().iter().collect();
        (qs.iter()
            .find(|q| !q.qualifier)
            .is_some_and(|q| q.start > end)
            && name.chars().count() >= 2
            && looks_like_a_name(&name))
        .then_some(Name::Plain(ls, le))
    };
    // …完成242.0亿元；同比增长5.5%: a change opening the piece after a ；
    // is of the figure the piece before it named.
    let just_before = named_just_before(span, a, s, &qs, out);
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
            .or(just_before)
    };
    let heading_breaks = heading_line_breaks(span, a, b, text);
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
        // (Also after the whole place it is a share of: 全省六成农民用上了自来水.)
        let alone = (q.unit == "%" || q.unit == "成")
            && (q.start == 0 || is_clause_delim(s[q.start - 1]) || whole_place_before(s, q.start))
            && qs.get(k + 1).is_none_or(|n| {
                between(s, q.end, n.start)
                    .iter()
                    .any(|c| is_clause_delim(*c))
            });
        // (实现98%以上的行政村、35%以上的自然村通硬化路: a list of shares,
        // each of the things named after it.)
        let share_of =
            |x: &Quantity| (x.unit == "%" || x.unit == "成") && s.get(x.end) == Some(&'的');
        let listed_share = share_of(q)
            && (qs.get(k + 1).is_some_and(|n| {
                share_of(n)
                    && between(s, q.end, n.start).contains(&'、')
                    && !between(s, q.end, n.start)
                        .iter()
                        .any(|c| is_clause_delim(*c))
            }) || (k > 0
                && share_of(&qs[k - 1])
                && q.start > 0
                && s[q.start - 1] == '、'
                && !between(s, qs[k - 1].end, q.start)
                    .iter()
                    .any(|c| is_clause_delim(*c))));
        if q.qualifier && !alone && !listed_share {
            continue;
        }
        let clause_start = clause_start_before(s, q.start);
        // (A heading line run into its paragraph ends a clause too.)
        let clause_start = heading_breaks
            .iter()
            .rev()
            .find(|&&k| k <= q.start)
            .map_or(clause_start, |&k| clause_start.max(k));
        if counts_an_indicator_set(s, clause_start, q)
            || counts_meeting_members(s, clause_start, q)
            || counts_word_mentions(s, clause_start, q)
        {
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
        // (从1957年建市初期的1.03亿元: words on that time may stand between.)
        let base_of_first = |y: &YearMention| {
            let gap = between(s, y.end, qs[first].start);
            qs[first].start <= y.end + 3
                || (gap.len() <= 10
                    && gap.last() == Some(&'的')
                    && !gap
                        .iter()
                        .any(|c| is_clause_delim(*c) || c.is_ascii_digit()))
        };
        let mut year_m = sent_years
            .iter()
            .rev()
            .find(|y| y.pos < q.start && (!y.base || base_of_first(y)))
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
        // 2014-2015年…分别下降3.5%、3.2%: a span of as many years as values,
        // dated one by one.
        if let Some(y) = year_m.filter(|_| respectively && run > 1 && dated.listed.is_none()) {
            if span_start(s, y.pos).is_some_and(|from| y.year - from + 1 == run as i32) {
                year_m = Some(YearMention {
                    year: y.year + 1 - run as i32 + (k - first) as i32,
                    ..y
                });
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
        // (…为2074亿元, …由3997.16亿元增加到5127.66亿元: what was reached; not
        // 到2020年…达到53.6%，湿地保有量…不能减少, a goal however old.)
        // (建制村通畅率达到了74.86%: 达到了 is reached.)
        let reads_as_reached = || {
            !sentence
                .match_indices("达到")
                .any(|(i, w)| !sentence[i + w.len()..].starts_with('了'))
                && ![
                    "不能",
                    "不低于",
                    "不少于",
                    "不超过",
                    "控制在",
                    "力争",
                    "确保",
                    "将",
                ]
                .iter()
                .any(|w| sentence.contains(w))
        };
        let by_deadline = year_m.or(*carried).is_some_and(|y| {
            // An implementation plan's first year may be a deadline (到2023年).
            let first = i32::from(ctx.frame.doc_type == DocType::ImplementationPlan);
            // (A text dated by its own figures knows no more than its latest
            // year: 到2016年 before it is past, when told as reached.)
            y.deadline
                && !y.up_to
                // (1950年经济总量为0.88亿元，到2023年达到3115.86亿元: a history
                // told from a year no plan's base is that far before its goal.)
                && !sent_years
                    .iter()
                    .any(|e| !e.deadline && e.year + HISTORY_SPAN <= y.year)
                && ((ctx.frame.from_figures
                    && (ctx.frame.present.is_none_or(|p| y.year >= p) || !reads_as_reached()))
                    || ctx.frame.present.is_none_or(|p| y.year + first > p))
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
        // 由“十三五”的1.753万亿元, 从“十二五”末的…: a start value at the end of
        // the period named between the word and the value.
        let period_start: Option<i32> = {
            let t = run_pre.trim_end();
            let t = t.strip_suffix('的').unwrap_or(t);
            let t = ["期末", "末期", "末", "时期"]
                .iter()
                .find_map(|w| t.strip_suffix(w))
                .unwrap_or(t)
                .trim_end_matches(['”', '"', '’']);
            crate::doc::FIVE_YEAR_PLANS.iter().find_map(|(n, first)| {
                let before = t.strip_suffix(n)?.trim_end_matches(['“', '"', '‘']);
                ["从", "由"]
                    .iter()
                    .any(|w| before.ends_with(w))
                    .then_some(first + 4)
            })
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
            ["从", "由"].iter().any(|w| t.ends_with(w)) || period_start.is_some()
        };
        let starts_a_change = year_m.is_none_or(|y| y.deadline || y.base)
            && start_word
            // (增加到, 提高至; 增至, 降到; 向.)
            && (matches!(s.get(run_tail + 2), Some('至' | '到'))
                || matches!(s.get(run_tail + 1), Some('至' | '到'))
                || s.get(run_tail) == Some(&'向')
                // (…由“十三五”的1.753万亿元，发展到2.568万亿元: the change's verb
                // after a comma.)
                || (matches!(s.get(run_tail), Some('，' | ','))
                    && ["发展到", "发展至", "增加到", "提高到", "提升到", "提升至", "增长到"]
                        .iter()
                        .any(|w| at(s, run_tail + 1, w))));
        // 截至今年4月底，全省汽车保有量204.5万辆: a stock counted up to a
        // date, in a plan as anywhere.
        let counted = year_m.is_some_and(|y| y.up_to && !y.deadline)
            && ctx.frame.doc_type == DocType::ImplementationPlan
            && !pre.contains("到")
            && !crate::words::target_markers(&pre).any(|w| pre.contains(w));
        // 20个指标达到或超过规划进度要求, 4项指标略低于序时进度: a review's
        // count of its indicators by how they stand, counted now.
        let indicator_progress = ctx.frame.doc_type == DocType::PlanReview
            && matches!(q.unit.as_str(), "个" | "项")
            && {
                let after: String = s[q.end..clause_end].iter().collect();
                (after.starts_with("指标") || after.starts_with("主要指标"))
                    && ["进度", "序时", "目标", "预期"]
                        .iter()
                        .any(|w| after.contains(w))
            };
        let kind = if starts_a_change || counted || indicator_progress {
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
        // (And 两年来 in a review of the plan's first years.)
        // (2012—2021年，…由8568元增加至24950元: a span gone by, written out.)
        let past_span = |y: &YearMention| {
            span_start(s, y.pos).is_some() && ctx.frame.present.is_some_and(|p| y.year <= p)
        };
        let five_years = |y: &YearMention| {
            PAST_FIVE_YEARS.iter().any(|w| at(s, y.pos, w))
                || span_of_years_at(s, y.pos)
                || past_span(y)
        };
        let period_start_value = (year_m.is_none_or(|y| five_years(&y)) || starts_a_change)
            && ["从", "由"].iter().any(|w| pre.trim_end().ends_with(w))
            && (decided == Kind::Actual || starts_a_change);
        let from_period = period_start_value
            .then(|| {
                // The period may be named sentences before, in the paragraph;
                // 过去五年 in a report is the five years up to the one reviewed.
                let before: String = span.chars[..a + q.start].iter().collect();
                // (2012—2021年，…收入由8568元增加至24950元: the first year of a
                // span gone by; 2016年至2018年…由66.4%提高到76.4%, a span
                // ahead, starts from now.)
                year_m
                    .filter(past_span)
                    .and_then(|y| span_start(s, y.pos).map(|from| (from + 1, y.year)))
                    .or_else(|| period_spoken_of(&before))
                    // (由2002年的…增加到2007年的…，…由346.7亿元增加到…: the
                    // years of a change told before in the paragraph.)
                    .or_else(|| dated_change_span(&before))
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
        let year = if let Some(end) = period_start.filter(|_| starts_a_change) {
            Some(end)
        } else if let Some(now) = ctx.frame.present.filter(|_| indicator_progress) {
            Some(now)
        } else if plan_goal && ctx.frame.target_year.is_some() {
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
        // 由68.82%(2020年)提升至70.81%(2024年): a year in brackets right after
        // a figure is its own.
        let year = if matches!(s.get(q.end), Some('(' | '（')) {
            crate::quantity::year_at(s, q.end + 1)
                .filter(|(_, len)| matches!(s.get(q.end + 1 + len), Some(')' | '）')))
                .map(|(y, _)| y)
                .or(year)
        } else {
            year
        };
        // 由上年的57.3%下降到55.1%, 比上年38690元增加2103元: the figure of the
        // year before (each of a list: 由上年的22.26%、28.63%和49.11%).
        let year = year.map(|y| {
            let (first, _) = listed_run(s, &qs, k);
            if last_years_figure(s, qs[first].start) {
                y - 1
            } else {
                y
            }
        });
        // (…同比下降53.4%(非税占比为21%): an aside in brackets opened
        // before the figure is a clause of its own for how it is measured.)
        // (Not a restatement with no subject of its own: 增加2.2万吨(4424.0万斤),
        // 高于去年全年(4.3%).)
        let measured_in = pre
            .rfind(['(', '（'])
            .filter(|&b| {
                let aside = &pre[b..];
                !aside.contains([')', '）'])
                    && aside.chars().filter(|c| planwatch_text::norm::is_han(*c)).count() >= 3
                    // (A subject of its own: 其中…, …占比为, …为; not 前三季度下降,
                    // the same figure's part of the year.)
                    && (aside.contains("其中") || aside.contains('为') || aside.contains('占'))
            })
            .map_or(pre.as_str(), |b| &pre[b..]);
        let (mut measure, negative) = decide_measure(ctx.frame.doc_type, kind, measured_in, q);
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
        // The subject is the k-th of those named before, spread by 分别.
        let mut spread_subject = false;
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
            // (282个2013年市重大投资项目: the noun after the year.)
            let from = q.end + year_at(s, q.end).map_or(0, |(_, n)| n);
            let end = noun_end(s, from, qs.get(k + 1).map(|n| n.start), clause_end);
            let (ls, le) = strip(s, narrow_start, q.start, LEAD, &[]);
            let (ns, ne) = strip(s, from, end, &[], TRAIL);
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
            // (…38.69亿元，增4.0%: a bare verb of change names nothing.)
            let bare_change = le == ls + 1 && "增降减涨跌".contains(s[ls]);
            if le > ls
                && (count_of_years
                    || bare_change
                    || is_years_span(&s[ls..le])
                    || is_time_reference(&s[ls..le]))
            {
                le = ls;
            }
            if le > ls && le - ls < 2 && narrow_start > clause_start {
                // 10万元以上的村达到75%: one char is not a name; take the whole clause.
                (ls, le) = strip(s, clause_start, q.start, LEAD, TRAIL);
            }
            if le > ls {
                if share_of_whole(s, ls, le) {
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
                spread_subject = true;
                Some(Name::Plain(x, y))
            } else if let Some((x, y)) = clause_before(s, clause_start)
                .filter(|&(p, d)| {
                    in_run
                        && at(s, clause_start, "分别")
                        && !qs.iter().any(|m| m.start >= p && m.end <= d)
                        // (增速全省第7位，分别高于…: a rank is no list of names.)
                        && !s[p..d].iter().any(|c| c.is_ascii_digit() || *c == '第')
                        // (…企业和…企业实现双倍增，分别超过90家和870家: a clause
                        // with a verb of its own says what they did.)
                        && !["实现", "达到", "完成", "增长", "提高", "突破", "超过"]
                            .iter()
                            .any(|w| (p..d).any(|i| at(s, i, w)))
                })
                .map(|(p, d)| strip(s, p, d, LEAD, TRAIL))
                .filter(|&(x, y)| y > x + 1)
            {
                // 困难残疾人生活补贴、重度残疾人护理补贴标准，分别从181元、243元提高到…:
                // the clause before, with no figure of its own, lists whose they are.
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
                let after_share = last_subject.is_some_and(|(x, y)| share_of_whole(s, x, y))
                    && !q.unit.ends_with("百分点");
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
        if listed_share {
            // Each share's own noun, up to the next item of the list.
            let from = q.end + 1;
            let to = (from..clause_end)
                .find(|&i| s[i] == '、')
                .unwrap_or(clause_end);
            let (ns, ne) = strip(s, from, to, &[], TRAIL);
            if ne > ns + 1 {
                names = vec![span.orig_string(a + ns, a + ne)];
            }
        }
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
            // 地方生产总值25.23亿元，…，人均达到5.62万元: per head of the
            // indicator just named.
            // (The name's own 均 is cut as the word "each"; the text has it.)
            let per_head = (short == "人" && s.get(y) == Some(&'均')) || short == "人均";
            if per_head && names.len() == 1 && !prev.starts_with("人均") {
                names = vec![format!("人均{prev}")];
            }
            // 红旗品牌汽车产量10.4万辆、销量10.02万辆: a list item named by a
            // word like the end of the name before (产量, 销量) is of the same
            // thing.
            let n = short.chars().count();
            if (2..=3).contains(&n)
                && names.len() == 1
                && x > 0
                && s[x - 1] == '、'
                && prev.chars().count() > n + 1
            {
                let tail: String = prev.chars().skip(prev.chars().count() - n).collect();
                if tail != short
                    && tail.chars().last() == short.chars().last()
                    && "量额值数".contains(short.chars().last().unwrap_or(' '))
                {
                    let head: String = prev.chars().take(prev.chars().count() - n).collect();
                    names = vec![format!("{head}{}", names[0])];
                }
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
            // 增长4.2%，比年初目标(6.5%)低2.3个百分点: the gap to the benchmark
            // named (its own figure in brackets left out).
            if let Some((bench, dir)) = gap_to_benchmark(&short) {
                if q.unit.ends_with("百分点") && names.len() == 1 {
                    let stem = prev.trim_end_matches("增速");
                    names = vec![format!("{stem}增速{dir}于{bench}")];
                }
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
        // (材料产业、消费品产业和电子产业实现较快增长，增速分别为18.7%、12.7%和12.4%:
        // each rate the subject's of the clause before, over the names above.)
        if let Name::Plain(x, y) = subject {
            if names.len() == 1 {
                if let Some(n) = subject_before_bare_measure(span, a, x, y, s, &qs, k) {
                    names = vec![n];
                } else if let Some(n) =
                    pull_of_subject_before(span, a, x, y, s, &qs, k, prev_name.as_deref())
                {
                    names = vec![n];
                }
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
            // (北京、天津和河北分别为…亿元，同比分别增长0.8%、1.0%和3.7%:
            // the places spread by 分别 keep the figure's name, whatever unit.)
            if names.len() == 1 && (*main_unit == q.unit || spread_subject) && !met_goal {
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
        // 增速比全国(5.5%)高1.3个百分点, 高于全省(5.2%): the benchmark's own
        // figure in brackets, of the indicator just named.
        let mut benchmark: Option<String> = None;
        if listed_place.is_none() && names.len() == 1 {
            if let (Some(whole), Some(prev)) = (benchmark_before(s, q.start, q.end), &prev_name) {
                let place = match whole {
                    "全国" => Some("全国".to_string()),
                    _ => ctx
                        .region
                        .as_deref()
                        .and_then(crate::region::lookup)
                        .map(|p| p.province.to_string()),
                };
                if let Some(place) = place {
                    if let Some(last) = out.last().filter(|f| {
                        f.indicator == *prev && f.unit.as_deref() == Some(q.unit.as_str())
                    }) {
                        measure = last.measure;
                    }
                    names = vec![prev.clone()];
                    benchmark = Some(place);
                }
            }
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
        let region = match benchmark.clone() {
            Some(b) => Some(b),
            None => match listed_place.or_else(|| place_heading(span, a, subject_start)) {
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
            },
        };
        for name in names {
            // (存栏各类牲畜19.03万头只匹(牛17.62万头,…;马0.11万匹…): a
            // kind of livestock is a name of one character.)
            let livestock = name.chars().count() == 1
                && name.chars().all(|c| "牛马羊猪驴骡驼鸡鸭鹅兔".contains(c));
            if name.chars().count() < 2 && !livestock {
                continue;
            }
            // 北京、天津和河北…同比分别增长0.8%、1.0%和3.7%: a place alone,
            // one of a list, is where the figure named before stands; 北京、
            // 天津和河北地区生产总值分别为…: a place heading one of a list of
            // names is its own.
            let place = if benchmark.is_none() {
                own_place(&name)
            } else {
                None
            };
            let (name, region) = match place {
                Some((place, true)) => {
                    // (The name of the last figure of the sentence that a
                    // place did not name.)
                    let (from, _) = span.bytes(a, a);
                    let named = out
                        .iter()
                        .rev()
                        .take_while(|f| f.start.is_some_and(|x| x >= from))
                        .find(|f| own_place(&f.indicator).is_none_or(|(_, all)| !all))
                        .map(|f| f.indicator.clone());
                    match named {
                        Some(main) => (main, Some(place)),
                        None => (name, region.clone()),
                    }
                }
                Some((place, false)) if spread_subject || in_run => (name, Some(place)),
                _ => (name, region.clone()),
            };
            out.push(Fact {
                doc: ctx.doc.to_string(),
                kind,
                indicator: name,
                region,
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
                responsible: None,
            });
        }
    }
    qualitative_facts(span, a, b, dated.years, *carried, section, ctx, text, out);
}

/// A sentence that breaks down the one before (`其中，续建项目33个`,
/// `涉及农业农村方面项目31个`) with no mark of being done.
fn part_of_the_last(s: &[char]) -> bool {
    // (Most sentences open otherwise: looked at whole only when one opens so.)
    let lead = s
        .iter()
        .position(|c| !(c.is_whitespace() || "，,".contains(*c)))
        .unwrap_or(s.len());
    if !(at(s, lead, "其中") || at(s, lead, "涉及")) {
        return false;
    }
    let t: String = s[lead..].iter().collect();
    !ACTUAL_MARKERS.iter().any(|w| t.contains(w))
        // (比2020年增加7.2万亩: a change against a year gone by.)
        && !["完成", "实现", "已", "达到", "比20", "较20", "比19"]
            .iter()
            .any(|w| t.contains(w))
}

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

    /// The kinds, names and values of the facts of `text` in a document of
    /// `doc_type` of `year`.
    fn kinds_of(doc_type: DocType, year: i32, text: &str) -> Vec<Kind> {
        run(doc_type, Some(year), (None, None), false, text)
            .iter()
            .map(|f| f.kind)
            .collect()
    }

    /// The measures and values of the facts of `text`, as [`kinds_of`] reads.
    fn measures_of(doc_type: DocType, year: i32, text: &str) -> Vec<(Measure, f64)> {
        run(doc_type, Some(year), (None, None), false, text)
            .iter()
            .map(|f| (f.measure, f.value.unwrap_or(0.0)))
            .collect()
    }

    /// The years of the facts of `text` in a document of `year` and `period`.
    fn years_of(
        doc_type: DocType,
        year: i32,
        period: (Option<i32>, Option<i32>),
        text: &str,
    ) -> Vec<Option<i32>> {
        run(doc_type, Some(year), period, false, text)
            .iter()
            .map(|f| f.year)
            .collect()
    }

    fn names_of(doc_type: DocType, year: i32, text: &str) -> Vec<String> {
        run(doc_type, Some(year), (None, None), false, text)
            .iter()
            .map(|f| f.indicator.clone())
            .collect()
    }

    #[test]
    fn a_start_value_dated_with_words_between_takes_its_year() {
        let years: Vec<Option<i32>> = run(
            DocType::Other,
            Some(2019),
            (None, None),
            false,
            "全市生产总值从1957年建市初期的1.03亿元增加到2018年的1528.12亿元。",
        )
        .iter()
        .map(|f| f.year)
        .collect();
        assert_eq!(years, [Some(1957), Some(2018)]);
    }

    #[test]
    fn done_told_with_了_is_a_result_in_a_plan() {
        let k = kinds_of(
            DocType::FiveYearPlan,
            2020,
            "“十三五”时期,全省形成了3个万亿、14个千亿产业。",
        );
        assert_eq!(k, [Kind::Actual, Kind::Actual]);
    }

    #[test]
    fn an_aside_with_its_own_subject_is_measured_on_its_own() {
        let f = run(
            DocType::WorkReport,
            Some(2023),
            (None, None),
            true,
            "一般公共预算收入实现8.5亿元,同比下降53.4%(非税占比为21%)。",
        );
        let share = f.iter().find(|f| f.value == Some(21.0)).expect("the share");
        assert_eq!(share.measure, Measure::Level);
        // A restatement keeps the figure's measure.
        let f = run(
            DocType::WorkReport,
            Some(2022),
            (None, None),
            true,
            "夏粮总产量6.9万吨,比2020年增加2.2万吨(4424.0万斤)。",
        );
        assert!(f
            .iter()
            .all(|f| f.value != Some(4424.0) || f.measure != Measure::Level));
    }

    #[test]
    fn a_sentence_breaking_down_a_goal_is_a_goal() {
        let k = kinds_of(
            DocType::Other,
            2023,
            "2023年,甲县计划实施项目126个。涉及生态环保方面项目9个。",
        );
        assert_eq!(k, [Kind::Target, Kind::Target]);
        // One against a year gone by tells a result.
        let k = kinds_of(
            DocType::Other,
            2023,
            "2023年,甲县计划实施项目126个。其中冬小麦播种面积19.5万亩,比2022年增加7.2万亩。",
        );
        assert_eq!(k[1], Kind::Actual);
    }

    #[test]
    fn one_years_tasks_report_the_year_before_as_results() {
        let kinds: Vec<(Kind, Option<i32>)> = run(
            DocType::ImplementationPlan,
            Some(2024),
            (Some(2024), Some(2024)),
            false,
            "2023年,重点楼宇实现税收622.08亿元。2024年新增托位500个。",
        )
        .iter()
        .map(|f| (f.kind, f.year))
        .collect();
        assert_eq!(
            kinds,
            [(Kind::Actual, Some(2023)), (Kind::Target, Some(2024))]
        );
        // A plan over years sets its first year's tasks.
        let kinds = kinds_of(
            DocType::ImplementationPlan,
            2016,
            "2016年完成77个村减贫摘帽。",
        );
        assert_eq!(kinds, [Kind::Target]);
    }

    #[test]
    fn a_cut_in_what_is_meant_to_fall_is_a_reduction_in_an_article() {
        let facts = run(
            DocType::Other,
            Some(2007),
            (None, None),
            false,
            "单位生产总值能耗下降4%，化学需氧量排放量下降4.5%，工业增加值下降2%。",
        );
        let got: Vec<(Measure, f64)> = facts
            .iter()
            .map(|f| (f.measure, f.value.unwrap_or_default()))
            .collect();
        assert_eq!(
            got,
            [
                (Measure::Reduction, 4.0),
                (Measure::Reduction, 4.5),
                (Measure::Growth, -2.0)
            ]
        );
        // A bulletin tells it as the year's change.
        let facts = run(
            DocType::StatisticalBulletin,
            Some(2007),
            (None, None),
            false,
            "单位生产总值能耗下降4%。",
        );
        assert_eq!(facts[0].measure, Measure::Growth);
        assert_eq!(facts[0].value, Some(-4.0));
    }

    #[test]
    fn a_clause_opening_on_respectively_takes_the_names_listed_before() {
        let names = names_of(
            DocType::ImplementationPlan,
            2022,
            "困难残疾人生活补贴、重度残疾人护理补贴标准，分别从181元、243元提高到188元、252元。",
        );
        assert_eq!(
            names,
            [
                "困难残疾人生活补贴标准",
                "重度残疾人护理补贴标准",
                "困难残疾人生活补贴标准",
                "重度残疾人护理补贴标准"
            ]
        );
        // A rank before is no list of names.
        let names = names_of(
            DocType::Other,
            2025,
            "同比增长5.5%，增速全省第7位，分别高于全国、全省0.1和0.3个百分点。",
        );
        assert!(names.iter().all(|n| !n.contains("第7位")), "{names:?}");
    }

    fn values_of(doc_type: DocType, year: i32, text: &str) -> Vec<f64> {
        run(doc_type, Some(year), (None, None), false, text)
            .iter()
            .filter_map(|f| f.value)
            .collect()
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

    /// Each qualitative goal's indicator and goal words.
    fn goal_words(facts: &[Fact]) -> Vec<(String, String)> {
        facts
            .iter()
            .map(|f| (f.indicator.clone(), f.text.clone().unwrap_or_default()))
            .collect()
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
    fn a_goal_reached_smoothly_leaves_the_figures_results() {
        let kinds = |t: &str| kinds_of(DocType::Other, 2013, t);
        assert_eq!(
            kinds("2012年我市顺利实现“千百万”目标，完成地区生产总值1075.06亿元。"),
            [Kind::Actual]
        );
        // (Still a goal where nothing says it was reached.)
        assert_eq!(
            kinds("2014年我市要实现“千百万”目标，地区生产总值达到1200亿元。"),
            [Kind::Target]
        );
    }

    #[test]
    fn results_told_beside_their_goal_are_results() {
        let kinds = |t: &str| kinds_of(DocType::Other, 2022, t);
        // The goal's clause, then what was done and the rate of completion.
        assert_eq!(
            kinds("2022年高标准农田建设考核指标23.1万亩,完成28.69万亩,完成率124.2%。"),
            [Kind::Target, Kind::Actual]
        );
        // A goal reached in the main (基本实现), a comma inside its quotes.
        assert_eq!(
            kinds("2022年,收获面积约11.6万亩,基本实现“玉米基本不减产,多收一季大豆”的种植目标。"),
            [Kind::Actual]
        );
        assert_eq!(
            kinds("到2035年,森林覆盖率达到70%,基本实现美丽城市建设目标。"),
            [Kind::Target]
        );
        // (Nor in a sentence without its year, a figure before: 70%，.)
        assert_eq!(
            kinds("宜居城市建设开创新局面,城镇化率达70%,新建公园20个以上,基本实现“15分钟可达城市公园”目标。"),
            [Kind::Target, Kind::Target]
        );
    }

    #[test]
    fn projects_planned_to_start_are_a_kind_of_project() {
        let kinds = |t: &str| kinds_of(DocType::Other, 2021, t);
        assert_eq!(
            kinds("1至4月,169个计划新开工项目已开工118个,开工率达69.8%。"),
            [Kind::Actual, Kind::Actual, Kind::Actual]
        );
        // (A plan's figure is still a goal.)
        assert_eq!(kinds("全年计划新开工项目50个。"), [Kind::Target]);
    }

    #[test]
    fn a_task_completed_in_full_leaves_the_figures_results() {
        let kinds = |t: &str| kinds_of(DocType::WorkReport, 2024, t);
        assert_eq!(
            kinds("2023年全省全面完成稳粮稳豆任务,粮食生产实现“二十连丰”,总产量为1557.6亿斤。"),
            [Kind::Actual]
        );
        // (After a word of will, 全面完成 is the aim.)
        assert_eq!(
            kinds("2025年要全面完成稳粮任务,粮食总产量达到1600亿斤。"),
            [Kind::Target]
        );
    }

    #[test]
    fn a_run_after_a_semicolon_opening_on_a_year_and_fenbie_takes_the_list_before() {
        let t = "2015年毛入园率、巩固率和毛入学率分别达到90%、99%和92%；2020年分别达到98%、99%和95%以上。";
        let facts = run(DocType::FiveYearPlan, Some(2011), (None, None), false, t);
        let got: Vec<(&str, Option<i32>, f64)> = facts
            .iter()
            .map(|f| (f.indicator.as_str(), f.year, f.value.unwrap_or(0.0)))
            .collect();
        assert_eq!(
            got,
            [
                ("毛入园率", Some(2015), 90.0),
                ("巩固率", Some(2015), 99.0),
                ("毛入学率", Some(2015), 92.0),
                ("毛入园率", Some(2020), 98.0),
                ("巩固率", Some(2020), 99.0),
                ("毛入学率", Some(2020), 95.0),
            ]
        );
        // Not when the run has a name of its own.
        let t = "2015年毛入园率、巩固率分别达到90%、99%；2020年入学率和就业率分别达到98%、99%。";
        let names = names_of(DocType::FiveYearPlan, 2011, t);
        assert_eq!(names[2..], ["入学率", "就业率"]);
    }

    #[test]
    fn a_recovery_to_a_share_of_a_named_year_is_of_now() {
        let years = years_of(
            DocType::Other,
            2023,
            (None, None),
            "全省旅游人次、旅游总收入分别恢复到2019年的113%、119%。",
        );
        // (The article's own year of results, not 2019.)
        assert_eq!(years, [Some(2022), Some(2022)]);
    }

    #[test]
    fn a_year_in_brackets_after_a_figure_dates_it() {
        let years = years_of(
            DocType::PlanReview,
            2025,
            (Some(2021), Some(2025)),
            "水土保持率由68.82%(2020年)提升至70.81%(2024年)，森林覆盖率达到45%（2023年）。",
        );
        assert_eq!(years, [Some(2020), Some(2024), Some(2023)]);
    }

    #[test]
    fn a_reviews_count_of_indicators_by_progress_is_now() {
        let facts = run(
            DocType::PlanReview,
            Some(2018),
            (Some(2016), Some(2020)),
            false,
            "《纲要》确定的30项指标中，20个指标达到或超过规划进度要求，4项指标略低于序时进度。",
        );
        let got: Vec<(Kind, Option<i32>, f64)> = facts
            .iter()
            .filter(|f| f.value != Some(30.0))
            .map(|f| (f.kind, f.year, f.value.unwrap_or(0.0)))
            .collect();
        assert_eq!(
            got,
            [
                (Kind::Actual, Some(2018), 20.0),
                (Kind::Actual, Some(2018), 4.0)
            ]
        );
    }

    #[test]
    fn a_result_over_the_task_set_from_above_is_no_goal() {
        let kinds = |t: &str| kinds_of(DocType::Other, 2022, t);
        assert_eq!(
            kinds("2022年落实粮食播种面积288.9万亩，超出国家下达任务8.1万亩。"),
            [Kind::Actual, Kind::Actual]
        );
        // The task itself is still a goal.
        assert_eq!(
            kinds("2022年确保完成国家下达粮食播种面积任务290万亩。"),
            [Kind::Target]
        );
    }

    #[test]
    fn a_fall_of_what_is_meant_to_fall_against_a_named_year_is_a_cut() {
        let measures = |t: &str| measures_of(DocType::Other, 2025, t);
        assert_eq!(
            measures("全市煤炭消费较2020年下降155万吨。"),
            [(Measure::Reduction, 155.0)]
        );
        assert_eq!(
            measures("PM2.5平均浓度较2015年下降37%。"),
            [(Measure::Reduction, 37.0)]
        );
        // Not any fall: a yield, or a share's points.
        assert_eq!(
            measures("夏粮单位面积产量比2020年减少15.9公斤/亩。"),
            [(Measure::Cumulative, -15.9)]
        );
        assert_eq!(
            measures("单位能耗占比较2010年下降3.9个百分点。"),
            [(Measure::Cumulative, -3.9)]
        );
    }

    #[test]
    fn a_deadline_long_after_a_dated_start_tells_a_history() {
        let kind_of = crate::tests::kind_year_of;
        // An undated article whose latest figures are of 2023.
        let t =
            "甲市2023年生产总值增长5%。\n甲市1950年经济总量为0.88亿元,到2023年达到3115.86亿元。\n";
        assert_eq!(kind_of(t, 3115.86), [(Kind::Actual, Some(2023))]);
        // A plan's base five years before its goal still sets a goal.
        let t =
            "甲市2023年生产总值增长5%。\n甲市2018年经济总量为2000亿元,到2023年达到3115.86亿元。\n";
        assert_eq!(kind_of(t, 3115.86), [(Kind::Target, Some(2023))]);
    }

    #[test]
    fn planned_amounts_and_deadlines_are_goals() {
        // 计划完成 with a figure as its object plans it; 计划全面完成 is done.
        let kinds = |t: &str| kinds_of(DocType::Other, 2021, t);
        assert_eq!(kinds("2021年计划完成总投资107.39亿元。"), [Kind::Target]);
        assert_eq!(
            kinds("2021年全年计划全面完成，完成投资107.39亿元。"),
            [Kind::Actual]
        );
        // A deadline within the year (6月底前) sets a goal.
        assert_eq!(kinds("2021年6月底前下达资金60%以上。"), [Kind::Target]);
        assert_eq!(kinds("2021年6月底前已下达资金60%以上。"), [Kind::Actual]);
        // A cut made is stated as a positive number, a result too.
        let measures = |t: &str| measures_of(DocType::Other, 2021, t);
        assert_eq!(
            measures("2021年项目审批时限压缩60%。"),
            [(Measure::Reduction, 60.0)]
        );
        assert_eq!(
            measures("2021年粗钢产量同比压减5%。"),
            [(Measure::Growth, -5.0)]
        );
        // Measured against its plan, a figure is a result, in a plan's year too.
        let in_plan = |t: &str| -> Vec<Kind> {
            run(
                DocType::ImplementationPlan,
                Some(2021),
                (None, None),
                false,
                t,
            )
            .iter()
            .map(|f| f.kind)
            .collect()
        };
        assert_eq!(in_plan("2021年完成造林5万亩。"), [Kind::Target]);
        assert_eq!(
            in_plan("2021年重大项目投资完成率为98.37%。"),
            [Kind::Actual]
        );
        assert_eq!(
            in_plan("2021年完成造林5万亩，为计划的102%。"),
            [Kind::Actual, Kind::Actual]
        );
    }

    #[test]
    fn a_change_then_the_level_it_reached() {
        check(
            DocType::WorkReport,
            true,
            "一般公共预算支出增长3.5%达19.4亿元。",
            &[
                "actual 一般公共预算支出 2023 3.5 % growth eq",
                "actual 一般公共预算支出 2023 19.4 亿元 level eq",
            ],
        );
    }

    #[test]
    fn town_and_country_residents_are_spelt_out() {
        let list = |s: &str| urban_and_rural(&s.chars().collect::<Vec<_>>());
        assert_eq!(
            list("城乡常住居民人均可支配收入"),
            Some(vec![
                "城镇常住居民人均可支配收入".to_string(),
                "农村常住居民人均可支配收入".to_string()
            ])
        );
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
            list("三次产业对经济增长的贡献率"),
            want(&[
                "第一产业对经济增长的贡献率",
                "第二产业对经济增长的贡献率",
                "第三产业对经济增长的贡献率"
            ])
        );
        assert_eq!(
            list("第一、二、三次产业增加值"),
            want(&["第一产业增加值", "第二产业增加值", "第三产业增加值"])
        );
        assert_eq!(list("三次"), None);
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
                "actual 细颗粒物浓度 2016 16.7 % reduction eq",
                "actual 细颗粒物浓度 2017 21.2 % reduction eq",
                "actual 细颗粒物浓度 2018 21.2 % reduction eq",
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
    fn a_span_of_as_many_years_as_values_dates_them_one_by_one() {
        check(
            DocType::WorkReport,
            false,
            "2016—2018年，全市分别新增就业1万人、1.2万人和1.5万人。",
            &[
                "actual 新增就业 2016 1 万人 level eq",
                "actual 新增就业 2017 1.2 万人 level eq",
                "actual 新增就业 2018 1.5 万人 level eq",
            ],
        );
    }

    #[test]
    fn a_change_after_a_semicolon_is_of_the_figure_before() {
        check(
            DocType::WorkReport,
            false,
            "2023年，全市社会消费品零售总额100亿元；增长5%。",
            &[
                "actual 社会消费品零售总额 2023 100 亿元 level eq",
                "actual 社会消费品零售总额 2023 5 % growth eq",
            ],
        );
    }

    #[test]
    fn a_base_at_the_end_of_a_quoted_plan_is_that_years() {
        check(
            DocType::WorkReport,
            false,
            "2010年，全区生产总值506亿元，实现了较“十五”末期250.4亿元翻番的目标。",
            &[
                "actual 生产总值 2010 506 亿元 level eq",
                "actual 生产总值 2005 250.4 亿元 level eq",
            ],
        );
    }

    #[test]
    fn per_head_is_of_the_indicator_just_named() {
        check(
            DocType::WorkReport,
            false,
            "2017年，全县实现地方生产总值25.23亿元，人均达到5.62万元，折合8606美元。",
            &[
                "actual 地方生产总值 2017 25.23 亿元 level eq",
                "actual 人均地方生产总值 2017 5.62 万元 level eq",
                "actual 人均地方生产总值 2017 8606 美元 level eq",
            ],
        );
    }

    #[test]
    fn a_growth_net_of_prices_is_the_indicator_just_named() {
        check(
            DocType::WorkReport,
            false,
            "2023年，全市居民人均可支配收入增长5.1%，扣除价格因素实际增长4.4%。",
            &[
                "actual 居民人均可支配收入 2023 5.1 % growth eq",
                "actual 居民人均可支配收入 2023 4.4 % growth eq",
            ],
        );
    }

    #[test]
    fn a_span_up_to_now_names_nothing_and_其中_speaks_of_the_figure_before() {
        check(
            DocType::WorkReport,
            false,
            "2023年全省地区生产总值达2.9万亿元，五年年均增长10.5%。其中，十八大以来年均增长9.4%。",
            &[
                "actual 地区生产总值 2023 2.9 万亿元 level eq",
                "actual 地区生产总值 2023 10.5 % avg_growth eq",
                "actual 地区生产总值 2023 9.4 % avg_growth eq",
            ],
        );
    }

    #[test]
    fn a_comparison_with_a_named_year_after_a_semicolon_is_of_the_figure_before() {
        check(
            DocType::StatisticalBulletin,
            false,
            "2022年，全县实现生产总值951435万元，比上年下降4.1%；与2020年相比，两年平均增长2.5%。",
            &[
                "actual 生产总值 2022 951435 万元 level eq",
                "actual 生产总值 2022 -4.1 % growth eq",
                "actual 生产总值 2022 2.5 % avg_growth eq",
            ],
        );
    }

    #[test]
    fn the_amount_planned_is_a_goal_beside_the_amount_done() {
        let kinds = |t: &str| kinds_of(DocType::Other, 2022, t);
        assert_eq!(
            kinds("今年，重大产业项目年度计划投资378亿元，完成投资463.5亿元，占年度计划的122%。"),
            [Kind::Target, Kind::Actual, Kind::Actual]
        );
    }

    #[test]
    fn a_net_rise_is_the_change_of_the_figure_just_named() {
        check(
            DocType::WorkReport,
            false,
            "2023年，两税收入386.6亿元，净增50亿元；新登记市场主体92.09万户，同步增长17.5%。",
            &[
                "actual 两税收入 2023 386.6 亿元 level eq",
                "actual 两税收入 2023 50 亿元 growth eq",
                "actual 新登记市场主体 2023 92.09 万户 level eq",
                "actual 新登记市场主体 2023 17.5 % growth eq",
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
    fn a_review_counting_the_plans_first_years_speaks_of_the_last_of_them() {
        let years = |t: &str| -> Vec<(Option<i32>, f64)> {
            run(
                DocType::PlanReview,
                Some(2025),
                (Some(2021), Some(2025)),
                true,
                t,
            )
            .iter()
            .map(|f| (f.year, f.value.unwrap_or(0.0)))
            .collect()
        };
        assert_eq!(
            years("“十四五”以来，全市地区生产总值4年平均增长6.4%。"),
            [(Some(2024), 6.4)]
        );
        assert_eq!(
            years("两年来，地区生产总值由1544.51亿元增加到2125.44亿元。"),
            [(Some(2020), 1544.51), (Some(2022), 2125.44)]
        );
        // The span is no part of the name.
        let names: Vec<String> = run(
            DocType::PlanReview,
            Some(2025),
            (Some(2021), Some(2025)),
            true,
            "全市地区生产总值4年平均增长6.4%。",
        )
        .iter()
        .map(|f| f.indicator.clone())
        .collect();
        assert_eq!(names, ["地区生产总值"]);
        // Not the last N years, nor N years running.
        assert_ne!(
            years("全市地区生产总值近3年平均增长6.4%。")[0].0,
            Some(2023)
        );
    }

    #[test]
    fn counted_to_a_month_of_this_year_is_a_result() {
        let kinds = |t: &str| kinds_of(DocType::Other, 2025, t);
        assert_eq!(
            kinds("截至今年9月底，全省累计改造农村户厕967.17万户。"),
            [Kind::Actual]
        );
        assert!(so_far_this_year("截至今年9月底，全省累计改造农村户厕"));
        assert!(so_far_this_year("今年10月末，存款余额增长"));
        // What was made sure of (确保了) is a result.
        assert_eq!(
            kinds_of(
                DocType::WorkReport,
                2022,
                "紧急转移安置224万人次，确保了受灾群众有饭吃。"
            ),
            [Kind::Actual]
        );
        // Money obtained from above is a result.
        assert_eq!(
            kinds_of(DocType::PlanReview, 2025, "2025年争取中央投资33.56亿元。"),
            [Kind::Actual]
        );
        // (The day of a meeting is no count so far.)
        assert!(!so_far_this_year(
            "根据今年3月25日会议要求，实施54个重点项目"
        ));
    }

    #[test]
    fn a_result_set_against_the_goal_is_a_result() {
        let kinds = |t: &str| kinds_of(DocType::Other, 2018, t);
        assert_eq!(
            kinds("2018年，全省实现生产总值39366.55亿元，增长7.8%，高于预期发展目标0.3个百分点。"),
            [Kind::Actual, Kind::Actual, Kind::Actual]
        );
    }

    #[test]
    fn from_now_on_the_paragraph_lists_the_work_ahead() {
        let kinds = |t: &str| kinds_of(DocType::WorkReport, 2017, t);
        assert_eq!(
            kinds("省长在报告中提到，今后，我省将提升基础设施现代化水平。新建改建穿城公路2840公里，整治完成国省道6100公里。"),
            [Kind::Target, Kind::Target]
        );
        // (A figure in the sentence itself: no announcement.)
        assert!(!speaks_from_now_on(
            &"今后3年完成投资100亿元".chars().collect::<Vec<_>>()
        ));
    }

    #[test]
    fn expectations_of_the_market_set_no_goal() {
        let kinds = |t: &str| kinds_of(DocType::Other, 2025, t);
        assert_eq!(
            kinds("2025年，社会消费品零售总额164.39亿元，正是对经济预期最直接的表达。"),
            [Kind::Actual]
        );
        assert_eq!(
            kinds("2025年，社会消费品零售总额预期增长6%。"),
            [Kind::Target]
        );
    }

    #[test]
    fn news_short_words_for_growth() {
        let got: Vec<String> = run(
            DocType::Other,
            Some(2010),
            (None, None),
            false,
            "2010年，全区完成工业总产值5180亿元,同比增34.1%，出口同比降3.4%。",
        )
        .iter()
        .map(brief)
        .collect();
        assert_eq!(
            got,
            [
                "actual 工业总产值 2010 5180 亿元 level eq",
                "actual 工业总产值 2010 34.1 % growth eq",
                "actual 出口 2010 -3.4 % growth eq"
            ]
        );
    }

    #[test]
    fn a_list_of_the_years_things_to_do_sets_goals() {
        let kinds = |t: &str| kinds_of(DocType::Other, 2015, t);
        assert_eq!(
            kinds("这十件民生实事分别是：完成棚户区改造500套；建成公共租赁住房634套。"),
            [Kind::Target, Kind::Target]
        );
        // (Told as done, they are results.)
        assert_eq!(
            kinds("这十件民生实事分别是：已完成棚户区改造500套；已建成公共租赁住房634套。"),
            [Kind::Actual, Kind::Actual]
        );
    }

    #[test]
    fn a_change_from_a_period_starts_at_its_end() {
        check(
            DocType::ImplementationPlan,
            false,
            "到2025年，全省绿色食品产业全产业链由“十三五”的1.753万亿元，发展到2.568万亿元。",
            &[
                "actual 绿色食品产业全产业链 2020 1.753 万亿元 level eq",
                "target 绿色食品产业全产业链 2025 2.568 万亿元 level eq",
            ],
        );
        check(
            DocType::Other,
            false,
            "路面铺装率从“十二五”的42%提升至92%。",
            &[
                "actual 路面铺装率 2015 42 % level eq",
                "actual 路面铺装率 0 92 % level eq",
            ],
        );
    }

    #[test]
    fn a_change_from_a_year_up_to_a_month_of_this_year() {
        let got: Vec<(Kind, Option<i32>, String, f64)> = run(
            DocType::Other,
            Some(2025),
            (None, None),
            false,
            "产业投资和工业投资占比大幅提升，分别从2020年的10.4%、7.8%提升至今年10月的45.9%和25.5%。",
        )
        .iter()
        .filter_map(|f| Some((f.kind, f.year, f.indicator.clone(), f.value?)))
        .collect();
        let want: Vec<(Kind, Option<i32>, String, f64)> = [
            (2020, "产业投资占比", 10.4),
            (2020, "工业投资占比", 7.8),
            (2025, "产业投资占比", 45.9),
            (2025, "工业投资占比", 25.5),
        ]
        .iter()
        .map(|(y, n, v)| (Kind::Actual, Some(*y), n.to_string(), *v))
        .collect();
        assert_eq!(got, want);
        assert!(so_far_this_year("提升至今年10月的45.9%"));
        assert!(is_time_reference(&"今年10月".chars().collect::<Vec<_>>()));
        assert!(!is_time_reference(
            &"10月份产值".chars().collect::<Vec<_>>()
        ));
    }

    #[test]
    fn a_change_over_a_span_of_years_gone_by_starts_in_its_first() {
        let years = |doc_type: DocType, year: i32, t: &str| -> Vec<(Option<i32>, f64)> {
            run(doc_type, Some(year), (None, None), false, t)
                .iter()
                .filter_map(|f| Some((f.year, f.value?)))
                .collect()
        };
        assert_eq!(
            years(
                DocType::Other,
                2022,
                "2012—2021年，全区居民人均可支配收入由8568元增加至24950元。"
            ),
            [(Some(2012), 8568.0), (Some(2021), 24950.0)]
        );
        // (A span ahead starts from now, not from its first year.)
        let got = years(
            DocType::ImplementationPlan,
            2015,
            "2016年至2018年三年时间，全省县乡公路等级公路所占比例由66.4%提高到76.4%以上。",
        );
        assert_ne!(got[0].0, Some(2016), "{got:?}");
    }

    #[test]
    fn a_result_beside_the_goal_it_is_measured_against() {
        let got: Vec<(Kind, String, f64)> = run(
            DocType::WorkReport,
            Some(2019),
            (None, None),
            false,
            "居民消费价格上涨2.1%，符合3%左右的预期目标。财政总收入增长12%，高于9%左右的规划目标。",
        )
        .iter()
        .filter_map(|f| Some((f.kind, f.indicator.clone(), f.value?)))
        .collect();
        let want: Vec<(Kind, String, f64)> = [
            (Kind::Actual, "居民消费价格", 2.1),
            (Kind::Target, "居民消费价格", 3.0),
            (Kind::Actual, "财政总收入", 12.0),
            (Kind::Target, "财政总收入", 9.0),
        ]
        .iter()
        .map(|(k, n, v)| (*k, n.to_string(), *v))
        .collect();
        assert_eq!(got, want);
        // 负增长 is a fall.
        assert_eq!(
            values_of(DocType::Other, 2018, "名义增速同比负增长7.59%。"),
            [-7.59]
        );
    }

    #[test]
    fn a_turn_told_in_words_opens_on_the_indicator() {
        assert_eq!(
            names_of(
                DocType::WorkReport,
                2021,
                "地区生产总值上半年由负转正，三、四季度加快恢复，全年增长3.9%，总量达到2.5万亿元。"
            ),
            ["地区生产总值", "地区生产总值"]
        );
    }

    #[test]
    fn a_figure_of_last_year_named_before_it() {
        let years = |t: &str| -> Vec<(Option<i32>, f64)> {
            run(
                DocType::StatisticalBulletin,
                Some(2015),
                (None, None),
                false,
                t,
            )
            .iter()
            .filter_map(|f| Some((f.year, f.value?)))
            .collect()
        };
        assert_eq!(
            years("民营经济增加值占GDP比重由上年的57.3%提高到58.1%。"),
            [(Some(2014), 57.3), (Some(2015), 58.1)]
        );
        assert_eq!(
            years("人均生产总值40793元，比上年38690元增加2103元。")[..2],
            [(Some(2015), 40793.0), (Some(2014), 38690.0)]
        );
        // (Each of a list; a change against last year is this year's.)
        let got = years("三次产业结构由上年的22.26%、28.63%和49.11%调整为21.35%、27.92%和50.73%。");
        assert_eq!(
            got.iter().filter(|g| g.0 == Some(2014)).count(),
            3,
            "{got:?}"
        );
        assert_eq!(years("粮食产量比上年增长5%。"), [(Some(2015), 5.0)]);
    }

    #[test]
    fn changes_without_years_run_over_the_years_of_a_change_told_before() {
        let years = |t: &str| -> Vec<(Option<i32>, f64)> {
            run(DocType::WorkReport, Some(2008), (None, None), false, t)
                .iter()
                .filter_map(|f| Some((f.year, f.value?)))
                .collect()
        };
        // In one paragraph…
        assert_eq!(
            years("全省生产总值由2002年的3519.7亿元增加到2007年的7345.7亿元。财政收入由346.7亿元增加到1034.5亿元。"),
            [
                (Some(2002), 3519.7),
                (Some(2007), 7345.7),
                (Some(2002), 346.7),
                (Some(2007), 1034.5),
            ]
        );
        // …and in the lines after it.
        let got = years("地区生产总值从2002年的1520亿元增加到2007年的2243.1亿元；\n全市城市化率从59.5%提高到62.9%；\n");
        assert_eq!(got[2], (Some(2002), 59.5));
        assert_eq!(
            dated_change_span("由2002年的3519.7亿元增加到2007年的7345.7亿元"),
            Some((2003, 2007))
        );
        assert_eq!(dated_change_span("由346.7亿元增加到1034.5亿元"), None);
    }

    #[test]
    fn the_next_five_years_of_a_report_end_four_years_after_its_own() {
        let years = |t: &str| -> Vec<Option<i32>> {
            run(DocType::WorkReport, Some(2021), (None, None), false, t)
                .iter()
                .map(|f| f.year)
                .collect()
        };
        assert_eq!(
            years("未来五年，全区地区生产总值年均增长6%。"),
            [Some(2025)]
        );
        // Told of in passing, it dates its own sentence only.
        assert_eq!(
            years("区长表示，今后五年，地区生产总值年均增长6%。2021年，一般公共预算收入增长5%。"),
            [Some(2025), Some(2021)]
        );
    }

    #[test]
    fn a_pull_without_a_subject_is_the_clause_befores() {
        let names = |t: &str| names_of(DocType::StatisticalBulletin, 2021, t);
        assert_eq!(
            names("三次产业对经济增长的贡献率分别为14.2%、16.0%和69.8%，分别拉动GDP增长1.2、1.3和5.6个百分点。")[3..],
            ["第一产业拉动GDP增长", "第二产业拉动GDP增长", "第三产业拉动GDP增长"]
        );
        assert_eq!(
            names("建筑业增加值同比增长10.8%，拉动经济增长0.5个百分点。"),
            ["建筑业增加值", "建筑业拉动经济增长"]
        );
        // (A pull with its own subject keeps it.)
        assert_eq!(
            names("规模以上工业增加值增长8%，工业拉动经济增长3.1个百分点。")[1],
            "工业拉动经济"
        );
    }

    #[test]
    fn a_bare_rate_takes_its_subjects_from_the_clause_before() {
        let names = |t: &str| names_of(DocType::Other, 2023, t);
        assert_eq!(
            names("2023年，材料产业、消费品产业和电子产业实现较快增长，增速分别为18.7%、12.7%和12.4%。"),
            ["材料产业", "消费品产业", "电子产业"]
        );
        assert_eq!(
            names("2023年，外贸进出口实现恢复性增长，增速达到3.8%。"),
            ["外贸进出口"]
        );
        // Cells of a table read as prose leave the last cell's words.
        assert_eq!(
            names("2023年：\n| 4 | 新建成保障性住房1700套。"),
            ["新建成保障性住房"]
        );
        // List bullets are no part of a name.
        assert_eq!(
            names("2023年：\n●社会消费品零售总额达4.7万亿元。"),
            ["社会消费品零售总额"]
        );
        // A comparison opening the clause before names nothing.
        assert!(
            !names("2023年，比去年同期增长6.3%，增速比一季度提高0.2个百分点。")
                .iter()
                .any(|n| n.starts_with('比'))
        );
    }

    #[test]
    fn words_counted_in_a_report_and_sizes_of_counted_things_are_no_figures() {
        let values = |t: &str| values_of(DocType::Other, 2026, t);
        assert_eq!(
            values("报告中，“发展”出现67次，“产业”出现了54次。全年接待游客120万人次。"),
            [120.0]
        );
        assert_eq!(
            values("2026年，建成存栏百万只的肉羊大县5个、存栏20万头的肉牛大县4个。"),
            [5.0, 4.0]
        );
        // A share or a goal before 的 is the clause's figure.
        assert_eq!(values("2026年，全市创造了全省13%的GDP。"), [13.0]);
    }

    #[test]
    fn a_future_is_told_by_jiang_before_a_verb_not_in_a_noun_clause() {
        assert!(speaks_of_future("广西将筹措60亿元"));
        assert!(!speaks_of_future(
            "为即将收官的“十二五”画上了一个圆满的句号"
        ));
        assert!(!speaks_of_future("将近300亿元"));
        // 即将 in another clause: the figure's own clause tells what was done.
        let kinds = |t: &str| kinds_of(DocType::Other, 2025, t);
        assert_eq!(
            kinds("2025年，多国签署或即将签署合作协议，核心产业产值突破390亿元。"),
            [Kind::Actual]
        );
        assert_eq!(
            kinds("2025年，核心产业产值即将突破390亿元。"),
            [Kind::Target]
        );
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
        // Who attend a meeting are no figure; what the report says is.
        check(
            DocType::WorkReport,
            false,
            "来自县内的162名代表汇聚一堂。应出席会议代表283名,实到276名。全县生产总值实现131487万元。",
            &["actual 生产总值 2023 131487 万元 level eq"],
        );
        // After the whole place it is a share of, and in tenths.
        check(
            DocType::Outline,
            false,
            "到2025年,全省六成农民用上自来水,全市有30%以上的行政村通公交。",
            &[
                "target 农民用上自来水 2025 6 成 level eq",
                "target 行政村通公交 2025 30 % level ge",
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
        let got = goal_words(&f);
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
        // Income growing faster than the economy.
        let f = run(
            DocType::FiveYearPlan,
            None,
            (Some(2021), Some(2025)),
            false,
            "到2025年，城乡居民收入增速高于经济增速。",
        );
        assert_eq!(
            goal_words(&f),
            [("城乡居民收入增速".to_string(), "高于经济增速".to_string())]
        );
    }

    #[test]
    fn coverage_universal_schooling_and_water_classes_are_goals() {
        let f = run(DocType::FiveYearPlan, None, (Some(2021), Some(2025)), false, "到2025年，控制性详细规划全覆盖，基本普及学前教育，地表水水质稳定达到Ⅲ类，细颗粒物平均浓度总体达标。");
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            goal_words(&f),
            [
                pair("控制性详细规划", "全覆盖"),
                pair("学前教育", "基本普及"),
                pair("地表水水质", "稳定达到Ⅲ类"),
                pair("细颗粒物平均浓度", "总体达标"),
            ]
        );
        assert!(f
            .iter()
            .all(|f| f.kind == Kind::Target && f.year == Some(2025)));
    }

    #[test]
    fn gaps_narrowed_and_tasks_set_by_the_province_are_goals() {
        let f = run(DocType::FiveYearPlan, None, (Some(2021), Some(2025)), false, "到2025年，城乡收入差距进一步缩小，城镇新增就业完成省定任务，新能源汽车关键技术达到国内领先水平。");
        let got = goal_words(&f);
        assert_eq!(
            got,
            [
                ("城乡收入差距".to_string(), "进一步缩小".to_string()),
                ("城镇新增就业".to_string(), "完成省定任务".to_string()),
                (
                    "新能源汽车关键技术".to_string(),
                    "达到国内领先水平".to_string()
                ),
            ]
        );
    }

    #[test]
    fn doubling_goals_keep_their_comparison_and_lists_their_names() {
        let f = run(DocType::FiveYearPlan, None, (Some(2016), Some(2020)), false, "到2020年，生产总值、城乡居民收入比2010年翻一番，化学需氧量、二氧化硫排放量达到总量控制要求，实际使用外资稳中提质。");
        let got = goal_words(&f);
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
    fn a_doubling_shared_by_a_list_closed_by_deng_keeps_its_floor() {
        let f = run(
            DocType::FiveYearPlan,
            None,
            (Some(2006), Some(2010)),
            false,
            "到2010年，地区生产总值、人均生产总值、工业总产值等均比“十五”期末翻一番以上。",
        );
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            goal_words(&f),
            [
                pair("地区生产总值", "比“十五”期末翻一番以上"),
                pair("人均生产总值", "比“十五”期末翻一番以上"),
                pair("工业总产值", "比“十五”期末翻一番以上"),
            ]
        );
        assert!(f.iter().all(|f| f.comparator == Comparator::Ge));
    }

    #[test]
    fn a_review_counts_indicators_on_schedule() {
        let f = run(
            DocType::PlanReview,
            None,
            (Some(2021), Some(2025)),
            true,
            "人均地区生产总值、全员劳动生产率等2项达到或基本达到时序进度。",
        );
        let goals: Vec<_> = f.iter().filter(|f| f.value.is_none()).collect();
        let names: Vec<(&str, &str, Kind)> = goals
            .iter()
            .map(|f| {
                (
                    f.indicator.as_str(),
                    f.text.as_deref().unwrap_or(""),
                    f.kind,
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                ("人均地区生产总值", "达到或基本达到时序进度", Kind::Actual),
                ("全员劳动生产率", "达到或基本达到时序进度", Kind::Actual),
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
    fn trends_and_bounds_set_in_words_are_goals() {
        let f = run(
            DocType::ImplementationPlan,
            None,
            (Some(2024), Some(2027)),
            false,
            "到2027年，单位GDP二氧化碳排放逐步下降，能源消费总量得到合理控制，森林覆盖率逐步提高。",
        );
        let got = goal_words(&f);
        assert_eq!(
            got,
            [
                ("单位GDP二氧化碳排放".to_string(), "逐步下降".to_string()),
                ("能源消费总量".to_string(), "得到合理控制".to_string()),
                ("森林覆盖率".to_string(), "逐步提高".to_string()),
            ]
        );
        assert!(f.iter().all(|f| f.year == Some(2027)));
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
    fn qualitative_goals_listed_in_one_clause_are_each_a_goal() {
        let f = run(
            DocType::FiveYearPlan,
            None,
            (Some(2016), Some(2020)),
            false,
            "到2020年西部地区要实现综合经济实力上一个大台阶、生态环境保护上一个大台阶的总体要求。",
        );
        let names: Vec<&str> = f.iter().map(|f| f.indicator.as_str()).collect();
        assert_eq!(names, ["综合经济实力", "生态环境保护"], "{f:?}");
    }

    #[test]
    fn a_qualitative_goal_is_its_own_item_beside_a_figure() {
        let f = run(
            DocType::FiveYearPlan,
            None,
            (Some(2021), Some(2025)),
            false,
            "到2025年，全体居民人均可支配收入高于全国平均水平、力争达到5万元以上。",
        );
        let q: Vec<_> = f.iter().filter(|f| f.value.is_none()).collect();
        assert_eq!(q.len(), 1, "{f:?}");
        assert_eq!(q[0].indicator, "全体居民人均可支配收入");
        // A number inside a name is no figure of the goal.
        let f = run(
            DocType::FiveYearPlan,
            None,
            (Some(2021), Some(2025)),
            false,
            "到2025年，细颗粒物(PM2.5)平均浓度总体达标。",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].text.as_deref(), Some("总体达标"));
    }

    #[test]
    fn a_milestone_passed_is_of_the_figure_just_named() {
        let f = run(
            DocType::WorkReport,
            Some(2021),
            (None, None),
            true,
            "2020年，地区生产总值年均增长6.1%，迈上2万亿元新台阶。",
        );
        let names: Vec<&str> = f.iter().map(|f| f.indicator.as_str()).collect();
        assert_eq!(names, ["地区生产总值", "地区生产总值"], "{f:?}");
    }

    #[test]
    fn a_benchmark_figure_in_brackets_is_the_whole_countrys() {
        let f = run(
            DocType::WorkReport,
            Some(2023),
            (None, None),
            true,
            "上半年，全省地区生产总值5539.1亿元，同比增长6.8%，增速比全国(5.5%)高1.3个百分点。",
        );
        let b = f
            .iter()
            .find(|f| f.value == Some(5.5))
            .expect("the benchmark's figure");
        assert_eq!(b.indicator, "地区生产总值", "{f:?}");
        assert_eq!(b.region.as_deref(), Some("全国"));
        assert_eq!(b.measure, Measure::Growth);
    }

    #[test]
    fn a_span_of_months_is_no_part_of_the_name() {
        let f = run(
            DocType::WorkReport,
            Some(2021),
            (None, None),
            true,
            "省级6项，1-12月份完成投资28.78亿元，投资完成率151.47%。",
        );
        assert!(
            f.iter()
                .any(|f| f.indicator == "投资" && f.value == Some(28.78)),
            "{f:?}"
        );
    }

    #[test]
    fn places_spread_by_respectively_are_the_regions_of_the_figures() {
        let f = run(
            DocType::Other,
            Some(2022),
            (None, None),
            false,
            "前三季度，北京、天津和河北地区生产总值分别为29926.3亿元、11896.1亿元和30591.1亿元，同比分别增长0.8%、1.0%和3.7%。",
        );
        let got: Vec<(Option<f64>, Option<&str>)> =
            f.iter().map(|f| (f.value, f.region.as_deref())).collect();
        assert!(got.contains(&(Some(11896.1), Some("天津市"))), "{got:?}");
        assert!(got.contains(&(Some(3.7), Some("河北省"))), "{got:?}");
    }

    #[test]
    fn a_figure_of_an_earlier_part_of_the_year_is_of_the_indicator_named() {
        let f = run(
            DocType::Other,
            Some(2016),
            (None, None),
            false,
            "上半年，原油加工量同比增长1.2%，高于一季度的-3.5%。",
        );
        let names: Vec<&str> = f.iter().map(|f| f.indicator.as_str()).collect();
        assert_eq!(names, ["原油加工量", "原油加工量"], "{f:?}");
    }

    #[test]
    fn a_multiple_of_a_base_stated_with_its_year_is_of_the_year_before() {
        let f = run(
            DocType::Other,
            Some(2010),
            (None, None),
            false,
            "2009年，人均GDP按平均汇率折算为11128美元，为2005年5386美元的2.07倍。",
        );
        let got: Vec<(Option<f64>, Option<i32>)> = f.iter().map(|f| (f.value, f.year)).collect();
        assert!(got.contains(&(Some(5386.0), Some(2005))), "{got:?}");
        assert!(got.contains(&(Some(2.07), Some(2009))), "{got:?}");
    }

    #[test]
    fn a_kind_of_livestock_is_a_name_of_one_character() {
        let f = run(
            DocType::StatisticalBulletin,
            Some(2018),
            (None, None),
            true,
            "年末存栏各类牲畜19.03万头只匹，其中牛17.62万头，同比增长5.57%；马0.11万匹。",
        );
        let names: Vec<&str> = f.iter().map(|f| f.indicator.as_str()).collect();
        assert!(names.contains(&"牛") && names.contains(&"马"), "{names:?}");
    }

    #[test]
    fn a_qualitative_goal_after_a_figure_is_of_that_figures_indicator() {
        let f = run(
            DocType::FiveYearPlan,
            None,
            (Some(2011), Some(2015)),
            false,
            "到2015年，人均GDP达到4.2万元，超过全国平均水平。",
        );
        let q: Vec<_> = f.iter().filter(|f| f.value.is_none()).collect();
        assert_eq!(q.len(), 1, "{f:?}");
        assert_eq!(q[0].indicator, "人均地区生产总值(GDP)");
        assert_eq!(q[0].text.as_deref(), Some("超过全国平均水平"));
    }

    #[test]
    fn a_bare_measure_in_a_qualitative_goal_is_of_the_subject_named_before() {
        let f = run(
            DocType::ImplementationPlan,
            None,
            (Some(2018), Some(2020)),
            false,
            "到2020年，贫困地区农民人均可支配收入比2010年翻一番以上，增长幅度高于全省平均水平。",
        );
        let q: Vec<_> = f
            .iter()
            .filter(|f| f.text.as_deref() == Some("高于全省平均水平"))
            .collect();
        assert_eq!(q.len(), 1, "{f:?}");
        assert!(
            q[0].indicator.starts_with("贫困地区农民人均可支配收入"),
            "{f:?}"
        );
    }

    #[test]
    fn short_words_of_change_are_growth() {
        let f = run(
            DocType::StatisticalBulletin,
            Some(2023),
            (None, None),
            false,
            "牧业产值38.69亿元，增4.0%；渔业产值2亿元，降3%。人口死亡率6.79‰，比上年低0.03个千分点。交通和通信的价格下跌0.6%。",
        );
        let got: Vec<(&str, Option<f64>, Measure)> = f
            .iter()
            .map(|f| (f.indicator.as_str(), f.value, f.measure))
            .collect();
        assert!(
            got.contains(&("牧业产值", Some(4.0), Measure::Growth)),
            "{got:?}"
        );
        assert!(
            got.contains(&("渔业产值", Some(-3.0), Measure::Growth)),
            "{got:?}"
        );
        assert!(
            got.contains(&("人口死亡率", Some(-0.03), Measure::Growth)),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|g| g.1 == Some(-0.6) && !g.0.contains("下跌")),
            "{got:?}"
        );
    }

    #[test]
    fn an_annual_means_level_is_no_average_change() {
        let f = run(
            DocType::ImplementationPlan,
            Some(2018),
            (None, None),
            false,
            "2018年，全市PM2.5年均浓度下降至59微克/立方米左右。城镇居民人均可支配收入年均增长8%。",
        );
        let got: Vec<(Option<f64>, Measure)> = f.iter().map(|f| (f.value, f.measure)).collect();
        assert!(got.contains(&(Some(59.0), Measure::Level)), "{got:?}");
        assert!(got.contains(&(Some(8.0), Measure::AvgGrowth)), "{got:?}");
    }

    #[test]
    fn a_reviews_laggards_are_each_a_result() {
        let f = run(
            DocType::PlanReview,
            Some(2023),
            (Some(2021), Some(2025)),
            true,
            "地区生产总值增长、文化产业增加值占地区生产总值比重、森林覆盖率3项未达进度。",
        );
        let q: Vec<&str> = f
            .iter()
            .filter(|f| f.text.as_deref() == Some("未达进度"))
            .map(|f| f.indicator.as_str())
            .collect();
        assert_eq!(
            q,
            [
                "地区生产总值增长",
                "文化产业增加值占地区生产总值比重",
                "森林覆盖率"
            ]
        );
        assert!(f
            .iter()
            .filter(|f| f.value.is_none())
            .all(|f| f.kind == Kind::Actual));
    }

    #[test]
    fn emphatic_changes_are_growth() {
        let f = run(
            DocType::Other,
            Some(2025),
            (None, None),
            false,
            "一季度，进出口总额同比激增155%，进口锐减10%。",
        );
        let got: Vec<(&str, Option<f64>, Measure)> = f
            .iter()
            .map(|f| (f.indicator.as_str(), f.value, f.measure))
            .collect();
        assert_eq!(
            got,
            [
                ("进出口总额", Some(155.0), Measure::Growth),
                ("进口", Some(-10.0), Measure::Growth)
            ]
        );
    }

    #[test]
    fn a_change_on_last_year_told_with_yu_and_an_aside_with_a_comma() {
        let got: Vec<(String, Option<f64>)> = run(
            DocType::StatisticalBulletin,
            None,
            (Some(2017), Some(2017)),
            false,
            "小麦种植面积为0.12万亩,与上年增长20%;总人口性别比(以女性为100,男性对女性的比例)为110.37。",
        )
        .into_iter()
        .map(|f| (f.indicator, f.value))
        .collect();
        assert!(
            got.contains(&("小麦种植面积".to_string(), Some(20.0))),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|(n, v)| n.starts_with("总人口性别比") && *v == Some(110.37)),
            "{got:?}"
        );
    }

    #[test]
    fn a_list_of_things_shares_the_figures_word_of_its_last() {
        let names = |t: &str| -> Vec<String> {
            run(
                DocType::StatisticalBulletin,
                None,
                (Some(2022), Some(2022)),
                false,
                t,
            )
            .into_iter()
            .map(|f| f.indicator)
            .collect()
        };
        assert_eq!(
            names("全年蔬菜、苹果、猕猴桃产量分别增长4.9%、5.6%和7.4%。"),
            ["蔬菜产量", "苹果产量", "猕猴桃产量"]
        );
        // (Heads as long as the last's: the words after them are shared.)
        assert_eq!(
            names("城镇和农村居民人均可支配收入分别增长4.5%和8.5%。"),
            ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
        );
        assert_eq!(
            names("第一、二产业增加值分别增长4.5%和3.2%。"),
            ["第一产业增加值", "第二产业增加值"]
        );
    }

    #[test]
    fn a_list_of_shares_names_each_of_its_things() {
        let f = run(
            DocType::ImplementationPlan,
            None,
            (Some(2016), Some(2016)),
            false,
            "到2016年，实现98%以上的行政村、35%以上的自然村通硬化路。",
        );
        let got: Vec<(&str, Option<f64>)> =
            f.iter().map(|f| (f.indicator.as_str(), f.value)).collect();
        assert_eq!(
            got,
            [("行政村", Some(98.0)), ("自然村通硬化路", Some(35.0))]
        );
    }

    #[test]
    fn an_addition_after_a_figure_is_of_its_indicator() {
        let f = run(
            DocType::WorkReport,
            Some(2024),
            (None, None),
            true,
            "粮食种植面积4237.2万亩，新增586.3万亩。",
        );
        let names: Vec<&str> = f.iter().map(|f| f.indicator.as_str()).collect();
        assert_eq!(names, ["粮食种植面积", "粮食种植面积"], "{f:?}");
    }

    #[test]
    fn a_gap_to_a_benchmark_in_points_is_named_by_it() {
        let f = run(
            DocType::WorkReport,
            Some(2022),
            (None, None),
            true,
            "全年地区生产总值增长4.2%，比年初目标(6.5%)低2.3个百分点。",
        );
        let gap = f.iter().find(|f| f.value == Some(2.3)).expect("the gap");
        assert!(gap.indicator.ends_with("增速低于年初目标"), "{f:?}");
    }

    #[test]
    fn deposits_and_loans_are_two_indicators() {
        let f = run(
            DocType::WorkReport,
            Some(2015),
            (None, None),
            true,
            "2014年，金融机构存贷款余额双双突破万亿元。存贷款余额分别达167.6亿元、86.2亿元。",
        );
        let names: Vec<&str> = f.iter().map(|f| f.indicator.as_str()).collect();
        assert_eq!(
            names,
            [
                "金融机构存款余额",
                "金融机构贷款余额",
                "存款余额",
                "贷款余额"
            ],
            "{f:?}"
        );
    }

    #[test]
    fn figures_spread_over_the_subjects_of_a_doubling() {
        let f = run(
            DocType::ImplementationPlan,
            None,
            (Some(2023), Some(2027)),
            false,
            "到2027年，全区高新技术企业和科技型企业实现双倍增，分别超过90家和870家。",
        );
        let got: Vec<(&str, Option<f64>)> = f
            .iter()
            .filter(|f| f.value.is_some())
            .map(|f| (f.indicator.as_str(), f.value))
            .collect();
        assert_eq!(
            got,
            [("高新技术企业", Some(90.0)), ("科技型企业", Some(870.0))]
        );
        // (The base the doubling starts from is no part of the names.)
        let f = run(
            DocType::ImplementationPlan,
            None,
            (Some(2023), Some(2027)),
            false,
            "到2027年，全区高新技术企业和科技型企业在2022年的基础上实现“双倍增”，分别超过90家和870家。",
        );
        let names: Vec<&str> = f
            .iter()
            .filter(|f| f.value.is_some())
            .map(|f| f.indicator.as_str())
            .collect();
        assert_eq!(names, ["高新技术企业", "科技型企业"]);
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
