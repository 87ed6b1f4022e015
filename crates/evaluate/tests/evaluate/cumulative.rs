//! Cumulative targets: totals over the plan period against the sum so far.

use planwatch_core::{Comparator, Fact, Measure};
use planwatch_evaluate::{Case, Colour, Method, Status, TrendStatus};

use crate::{actual, check, target};

const JOBS: &str = "城镇新增就业人数";

/// 城镇新增就业 [9] 万人 over 2016–2020 (base year 2015).
fn jobs(flows: &[(i32, f64, &str)]) -> Case {
    let mut case = Case::new(target(
        JOBS,
        2020,
        9.0,
        "万人",
        Measure::Cumulative,
        Comparator::Eq,
    ))
    .base(actual(JOBS, 2015, 1.3, "万人", Measure::Level));
    for &(year, value, unit) in flows {
        case = case.actual(actual(JOBS, year, value, unit, Measure::Level));
    }
    case
}

#[test]
fn cumulative_table() {
    use TrendStatus::*;
    let rows = [
        // 1.8 + 1.7 + 17000 人 (= 1.7 万人) = 5.2 万人: p = 5.2/9 = 0.5778, τ = 0.6,
        // gap 0.022 → on_track; R = p/τ = 0.9630; projected 5.2 × 5/3 = 8.667.
        (
            "three years",
            jobs(&[
                (2016, 1.8, "万人"),
                (2017, 1.7, "万人"),
                (2018, 17000.0, "人"),
            ]),
            Status::OnTrack,
            Some(Substantial),
            Colour::Green,
            vec![
                ("p", Some(0.5778)),
                ("tau", Some(0.6)),
                ("r", Some(0.9630)),
                ("proj", Some(8.6667)),
                ("req", None),
            ],
        ),
        // 2017 missing: 1.8 + 1.7 = 3.5 is only a floor of the sum to 2018, so
        // no pace can be told from it → no_data, with the years it lacks.
        (
            "missing year",
            jobs(&[(2016, 1.8, "万人"), (2018, 1.7, "万人")]),
            Status::NoData,
            None,
            Colour::Grey,
            vec![("p", None)],
        ),
        // With a year missing, a floor already past the total still meets it.
        (
            "missing year, met",
            jobs(&[(2016, 4.8, "万人"), (2018, 4.7, "万人")]),
            Status::Achieved,
            Some(TrendStatus::Achieved),
            Colour::Green,
            vec![("p", Some(1.0556))],
        ),
        // Five years 1.9 each = 9.5 ≥ 9 → achieved.
        (
            "achieved",
            jobs(&[
                (2016, 1.9, "万人"),
                (2017, 1.9, "万人"),
                (2018, 1.9, "万人"),
                (2019, 1.9, "万人"),
                (2020, 1.9, "万人"),
            ]),
            Status::Achieved,
            Some(TrendStatus::Achieved),
            Colour::Green,
            vec![("p", Some(1.0556)), ("tau", Some(1.0))],
        ),
        // Five years 1.7 each = 8.5 < 9 at the target year → off_track (p = 0.9444);
        // R = p/τ = 0.9444 < 0.95 → moderate.
        (
            "missed",
            jobs(&[
                (2016, 1.7, "万人"),
                (2017, 1.7, "万人"),
                (2018, 1.7, "万人"),
                (2019, 1.7, "万人"),
                (2020, 1.7, "万人"),
            ]),
            Status::OffTrack,
            Some(Moderate),
            Colour::Red,
            vec![("p", Some(0.9444)), ("r", Some(0.9444))],
        ),
    ];
    for (name, case, status, trend, colour, numbers) in rows {
        let a = check(name, &case, status, trend, colour, &numbers);
        assert_eq!(a.method, Method::Cumulative, "{name}");
    }
}

#[test]
fn explanation_gives_yearly_amount_still_needed() {
    let case = jobs(&[
        (2016, 1.8, "万人"),
        (2017, 1.7, "万人"),
        (2018, 17000.0, "人"),
    ]);
    let a = check(
        "jobs",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Substantial),
        Colour::Green,
        &[],
    );
    // (9 − 5.2)/2 = 1.9 万人 a year.
    assert_eq!(
        a.explanation,
        "2016—2018年城镇新增就业人数累计5.2万人，进度 58%，时间进度 60%，余下2年需年均完成1.9万人"
    );
}

#[test]
fn cumulative_actual_to_date_wins_when_as_recent() {
    // Flows 2016 1.8, 2017 1.7, and "累计新增就业6万人" for 2018: S = 6, p = 0.6667,
    // gap −0.067 → on_track.
    let case = jobs(&[(2016, 1.8, "万人"), (2017, 1.7, "万人")]).actual(actual(
        JOBS,
        2018,
        6.0,
        "万人",
        Measure::Cumulative,
    ));
    let a = check(
        "to date",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Substantial),
        Colour::Green,
        &[("p", Some(0.6667))],
    );
    assert_eq!(a.latest_year, Some(2018));
}

#[test]
fn percentage_points_from_levels_or_changes() {
    // 常住人口城镇化率 提高 8 个百分点 by 2020 from 54.5% in 2015.
    let ind = "常住人口城镇化率";
    let base = || {
        Case::new(target(
            ind,
            2020,
            8.0,
            "个百分点",
            Measure::Cumulative,
            Comparator::Eq,
        ))
        .base(actual(ind, 2015, 54.5, "%", Measure::Level))
    };
    // Level 58.3% in 2018: 3.8 points, p = 0.475, gap 0.125 → lagging.
    let case = base().actual(actual(ind, 2018, 58.3, "%", Measure::Level));
    check(
        "levels",
        &case,
        Status::Lagging,
        Some(TrendStatus::Moderate),
        Colour::Yellow,
        &[("p", Some(0.475))],
    );
    // Yearly +1.2, +1.3, +1.5 points: 4 points, p = 0.5, gap 0.1 → on_track.
    let case = base()
        .actual(actual(ind, 2016, 1.2, "个百分点", Measure::Growth))
        .actual(actual(ind, 2017, 1.3, "个百分点", Measure::Growth))
        .actual(actual(ind, 2018, 1.5, "个百分点", Measure::Growth));
    check(
        "changes",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Moderate),
        Colour::Green,
        &[("p", Some(0.5))],
    );
}

#[test]
fn cumulative_ceiling() {
    // 新增建设用地 控制在 3 万亩以内 over 2016–2020: 0.8 + 0.9 = 1.7 ≤ 3 → achieved;
    // with 2018 1.5 more: 3.2 > 3 → breached → off_track.
    let ind = "新增建设用地规模";
    let case = Case::new(target(
        ind,
        2020,
        3.0,
        "万亩",
        Measure::Cumulative,
        Comparator::Le,
    ))
    .base(actual(ind, 2015, 0.0, "万亩", Measure::Cumulative))
    .actual(actual(ind, 2016, 0.8, "万亩", Measure::Level))
    .actual(actual(ind, 2017, 0.9, "万亩", Measure::Level));
    let a = check(
        "within",
        &case,
        Status::Achieved,
        Some(TrendStatus::Achieved),
        Colour::Green,
        &[("p", Some(0.5667)), ("r", None)],
    );
    assert!(
        a.explanation.contains("未超出累计上限3万亩以内"),
        "{}",
        a.explanation
    );
    let case = case.actual(actual(ind, 2018, 1.5, "万亩", Measure::Level));
    check(
        "breached",
        &case,
        Status::OffTrack,
        None,
        Colour::Red,
        &[("p", Some(1.0667))],
    );
}

#[test]
fn cumulative_without_base() {
    // No base, a total due in 2020: the five-year period 2016–2020 is the one it
    // runs over; 2016–2018 sum 5.2 of 9, τ = 3/5 = 0.6, p = 0.5778 → on_track.
    let mut case = jobs(&[
        (2016, 1.8, "万人"),
        (2017, 1.7, "万人"),
        (2018, 1.7, "万人"),
    ]);
    case.base = None;
    check(
        "no base",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Substantial),
        Colour::Green,
        &[("tau", Some(0.6)), ("p", Some(0.5778))],
    );
    // Its first actuals from 2017 leave 2016 missing: no pace to tell.
    let mut case = jobs(&[(2017, 1.8, "万人"), (2018, 1.7, "万人")]);
    case.base = None;
    let a = check(
        "no base, 2016 missing",
        &case,
        Status::NoData,
        None,
        Colour::Grey,
        &[],
    );
    assert!(a.explanation.contains("2016"), "{}", a.explanation);
    // A total due in another year runs from the year before its first actual.
    let mut case = Case::new(target(
        JOBS,
        2019,
        5.0,
        "万人",
        Measure::Cumulative,
        Comparator::Eq,
    ))
    .actual(actual(JOBS, 2017, 1.8, "万人", Measure::Level))
    .actual(actual(JOBS, 2018, 1.7, "万人", Measure::Level));
    case.base = None;
    let a = check(
        "no base, not a period's end",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Substantial),
        Colour::Green,
        &[("p", Some(0.7)), ("tau", Some(0.6667))],
    );
    assert_eq!(a.base_year, Some(2016));
}

#[test]
fn raising_a_level_is_the_change_since_the_base() {
    // 人均预期寿命 提高 1.5 岁 by 2020 from 78.2 in 2015: the levels are no
    // yearly amounts to total.
    let ind = "人均预期寿命";
    let case = || {
        Case::new(Fact {
            quote: "人均预期寿命提高1.5岁".to_string(),
            ..target(ind, 2020, 1.5, "岁", Measure::Cumulative, Comparator::Eq)
        })
        .base(actual(ind, 2015, 78.2, "岁", Measure::Level))
    };
    // Only the base year's level: nothing achieved yet, nothing to tell.
    let only_base = case().actual(actual(ind, 2015, 78.2, "岁", Measure::Level));
    check(
        "base only",
        &only_base,
        Status::NoData,
        None,
        Colour::Grey,
        &[("p", None)],
    );
    // 79.0 in 2018: 0.8 of 1.5, p = 0.5333, τ = 0.6 → on_track.
    let a = check(
        "level later",
        &case().actual(actual(ind, 2018, 79.0, "岁", Measure::Level)),
        Status::OnTrack,
        Some(TrendStatus::Moderate),
        Colour::Green,
        &[("p", Some(0.5333)), ("tau", Some(0.6))],
    );
    assert!(a.explanation.contains("累计0.8岁"), "{}", a.explanation);
    // A total of yearly amounts (新增就业 累计) still sums them.
    let jobs = Case::new(Fact {
        quote: "城镇新增就业累计9万人".to_string(),
        ..target(JOBS, 2020, 9.0, "万人", Measure::Cumulative, Comparator::Eq)
    })
    .base(actual(JOBS, 2015, 1.3, "万人", Measure::Level))
    .actual(actual(JOBS, 2016, 1.8, "万人", Measure::Level))
    .actual(actual(JOBS, 2017, 1.7, "万人", Measure::Level));
    check(
        "a total",
        &jobs,
        Status::OnTrack,
        Some(TrendStatus::Substantial),
        Colour::Green,
        &[("p", Some(0.3889))],
    );
}
