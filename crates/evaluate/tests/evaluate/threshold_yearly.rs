//! Ceilings and floors (met or breached), one-year targets and qualitative goals.

use planwatch_core::{Comparator, Measure};
use planwatch_evaluate::{Case, Colour, Direction, Method, Status, TrendStatus};

use crate::{actual, binding, check, target};

#[test]
fn ceilings_and_floors() {
    use Comparator::*;
    let unemployment = "城镇登记失业率";
    let forest = "森林覆盖率";
    let education = "劳动年龄人口平均受教育年限";
    // (name, target comparator, target, base, latest, status)
    let rows = [
        // 失业率 控制在 4.5% 以内, base 3.5, 2018 4.2 ≤ 4.5 → achieved.
        ("le met", unemployment, Le, 4.5, 3.5, 4.2, Status::Achieved),
        // 2018 4.8 > 4.5 → breached → off_track.
        (
            "le breached",
            unemployment,
            Le,
            4.5,
            3.5,
            4.8,
            Status::OffTrack,
        ),
        // 低于 4.5%: 4.5 itself breaches.
        (
            "lt boundary",
            unemployment,
            Lt,
            4.5,
            3.5,
            4.5,
            Status::OffTrack,
        ),
        // 不高于: exactly 4.5 is fine.
        (
            "le boundary",
            unemployment,
            Le,
            4.5,
            3.5,
            4.5,
            Status::Achieved,
        ),
        // 森林覆盖率 ≥ 21% with base 22 (already above): 2018 21.5 → achieved.
        ("floor kept", forest, Ge, 21.0, 22.0, 21.5, Status::Achieved),
        // … 2018 20.5 → breached → off_track.
        (
            "floor breached",
            forest,
            Ge,
            21.0,
            22.0,
            20.5,
            Status::OffTrack,
        ),
        // 受教育年限 14 → 14 (target met at base, eq): 13.9 → off_track.
        (
            "kept level lost",
            education,
            Eq,
            14.0,
            14.0,
            13.9,
            Status::OffTrack,
        ),
        (
            "kept level",
            education,
            Eq,
            14.0,
            14.0,
            14.1,
            Status::Achieved,
        ),
    ];
    for (name, ind, cmp, goal, base, latest, status) in rows {
        let case = Case::new(binding(target(ind, 2020, goal, "%", Measure::Level, cmp)))
            .base(actual(ind, 2015, base, "%", Measure::Level))
            .actual(actual(ind, 2018, latest, "%", Measure::Level));
        let (trend, colour) = match status {
            Status::Achieved => (Some(TrendStatus::Achieved), Colour::Green),
            _ => (None, Colour::Red),
        };
        let a = check(
            name,
            &case,
            status,
            trend,
            colour,
            &[("p", None), ("tau", None), ("r", None)],
        );
        assert_eq!(a.method, Method::Threshold, "{name}");
        assert_eq!(a.latest_year, Some(2018), "{name}");
    }
}

#[test]
fn ceiling_explanation() {
    let ind = "城镇登记失业率";
    let case = Case::new(target(ind, 2020, 4.5, "%", Measure::Level, Comparator::Le))
        .base(actual(ind, 2015, 3.5, "%", Measure::Level))
        .actual(actual(ind, 2018, 4.8, "%", Measure::Level));
    let a = check("ceiling", &case, Status::OffTrack, None, Colour::Red, &[]);
    assert_eq!(
        a.explanation,
        "2018年城镇登记失业率4.8%，目标4.5%以内，超出上限"
    );
    assert_eq!(a.direction, Direction::Lower);
}

#[test]
fn yearly_targets_of_a_work_report() {
    use Comparator::*;
    let gdp = "地区生产总值";
    // (name, measure, comparator, target, value_max, unit, actual of 2024, status)
    let rows = [
        // 增长 6% 左右, actual 5.6: within 0.5 points → achieved.
        (
            "approx met",
            Measure::Growth,
            Approx,
            6.0,
            None,
            "%",
            5.6,
            Status::Achieved,
        ),
        // actual 5.4: 0.6 points short → off_track.
        (
            "approx missed",
            Measure::Growth,
            Approx,
            6.0,
            None,
            "%",
            5.4,
            Status::OffTrack,
        ),
        // 6% 以上, actual 5.9 → off_track.
        (
            "ge missed",
            Measure::Growth,
            Ge,
            6.0,
            None,
            "%",
            5.9,
            Status::OffTrack,
        ),
        // 5%—6%, actual 5.2 ≥ 5 → achieved.
        (
            "range met",
            Measure::Growth,
            Eq,
            5.0,
            Some(6.0),
            "%",
            5.2,
            Status::Achieved,
        ),
        // CPI 涨幅控制在 3% 以内, actual 2.5 → achieved.
        (
            "cpi ceiling",
            Measure::Growth,
            Le,
            3.0,
            None,
            "%",
            2.5,
            Status::Achieved,
        ),
        // 突破 2000 亿元 (gt): exactly 2000 is not above it; 2000.5 is.
        (
            "gt boundary",
            Measure::Level,
            Gt,
            2000.0,
            None,
            "亿元",
            2000.0,
            Status::OffTrack,
        ),
        (
            "gt met",
            Measure::Level,
            Gt,
            2000.0,
            None,
            "亿元",
            2000.5,
            Status::Achieved,
        ),
        // 2000 亿元以上 (ge): exactly 2000 meets it.
        (
            "ge boundary",
            Measure::Level,
            Ge,
            2000.0,
            None,
            "亿元",
            2000.0,
            Status::Achieved,
        ),
        // 增长 6% (eq): 6 meets it, 5.9 does not (no slack without 左右).
        (
            "eq met",
            Measure::Growth,
            Eq,
            6.0,
            None,
            "%",
            6.0,
            Status::Achieved,
        ),
        (
            "eq missed",
            Measure::Growth,
            Eq,
            6.0,
            None,
            "%",
            5.9,
            Status::OffTrack,
        ),
        // Level 70 亿元左右, actual 68.7 ≥ 70 × 0.98 = 68.6 → achieved.
        (
            "level approx met",
            Measure::Level,
            Approx,
            70.0,
            None,
            "亿元",
            68.7,
            Status::Achieved,
        ),
        // actual 68.5 < 68.6 → off_track.
        (
            "level approx missed",
            Measure::Level,
            Approx,
            70.0,
            None,
            "亿元",
            68.5,
            Status::OffTrack,
        ),
    ];
    for (name, measure, cmp, goal, max, unit, value, status) in rows {
        let mut t = target(gdp, 2024, goal, unit, measure, cmp);
        t.value_max = max;
        let case = Case::new(t).actual(actual(gdp, 2024, value, unit, measure));
        let (trend, colour) = match status {
            Status::Achieved => (Some(TrendStatus::Achieved), Colour::Green),
            _ => (None, Colour::Red),
        };
        let a = check(name, &case, status, trend, colour, &[("p", None)]);
        assert_eq!(a.method, Method::Yearly, "{name}");
    }
}

#[test]
fn yearly_explanation_and_no_data() {
    let gdp = "地区生产总值";
    let t = target(gdp, 2024, 6.0, "%", Measure::Growth, Comparator::Approx);
    let case = Case::new(t.clone()).actual(actual(gdp, 2024, 5.4, "%", Measure::Growth));
    let a = check("missed", &case, Status::OffTrack, None, Colour::Red, &[]);
    assert_eq!(
        a.explanation,
        "2024年地区生产总值增长5.4%，目标增长6%左右，未完成"
    );
    // Only 2023 known: no data for 2024.
    let case = Case::new(t.clone()).actual(actual(gdp, 2023, 5.4, "%", Measure::Growth));
    let a = check("none", &case, Status::NoData, None, Colour::Grey, &[]);
    assert_eq!(a.explanation, "地区生产总值：尚无2024年实际数据");
    // Evaluated as of 2023: the 2024 actual is not known yet.
    let case = Case::new(t)
        .actual(actual(gdp, 2024, 6.1, "%", Measure::Growth))
        .as_of(2023);
    check("as of", &case, Status::NoData, None, Colour::Grey, &[]);
}

#[test]
fn qualitative_goal() {
    let mut t = target(
        "新增建设用地规模",
        2020,
        0.0,
        "万亩",
        Measure::Level,
        Comparator::Eq,
    );
    t.value = None;
    t.text = Some("完成省下达目标".to_string());
    let a = check(
        "qualitative",
        &Case::new(t),
        Status::Qualitative,
        None,
        Colour::Grey,
        &[("p", None)],
    );
    assert_eq!(a.method, Method::Qualitative);
    assert_eq!(a.explanation, "定性目标：完成省下达目标，需人工判断");
}
