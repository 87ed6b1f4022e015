//! Readers of what a document says about itself — its type from a title,
//! the place a title names, periods (十三五, 2021—2025年), document numbers —
//! used by [`crate::frame`], and the time `Frame` the facts default to.

use crate::quantity::year_at;
use planwatch_core::{DocType, DocumentInfo};

/// Reads document metadata from the text (see [`crate::frame`], which also
/// says why each field was decided).
pub fn document_info(text: &str) -> DocumentInfo {
    crate::frame::read(text).0
}

pub(crate) fn doc_type_of(t: &str) -> DocType {
    // A notice issuing a document (关于印发《…分工方案》的通知) is that document.
    if let Some((_, issued)) = t.split_once("印发") {
        // (关于印发2022年区政府工作报告目标任务的通知: the report's goals
        // issued for departments to carry out.)
        let report_tasks = issued.contains("工作报告")
            && ["目标任务", "重点工作", "任务"]
                .iter()
                .any(|w| issued.contains(w));
        if issued.contains("方案")
            || issued.contains("行动计划")
            || issued.contains("实施意见")
            || report_tasks
        {
            return DocType::ImplementationPlan;
        }
    }
    // 《政府工作报告》确定的重点工作任务责任分解方案: the report's goals split
    // among departments, an implementation plan.
    // (关于分解落实《政府工作报告》的通知, …重点工作责任单位的通知.)
    if [
        "分工方案",
        "分解方案",
        "责任分工",
        "任务分解",
        "责任分解",
        "分解落实",
        "责任单位",
        "任务分工",
        "工作分工",
        "部门分工",
        "目标分解",
        // (2025年县政府工作报告任务清单: the same, as a list.)
        "任务清单",
        "责任清单",
    ]
    .iter()
    .any(|w| t.contains(w))
    {
        return DocType::ImplementationPlan;
    }
    if t.contains("计划执行情况") || t.contains("计划草案") {
        // An annual plan report: framed like a work report (review, then the year's goals).
        return DocType::WorkReport;
    }
    // 规划纲要实施情况中期评估, “十三五”规划总结评估: how a plan is going.
    // 温州“十三五”规划《纲要》预计完成31项指标, …规划目标全面完成: results against a plan.
    if ([
        "评估",
        // (“十一五”规划目标实现情况评价, 考核评价.)
        "评价",
        "实施情况",
        "实现情况",
        "实施进展",
        "执行情况",
        "收官",
        "成效",
        "成绩单",
        // (“十四五”规划经济答卷, 规划收官之年的亮眼答卷.)
        "答卷",
        // 规划纲要实施时间过半，各项目标任务进展如何, 期中成绩单.
        "过半",
        "进展",
        "期中",
        "中期",
    ]
    .iter()
    .any(|w| t.contains(w))
        || completed(t))
        && (t.contains("规划") || t.contains("纲要"))
        && !t.contains("印发")
    {
        return DocType::PlanReview;
    }
    // 关于2023年为民办实事项目实施情况的通报: how one year's tasks went, a
    // review of that year.
    if one_years_task_words().any(|w| t.contains(w))
        && ["实施情况", "完成情况", "执行情况", "进展情况"]
            .iter()
            .any(|w| t.contains(w))
        && !t.contains("印发")
    {
        return DocType::PlanReview;
    }
    // 关于“十一五”时期地区经济社会发展考核评价结果的通报, “十三五”时期南昌市
    // 经济社会发展综述: a period's results weighed or told.
    if ["评估", "评价", "综述", "成就", "回顾"]
        .iter()
        .any(|w| t.contains(w))
        && named_period(t).is_some()
        && !t.contains("印发")
    {
        return DocType::PlanReview;
    }
    if t.contains("统计公报") || t.contains("公报") {
        DocType::StatisticalBulletin
    } else if (t.contains("政府工作报告") || t.contains("工作报告"))
        // (《政府工作报告》解读2017:十件实事: the report's list of the year's
        // tasks, read as a plan of them.)
        && !PEOPLES_PROJECTS.iter().any(|w| t.contains(w))
    {
        DocType::WorkReport
    } else if t.contains("实施方案")
        || t.contains("行动方案")
        || t.contains("工作方案")
        || t.contains("行动计划")
        || t.contains("实施计划")
        || t.contains("实施意见")
        || one_years_tasks(t)
    {
        DocType::ImplementationPlan
    } else if t.contains("五年规划")
        || t.contains("五”规划")
        || t.contains("五\"规划")
        || t.contains("五规划")
    {
        DocType::FiveYearPlan
    } else if names_a_plan(t) {
        DocType::Outline
    } else {
        DocType::Other
    }
}

/// `完成` told as done (规划目标全面完成), not as work ahead (年底前，郑州要全面
/// 完成县级国土空间规划编制).
fn completed(t: &str) -> bool {
    t.match_indices("完成").any(|(at, _)| {
        let mut before = &t[..at];
        for adverb in ["全面", "基本", "如期", "圆满", "顺利"] {
            before = before.strip_suffix(adverb).unwrap_or(before);
        }
        let before = before.trim_end_matches([',', '，']);
        !["要", "将", "力争", "确保", "争取", "前"]
            .iter()
            .any(|w| before.ends_with(w))
    })
}

/// A title announcing one year's list of tasks (2020年县政府民生实事项目,
/// 今年为民办实事工程, 2021年政府工作思路和主要任务, 工作要点), not a
/// report on how it went (民生实事完成情况).
pub(crate) fn one_years_tasks(t: &str) -> bool {
    one_years_task_words().any(|w| t.contains(w))
        // (关于2023年为民办实事项目实施情况的通报: the tasks' results.)
        && !["完成情况", "实施情况", "执行情况", "进展", "成效", "回头看", "评估"]
            .iter()
            .any(|w| t.contains(w))
        // (圆满完成“十四五”目标任务: tasks done.)
        && !completed(t)
}

/// Words naming one year's list of tasks, in the order they are looked for.
pub(crate) fn one_years_task_words() -> impl Iterator<Item = &'static str> {
    [
        "重点工作任务",
        "工作要点",
        "重点任务",
        "工作任务",
        "主要任务",
        "目标任务",
    ]
    .into_iter()
    .chain(PEOPLES_PROJECTS.iter().copied())
    .chain(["工作思路", "年度工作计划"])
}

/// Words naming a year's list of projects for the people (2023年十大民生实事,
/// 2013年十件惠民实事, 十大为民实事).
pub(crate) const PEOPLES_PROJECTS: &[&str] = &[
    "民生实事",
    "办实事",
    "实事项目",
    "惠民实事",
    "为民实事",
    "件实事",
    "大实事",
];

/// A title naming a plan as the document (`…发展规划`, `《…规划纲要》`,
/// `…规划(2021—2035年)`), not a headline on something a plan touches
/// (`综合保税区规划调整通过国家验收`).
fn names_a_plan(t: &str) -> bool {
    let mut t = t.trim_end_matches(['》', '”', '"', ' ']);
    // (2015—2025年)(讨论稿): brackets after the name.
    while t.ends_with([')', '）']) {
        match t.rfind(['(', '（']) {
            Some(at) => t = t[..at].trim_end_matches(['》', '”', '"', ' ']),
            None => break,
        }
    }
    t.ends_with("规划") || t.ends_with("纲要") || t.contains("规划纲要") || t.contains("规划》")
}

/// Verbs a title may open on before a bare 市/县/区 (解读市…报告): no
/// unknown place starts with one.
const VERBS_BEFORE_SHI: &[&str] = &[
    "解读", "承接", "召开", "贯彻", "落实", "推进", "支持", "服务", "打造", "建设", "融入", "参加",
    "出席", "全面", "深入", "加快", "推动", "围绕", "根据", "按照", "促进", "实现", "完成", "开展",
    "举办", "举行", "发布", "印发", "做好", "聚焦", "学习", "传达",
];

/// The first place name of a title: 锦州市, 辽宁省, 黑山县.
pub fn region_of(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    // Skip a leading year (2024年锦州市政府工作报告, 2023年度巨鹿县…).
    let mut i = 0;
    if let Some((_, len)) = year_at(&chars, 0) {
        i = len;
        if chars.get(i) == Some(&'度') {
            i += 1;
        }
    }
    // 经淮安市淮安区第十八届人民代表大会…表决: a preposition before the place.
    if chars
        .get(i)
        .is_some_and(|c| matches!(c, '经' | '据' | '在' | '对'))
        && crate::region::place_chain_at(&chars, i + 1).is_some()
    {
        i += 1;
    }
    // (福建省)福州市长乐区…: the province in brackets before the place.
    if matches!(chars.get(i), Some('(' | '（')) {
        if let Some(close) = chars[i..]
            .iter()
            .take(8)
            .position(|c| matches!(c, ')' | '）'))
        {
            i += close + 1;
        }
    }
    // 欢迎您来到南昌市统计局门户网站: a site's greeting before its name.
    for w in ["欢迎您来到", "欢迎来到", "欢迎访问", "欢迎光临"] {
        let w: Vec<char> = w.chars().collect();
        if chars[i..].starts_with(&w) {
            i += w.len();
        }
    }
    // 中共辽宁省委 辽宁省人民政府: the party committee's name holds the place.
    if chars[i..].starts_with(&['中', '共']) {
        i += 2;
    }
    let mut best: Option<String> = None;
    if chars
        .get(i)
        .is_some_and(|c| matches!(c, '全' | '本' | '我' | '各' | '该'))
        // (今年市本级为民办实事: this year's, no place.)
        || ["今年", "去年", "明年"]
            .iter()
            .any(|w| chars[i..].starts_with(&w.chars().collect::<Vec<_>>()))
    {
        return None;
    }
    // A known place first (罗湖区, 黔南州 are places although short).
    if let Some((p, len, short)) = crate::region::place_chain_at(&chars, i) {
        let next = chars.get(i + len).copied();
        if !short && !next.is_some_and(|c| matches!(c, '市' | '省' | '县')) {
            return Some(p.name.to_string());
        }
        // 贵州县乡公路…: a province's short name before 县乡, no county.
        if let Some(c) = next.filter(|c| matches!(c, '市' | '省' | '县')) {
            if short
                && !p.name.ends_with(c)
                && crate::region::lookup(&chars[i..=i + len].iter().collect::<String>()).is_none()
            {
                return Some(p.name.to_string());
            }
        }
    }
    // (许健在县十九届人大…, 批转市发改委…, 经市领导同意: a person, a verb or a
    // preposition before a bare 县/市, no place.)
    if chars
        .get(i)
        .is_some_and(|c| matches!(c, '经' | '据' | '在' | '对' | '批' | '转' | '由'))
    {
        return None;
    }
    for end in (i + 1)..(i + 8).min(chars.len()) {
        let c = chars[end];
        // 州 and 区 end a name only past two chars (锦州市 is not 锦州; 义县 is a county).
        if matches!(c, '市' | '省' | '县' | '盟' | '旗')
            || (matches!(c, '州' | '区') && end > i + 2)
        {
            let name: String = chars[i..=end].iter().collect();
            // 图为陈冬代市长: 市长 is the mayor, not a place's suffix.
            let office = chars.get(end + 1) == Some(&'长');
            // (放大 缩小 默认 市二届人大…, 城市规划 城区…: words run into a
            // suffix; a place the gazetteer does not know has a short name.)
            let long = end - i + 1 > 5;
            if !office
                && !long
                && name.chars().all(planwatch_text::norm::is_han)
                && !name.contains("关于")
                && !name.contains('的')
                && !name.contains('在')
                // 代表市人民政府, 本届政府: words before a suffix, not a place.
                && !["代表", "各位", "政府", "人大", "会议", "委员", "我们"]
                    .iter()
                    .any(|w| name.contains(w))
                // 魅力文明城市创建行动方案: 城市 is "city", no place's name (a
                // known one, 晋城市, was found above).
                && !name.ends_with("城市")
                && !name.ends_with("都市")
                // 解读市第十三次党代会报告, 承接市级权限: a verb before 市, which
                // is the city's own (市第十三次党代会), no place's suffix.
                // (湖南发布湘赣边区域…方案: a verb inside, no name either.)
                && !VERBS_BEFORE_SHI.iter().any(|w| name.contains(w))
                // (市农委对县…: a function word, no place's.)
                && !name.contains(['对', '委', '向', '把', '将', '为', '由', '从'])
                // (生态福地美丽福州建设行动方案: a known place inside a slogan.)
                && !(i + 1..end).any(|k| {
                    crate::region::lookup(&chars[k..=end].iter().collect::<String>()).is_some()
                })
            {
                best = Some(name);
                break;
            }
        }
    }
    best
}

/// The period a plan covers: 十三五 → 2016–2020, (2015—2025年) → 2015–2025.
pub(crate) fn period_of(t: &str) -> (Option<i32>, Option<i32>) {
    let chars: Vec<char> = t.chars().collect();
    // Explicit span of years.
    let mut years = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit()
            && i + 4 <= chars.len()
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && !(i > 0 && chars[i - 1].is_ascii_digit())
        {
            let y: i32 = chars[i..i + 4]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            if (1949..=2100).contains(&y) {
                years.push((i, y));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    for w in years.windows(2) {
        let between: String = chars[w[0].0 + 4..w[1].0].iter().collect();
        if between.chars().count() <= 2
            && between
                .chars()
                .all(|c| matches!(c, '—' | '–' | '-' | '－' | '~' | '～' | '至' | '年'))
            && w[1].1 > w[0].1
        {
            return (Some(w[0].1), Some(w[1].1));
        }
    }
    // The period the text speaks of, else the first it names: 高质量完成“十四五”
    // 规划…较“十三五”增长50% is about the 十四五.
    match period_spoken_of(t).or_else(|| named_period(t)) {
        Some((a, b)) => (Some(a), Some(b)),
        None => (None, None),
    }
}

pub(crate) const FIVE_YEAR_PLANS: &[(&str, i32)] = &[
    ("第十一个五年", 2006),
    ("第十二个五年", 2011),
    ("第十三个五年", 2016),
    ("第十四个五年", 2021),
    ("第十五个五年", 2026),
    ("十一五", 2006),
    ("十二五", 2011),
    ("十三五", 2016),
    ("十四五", 2021),
    ("十五五", 2026),
];

/// The period a name like “十三五” stands for, as (first year, last year):
/// the first period named in `s`.
pub fn named_period(s: &str) -> Option<(i32, i32)> {
    FIVE_YEAR_PLANS
        .iter()
        .filter_map(|(n, y)| s.find(n).map(|at| (at, *y)))
        .min()
        .map(|(_, y)| (y, y + 4))
}

/// A period the sentence speaks of (“十三五”时期, 十二五期间, “十三五”以来),
/// not one it compares with (比“十二五”末).
pub fn period_spoken_of(s: &str) -> Option<(i32, i32)> {
    let mut best: Option<(usize, i32)> = None;
    for (n, y) in FIVE_YEAR_PLANS {
        for (at, _) in s.match_indices(n) {
            let before = &s[..at];
            let after = s[at + n.len()..].trim_start_matches(['”', '"', '’']);
            // (是“十二五”时期的2.7倍 compares too; 由“十三五”末的56.47%提升到
            // starts a change from it.)
            let after_is = |c: char| before.ends_with(c) || before.ends_with(&format!("{c}“"));
            // (2025年是“十四五”规划收官之年 speaks of it: 是 compares only
            // when a multiple follows.)
            // (和“十二五”末相比，…增长44.6%: the base of the changes.)
            let set_against = ['和', '与', '同'].into_iter().any(after_is) && {
                let next: String = after.chars().take(6).collect();
                next.contains("相比") || next.contains("比较")
            };
            let compared = ['比', '较', '由', '从'].into_iter().any(after_is)
                || set_against
                || (after_is('是') && after.chars().take(12).any(|c| c == '倍'));
            let spoken = after.starts_with("时期")
                || after.starts_with("期间")
                || after.starts_with("以来")
                || after.starts_with("末")
                // (“十四五”规划提出…目标: the plan itself, its goals due at its end;
                // 規畫 in Taiwan's script.)
                || after.starts_with("规划")
                || after.starts_with("规画");
            if spoken && !compared && best.is_none_or(|(b, _)| at < b) {
                best = Some((at, *y));
            }
        }
    }
    best.map(|(_, y)| (y, y + 4))
}

/// The first five-year period a heading names in any way (`“十三五”发展成绩单`,
/// `十三五规划实施情况`): a heading is about the period it names.
pub fn period_named(s: &str) -> Option<(i32, i32)> {
    FIVE_YEAR_PLANS
        .iter()
        .filter_map(|(n, y)| s.find(n).map(|at| (at, *y)))
        .min()
        .map(|(_, y)| (y, y + 4))
}

/// 锦政发〔2017〕55号.
pub(crate) fn doc_number(l: &str) -> Option<String> {
    let open = l.find(['〔', '[', '['])?;
    let close = l[open..].find(['〕', ']', ']'])? + open;
    let hao = l[close..].find('号')? + close;
    let start = l[..open]
        .char_indices()
        .rev()
        .take_while(|(_, c)| planwatch_text::norm::is_han(*c))
        .last()
        .map(|(i, _)| i)?;
    let s = &l[start..hao + '号'.len_utf8()];
    (s.chars().count() <= 20).then(|| s.to_string())
}

/// For plans without a period in the title: the year most often named after 到.
pub(crate) fn most_common_target_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
    for i in 0..chars.len() {
        if chars[i] == '到' {
            if let Some((y, _)) = year_at(&chars, i + 1) {
                *counts.entry(y).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}

/// The time frame a document speaks in: which year is "now" and which years
/// its goals and achievements default to.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Type of document.
    pub doc_type: DocType,
    /// The last year with achieved values: a plan's base year, a report's previous year.
    pub present: Option<i32>,
    /// Default year of a goal.
    pub target_year: Option<i32>,
    /// Default year of an achieved value.
    pub actual_year: Option<i32>,
    /// The years were read off the latest year the text gives figures for,
    /// not from a date, title or period of the document.
    pub from_figures: bool,
    /// First year of the plan period the document is about (a review's plan).
    pub period_start: Option<i32>,
    /// The year its 今年 means, where that is not [`Frame::target_year`]: a
    /// work report delivered in December reviews its own year; news of a plan
    /// dated before the plan's period speaks in its date's year.
    pub spoken_in: Option<i32>,
    /// An article dated in the first two months of its year (on that year's
    /// plans, from the 两会): its figures of that year are goals unless it
    /// counts them so far.
    pub early_in_year: bool,
    /// An article on a plan just issued (印发《…实施方案》): its figures
    /// without a year, or of its own year, are the plan's goals.
    pub on_plan: bool,
    /// An article on one year's plan just issued (印发《…2019年工作方案》):
    /// its figures dated that year are the plan's goals.
    pub plan_issued_for: Option<i32>,
}

impl Frame {
    /// Derives the frame from metadata.
    pub fn new(info: &DocumentInfo) -> Frame {
        // What every type starts from; each sets its own years below.
        let base = Frame {
            doc_type: info.doc_type,
            present: None,
            target_year: None,
            actual_year: None,
            from_figures: false,
            period_start: info.period_start,
            spoken_in: None,
            early_in_year: false,
            on_plan: false,
            plan_issued_for: None,
        };
        match info.doc_type {
            DocType::WorkReport => {
                // A report within its year (1至7月计划执行情况) covers that year
                // itself (its period is the year); others review the year before.
                let within = info.period_end.is_some() && info.period_end == info.year;
                let reviewed = info.year.map(|y| if within { y } else { y - 1 });
                Frame {
                    present: reviewed,
                    target_year: info.year,
                    actual_year: reviewed,
                    ..base
                }
            }
            DocType::StatisticalBulletin => Frame {
                present: info.year,
                target_year: info.year.map(|y| y + 1),
                actual_year: info.year,
                ..base
            },
            DocType::FiveYearPlan | DocType::Outline => {
                // (An outline's period may start at its base year, unless it
                // was issued in that year or before: 莎车县扶贫开发工作规划,
                // 2016-03, on 2016–2020.)
                let base_year = info.period_start.map(|s| {
                    if info.doc_type == DocType::Outline && info.year.is_none_or(|y| y > s) {
                        s
                    } else {
                        s - 1
                    }
                });
                Frame {
                    present: base_year,
                    target_year: info.period_end,
                    actual_year: base_year,
                    ..base
                }
            }
            // A review speaks of its own year (the latest it has figures for,
            // set by `frame::time_frame`) and of the plan's goals at its end.
            DocType::PlanReview => Frame {
                present: info.year,
                target_year: info.period_end.or(info.year),
                actual_year: info.year,
                ..base
            },
            DocType::ImplementationPlan | DocType::Other => Frame {
                // (One year's tasks, 2024年为民办实事项目, speak before that year.)
                present: if info.doc_type == DocType::ImplementationPlan
                    && info.period_start.is_some()
                    && info.period_start == info.period_end
                    && info.year == info.period_end
                {
                    info.year.map(|y| y - 1)
                } else {
                    info.year.or(info.period_start)
                },
                target_year: info.period_end.or(info.year),
                actual_year: info.year.map(|y| y - 1),
                ..base
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(text: &str) -> DocumentInfo {
        document_info(text)
    }

    #[test]
    fn a_text_is_of_the_period_it_speaks_of_not_the_one_it_compares_with() {
        let p = |t: &str| period_of(t);
        // One five-year plan compared with the last: the first is the subject,
        // whatever order the periods are listed in.
        assert_eq!(
            p("山西省新闻办举行“高质量完成‘十四五’规划”系列新闻发布会。“十四五”期间全省累计完成投资3279亿元,较“十三五”增长50%。"),
            (Some(2021), Some(2025))
        );
        // 是 before a period compares only with a multiple after it.
        assert_eq!(
            p("2025年是“十四五”规划收官、“十五五”规划编制之年。"),
            (Some(2021), Some(2025))
        );
        assert_eq!(
            p("投资额是“十二五”时期的2.7倍,“十三五”期间年均增长8%。"),
            (Some(2016), Some(2020))
        );
        assert_eq!(p("全年地区生产总值增长6%。"), (None, None));
        // A period set against (和“十二五”末相比) is the base of the changes.
        assert_eq!(
            period_spoken_of("和“十二五”末相比,城乡居民人均可支配收入分别增长44.6%"),
            None
        );
        assert_eq!(
            period_spoken_of("“十二五”末,城乡居民人均可支配收入达到2万元"),
            Some((2011, 2015))
        );
    }

    #[test]
    fn how_one_years_tasks_went_is_a_review() {
        assert_eq!(
            doc_type_of("省委、省政府发布关于2023年为民办实事项目实施情况的通报"),
            DocType::PlanReview
        );
        assert_eq!(
            doc_type_of("2023年为民办实事项目"),
            DocType::ImplementationPlan
        );
    }

    #[test]
    fn a_reports_tasks_split_among_departments_are_an_implementation_plan() {
        for t in [
            "2025年县政府工作报告任务清单",
            "关于分解落实《政府工作报告》的通知",
            "2024年政府工作报告重点工作任务分工方案",
        ] {
            assert_eq!(doc_type_of(t), DocType::ImplementationPlan, "{t}");
        }
        assert_eq!(doc_type_of("2025年县政府工作报告"), DocType::WorkReport);
        assert_ne!(
            doc_type_of("甲区圆满完成“十四五”目标任务"),
            DocType::ImplementationPlan
        );
        // Work ahead is no review.
        assert_ne!(
            doc_type_of("年底前,甲市要全面完成县级国土空间规划编制"),
            DocType::PlanReview
        );
        assert_eq!(
            doc_type_of("甲市“十三五”规划《纲要》预计完成31项指标"),
            DocType::PlanReview
        );
        assert_eq!(
            doc_type_of("《政府工作报告》解读2017:十件实事"),
            DocType::ImplementationPlan
        );
        assert_eq!(
            doc_type_of("甲区人民政府办公室关于印发2022年区政府工作报告目标任务的通知"),
            DocType::ImplementationPlan
        );
        // One year's goals and tasks, as a page lists them.
        assert_eq!(
            doc_type_of("新邱区2022年全面推进乡村振兴重点工作目标任务"),
            DocType::ImplementationPlan
        );
    }

    #[test]
    fn a_plans_results_told_are_a_review() {
        for t in [
            "文山州发布“十四五”规划经济答卷",
            "“十三五”规划收官",
            "规划纲要实施时间过半，各项目标任务进展如何",
        ] {
            assert_eq!(doc_type_of(t), DocType::PlanReview, "{t}");
        }
        assert_eq!(doc_type_of("文山州“十四五”规划"), DocType::FiveYearPlan);
    }

    #[test]
    fn reads_metadata() {
        let i = info(
            "2024年锦州市政府工作报告\n——2024年1月10日在锦州市第十七届人民代表大会第三次会议上\n",
        );
        assert_eq!(i.doc_type, DocType::WorkReport);
        assert_eq!(i.region.as_deref(), Some("锦州市"));
        assert_eq!(i.year, Some(2024));

        let i =
            info("葫芦岛市国民经济和社会发展\n第十四个五年规划和二〇三五年\n远景目标纲要\n正文。");
        assert_eq!(i.doc_type, DocType::FiveYearPlan);
        assert_eq!(i.region.as_deref(), Some("葫芦岛市"));
        assert_eq!((i.period_start, i.period_end), (Some(2021), Some(2025)));

        assert_eq!(
            region_of("(福建省)福州市长乐区人民政府工作报告").as_deref(),
            Some("长乐区")
        );
        assert_eq!(region_of("图为陈冬代市长正在作政府工作报告。"), None);
        // Words run into a suffix are no unknown place.
        assert_eq!(region_of("放大缩小默认市二届人大四次会议隆重开幕"), None);
        assert_eq!(region_of("城市规划城区行政中心外移"), None);
        // A person, verb or preposition before a bare 县/市; a province's
        // short name before 县乡.
        assert_eq!(
            region_of("许健在县十九届人大一次会议上作的政府工作报告"),
            None
        );
        assert_eq!(
            region_of("批转市发改委关于2025年全市国民经济和社会发展计划的通知"),
            None
        );
        assert_eq!(region_of("经市领导同意，现将《方案》印发给你们"), None);
        // (A verb before the city's own 市第十三次党代会.)
        assert_eq!(region_of("解读市第十三次党代会工作报告(二)"), None);
        assert_eq!(region_of("承接市级权限下放事项实施方案"), None);
        // (A verb or a function word inside, a known place inside a slogan.)
        assert_ne!(
            region_of("湖南发布湘赣边区域合作示范区建设方案").as_deref(),
            Some("湖南发布湘赣边区")
        );
        assert_eq!(region_of("市农委对县区农民增收的考核办法"), None);
        assert_eq!(region_of("生态福地美丽福州建设行动方案印发"), None);
        assert_eq!(region_of("魅力文明城市创建行动方案"), None);
        assert_eq!(
            region_of("晋城市2020年政府工作报告").as_deref(),
            Some("晋城市")
        );
        assert_eq!(
            region_of("贵州县乡公路改造三年攻坚行动计划").as_deref(),
            Some("贵州省")
        );
        assert_eq!(
            region_of("吉林市2023年政府工作报告").as_deref(),
            Some("吉林市")
        );

        let i = info("温州“十三五”规划《纲要》预计完成31项指标\n正文。");
        assert_eq!(i.doc_type, DocType::PlanReview);

        let i = info("锦州市经济社会发展纲要(2015—2025年)(讨论稿)\n");
        assert_eq!(i.doc_type, DocType::Outline);
        assert_eq!((i.period_start, i.period_end), (Some(2015), Some(2025)));

        let i = info("锦政发〔2017〕55号\n\n锦州市人民政府关于印发锦州市补短板实施方案的通知\n\n  锦州市人民政府\n\n  2017年8月6日\n到2020年，建成。到2020年，完成。");
        assert_eq!(i.doc_type, DocType::ImplementationPlan);
        assert_eq!(i.number.as_deref(), Some("锦政发〔2017〕55号"));
        assert_eq!(i.year, Some(2017));
        assert_eq!(i.period_end, Some(2020));
        assert_eq!(i.region.as_deref(), Some("锦州市"));

        let i = info("乙市2023年国民经济和社会发展统计公报\n\n全年全市地区生产总值1亿元。\n");
        assert_eq!(i.region.as_deref(), Some("乙市"));
        let i = info("2023年某某市國民經濟和社會發展統計公報\n");
        assert_eq!(i.doc_type, DocType::StatisticalBulletin);
        assert_eq!(i.year, Some(2023));
    }
}
