//! Time progress (序时进度) of level targets, with the Open SDG trend.

use planwatch_core::{Comparator, Measure};
use planwatch_evaluate::{Case, Colour, Direction, Method, Status, TrendStatus};

use crate::{actual, binding, check, target};

const GDP: &str = "地区生产总值";

/// 锦州 13th FYP: GDP 2015 base 1357.5 亿元, 2020 target 1900 亿元.
fn gdp(actuals: &[(i32, f64)]) -> Case {
    let mut case = Case::new(target(
        GDP,
        2020,
        1900.0,
        "亿元",
        Measure::Level,
        Comparator::Eq,
    ))
    .base(actual(GDP, 2015, 1357.5, "亿元", Measure::Level));
    for &(year, value) in actuals {
        case = case.actual(actual(GDP, year, value, "亿元", Measure::Level));
    }
    case
}

#[test]
fn gdp_level_table() {
    use Status::*;
    use TrendStatus::*;
    // Required rate over the plan: q = (1900/1357.5)^(1/5) − 1 = 0.069554.
    let rows = [
        // 2018 1575: p = 217.5/542.5 = 0.4009, τ = 3/5 = 0.6, gap 0.199 → lagging;
        // a = (1575/1357.5)^(1/3) − 1 = 0.050784, R = a/q = 0.7301 → moderate;
        // projected 1575·1.050784² = 1739.03; required (1900/1575)^(1/2) − 1 = 0.09834.
        (
            "2018 lagging",
            gdp(&[(2018, 1575.0)]),
            Lagging,
            Some(Moderate),
            Colour::Yellow,
            vec![
                ("p", Some(0.4009)),
                ("tau", Some(0.6)),
                ("r", Some(0.7301)),
                ("proj", Some(1739.03)),
                ("req", Some(0.09834)),
            ],
        ),
        // 2018 1700: p = 342.5/542.5 = 0.6313, gap −0.031 → on_track; R = 1.1197.
        (
            "2018 on track",
            gdp(&[(2018, 1700.0)]),
            OnTrack,
            Some(Substantial),
            Colour::Green,
            vec![("p", Some(0.6313)), ("r", Some(1.1197))],
        ),
        // 2017 1700: τ = 0.4, gap 0.4 − 0.6313 = −0.231 → ahead; R = 1.7118.
        (
            "2017 ahead",
            gdp(&[(2017, 1700.0)]),
            Ahead,
            Some(Substantial),
            Colour::Green,
            vec![("tau", Some(0.4)), ("r", Some(1.7118))],
        ),
        // 2019 1300 < base: p = −57.5/542.5 = −0.106 → regressing; R = −0.1547.
        (
            "2019 regressing",
            gdp(&[(2019, 1300.0)]),
            Regressing,
            Some(Deterioration),
            Colour::Red,
            vec![("p", Some(-0.1060)), ("r", Some(-0.1547))],
        ),
        // 2018 1400: p = 0.0783, gap 0.522 → off_track; R = 0.1485.
        (
            "2018 off track",
            gdp(&[(2018, 1400.0)]),
            OffTrack,
            Some(Limited),
            Colour::Red,
            vec![("p", Some(0.0783)), ("r", Some(0.1485))],
        ),
        // 2019 1950 ≥ 1900 → achieved, trend achieved; p = 592.5/542.5 = 1.0922.
        (
            "2019 achieved",
            gdp(&[(2019, 1950.0)]),
            Status::Achieved,
            Some(TrendStatus::Achieved),
            Colour::Green,
            vec![("p", Some(1.0922))],
        ),
        // 2020 1850: the target year is reached and missed (p = 0.9078) → off_track
        // even though gap = 0.092; no required rate, projection = the actual.
        (
            "2020 missed",
            gdp(&[(2020, 1850.0)]),
            OffTrack,
            Some(Moderate),
            Colour::Red,
            vec![
                ("p", Some(0.9078)),
                ("tau", Some(1.0)),
                ("proj", Some(1850.0)),
                ("req", None),
            ],
        ),
        // The latest actual counts: 2016 1400 then 2018 1700 → on_track.
        (
            "latest wins",
            gdp(&[(2016, 1400.0), (2018, 1700.0)]),
            OnTrack,
            Some(Substantial),
            Colour::Green,
            vec![("p", Some(0.6313))],
        ),
    ];
    for (name, case, status, trend, colour, numbers) in rows {
        let a = check(name, &case, status, trend, colour, &numbers);
        assert_eq!(a.method, Method::TimeProgress, "{name}");
        assert_eq!(a.base_year, Some(2015), "{name}");
    }
}

#[test]
fn explanation_says_progress_elapsed_and_required_rate() {
    let a = check(
        "2018",
        &gdp(&[(2018, 1575.0)]),
        Status::Lagging,
        Some(TrendStatus::Moderate),
        Colour::Yellow,
        &[],
    );
    assert_eq!(
        a.explanation,
        "2018年地区生产总值1575亿元，进度 40%，时间进度 60%，需年均增长 9.8% 方可完成"
    );
    let docs: Vec<&str> = a.used.iter().map(|s| s.doc.as_str()).collect();
    assert_eq!(
        docs,
        ["target-2020.txt", "actual-2015.txt", "actual-2018.txt"]
    );
    assert!(a.used.iter().all(|s| !s.quote.is_empty()));
}

#[test]
fn approx_level_met_within_two_percent() {
    // 1900 左右: 1870 ≥ 1900 × 0.98 = 1862 → achieved; 1860 is not.
    let mut case = gdp(&[(2020, 1870.0)]);
    case.target.comparator = Comparator::Approx;
    check(
        "1870",
        &case,
        Status::Achieved,
        Some(TrendStatus::Achieved),
        Colour::Green,
        &[],
    );
    let mut case = gdp(&[(2020, 1860.0)]);
    case.target.comparator = Comparator::Approx;
    check(
        "1860",
        &case,
        Status::OffTrack,
        Some(TrendStatus::Moderate),
        Colour::Red,
        &[],
    );
}

#[test]
fn lower_is_better_level() {
    // 万元地区生产总值用水量 58 → 49.3 立方米 (001 table), 2018 53:
    // p = (53 − 58)/(49.3 − 58) = 0.5747, gap 0.025 → on_track;
    // a = (53/58)^(1/3) − 1 = −0.029603, q = (49.3/58)^(1/5) − 1 = −0.031981,
    // R = −a/|q| = 0.9256 → moderate; required (49.3/53)^(1/2) − 1 = −0.03554.
    let ind = "万元地区生产总值用水量";
    let case = Case::new(binding(target(
        ind,
        2020,
        49.3,
        "立方米",
        Measure::Level,
        Comparator::Eq,
    )))
    .base(actual(ind, 2015, 58.0, "立方米", Measure::Level))
    .actual(actual(ind, 2018, 53.0, "立方米", Measure::Level));
    let a = check(
        "water",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Moderate),
        Colour::Green,
        &[
            ("p", Some(0.5747)),
            ("r", Some(0.9256)),
            ("req", Some(-0.03554)),
            ("proj", Some(49.908)),
        ],
    );
    assert_eq!(a.direction, Direction::Lower);
    assert!(
        a.explanation.contains("需年均下降 3.6% 方可完成"),
        "{}",
        a.explanation
    );
}

#[test]
fn binding_lagging_is_red() {
    // 户籍人口城镇化率 40.4 → 45 (约束性), 2018 41.8: p = 1.4/4.6 = 0.3043,
    // gap 0.2957 → lagging; R = 0.5238 → limited; binding → red.
    let ind = "户籍人口城镇化率";
    let case = Case::new(binding(target(
        ind,
        2020,
        45.0,
        "%",
        Measure::Level,
        Comparator::Eq,
    )))
    .base(actual(ind, 2015, 40.4, "%", Measure::Level))
    .actual(actual(ind, 2018, 41.8, "%", Measure::Level));
    check(
        "urbanisation",
        &case,
        Status::Lagging,
        Some(TrendStatus::Limited),
        Colour::Red,
        &[("p", Some(0.3043)), ("r", Some(0.5238))],
    );
}

#[test]
fn status_and_trend_disagree() {
    // 农村贫困发生率 10% → 0.1% (lower is better, 约束性), 2018 4.5:
    // p = 5.5/9.9 = 0.5556, gap 0.044 → on_track; a = 0.45^(1/3) − 1 = −0.2337,
    // q = 0.01^(1/5) − 1 = −0.6019, R = 0.3883 → limited: disagree, and red.
    let ind = "农村贫困发生率";
    let case = Case::new(binding(target(
        ind,
        2020,
        0.1,
        "%",
        Measure::Level,
        Comparator::Eq,
    )))
    .base(actual(ind, 2015, 10.0, "%", Measure::Level))
    .actual(actual(ind, 2018, 4.5, "%", Measure::Level));
    let a = check(
        "poverty",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Limited),
        Colour::Red,
        &[("p", Some(0.5556)), ("r", Some(0.3883))],
    );
    assert!(a.conflict);
    assert!(
        a.explanation.contains("按趋势进展不足"),
        "{}",
        a.explanation
    );

    // 新能源汽车保有量 1 → 100 万辆, 2018 40: p = 39/99 = 0.3939, gap 0.206 → lagging;
    // a = 40^(1/3) − 1 = 2.42, q = 100^(1/5) − 1 = 1.512, R = 1.6006 → substantial.
    let ind = "新能源汽车保有量";
    let case = Case::new(target(
        ind,
        2020,
        100.0,
        "万辆",
        Measure::Level,
        Comparator::Eq,
    ))
    .base(actual(ind, 2015, 1.0, "万辆", Measure::Level))
    .actual(actual(ind, 2018, 40.0, "万辆", Measure::Level));
    let a = check(
        "ev",
        &case,
        Status::Lagging,
        Some(TrendStatus::Substantial),
        Colour::Yellow,
        &[("r", Some(1.6006))],
    );
    assert!(a.conflict);
    assert!(
        a.explanation.contains("按近年趋势可望按期完成"),
        "{}",
        a.explanation
    );
}

#[test]
fn level_from_growth_rates_when_no_level_actuals() {
    // No level actual after 2015: v2018 = 1357.5 × 0.975 × 1.03 × 1.05 = 1431.43,
    // p = 73.93/542.5 = 0.1363, gap 0.464 → off_track.
    let case = gdp(&[])
        .actual(actual(GDP, 2016, -2.5, "%", Measure::Growth))
        .actual(actual(GDP, 2017, 3.0, "%", Measure::Growth))
        .actual(actual(GDP, 2018, 5.0, "%", Measure::Growth));
    let a = check(
        "chain",
        &case,
        Status::OffTrack,
        Some(TrendStatus::Limited),
        Colour::Red,
        &[("p", Some(0.1363))],
    );
    assert_eq!(a.latest_year, Some(2018));
    assert!(
        a.notes.iter().any(|n| n.contains("可比价")),
        "{:?}",
        a.notes
    );
}

#[test]
fn floors_and_strict_bounds_follow_the_same_path() {
    // 1900 以上 (ge) and 突破1900 (gt) with base 1357.5 below them: time progress as
    // for eq; 2018 1575 → p = 0.4009, lagging.
    for cmp in [Comparator::Ge, Comparator::Gt, Comparator::Approx] {
        let mut case = gdp(&[(2018, 1575.0)]);
        case.target.comparator = cmp;
        let a = check(
            cmp.as_str(),
            &case,
            Status::Lagging,
            Some(TrendStatus::Moderate),
            Colour::Yellow,
            &[("p", Some(0.4009))],
        );
        assert_eq!(a.method, Method::TimeProgress);
    }
}
