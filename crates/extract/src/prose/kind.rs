//! Target or actual: the kind of a figure, from the document's frame, its
//! section, its year and the marker words around it (力争, 确保, 已, 比上年).

use super::*;

pub(super) fn decide_kind(
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
    // 67个重大产业项目年度计划投资378亿元，完成投资463.5亿元: the amount
    // planned is a goal, whatever the clauses after it report.
    if planned_amount(pre) {
        return Kind::Target;
    }
    // A review sets results beside goals in one sentence: only the clause counts.
    // (So does a clause reporting what was done after one naming the goal:
    // 考核指标23.1万亩，完成28.69万亩，完成率124.2%.)
    let clause = pre.rsplit(['，', ',', '；', ';']).next().unwrap_or(pre);
    // (Only beside a rate of completion: 力争…，完成投资6800亿元 is a goal.)
    let reports_done = ["完成", "实际完成", "实现"]
        .iter()
        .any(|w| clause.starts_with(w))
        && ["完成率", "完成比例", "超额完成"]
            .iter()
            .any(|w| sentence.contains(w));
    let marked_in = if frame.doc_type == DocType::PlanReview || reports_done {
        pre
    } else {
        sentence
    };
    let target_marked = crate::words::target_markers(marked_in).any(|w| {
        marked_in.match_indices(w).any(|(i, _)| {
            let before = &marked_in[..i];
            // 搬迁入住任务全面完成: a task done, not set.
            // (计划完成总投资107.39亿元: planned, the figure its object.)
            let done_after = matches!(*w, "目标" | "任务" | "计划")
                && task_done(&marked_in[i + w.len()..])
                && !(*w == "计划" && plans_an_amount(&marked_in[i + w.len()..]));
            // 实施服务业企业三年倍增计划: a programme's name, not a goal set.
            // (169个计划新开工项目已开工118个: a kind of project, those
            // planned to start this year.)
            let programme = matches!(*w, "计划" | "规划")
                && (names_programme(before) || names_project_kind(&marked_in[i + w.len()..]));
            // 国土空间总体规划(2021—2035年)获批实施: a plan named as a document.
            let document = matches!(*w, "计划" | "规划" | "纲要")
                && plan_document_named(&marked_in[i + w.len()..]);
            // 规划目标实现综合指数: the 目标 after it says which.
            let goal_after = matches!(*w, "计划" | "规划")
                && ["目标", "任务"]
                    .iter()
                    .any(|g| marked_in[i + w.len()..].starts_with(g));
            // 人均预期寿命: an indicator's name.
            // (对经济预期最直接的表达, 稳预期, 市场预期向好: people's
            // expectations, not a goal.)
            let lifespan = *w == "预期"
                && (marked_in[i..].starts_with("预期寿命")
                    || ["经济", "市场", "社会", "稳", "提振", "改善", "良好", "消费"]
                        .iter()
                        .any(|p| before.ends_with(p))
                    || ["向好", "稳定", "改善", "转弱", "偏弱"]
                        .iter()
                        .any(|f| marked_in[i + w.len()..].starts_with(f)));
            // (向上争取资金21.33亿元, 争取到中央预算内资金: money obtained.)
            // (争取中央投资33.56亿元: money obtained from above.)
            let obtained = *w == "争取" && {
                let after: String = marked_in[i + w.len()..].chars().take(8).collect();
                after.starts_with('到')
                    || after.contains("资金")
                    || after.contains("债")
                    || ["中央", "上级", "国家"].iter().any(|w| after.starts_with(w))
            };
            // (确保了受灾群众有饭吃: a perfective 了 tells what was made sure of.)
            let perfective = marked_in[i + w.len()..].starts_with('了');
            // (目标任务均为国家下达): an aside in brackets says nothing of the figure.
            let opened = before.matches(['(', '（']).count();
            let aside = opened > before.matches([')', '）']).count();
            !(lifespan
                || obtained
                || perfective
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
        || (frame.doc_type == DocType::Other
            && speaks_of_future(marked_in)
            && (pre.contains("即将") || !future_only_as_imminent(marked_in)));
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
    // (今年，…将…，确保固定资产投资达到120亿元以上，上争资金同比增长20%以上:
    // in a sentence that speaks of the future, 同比/比上年 says how a goal is
    // measured, not that it was reached.)
    let ahead =
        || speaks_of_future(sentence) || ["确保", "力争"].iter().any(|w| sentence.contains(w));
    let actual_marked = already
        || now
        || ACTUAL_MARKERS.iter().any(|w| {
            (pre.contains(w) || sentence.contains(w))
                && !(crate::words::YEAR_ON_YEAR.contains(w) && ahead())
        });
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
    // (And a list announced as goals, whatever year the text is of:
    // 主要预期目标是：…到2005年GDP达到5680亿元 in a page of 2006.)
    if ((frame.doc_type == DocType::ImplementationPlan && section.goals) || section.announced)
        && !actual_marked
    {
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
        // (Not a year before the plan's: 2023年…实现税收622.08亿元 in the
        // tasks for 2024, which speak from the end of 2023.)
        if y == p
            && (frame.doc_type == DocType::ImplementationPlan || frame.on_plan)
            && frame.period_start.is_none_or(|s| s <= y)
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
    // (An undated figure in an article on this year's plan just issued, that
    // would fall in the plan's year: the plan's goal.)
    if year.is_none()
        && frame.plan_issued_for.is_some()
        && !section.review
        && !estimating()
        // (Or of the year before it, a text issuing the plan: 关于下达2023年
        // …计划的通知, whose results would be 2022's.)
        && frame.plan_issued_for.is_some_and(|y| {
            let d = default_year(ctx, section, Kind::Actual, sentence);
            d == Some(y) || d == Some(y - 1)
        })
        // (自…座谈会以来，…从700万锭增长到1360万锭: counted up to now.)
        && !["以来", "截至", "截止", "累计"]
            .iter()
            .any(|w| sentence.contains(w))
    {
        return Kind::Target;
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
pub(super) fn names_programme(before: &str) -> bool {
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

/// `年度计划投资378亿元`, `计划总投资12亿元`: the figure's own clause names
/// it as the amount planned (not 占年度计划的73%, nor 完成年度计划投资的…).
fn planned_amount(pre: &str) -> bool {
    let clause = pre
        .rsplit(['，', ',', '。', '；', ';', '：', ':'])
        .next()
        .unwrap_or(pre);
    ["计划投资", "计划总投资", "计划完成投资", "投资计划为"]
        .iter()
        .any(|w| clause.ends_with(w))
        && !["完成", "占", "已"]
            .iter()
            .any(|w| clause.split("计划").next().is_some_and(|b| b.contains(w)))
}

/// `完成总投资107.39亿元` right after 计划: a figure to reach, the object of
/// the verb in its clause.
fn plans_an_amount(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("完成")
        .or_else(|| after.strip_prefix("实现"))
    else {
        return false;
    };
    let clause = rest
        .split(['，', ',', '。', '；', ';'])
        .next()
        .unwrap_or(rest);
    clause
        .chars()
        .next()
        .is_some_and(planwatch_text::norm::is_han)
        && clause.chars().any(|c| c.is_ascii_digit())
}

/// `全面完成`, `提前实现` right after a goal word: the goal was met.
pub(super) fn task_done(after: &str) -> bool {
    let mut t = after;
    for w in ["已经", "已", "均", "全面", "基本", "超额", "提前", "顺利"] {
        t = t.strip_prefix(w).unwrap_or(t);
    }
    t.starts_with("完成") || t.starts_with("实现")
}

/// `建成后，每年可…`, `全部投产后将…`: where a sentence starts telling what
/// a project will yield once built (the char after the first 可/将/预计/能
/// that follows such words); a figure after it is a goal.
pub(super) fn projected_from(s: &[char]) -> Option<usize> {
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
pub(super) fn speaks_of_future(sentence: &str) -> bool {
    sentence.match_indices('将').any(|(i, w)| {
        let next = sentence[i + w.len()..].chars().next();
        // (为即将收官的“十二五”画上句号: a clause on a noun, 的 right after it.)
        let qualifies = sentence[i + w.len()..].chars().take(5).any(|c| c == '的');
        next.is_some_and(|c| planwatch_text::norm::is_han(c) && !"近其来军士".contains(c))
            && !qualifies
    })
}

/// Every 将 of the sentence is 即将 (8个国家签署或即将签署协议): about to
/// happen in its own clause, which does not make the rest of the sentence
/// future.
fn future_only_as_imminent(sentence: &str) -> bool {
    sentence
        .match_indices('将')
        .all(|(i, _)| sentence[..i].ends_with('即'))
}

/// `好于年初预期`, `高于计划`, `完成年度目标`: a result measured against the
/// goal, so the goal word that follows does not make the sentence a goal.
pub(super) fn compared_with_goal(before: &str) -> bool {
    // 好于下降7%的预期: the goal's figure between the comparison and the goal word.
    // 高于年初预期目标: the qualifiers between the comparison and the goal word.
    // (占年计划的41.8%: 年 alone qualifies 计划 as well.)
    // (比“十五”计划高出4.1个百分点: the plan named by its period.)
    // (占年度投资计划的73%: the plan's subject too.)
    // (符合3%左右的预期目标, 高于9%左右的规划目标: the figure before the
    // qualifiers, each taken off in turn.)
    let mut before = before;
    loop {
        let t = strip_goal_figure(before.strip_suffix('的').unwrap_or(before));
        let t = [
            "预期", "年初", "年度", "计划", "规划", "全年", "年", "”", "十五", "九五", "“", "投资",
            // (高于预期发展目标0.3个百分点.)
            "发展",
            // (超出国家下达任务8.1万亩, 超出年度目标任务56万亩: the goal set from above.)
            "下达", "国家", "上级", "省", "市", "目标",
        ]
        .iter()
        .find_map(|w| t.strip_suffix(w))
        .or_else(|| {
            crate::doc::FIVE_YEAR_PLANS
                .iter()
                .find_map(|(n, _)| t.strip_suffix(n))
        })
        .unwrap_or(t);
        if t.len() == before.len() {
            break;
        }
        before = t;
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
pub(super) fn strip_goal_figure(s: &str) -> &str {
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
pub(super) fn names_the_goal(tail: &str) -> bool {
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

pub(super) fn goal_aside(
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
pub(super) fn meets_goal(s: &[char], clause_start: usize, q_end: usize, clause_end: usize) -> bool {
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
pub(super) fn names_plan_goal(
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
pub(super) fn completes_goal(before: &str) -> bool {
    // (A comma inside quotes is no clause's end: 实现“玉米基本不减产,多收一季
    // 大豆”的种植目标.)
    let mut depth = 0i32;
    let mut from = 0;
    for (i, c) in before.char_indices().rev() {
        match c {
            '”' => depth += 1,
            '“' => depth -= 1,
            '，' | ',' | '；' | ';' | '。' | '：' | ':' if depth <= 0 => {
                from = i + c.len_utf8();
                break;
            }
            _ => {}
        }
    }
    let clause = &before[from..];
    // (提前一年实现了“十五”计划的主要经济目标: a goal reached, too.)
    let reached = clause.rfind("完成").or_else(|| {
        clause
            .rfind("实现了")
            .or_else(|| {
                // (2012年我市顺利实现“千百万”目标: reached, as the adverb says.)
                // (基本实现…的种植目标 after the harvest told: reached, but
                // not 到2035年基本实现, a deadline's aim.)
                // (Only in a sentence dated by its year: 今后五年…基本实现“15分钟
                // 可达城市公园”目标 is an aim.)
                let dated = || {
                    let chars: Vec<char> = before.chars().collect();
                    (0..chars.len()).any(|i| {
                        year_at(&chars, i).is_some()
                            && !(i > 0 && matches!(chars[i - 1], '到' | '至'))
                    })
                };
                ["顺利实现", "如期实现", "胜利实现", "基本实现"]
                    .iter()
                    .filter(|w| **w != "基本实现" || (!clause.contains("到20") && dated()))
                    .find_map(|w| clause.rfind(w))
            })
            .or_else(|| {
                clause
                    .contains("提前")
                    .then(|| clause.rfind("实现"))
                    .flatten()
            })
    });
    const WILL: [&str; 8] = ["确保", "力争", "争取", "努力", "要", "将", "必须", "坚决"];
    reached.is_some_and(|i| {
        // (全面完成 is an aim only after a word of will: 要全面完成.)
        let head = clause[..i].strip_suffix("全面").unwrap_or(&clause[..i]);
        !WILL.iter().any(|w| head.ends_with(w))
    }) && !clause.contains("确保")
        && !clause.contains("力争")
}

/// `新开工项目`, `建成投产项目` after 计划: the projects planned to start or
/// finish, a kind of project (a few Han characters, then 项目), unless their
/// number follows (计划新开工项目50个).
fn names_project_kind(after: &str) -> bool {
    for (n, (i, c)) in after.char_indices().enumerate() {
        if let Some(rest) = after[i..].strip_prefix("项目") {
            // (计划新开工项目50个: the number planned, a goal.)
            let counted = rest
                .trim_start_matches(['：', ':'])
                .starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c));
            return (2..=4).contains(&n) && !counted;
        }
        if !planwatch_text::norm::is_han(c) || n > 4 {
            return false;
        }
    }
    false
}

/// `今年以来`, `今年一季度`, `今年1至7月`: every 今年 of the sentence opens a
/// part of the year already past (a mid-year report's actuals), not a goal.
pub(super) fn so_far_this_year(sentence: &str) -> bool {
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
        // (截至今年9月底, 今年10月末, 提升至今年10月的45.9%: counted to a
        // month gone by; not the day of a meeting, 今年3月25日.)
        let to_a_month = sentence[..i].ends_with("截至")
            || sentence[..i].ends_with("截止")
            || sentence[..i].ends_with("截止到")
            || {
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                digits > 0
                    && ["月底", "月末", "月的", "月份的"]
                        .iter()
                        .any(|w| rest[digits..].starts_with(w))
            };
        to_a_month || SO_FAR.iter().any(|p| rest.starts_with(p))
    })
}
