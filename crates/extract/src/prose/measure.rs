//! Measure of a figure: level, growth, average growth, cumulative change or
//! reduction, from the words before it.

use super::*;

/// The measure of a quantity, and whether its value is a fall (negative).
pub(super) fn decide_measure(
    doc_type: DocType,
    kind: Kind,
    pre: &str,
    q: &Quantity,
) -> (Measure, bool) {
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
    // (牧业产值38.69亿元，增4.0%: the bare verb opening its clause.)
    // (比上年低0.03个千分点, 比上年高1.2个百分点: a year's change told as higher
    // or lower.)
    let bare = |v: &str| pre.trim() == v;
    let than_last = |v: &str| {
        crate::words::YEAR_ON_YEAR
            .iter()
            .any(|b| pre.trim_end().ends_with(&format!("{b}{v}")))
    };
    let last_rise =
        last_verb(RISE).or((bare("增") || than_last("高")).then_some((pre.len(), "增")));
    let last_fall = last_verb(FALL)
        .or((bare("降") || bare("减") || than_last("低")).then_some((pre.len(), "降")));
    let verb = match (last_rise, last_fall) {
        // (负增长 ends where its 增长 does: the fall, the longer word.)
        (Some(r), Some(f)) => Some(if r.0 > f.0 { (r.0, true) } else { (f.0, false) }),
        (Some(r), None) => Some((r.0, true)),
        (None, Some(f)) => Some((f.0, false)),
        (None, None) => None,
    };
    // A verb followed by 至/到 names the level reached (降低至43, 提高到95%).
    // (增长3.5%达19.4亿元: the change told, then the level it reached.)
    let to_level = verb.is_some_and(|(end, _)| {
        let rest = &pre[end..];
        rest.starts_with('至')
            || rest.starts_with('到')
            || rest.find(|c: char| c.is_ascii_digit()).is_some_and(|d| {
                let after = rest[d..].trim_end();
                after.ends_with('达') || after.ends_with("达到")
            })
    });
    let yoy = crate::words::YEAR_ON_YEAR.iter().any(|w| pre.contains(w));
    // (按年平均汇率折算: a rate of exchange, no change; read without it.)
    let averaged;
    let pre = if pre.contains("年平均汇率") {
        averaged = pre.replace("年平均汇率", "");
        averaged.as_str()
    } else {
        pre
    };
    // (PM2.5年均浓度下降至59微克/立方米, 年均浓度为35微克/立方米: an annual
    // mean's level, not an average change.)
    let mean_level = to_level || (!rate && verb.is_none());
    if (!mean_level && (pre.contains("年均") || pre.contains("年平均")))
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
        // (So is the fall of what is meant to fall, as a result too:
        // PM2.5平均浓度较2015年下降37%, 煤炭消费较2020年下降155万吨.)
        if fall
            && ((kind == Kind::Target && rate)
                || (meant_to_fall(pre) && !q.unit.ends_with("百分点")))
        {
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
    // 削减3%, 压缩60%: a cut made, stated as a positive number, a result too
    // (not against last year: 同比压减5% is a change).
    let cut = last_fall.is_some_and(|(e, w)| {
        matches!(w, "削减" | "压减" | "压缩" | "缩减") && verb.is_some_and(|(ve, _)| ve == e)
    });
    if cut && !yoy {
        return (Measure::Reduction, false);
    }
    // 单位生产总值能耗下降4%, 化学需氧量排放量下降4.5% in an article or a
    // review: a cut in what is meant to fall, told as the cut made (a report
    // or bulletin tells it as the year's change).
    if meant_to_fall(pre)
        && rate
        && !yoy
        && matches!(doc_type, DocType::PlanReview | DocType::Other)
    {
        return (Measure::Reduction, false);
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

/// What policy means to fall (能耗, 排放, PM2.5浓度, 煤炭消费): its cut is
/// told as a positive number.
fn meant_to_fall(pre: &str) -> bool {
    [
        "能耗",
        "排放",
        "浓度",
        "水耗",
        "电耗",
        "煤耗",
        "降低率",
        "用水量",
        "使用量",
        "煤炭消费",
    ]
    .iter()
    .any(|w| pre.contains(w))
}

pub(super) fn has_comparison_base(pre: &str) -> bool {
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
