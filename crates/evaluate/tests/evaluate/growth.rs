//! 年均增长 targets: cumulative factor from yearly growth rates or levels.

use planwatch_core::{Comparator, Measure};
use planwatch_evaluate::{Case, Colour, Direction, Method, Status, TrendStatus};

use crate::{actual, check, target};

const GDP: &str = "地区生产总值";

/// 锦州 13th FYP: GDP 年均增长 7% (2015 base 1357.5 亿元) with yearly growth rates.
fn gdp_growth(cmp: Comparator, rates: &[(i32, f64)]) -> Case {
    let mut case = Case::new(target(GDP, 2020, 7.0, "%", Measure::AvgGrowth, cmp)).base(actual(
        GDP,
        2015,
        1357.5,
        "亿元",
        Measure::Level,
    ));
    for &(year, g) in rates {
        case = case.actual(actual(GDP, year, g, "%", Measure::Growth));
    }
    case
}

#[test]
fn average_growth_table() {
    use Comparator::{Approx, Eq};
    use TrendStatus::*;
    // Required factor G = 1.07⁵ = 1.402552.
    let rows = [
        // −2.5%, 3%, 5%: F = 0.975 × 1.03 × 1.05 = 1.054463; p = 0.054463/0.402552 = 0.1353;
        // τ = 0.6, gap 0.465 → off_track; a = F^(1/3) − 1 = 0.017834, R = a/0.07 = 0.2548;
        // required (1.402552/1.054463)^(1/2) − 1 = 0.15330.
        (
            "jinzhou slump",
            gdp_growth(Eq, &[(2016, -2.5), (2017, 3.0), (2018, 5.0)]),
            Status::OffTrack,
            Some(Limited),
            Colour::Red,
            vec![
                ("p", Some(0.1353)),
                ("tau", Some(0.6)),
                ("r", Some(0.2548)),
                ("proj", Some(0.017834)),
                ("req", Some(0.15330)),
            ],
        ),
        // 7.5%, 7.2%, 7.0%: F = 1.233068, p = 0.5790, gap 0.021 → on_track;
        // a = 0.072331, R = 1.0333; required (1.402552/1.233068)^(1/2) − 1 = 0.06651.
        (
            "on plan",
            gdp_growth(Eq, &[(2016, 7.5), (2017, 7.2), (2018, 7.0)]),
            Status::OnTrack,
            Some(Substantial),
            Colour::Green,
            vec![
                ("p", Some(0.5790)),
                ("r", Some(1.0333)),
                ("req", Some(0.06651)),
            ],
        ),
        // 7% every year to 2020: F = G, met → achieved.
        (
            "met",
            gdp_growth(
                Eq,
                &[
                    (2016, 7.0),
                    (2017, 7.0),
                    (2018, 7.0),
                    (2019, 7.0),
                    (2020, 7.0),
                ],
            ),
            Status::Achieved,
            Some(TrendStatus::Achieved),
            Colour::Green,
            vec![("p", Some(1.0)), ("req", None)],
        ),
        // 7%左右, 6.6% every year: 6.6 ≥ 7 − 0.5 → achieved.
        (
            "approx met",
            gdp_growth(
                Approx,
                &[
                    (2016, 6.6),
                    (2017, 6.6),
                    (2018, 6.6),
                    (2019, 6.6),
                    (2020, 6.6),
                ],
            ),
            Status::Achieved,
            Some(TrendStatus::Achieved),
            Colour::Green,
            vec![],
        ),
        // 7% (eq), 6.6% every year: final year missed → off_track; R = 0.066/0.07 = 0.9429;
        // p = (1.066⁵ − 1)/0.402552 = 0.376614/0.402552 = 0.9356.
        (
            "eq missed",
            gdp_growth(
                Eq,
                &[
                    (2016, 6.6),
                    (2017, 6.6),
                    (2018, 6.6),
                    (2019, 6.6),
                    (2020, 6.6),
                ],
            ),
            Status::OffTrack,
            Some(Moderate),
            Colour::Red,
            vec![("p", Some(0.9356)), ("r", Some(0.9429)), ("tau", Some(1.0))],
        ),
    ];
    for (name, case, status, trend, colour, numbers) in rows {
        let a = check(name, &case, status, trend, colour, &numbers);
        assert_eq!(a.method, Method::AverageGrowth, "{name}");
    }
}

#[test]
fn explanation_of_average_growth() {
    let case = gdp_growth(Comparator::Eq, &[(2016, -2.5), (2017, 3.0), (2018, 5.0)]);
    let a = check(
        "jinzhou",
        &case,
        Status::OffTrack,
        Some(TrendStatus::Limited),
        Colour::Red,
        &[],
    );
    assert_eq!(
        a.explanation,
        "2016—2018年地区生产总值累计增长 5.4%、年均1.8%，进度 14%，时间进度 60%，余下2年需年均增长 15.3% 方可完成"
    );
    assert_eq!(
        a.used.len(),
        5,
        "target, base and three rates: {:?}",
        a.used
    );
}

#[test]
fn average_growth_from_levels() {
    // No growth rates: F = 1700/1357.5 = 1.252302, p = 0.252302/0.402552 = 0.6268,
    // gap −0.027 → on_track; a = 0.077880, R = 1.1125.
    let case =
        gdp_growth(Comparator::Eq, &[]).actual(actual(GDP, 2018, 1700.0, "亿元", Measure::Level));
    let a = check(
        "levels",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Substantial),
        Colour::Green,
        &[("p", Some(0.6268)), ("r", Some(1.1125))],
    );
    assert!(a.notes.iter().any(|n| n.contains("现价")), "{:?}", a.notes);
}

#[test]
fn missing_year_stops_the_run() {
    // 2016 7%, 2017 missing, 2018 7%: only 2016 counts: F = 1.07, t = 2016,
    // p = 0.07/0.402552 = 0.1739, τ = 0.2, gap 0.026 → on_track.
    let case = gdp_growth(Comparator::Eq, &[(2016, 7.0), (2018, 7.0)]);
    let a = check(
        "gap",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Substantial),
        Colour::Green,
        &[("p", Some(0.1739)), ("tau", Some(0.2))],
    );
    assert_eq!(a.latest_year, Some(2016));
    assert!(
        a.notes.iter().any(|n| n.contains("缺2017年")),
        "{:?}",
        a.notes
    );
}

#[test]
fn negative_average_growth_lower_is_better() {
    // 万元地区生产总值用水量 年均 −3.2% (001 table), growth −4%, −3%, −2%:
    // F = 0.96 × 0.97 × 0.98 = 0.912576, G = 0.968⁵ = 0.849918,
    // p = (F − 1)/(G − 1) = 0.5825, gap 0.017 → on_track; a = −0.030034,
    // R = −a/0.032 = 0.9386 → moderate; required (G/F)^(1/2) − 1 = −0.03494.
    let ind = "万元地区生产总值用水量";
    let case = Case::new(target(
        ind,
        2020,
        -3.2,
        "%",
        Measure::AvgGrowth,
        Comparator::Eq,
    ))
    .base(actual(ind, 2015, 58.0, "立方米", Measure::Level))
    .actual(actual(ind, 2016, -4.0, "%", Measure::Growth))
    .actual(actual(ind, 2017, -3.0, "%", Measure::Growth))
    .actual(actual(ind, 2018, -2.0, "%", Measure::Growth));
    let a = check(
        "water",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Moderate),
        Colour::Green,
        &[
            ("p", Some(0.5825)),
            ("r", Some(0.9386)),
            ("req", Some(-0.03494)),
        ],
    );
    assert_eq!(a.direction, Direction::Lower);
}

#[test]
fn base_missing_uses_year_before_first_rate() {
    // As "jinzhou slump" without the base fact: y0 = 2016 − 1 = 2015, same numbers.
    let mut case = gdp_growth(Comparator::Eq, &[(2016, -2.5), (2017, 3.0), (2018, 5.0)]);
    case.base = None;
    let a = check(
        "no base",
        &case,
        Status::OffTrack,
        Some(TrendStatus::Limited),
        Colour::Red,
        &[("p", Some(0.1353))],
    );
    assert_eq!(a.base_year, Some(2015));
    assert!(
        a.notes.iter().any(|n| n.contains("缺基期")),
        "{:?}",
        a.notes
    );
}
