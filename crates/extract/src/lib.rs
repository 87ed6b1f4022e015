//! Fact extraction: turns a document's text into [`Fact`]s, each tied to the
//! exact quote it came from. Pure: no I/O, never fails; damaged text yields
//! fewer facts, not errors.
//!
//! ```
//! let text = "2024年某市政府工作报告\n一、2023年工作回顾\n初步核算，地区生产总值增长5.4%。\n";
//! let ex = planwatch_extract::extract_document("r.txt", text);
//! let f = &ex.facts[0];
//! assert_eq!((f.indicator.as_str(), f.year, f.value), ("地区生产总值", Some(2023), Some(5.4)));
//! assert_eq!(f.measure, planwatch_core::Measure::Growth);
//! ```
//!
//! The pipeline: [`planwatch_text::blocks`] reads the outline, paragraphs and
//! table rows; [`doc`] finds what the document is and its time frame; each
//! paragraph goes through [`prose`] and each run of table rows through
//! [`table`].
#![deny(missing_docs)]

pub mod doc;
pub mod frame;
mod number;
pub mod prose;
mod quantity;
pub mod region;
pub mod responsible;
mod span;
pub mod table;
mod words;

use planwatch_core::{DocType, DocumentInfo, Fact};
use planwatch_text::{Block, BlockKind};
use prose::{DocCtx, Section};

/// The result of extracting one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Metadata found in the text.
    pub info: DocumentInfo,
    /// The text the facts' `start`/`end` offsets and quotes refer to.
    pub text: String,
    /// Every fact found, in document order.
    pub facts: Vec<Fact>,
    /// What was decided about the document (type, title, region, year,
    /// period) and from which line.
    pub frame: Vec<frame::Decision>,
}

/// A fault of the extractor on one document (it panicked: a bug). Callers
/// report it against that document and go on with the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractFault;

impl std::fmt::Display for ExtractFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the extractor failed on this document (an internal error; please report it with the file)")
    }
}

impl std::error::Error for ExtractFault {}

/// [`extract_document`], a panic inside it caught and returned as an error,
/// so that one bad document never ends a run or a server task.
pub fn try_extract_document(doc: &str, text: &str) -> Result<Extraction, ExtractFault> {
    std::panic::catch_unwind(|| extract_document(doc, text)).map_err(|_| ExtractFault)
}

/// Extracts every fact from `text`, the text of the document named `doc`.
pub fn extract_document(doc: &str, text: &str) -> Extraction {
    let blocks = planwatch_text::blocks(text);
    let (info, mut decisions) = frame::read(text);
    let frame = frame::time_frame(&info, text, &mut decisions);
    let ctx = DocCtx {
        doc,
        frame: &frame,
        region: info.region.clone(),
    };
    let mut facts = Vec::new();
    // Open headings by depth, to know whether a paragraph reviews the past.
    let mut outline: Vec<(u8, String)> = Vec::new();
    // A page titled by goals (2010年漳州经济社会发展预期目标) lists goals until
    // a heading says otherwise.
    let titled_goals = info.title.as_deref().is_some_and(|t| {
        let t: String = t
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .collect();
        ["预期目标", "主要目标", "发展目标", "目标任务"]
            .iter()
            .any(|w| t.ends_with(w))
    });
    let mut section = Section {
        goals: titled_goals,
        review: looks_back_on_its_year(text, &frame),
        ..Section::default()
    };
    // The deadline the last paragraph carried at its end.
    let mut carry = prose::Carry::default();
    // The outline depth of a paragraph announcing goals (`…的主要目标是：`)
    // and the one year it named (2021年，…定下这些目标↓).
    let mut announced: Option<(usize, Option<i32>)> = None;
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        match &b.kind {
            BlockKind::Heading { level } => {
                outline.retain(|(l, _)| l < level);
                outline.push((*level, frame::as_written(&text[b.start..b.end])));
                section = section_of(&outline, &frame);
                // Headings under the paragraph that announced goals list them;
                // a heading looking back (2023年工作回顾) ends the list.
                match announced {
                    Some((depth, year)) if outline.len() > depth && !section.review => {
                        section.goals = true;
                        section.goal_year = year;
                    }
                    _ => announced = None,
                }
                carry = prose::Carry::default();
                // (一)新购置公交车200辆: a numbered item short enough to read
                // as a heading still states its figure.
                let line = &text[b.start..b.end];
                if line.chars().any(|c| c.is_ascii_digit()) {
                    let from = b.end - planwatch_text::strip_marker(line).len();
                    let _ = prose::paragraph_facts(text, from, b.end, &section, &ctx, &mut facts);
                }
                i += 1;
            }
            BlockKind::Paragraph => {
                // `——目标 到2018年…`, `——任务 …`, a label line `— 主要目标 —`:
                // the goals follow; another label line ends them.
                let head: String = text[b.start..b.end].chars().take(16).collect();
                let head = frame::compact(&head);
                let label = head.trim_matches(|c: char| matches!(c, '—' | '-' | ':' | '：' | '|'));
                const GOALS: &[&str] = &[
                    "主要目标",
                    "目标",
                    "发展目标",
                    "预期目标",
                    "主要预期目标",
                    "目标任务",
                    "任务",
                ];
                let whole_line = label.chars().count() <= 8 && head.chars().count() <= 14;
                if head.starts_with('—') && GOALS.iter().any(|w| label.starts_with(w)) {
                    section.goals = true;
                } else if whole_line && head.starts_with('—') && head.ends_with('—') {
                    section.goals = GOALS.contains(&label);
                } else if head == label && label != "任务" && GOALS.contains(&label) {
                    // A line of the label alone (`目标`), as news graphics set it.
                    section.goals = true;
                }
                // A plan's account of the past period may stand under no
                // review heading (a page cut from the middle): its own
                // words tell it.
                let narrated = matches!(frame.doc_type, DocType::FiveYearPlan | DocType::Outline)
                    && !section.review
                    && !section.goals
                    && narrates_past(&frame::compact(&text[b.start..b.end]));
                // 同时，… going on from a paragraph that set a deadline keeps it.
                // (Read only when there is a deadline to carry.)
                let goes_on = || {
                    let opening: String =
                        text[b.start..b.end].trim_start().chars().take(4).collect();
                    ["同时", "此外", "另外", "并且", "与此同时"]
                        .iter()
                        .any(|w| opening.starts_with(w))
                        || opens_with_label(&text[b.start..b.end])
                        // (一是…到“十四五”末，…突破500亿元。 二是…投产项目50个:
                        // the items of one list share the deadline set in an
                        // item before.)
                        || opens_later_item(&text[b.start..b.end])
                        // (An article listing a plan's goals after 到2025年，…:
                        // the paragraphs after it that name no year of their own
                        // and tell of nothing done go on listing them.)
                        || (frame.doc_type == DocType::Other
                            && lists_on(&frame::compact(&text[b.start..b.end])))
                };
                let here = Section {
                    review: section.review || narrated,
                    carry_in: carry.deadline.filter(|_| goes_on()),
                    goal_run_in: carry.goal_run,
                    period_in: carry.period,
                    ..section.clone()
                };
                carry = prose::paragraph_facts(text, b.start, b.end, &here, &ctx, &mut facts);
                // `…主要预期目标是：` ending a paragraph: the lines after it list goals.
                let raw = text[b.start..b.end].trim_end();
                // (…定下这些目标↓: a post's arrow to the list below is its colon.)
                let pointing = raw.ends_with(['↓', '⬇', '→']);
                // (建议全年经济社会发展预期目标 on a line of its own, the
                // goals listed under it: a heading in all but form.)
                let goal_heading = raw.chars().count() <= 30
                    && !raw.contains(['。', '，', ',', '；', ';'])
                    && ["预期目标", "主要目标", "預期目標", "主要目標"]
                        .iter()
                        .any(|w| raw.contains(w))
                    // (Not 主要目标任务完成情况: how they went.)
                    && !["情况", "情況", "完成", "实现", "實現"]
                        .iter()
                        .any(|w| raw.contains(w));
                // (今年重点做好以下五方面的工作。: the paragraphs after it are
                // that work, as after a colon.)
                // (Its words looked for in the raw text first: most paragraphs end on 。.)
                let below: Option<String> = (raw.ends_with('。') && raw.contains("以下"))
                    .then(|| {
                        let c = frame::compact(raw.lines().last().unwrap_or(raw));
                        let c = c.trim_end_matches(['。', '，', ',']);
                        // (Its last clause: 聚焦完成…目标任务，今年重点做好以下….)
                        c.rsplit(['。', '；', ';', '，', ','])
                            .next()
                            .unwrap_or(c)
                            .to_string()
                    })
                    .filter(|last| {
                        last.contains("以下")
                            && ["做好", "抓好"].iter().any(|w| last.contains(w))
                            && ["今年", "年重点", "年将"].iter().any(|w| last.contains(w))
                            && !["了以下", "完成"].iter().any(|w| last.contains(w))
                    });
                let work_below = below.is_some();
                if raw.ends_with([':', '：'])
                    || pointing
                    || goal_heading
                    || work_below
                    || section.goals
                {
                    let p = frame::compact(raw);
                    // (Only the sentence that ends on the colon announces; one
                    // met, 6项已提前达到规划目标, announces nothing.)
                    // (Nor do the lines before it in a paragraph of short
                    // lines: 改革开放实现重大突破 / 2021年目标:.)
                    let last_line = frame::compact(raw.lines().last().unwrap_or(raw));
                    let last_line = below.unwrap_or(last_line);
                    let last = last_line
                        .rsplit(['。', '；', ';', '!', '?'])
                        .next()
                        .unwrap_or(&last_line);
                    // (《2019年为民办实事工作计划》的主要内容是: a plan's items follow.)
                    let plan_items = ["计划》", "方案》", "规划》", "意见》"]
                        .iter()
                        .any(|w| last.contains(w))
                        && ["内容", "任务", "如下", "要点"]
                            .iter()
                            .any(|w| last.contains(w));
                    // (2025年重庆…将呈现以下变化: what the year will bring.)
                    // (Not 主要预期性指标完成情况如下: results.)
                    // (Nor 现将有关情况报告如下, 做了以下工作: a report's formula.)
                    // (2022年县政府将…重点抓好10件民生实事: the tasks follow.)
                    let ahead = ["将", "计划", "拟", "要干这些", "做好", "抓好"]
                        .iter()
                        .any(|w| last.contains(w))
                        && ["以下", "如下", "这些", "下列", "实事", "抓好"]
                            .iter()
                            .any(|w| last.contains(w))
                        && !["完成", "现将", "了以下", "报告如下", "说明如下"]
                            .iter()
                            .any(|w| last.contains(w));
                    // (主要发展指标总体实现…确定的预期目标: the goals met, then
                    // the results; not 力争实现以下目标.)
                    let met = ["实现", "完成", "达到"].iter().any(|w| {
                        last.find(w).is_some_and(|at| {
                            let before: String = last[..at].chars().rev().take(4).collect();
                            let before: String = before.chars().rev().collect();
                            !["力争", "确保", "将", "要", "争取", "努力"]
                                .iter()
                                .any(|m| before.contains(m))
                                && last[at..].contains("目标")
                        })
                    });
                    // (到2020年将实现: / 到2025年，全市力争: a deadline and a
                    // word of the future: the goals due then follow.)
                    let deadline_ahead = (last.contains("到20") || last.contains("至20"))
                        && ["将", "力争", "确保", "争取", "要"]
                            .iter()
                            .any(|w| last.contains(w))
                        && !last.contains("完成");
                    let announces =
                        (last.contains("目标") || plan_items || ahead || deadline_ahead)
                            && !(met
                                && !ahead
                                && !["将", "力争", "确保", "争取", "到20"]
                                    .iter()
                                    .any(|w| last.contains(w)))
                            && !["已", "提前", "超过"].iter().any(|w| last.contains(w));
                    if (p.ends_with(':') || pointing || goal_heading || work_below) && announces {
                        section.goals = true;
                        section.goal_year = frame::one_year_named(last);
                        announced = Some((outline.len(), section.goal_year));
                    } else if p.contains("回顾") || p.contains("过去一年") {
                        section.goals = false;
                    }
                }
                i += 1;
            }
            BlockKind::TableRow { .. } => {
                // (A group's heading on a line of its own between two rows,
                // 总体规模 under 指标	2017年	2020年, is a row of one cell.)
                let is_row = |b: &Block| matches!(b.kind, BlockKind::TableRow { .. });
                let mut n = 0;
                while let Some(b) = blocks.get(i + n) {
                    let group = n > 0
                        && blocks.get(i + n + 1).is_some_and(is_row)
                        && text.get(b.start..b.end).is_some_and(is_group_line);
                    if !(is_row(b) || group) {
                        break;
                    }
                    n += 1;
                }
                let run: Vec<&Block> = blocks[i..i + n].iter().collect();
                let rows: Vec<table::RowSpan> = run
                    .iter()
                    .map(|b| match &b.kind {
                        BlockKind::TableRow { cells } => (b.start, b.end, cells.clone()),
                        _ => {
                            let lead = text
                                .get(b.start..b.end)
                                .map_or(0, |t| t.len() - t.trim_start().len());
                            let t = text.get(b.start..b.end).map_or("", str::trim);
                            let a = b.start + lead;
                            (b.start, b.end, vec![(a, a + t.len())])
                        }
                    })
                    .collect();
                // A short line just above the table may say what it reports.
                let caption = i
                    .checked_sub(1)
                    .and_then(|p| blocks.get(p))
                    .filter(|b| !matches!(b.kind, BlockKind::TableRow { .. }))
                    .and_then(|b| text.get(b.start..b.end))
                    .filter(|t| t.chars().count() <= 60)
                    .map(str::to_string);
                let around = table::Around {
                    region: info.region.clone(),
                    section: section.title.clone(),
                    caption,
                };
                let read = table::table_facts(text, &rows, &frame, doc, &around, &mut facts);
                if !read {
                    for b in &run {
                        let _ = prose::paragraph_facts(
                            text, b.start, b.end, &section, &ctx, &mut facts,
                        );
                    }
                }
                carry = prose::Carry::default();
                i += run.len();
            }
        }
    }
    name_bracketed_places(text, &mut facts);
    name_places_alone(&mut facts);
    assign_responsible(text, &mut facts);
    Extraction {
        info,
        text: text.to_string(),
        facts,
        frame: decisions,
    }
}

/// A short line of words alone (`总体规模`, `一、经济发展`): a group's heading
/// when it stands between table rows.
fn is_group_line(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    (2..=12).contains(&n)
        && !t.contains('\n')
        && !t
            .chars()
            .any(|c| c.is_ascii_digit() || "。，,；;：:".contains(c))
}

/// Each figure followed on its line by the departments answering for its
/// task (`（牵头单位：市发改委）`, `（市水务局牵头，…负责）`) takes them.
fn assign_responsible(text: &str, facts: &mut [Fact]) {
    // (Most documents name no department: one look for the words first.)
    if !["牵头", "牽頭", "负责", "負責", "单位", "單位"]
        .iter()
        .any(|w| text.contains(w))
    {
        return;
    }
    let found = responsible::assignments(text);
    if found.is_empty() {
        return;
    }
    for f in facts.iter_mut() {
        if let (Some(a), Some(b)) = (f.start, f.end) {
            f.responsible = responsible::of_figure(text, &found, a, b).cloned();
        }
    }
}

/// `依次为上海(30956.7亿元)、北京(29926.3亿元)`, `分别是:南阳(6.3%)、漯河(7.3%)`:
/// a list of places each with its figure in brackets names each figure by
/// its place alone (then [`name_places_alone`] gives it the indicator).
fn name_bracketed_places(text: &str, facts: &mut [Fact]) {
    for f in facts.iter_mut() {
        let (Some(start), Some(end)) = (f.start, f.end) else {
            continue;
        };
        if f.value.is_none()
            || !matches!(
                text.get(end..).and_then(|r| r.chars().next()),
                Some(')' | '）')
            )
        {
            continue;
        }
        // The bracket opened within the quote, right before the figure.
        let Some(open) = text.get(start..end).and_then(|q| q.rfind(['(', '（'])) else {
            continue;
        };
        let open = start + open;
        let inside = &text[open..end];
        if inside.chars().count() > 16 || inside.contains(['、', '，', ',']) {
            continue;
        }
        // The words before the bracket, back to the list's separator.
        let before = &text[..open];
        let from = before
            .char_indices()
            .rev()
            .take(8)
            .find(|(_, c)| matches!(c, '、' | '：' | ':' | '，' | ',' | '为' | '是' | '\n'))
            .map(|(i, c)| i + c.len_utf8());
        let Some(from) = from else { continue };
        let name = &text[from..open];
        // (Only a list: a separator or a bracket after the figure's.)
        let listed = text[end..]
            .chars()
            .nth(1)
            .is_some_and(|c| matches!(c, '、' | '，' | ',' | '。' | '；' | ';'))
            || text[..from].ends_with('、');
        let chars: Vec<char> = name
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .collect();
        let normal: String = chars.iter().collect();
        let whole_place = region::place_chain_at(&chars, 0)
            .is_some_and(|(_, len, _)| len == chars.len())
            || region::lookup_alone(&normal).is_some();
        if listed && whole_place && (2..=8).contains(&chars.len()) {
            // The list's lead-in may name what is ranked (中国GDP排名前四的城市…依次为).
            // (Within 300 bytes back: linear however long a line runs on.)
            let reach = (from.saturating_sub(300)..from)
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(from);
            let sentence = text[reach..from]
                .rfind(['。', '\n', '；'])
                .map_or(reach, |i| {
                    reach + i + text[reach + i..].chars().next().map_or(1, char::len_utf8)
                });
            let first_item = text[sentence..from]
                .find(['(', '（'])
                .and_then(|b| {
                    text[sentence..sentence + b].rfind(['、', ':', '：', '为', '是', '，', ','])
                })
                .map_or(from, |i| sentence + i);
            f.indicator = ranked_in_lead(&text[sentence..first_item], f.unit.as_deref())
                .unwrap_or_else(|| name.to_string());
            if f.indicator != name {
                if let Some(p) = region::lookup_alone(&normal) {
                    f.region = Some(p.name.to_string());
                }
            }
            f.quote =
                text[from..end + text[end..].chars().next().map_or(0, char::len_utf8)].to_string();
            f.start = Some(from);
            f.end = Some(from + f.quote.len());
        }
    }
}

/// What a ranking of places ranks, from the words leading into it
/// (`2022年前三季度中国GDP排名前四的城市…依次为` → 前三季度GDP): the output
/// (GDP, 地区生产总值) with its part of the year, and 增速 for a rate.
fn ranked_in_lead(lead: &str, unit: Option<&str>) -> Option<String> {
    let normal: String = lead
        .chars()
        .map(planwatch_text::norm::char_for_matching)
        .collect();
    let output = ["GDP", "地区生产总值", "生产总值"]
        .into_iter()
        .find(|w| normal.contains(w))?;
    let part = ["一季度", "上半年", "前三季度", "1-9月", "全年"]
        .into_iter()
        .find(|w| normal.contains(w))
        .unwrap_or("");
    let rate = matches!(unit, Some("%")) && (normal.contains("增速") || normal.contains("增长"));
    Some(format!("{part}{output}{}", if rate { "增速" } else { "" }))
}

/// `盐城高达6.05%`, `扬州为3239.37亿元`, `青岛以3037.4亿元…`: a figure
/// named by a place alone is of the indicator the figures before it in
/// that unit were of (in articles ranking places, 增速 or GDP总量).
fn name_places_alone(facts: &mut [Fact]) {
    let place_of = |name: &str| -> Option<region::Place> {
        // (A place's name is short: most names are passed over at once.)
        if name.chars().count() > 12 {
            return None;
        }
        let chars: Vec<char> = name
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .collect();
        region::place_chain_at(&chars, 0)
            .filter(|&(_, len, _)| {
                let rest: String = chars[len..].iter().collect();
                ["", "以", "却", "为", "也", "则", "仍", "更是"].contains(&rest.as_str())
            })
            .map(|(p, _, _)| p)
            // (A name that is a place and nothing else, 开封 too, which in
            // running text may be a word.)
            .or_else(|| region::lookup_alone(&chars.iter().collect::<String>()))
    };
    // 亿元 and 万亿元 (億元) measure alike.
    let base_unit = |u: &Option<String>| -> String {
        let u: String = u
            .as_deref()
            .unwrap_or_default()
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .collect();
        u.trim_start_matches(['万', '亿', '千', '百', '十'])
            .to_string()
    };
    for i in 0..facts.len() {
        let Some(place) = facts[i].value.and(place_of(&facts[i].indicator)) else {
            continue;
        };
        let unit = base_unit(&facts[i].unit);
        // (The nearest before, within reach: linear on any document.)
        let donor = facts[i.saturating_sub(200)..i].iter().rev().find(|f| {
            f.value.is_some() && base_unit(&f.unit) == unit && place_of(&f.indicator).is_none()
        });
        let Some(name) = donor.map(|f| {
            // 徐州在上半年的GDP总量 names its place; the other place's figure is
            // of the rest.
            let chars: Vec<char> = f
                .indicator
                .chars()
                .map(planwatch_text::norm::char_for_matching)
                .collect();
            let skip = region::place_chain_at(&chars, 0)
                .map_or(0, |(_, len, _)| len)
                .min(chars.len().saturating_sub(2));
            f.indicator.chars().skip(skip).collect::<String>()
        }) else {
            continue;
        };
        // The place is the figure's region, in the page's script.
        let region: String = if planwatch_text::norm::is_traditional(&facts[i].indicator) {
            place
                .name
                .chars()
                .map(planwatch_text::norm::simplified_to_traditional)
                .collect()
        } else {
            place.name.to_string()
        };
        facts[i].indicator = name;
        facts[i].region = Some(region);
    }
}

/// An article opening on the year it looks back on (`2023年是赣州发展历程中
/// 极不寻常的一年`): its figures are results unless a sentence sets a goal.
fn looks_back_on_its_year(text: &str, frame: &doc::Frame) -> bool {
    let head: String = text
        .chars()
        .take(400)
        .map(planwatch_text::norm::char_for_matching)
        .collect();
    let chars: Vec<char> = head.chars().collect();
    (0..chars.len()).any(|i| {
        let Some((y, n)) = quantity::year_at(&chars, i) else {
            return false;
        };
        let opens = i == 0 || matches!(chars[i - 1], '\n' | '。' | ' ' | '　');
        let sentence: String = chars[i + n..]
            .iter()
            .take_while(|c| !matches!(c, '。' | '\n'))
            .collect();
        opens
            && sentence.starts_with('是')
            && sentence.contains("的一年")
            && ["不平凡", "不寻常", "极不", "砥砺", "难忘", "奋进", "攻坚"]
                .iter()
                .any(|w| sentence.contains(w))
            && frame.present.is_none_or(|p| y <= p)
    })
}

/// A paragraph opening on a short label and a colon (`人民生活更加殷实：…`,
/// `产业优势更加突出:`): one more item of the goals or results the paragraph
/// before began, so a deadline named there still holds.
fn opens_with_label(p: &str) -> bool {
    let head: String = p.trim_start().chars().take(13).collect();
    head.find([':', '：']).is_some_and(|at| {
        let label = &head[..at];
        (2..=10).contains(&label.chars().count())
            && label
                .chars()
                .all(|c| planwatch_text::norm::is_han(c) && !matches!(c, '到' | '至'))
    })
}

/// A paragraph opening as a later item of an enumerated list (`二是`,
/// `第三，`, `其四`).
fn opens_later_item(p: &str) -> bool {
    let c: Vec<char> = p.trim_start().chars().take(3).collect();
    let later = |ch: &char| "二三四五六七八九十".contains(*ch);
    match c.as_slice() {
        [n, '是', ..] => later(n),
        ['第', n, after, ..] => later(n) && matches!(after, '，' | ',' | '、' | '是'),
        ['其', n, ..] => later(n),
        _ => false,
    }
}

/// A paragraph told in the past: several words of things done (相继开通,
/// 挂牌成立, 先后获评) and none of things to do (到2025年, 力争, 将).
fn narrates_past(p: &str) -> bool {
    const DONE: &[&str] = &[
        "相继",
        "先后",
        "已经",
        "成功",
        "挂牌成立",
        "荣获",
        "获评",
        "跃居",
        "五年来",
        "过去五年",
        "率先实现",
        "取得了",
        "实现了",
        "建成了",
    ];
    const TO_DO: &[&str] = &[
        "到20", "力争", "确保", "将", "目标", "展望", "预期", "要", "争取",
    ];
    DONE.iter().filter(|w| p.contains(*w)).count() >= 2 && !TO_DO.iter().any(|w| p.contains(w))
}

/// The section a paragraph is in: a review if any open heading says so, and
/// the year named by the innermost heading that names one.
fn section_of(outline: &[(u8, String)], frame: &doc::Frame) -> Section {
    let mut s = Section {
        title: outline.last().map(|(_, t)| t.clone()),
        ..Default::default()
    };
    for (_, t) in outline {
        let norm: String = t
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .collect();
        let review = words::REVIEW_HEADINGS.iter().any(|w| norm.contains(w));
        if review {
            s.review = true;
        }
        // (二)目标任务, 三、主要目标: the section sets goals; the headings
        // under it (1.城市化水平) list them.
        let goals = norm.chars().count() <= 20
            && [
                "目标任务",
                "主要目标",
                "发展目标",
                "工作目标",
                "总体目标",
                "预期目标",
                // (今后五年的重点目标, 奋斗目标.)
                "重点目标",
                "奋斗目标",
            ]
            .iter()
            .any(|w| norm.contains(w))
            && !norm.contains("完成");
        s.goals = goals || (s.goals && !review);
        // (今后五年的重点目标: the goals of the five years ahead, due at their last.)
        if goals && prose::FIVE_YEARS_AHEAD.iter().any(|w| norm.contains(w)) {
            s.goal_year = prose::five_years_ahead_end(frame);
        }
        let chars: Vec<char> = norm.chars().collect();
        // 2016成绩 / 2017目标: an infographic's headings, the year bare.
        let bare_year = bare_year_heading(&chars);
        match bare_year {
            Some((_, true)) => s.goals = true,
            // (2017年成绩单 after a headline of the year's goals: results.)
            Some((_, false)) => {
                s.goals = false;
                s.review = true;
            }
            None => {}
        }
        if let Some(y) = (0..chars.len())
            .find_map(|i| quantity::year_at(&chars, i))
            .map(|(y, _)| y)
            .or(bare_year.map(|(y, _)| y))
        {
            s.year = Some(y);
            if frame.present.is_some_and(|p| y > p) {
                s.review = false;
            } else if frame.doc_type == planwatch_core::DocType::WorkReport
                && frame.present == Some(y)
            {
                // 一、2022年工作回顾 / 2022年主要工作 in a report on 2022.
                s.review = true;
            }
        } else if norm.contains("今年")
            && !norm.contains("以来")
            && frame.doc_type == planwatch_core::DocType::WorkReport
        {
            // 三、全面加大今年各项工作力度: the coming year's work.
            s.year = frame.target_year;
            s.review = false;
        } else if let Some((_, end)) =
            doc::period_spoken_of(&norm).or_else(|| doc::period_named(&norm))
        {
            // 一、“十三五”时期发展成就: a section about a period ends with its last year.
            s.year = Some(end);
            if frame.present.is_some_and(|p| end <= p) {
                s.review = true;
            }
        }
    }
    s
}

/// A paragraph naming no year and no result (比上年, 完成, 已…): one that may
/// go on listing the goals of the paragraph before it.
fn lists_on(p: &str) -> bool {
    let chars: Vec<char> = p.chars().collect();
    let dated = (0..chars.len()).any(|i| quantity::year_at(&chars, i).is_some());
    !dated
        && doc::named_period(p).is_none()
        && !words::ACTUAL_MARKERS.iter().any(|w| p.contains(w))
        && ![
            "已",
            "完成",
            "实现了",
            "达到了",
            "去年",
            "今年",
            "以来",
            "期间",
            "时期",
            "五年",
        ]
        .iter()
        .any(|w| p.contains(w))
}

/// A short heading of a bare year and what it holds (`2016成绩`, `2017目标`):
/// the year, and whether the section sets goals.
fn bare_year_heading(h: &[char]) -> Option<(i32, bool)> {
    if h.len() > 8 || h.len() < 6 || !h[..4].iter().all(char::is_ascii_digit) {
        return None;
    }
    let y: i32 = h[..4].iter().collect::<String>().parse().ok()?;
    let rest: String = h[4..].iter().collect();
    // (2017年成绩单, 2018年目标: with its 年, and a 单 of the list.)
    let rest = rest.strip_prefix('年').unwrap_or(&rest);
    let rest = rest.strip_suffix('单').unwrap_or(rest);
    let goals = ["目标", "任务", "展望", "计划"].contains(&rest);
    let results = ["成绩", "成就", "回顾", "成效", "亮点"].contains(&rest);
    ((1990..=2100).contains(&y) && (goals || results)).then_some((y, goals))
}

#[cfg(test)]
mod tests {
    use super::*;
    use planwatch_core::Kind;

    /// Kind and year of the facts of `text` with `value` (the stages' tests ask it too).
    pub(crate) fn kind_year_of(text: &str, value: f64) -> Vec<(Kind, Option<i32>)> {
        extract_document("t.txt", text)
            .facts
            .iter()
            .filter(|f| f.value == Some(value))
            .map(|f| (f.kind, f.year))
            .collect()
    }

    /// Kind and year of every fact of `text` with a figure.
    fn kind_year_of_all(text: &str) -> Vec<(Kind, Option<i32>)> {
        extract_document("t.txt", text)
            .facts
            .iter()
            .filter(|f| f.value.is_some())
            .map(|f| (f.kind, f.year))
            .collect()
    }

    #[test]
    fn a_reports_list_of_tasks_after_a_colon_are_goals() {
        let text = "甲县人代会开幕\n11月28日,甲县第十八届人民代表大会第一次会议隆重开幕,县长代表县人民政府向大会作政府工作报告。报告指出,2022年县政府将继续优先保障民生投入,重点抓好10件民生实事:\n(1)新增城镇就业5500人以上。\n(2)改造农村危桥4座。\n";
        let kinds: Vec<(Kind, Option<i32>)> = extract_document("t.txt", text)
            .facts
            .iter()
            .filter(|f| f.value == Some(4.0) || f.value == Some(5500.0))
            .map(|f| (f.kind, f.year))
            .collect();
        assert_eq!(
            kinds,
            [(Kind::Target, Some(2022)), (Kind::Target, Some(2022))]
        );
    }

    #[test]
    fn a_deadline_before_the_latest_year_an_undated_text_knows_is_past() {
        let kinds = |text: &str| -> Vec<Kind> {
            extract_document("t.txt", text)
                .facts
                .iter()
                .filter(|f| f.value == Some(2074.0))
                .map(|f| f.kind)
                .collect()
        };
        assert_eq!(
            kinds(
                "甲市建设旅游胜地\n2017年,甲市经济平稳。\n到2016年,全市地区生产总值为2074亿元,比2012年增长39%。\n"
            ),
            [Kind::Actual]
        );
        assert_eq!(
            kinds(
                "甲市建设旅游胜地\n2017年,甲市经济平稳。\n到2020年,全市地区生产总值为2074亿元。\n"
            ),
            [Kind::Target]
        );
    }

    #[test]
    fn goals_met_before_a_colon_announce_results() {
        let kinds = |text: &str| -> Vec<Kind> {
            extract_document("t.txt", text)
                .facts
                .iter()
                .filter(|f| f.value == Some(264.13))
                .map(|f| f.kind)
                .collect()
        };
        let head = "关于甲市2021年国民经济和社会发展计划执行情况与2022年计划草案的报告\n——2022年1月7日在市十五届人大一次会议上\n各位代表:\n一、2021年国民经济和社会发展计划执行情况\n";
        let met = format!("{head}刚刚过去的一年,全市上下高质量发展稳步推进。全市主要发展指标总体实现市十四届人大五次会议确定的预期目标:\n——一般公共预算收入264.13亿元、增长5.5%;\n");
        assert_eq!(kinds(&met), [Kind::Actual]);
        let ahead = format!("{head}全市将力争实现以下目标:\n——一般公共预算收入264.13亿元;\n");
        assert_eq!(kinds(&ahead), [Kind::Target]);
    }

    #[test]
    fn an_undated_text_telling_a_period_in_the_future_dates_its_goals_at_its_end() {
        let text = "秦州,工业基础良好,工业园区建设和工业集群规模日益壮大。\n“十二五”期间,秦州区将努力实现新跨越,力争全区生产总值年均增长15%,固定资产投资年均增长30%。\n";
        let got = kind_year_of_all(text);
        assert_eq!(
            got,
            [(Kind::Target, Some(2015)), (Kind::Target, Some(2015))]
        );
    }

    #[test]
    fn goals_told_as_set_are_what_the_paragraph_lists() {
        let text = "8月12日,记者从全省旅游发展大会上获悉,2015年至2020年,甲省旅游业计划实施32项行动。\n根据这一行动计划,我省制定了相应的发展目标。其中,2015年,全省接待国内外游客增长10%;A级景区达100家。2020年,全省接待国内外游客4000万人次。\n";
        let got: Vec<(Kind, Option<i32>)> = extract_document("t.txt", text)
            .facts
            .iter()
            .filter(|f| [10.0, 100.0, 4000.0].contains(&f.value.unwrap_or(0.0)))
            .map(|f| (f.kind, f.year))
            .collect();
        assert_eq!(
            got,
            [
                (Kind::Target, Some(2015)),
                (Kind::Target, Some(2015)),
                (Kind::Target, Some(2020))
            ]
        );
    }

    #[test]
    fn a_past_deadline_told_as_reached_with_le_is_a_result() {
        let text = "中新网7月5日电 2017年年底甲省将实现村村通客运。\n到2015年底,甲省农村公路总里程达171458公里,建制村通畅率达到了74.86%。\n";
        let got = kind_year_of(text, 171458.0);
        assert_eq!(got, [(Kind::Actual, Some(2015))]);
    }

    #[test]
    fn an_article_on_a_plan_ahead_counts_its_years_from_the_plans_first() {
        let text = "发布时间:2020-11-19 13:38:00\n海淀“十四五”教育规划:5年将新增学位近4万个\n“十四五”时期,海淀区将继续加快教育设施建设。\n";
        let got = kind_year_of(text, 4.0);
        assert_eq!(got, [(Kind::Target, Some(2025))]);
    }

    #[test]
    fn a_notice_issuing_a_years_plan_sets_its_goals() {
        let text = "日前,甲区人民政府发布的《2023年甲区国民经济和社会发展计划》提出,加快建设现代化产业体系。\n《计划》提出,协同推进新能源装备制造产业发展,风电整建制配套能力达到2000万千瓦。\n原文如下:\n甲区人民政府关于下达2023年甲区国民经济和社会发展计划的通知\n";
        let got = kind_year_of(text, 2000.0);
        assert_eq!(got, [(Kind::Target, Some(2023))]);
    }

    #[test]
    fn a_sentence_opening_on_a_past_period_dates_the_results_after_it() {
        let text = "2021-09-09 10:55:59 来源:今晚报\n记者获悉,“十四五”期间,天津市将继续深化改革。到2025年,居民人均期望寿命达到82.38岁。\n“十三五”期间,本市居民期望寿命连年超过81岁。孕产妇死亡率持续控制在10/10万以下。\n";
        let got = kind_year_of(text, 10.0);
        assert_eq!(got, [(Kind::Actual, Some(2020))]);
    }

    #[test]
    fn work_announced_below_with_a_full_stop_lists_goals() {
        let text = "日前,省农业农村厅负责同志介绍了乡村振兴的情况,聚焦完成重点目标任务,今年重点做好以下五方面的工作。\n完善现代农业产业体系。粮食播种面积稳定在5303万亩以上,建设农业种质资源库9个以上。\n";
        let got: Vec<Kind> = extract_document("t.txt", text)
            .facts
            .iter()
            .filter(|f| f.value.is_some())
            .map(|f| f.kind)
            .collect();
        assert_eq!(got, [Kind::Target, Kind::Target]);
    }

    #[test]
    fn news_of_a_report_that_only_looks_ahead_sets_goals() {
        let text = "政府工作报告指出,2018年是贯彻落实党的十九大精神的开局之年。今年经济社会发展的主要预期目标是:地区生产总值增长10%。\n基础设施\n开展地下综合管廊建设,完成108公里市政管网改造。新增公交班线行政村42个。\n";
        let got = kind_year_of_all(text);
        assert_eq!(got, [(Kind::Target, Some(2018)); 3]);
        // One that looks back too keeps its results.
        let text = "政府工作报告指出,2018年是开局之年。今年经济社会发展的主要预期目标是:地区生产总值增长10%。\n过去一年,完成108公里市政管网改造。\n";
        let got: Vec<Kind> = extract_document("t.txt", text)
            .facts
            .iter()
            .filter(|f| f.value == Some(108.0))
            .map(|f| f.kind)
            .collect();
        assert_eq!(got, [Kind::Actual]);
    }

    #[test]
    fn an_average_in_brackets_is_the_benchmarks_own_figure() {
        let text = "2024年,厦门全市居民平均期望寿命达到83.62岁,高出全国平均水平(79岁)4.62岁。\n";
        let got: Vec<(String, Option<String>)> = extract_document("t.txt", text)
            .facts
            .iter()
            .filter(|f| f.value == Some(79.0))
            .map(|f| (f.indicator.clone(), f.region.clone()))
            .collect();
        assert_eq!(
            got,
            [(
                "厦门全市居民平均期望寿命".to_string(),
                Some("全国".to_string())
            )]
        );
    }

    #[test]
    fn news_from_a_congress_that_only_looks_ahead_sets_goals() {
        let text = "2023年01月11日\n甲市力争今年地区生产总值增长8%左右\n日前,记者从甲市二届人大四次会议上了解到,该市力争2023年地区生产总值增长8%左右。\n同时,深化农村人居环境整治,打造92个美丽宜居乡村示范点。\n";
        let got = kind_year_of(text, 92.0);
        assert_eq!(got, [(Kind::Target, Some(2023))]);
    }

    #[test]
    fn news_of_a_policy_address_for_a_fiscal_year_reviews_the_year_before() {
        let text = "【財華社訊】11月18日,澳門特區行政長官今日發表澳門特區政府2026年財政年度施政報告。行政長官介紹,2025年首三季度,澳門本地生產總值初值為3013.3億澳門元,按年實質增長4.2%。入境旅客達2967萬人次,增長14.5%。\n";
        let got: Vec<(Option<i32>, f64, Option<String>)> = extract_document("t.txt", text)
            .facts
            .iter()
            .filter_map(|f| Some((f.year, f.value?, f.unit.clone())))
            .collect();
        assert_eq!(
            got,
            [
                (Some(2025), 3013.3, Some("億澳門元".to_string())),
                (Some(2025), 4.2, Some("%".to_string())),
                (Some(2025), 2967.0, Some("萬人次".to_string())),
                (Some(2025), 14.5, Some("%".to_string())),
            ]
        );
    }

    #[test]
    fn an_article_on_the_five_years_ahead_sets_its_goals_at_their_last() {
        // Dated early in 2023, it names a nearer milestone (力争2024年) too.
        let text = "版次:03 作者:2023年01月12日\n李应兰:我们对今后五年的发展提出了具体目标。总体来说,要实现地区生产总值超过1800亿元,人均地区生产总值达13万元。\n力争2024年江津班列到发量占全市50%。\n";
        let got = kind_year_of_all(text);
        assert_eq!(
            got,
            [
                (Kind::Target, Some(2027)),
                (Kind::Target, Some(2027)),
                (Kind::Target, Some(2024))
            ]
        );
    }

    #[test]
    fn goals_listed_under_a_line_naming_them_are_goals() {
        let text = "2023年山东这样干\n青岛晚报 2023年01月14日\n1月13日上午,山东省第十四届人民代表大会第一次会议隆重开幕。省长代表省政府向大会作政府工作报告。\n2023年是全面贯彻落实党的二十大精神的开局之年。2023年,山东怎样干?政府工作报告对今年的重点工作作出部署安排。\n建议全年经济社会发展预期目标\n●地区生产总值增长5%以上\n●城镇新增就业110万人以上\n";
        let got = kind_year_of_all(text);
        assert_eq!(
            got,
            [(Kind::Target, Some(2023)), (Kind::Target, Some(2023))]
        );
    }

    #[test]
    fn a_groups_heading_between_tab_rows_keeps_the_table_whole() {
        let text = "甲省数字经济五年倍增计划\n发表时间:2018-09-29\n到2022年,全省数字经济增加值较2017年翻一番,达到4万亿元以上,基本建成全国数字产业化发展引领区。\n全省数字经济发展主要指标\n指标\t2017年\t2020年\t2022年\n总体规模\n数字经济增加值(亿元)\t20658\t30000\t40000\n软件和信息服务业收入(亿元)\t5543\t8000\t10000\n";
        let got: Vec<(Option<i32>, f64)> = extract_document("t.txt", text)
            .facts
            .iter()
            .filter(|f| f.indicator == "软件和信息服务业收入")
            .filter_map(|f| Some((f.year, f.value?)))
            .collect();
        assert_eq!(
            got,
            [
                (Some(2017), 5543.0),
                (Some(2020), 8000.0),
                (Some(2022), 10000.0)
            ]
        );
    }

    #[test]
    fn a_ranking_of_places_with_bracketed_figures() {
        let names = |text: &str| -> Vec<(String, Option<String>, f64)> {
            extract_document("t.txt", text)
                .facts
                .iter()
                .filter_map(|f| Some((f.indicator.clone(), f.region.clone(), f.value?)))
                .collect()
        };
        let got = names("全国城市经济\n\n2022年前三季度中国GDP排名前四的城市正式公布，依次为上海(30956.7亿元)、北京(29926.3亿元)、深圳(22925.1亿元)。\n");
        let want: Vec<(String, Option<String>, f64)> = [
            ("上海市", 30956.7),
            ("北京市", 29926.3),
            ("深圳市", 22925.1),
        ]
        .iter()
        .map(|(r, v)| ("前三季度GDP".to_string(), Some(r.to_string()), *v))
        .collect();
        assert_eq!(got, want);
        // Without the ranked figure named in the lead-in, the figure before
        // in the unit names them; 开封, a word too, is a place in the list.
        let got = names("河南经济\n\n河南上半年GDP增速5.7%。高于全国平均增速的地市分别是：南阳(6.3%)、开封(6.3%)、商丘(7%)。\n");
        let regions: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
        assert_eq!(
            regions[1..],
            [Some("南阳市"), Some("开封市"), Some("商丘市")]
        );
        assert!(got[1..].iter().all(|g| g.0.contains("GDP增速")), "{got:?}");
        // (A bracketed figure after a place outside a list is left alone.)
        let got = names("上海经济\n\n全市地区生产总值(4.3万亿元)比上年增长5%。\n");
        assert!(got.iter().all(|g| g.0.contains("地区生产总值")), "{got:?}");
    }

    /// Each fact's indicator, as named.
    fn indicators(text: &str) -> Vec<String> {
        extract_document("t.txt", text)
            .facts
            .iter()
            .map(|f| f.indicator.clone())
            .collect()
    }

    /// Each fact's kind, year and value.
    fn kinds_years_values(text: &str) -> Vec<(String, Option<i32>, Option<f64>)> {
        extract_document("t.txt", text)
            .facts
            .iter()
            .map(|f| (f.kind.as_str().to_string(), f.year, f.value))
            .collect()
    }

    #[test]
    fn the_items_of_a_list_share_the_deadline_of_an_item_before() {
        let text = "市委提出，通过五年的努力，实现六个明显提升，具体目标为：\n\n一是经济实力明显提升。到“十四五”末，全市生产总值突破500亿元。\n\n二是产业拉动作用明显提升。投产亿元以上项目50个。\n";
        let got = kinds_years_values(text);
        assert!(
            got.contains(&("target".to_string(), Some(2025), Some(50.0))),
            "{got:?}"
        );
    }

    #[test]
    fn a_year_opening_a_line_after_a_joined_heading_heads_its_sentence() {
        let text = "2024年,甲市经济社会发展的主要预期目标是地区生产总值增长5%以上。\n\n【苏州:推动美好图景率先变为现实】\n2023年,苏州研发投入达到1055亿元;城乡居民人均可支配收入分别达到8.2万元和4.6万元。\n";
        let got = kinds_years_values(text);
        assert!(
            got.contains(&("actual".to_string(), Some(2023), Some(8.2))),
            "{got:?}"
        );
    }

    #[test]
    fn a_list_item_named_like_the_end_of_the_name_before_is_of_the_same_thing() {
        let text = "2019年甲省政府工作报告\n红旗品牌汽车产量10.4万辆、销量10.02万辆。\n";
        assert_eq!(indicators(text), ["红旗品牌汽车产量", "红旗品牌汽车销量"]);
    }

    #[test]
    fn a_trades_figure_told_with_a_verb_is_one_trades() {
        let text =
            "2022年甲县国民经济和社会发展统计公报\n批发和零售业完成增加值0.75亿元,下降8.1%。\n";
        let names: Vec<(String, Option<f64>)> = extract_document("t.txt", text)
            .facts
            .iter()
            .map(|f| (f.indicator.clone(), f.value))
            .collect();
        assert_eq!(
            names,
            vec![
                ("批发和零售业完成增加值".to_string(), Some(0.75)),
                ("批发和零售业完成增加值".to_string(), Some(-8.1)),
            ]
        );
        let text = "2022年甲縣國民經濟和社會發展統計公報\n交通運輸、倉儲和郵政業完成增加值1.27億元,增長51%。\n";
        assert_eq!(
            indicators(text),
            vec!["交通運輸、倉儲和郵政業完成增加值"; 2]
        );
    }

    #[test]
    fn a_bare_year_heading_of_results_reviews() {
        let text = "市长谈2018年发展目标:地区生产总值增长约7.8%\n\n2018年,要干这些事:\n推进快速路建设\n\n2017年成绩单\n\n2017年,预计地区生产总值增长8%左右。地方级财政收入增长8.3%,快于经济增速。\n";
        let got = kinds_years_values(text);
        assert!(
            got.contains(&("actual".to_string(), Some(2017), Some(8.3))),
            "{got:?}"
        );
    }

    #[test]
    fn a_line_telling_what_the_year_will_bring_announces_goals() {
        let text = "2025年重庆在经济发展等方面将呈现以下变化:\n一、经济高质量发展\n预计GDP增长6%左右,规上工业增加值增长8%。\n";
        let got = kinds_years_values(text);
        assert!(
            got.contains(&("target".to_string(), Some(2025), Some(8.0))),
            "{got:?}"
        );
        // A report's formula (现将…报告如下) announces nothing.
        let text = "2024年，现将有关情况报告如下:\n规上工业增加值增长8%。\n";
        let got = kinds_years_values(text);
        assert!(!got.iter().any(|(k, _, _)| k == "target"), "{got:?}");
    }

    #[test]
    fn an_article_on_the_years_two_sessions_says_last_year_of_the_one_before() {
        let text = "人民网南昌1月15日电 15日，2023年江西省两会第三场厅长通道举行，厅长介绍，江西去年的粮食产量达到430.38亿斤，生猪出栏达到3050万头。\n";
        let got = kinds_years_values(text);
        assert!(
            got.contains(&("actual".to_string(), Some(2022), Some(430.38))),
            "{got:?}"
        );
    }

    #[test]
    fn the_years_a_plan_has_run_date_an_undated_article() {
        let text = "“十五”计划开始实施5年来，西藏国内生产总值连续5年保持12%以上的增长速度。今年，国内生产总值将从2000年的117.5亿元增加到240亿元以上。\n";
        let got = kinds_years_values(text);
        assert!(
            got.contains(&("actual".to_string(), Some(2005), Some(12.0))),
            "{got:?}"
        );
    }

    #[test]
    fn a_heading_on_the_five_years_ahead_sets_goals_due_at_their_last() {
        let text = "2017年4月22日,湖州市第八届人民代表大会第一次会议开幕。\n代市长作政府工作报告。\n赶超发展的五年\n地区生产总值从2011年的1520亿元增加到2016年的2243.1亿元;\n今后五年的重点目标\n地区生产总值突破3000亿元;\n财政总收入突破500亿元。\n";
        let got = kinds_years_values(text);
        let want = |k: &str, y: i32, v: f64| (k.to_string(), Some(y), Some(v));
        assert_eq!(
            got,
            [
                want("actual", 2011, 1520.0),
                want("actual", 2016, 2243.1),
                want("target", 2021, 3000.0),
                want("target", 2021, 500.0),
            ]
        );
    }

    #[test]
    fn an_undated_text_on_work_from_now_to_a_year_sets_goals_due_then() {
        let text = "甲省日前启动实施水利保障方案。\n记者了解到,从今年至2020年,甲省将构建区域供水体系。\n在全面完成“十二五”规划任务的基础上,甲省将投资130亿元,使农村自来水普及率达到90%以上。\n";
        let got = kinds_years_values(text);
        assert!(
            got.contains(&("target".to_string(), Some(2020), Some(90.0))),
            "{got:?}"
        );
    }

    #[test]
    fn goals_announced_below_in_a_paragraph_run_to_its_end() {
        let text = "甲县旅游工作\n2018年,在全市考核中争先进位。实现以下目标:接待游客超386万人次。旅游业增加值占地区生产总值的比重达7.5%。\n";
        let got = kinds_years_values(text);
        assert!(
            got.contains(&("target".to_string(), Some(2018), Some(7.5))),
            "{got:?}"
        );
    }

    #[test]
    fn a_deadline_ending_on_a_colon_announces_the_goals_listed_below() {
        let text = "未来5年甲市“卫生强市”战略,到2020年将实现:\n1、新建市级三级公立医院12家\n2、全市常住人口千人床位数达到4.3张\n";
        let got = kinds_years_values(text);
        let want = |v: f64| ("target".to_string(), Some(2020), Some(v));
        assert_eq!(got, [want(12.0), want(4.3)]);
    }

    #[test]
    fn goals_announced_by_an_arrow_are_the_years_it_names() {
        // A post dated a year later restates that year's goals.
        let text = "时间:2022-09-24\n\n2021年,温州农业农村工作定下这些目标↓\n\n实施稳粮保供行动\n\n实现粮食播种面积169万亩,生猪存栏100万头。\n";
        let got = kinds_years_values(text);
        let want = |k: &str, y: i32, v: f64| (k.to_string(), Some(y), Some(v));
        assert_eq!(
            got,
            [want("target", 2021, 169.0), want("target", 2021, 100.0)]
        );
    }

    #[test]
    fn a_review_heading_ends_the_goals_a_headline_announced() {
        // A headline joined to a byline ending on a colon reads as announcing
        // goals; the review heading after it still reviews.
        let text = "启动河南电子科技大学等高校建设!2024年河南省政府定下这些目标→\n\n[ 河小阳微信 ] 作者:\n\n今日\n\n河南省十四届人大二次会议开幕\n\n省长王凯作政府工作报告\n\n1000字极简版来了\n\n带你读懂报告\n\n2023年工作回顾\n\n2023年生产总值增长4.1%\n\n居民人均可支配收入增长6.1%\n\n2024年主要目标\n\n城镇新增就业110万人以上\n";
        let got = kinds_years_values(text);
        let want = |k: &str, y: i32, v: f64| (k.to_string(), Some(y), Some(v));
        assert_eq!(
            got,
            [
                want("actual", 2023, 4.1),
                want("actual", 2023, 6.1),
                want("target", 2024, 110.0),
            ]
        );
    }

    #[test]
    fn a_plan_telling_a_past_period_goes_on_telling_it() {
        let text = "甘肃省“十三五”规划建议解读\n发布日期:2015-12-07\n\n实现目标,要有清醒的认识,十二五期间,我省综合实力实现重大跨越。同时,累计完成固定资产投资3.2万亿元。到2020年,生产总值达到1万亿元。\n";
        let got = kinds_years_values(text);
        let want = |k: &str, y: i32, v: f64| (k.to_string(), Some(y), Some(v));
        assert_eq!(got, [want("actual", 2015, 3.2), want("target", 2020, 1.0)]);
    }

    #[test]
    fn a_paragraph_going_on_from_a_deadline_keeps_it() {
        let text = "某市召开新闻发布会\n2021年1月5日\n\n到2025年,全市地区生产总值要达到300亿元,一产业年均增速保持在2.6%以上、增加值总量冲刺63.3亿元。\n同时,城镇化率达到45%以上。\n";
        type Brief = (String, String, Option<i32>, Option<f64>, &'static str);
        let got: Vec<Brief> = extract_document("t.txt", text)
            .facts
            .iter()
            .map(|f| {
                (
                    f.kind.as_str().to_string(),
                    f.indicator.clone(),
                    f.year,
                    f.value,
                    f.measure.as_str(),
                )
            })
            .collect();
        let want = |k: &str, n: &str, y: i32, v: f64, m: &'static str| {
            (k.to_string(), n.to_string(), Some(y), Some(v), m)
        };
        assert_eq!(
            got,
            [
                want("target", "地区生产总值", 2025, 300.0, "level"),
                want("target", "一产业年均增速", 2025, 2.6, "avg_growth"),
                want("target", "增加值总量", 2025, 63.3, "level"),
                want("target", "城镇化率", 2025, 45.0, "level"),
            ]
        );
    }

    #[test]
    fn an_item_under_a_label_keeps_the_deadline_before_it() {
        let text = "第十七编 经济管理\n\n力争到2010年,生产总值年均增长13%。\n人民生活更加殷实:城镇居民人均可支配收入年均递增10%,达到3.74万元。\n";
        let got: Vec<(String, String, Option<i32>, Option<f64>)> = extract_document("t.txt", text)
            .facts
            .iter()
            .map(|f| {
                (
                    f.kind.as_str().to_string(),
                    f.indicator.clone(),
                    f.year,
                    f.value,
                )
            })
            .collect();
        let want = |n: &str, v: f64| ("target".to_string(), n.to_string(), Some(2010), Some(v));
        assert_eq!(
            got,
            [
                want("生产总值", 13.0),
                want("城镇居民人均可支配收入", 10.0),
                want("城镇居民人均可支配收入", 3.74),
            ]
        );
        assert!(!opens_with_label("到2025年:全市生产总值达到300亿元"));
        assert!(!opens_with_label("全市地区生产总值达到300亿元,增长5%"));
    }

    #[test]
    fn a_plan_page_without_headings_tells_its_past_in_its_words() {
        let text = "天津市滨海新区国民经济和社会发展第十四个五年规划\n\n津秦、津保高铁相继开通,天津港雄安新区服务中心挂牌成立,集装箱吞吐量突破1800万标准箱。\n\n到2025年,集装箱吞吐量达到2500万标准箱。\n";
        let got: Vec<(String, Option<i32>, Option<f64>)> = extract_document("t.txt", text)
            .facts
            .iter()
            .map(|f| (f.kind.as_str().to_string(), f.year, f.value))
            .collect();
        assert_eq!(
            got,
            [
                ("actual".to_string(), Some(2020), Some(1800.0)),
                ("target".to_string(), Some(2025), Some(2500.0)),
            ]
        );
    }
}
