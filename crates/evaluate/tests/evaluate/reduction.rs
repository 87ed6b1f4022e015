//! 降低 x% targets: the cut achieved so far against the cut required.

use planwatch_core::{Comparator, Measure};
use planwatch_evaluate::{Case, Colour, Direction, Method, Status, TrendStatus};

use crate::{actual, binding, check, target};

const ENERGY: &str = "单位地区生产总值能源消耗降低";

/// 锦州 13th FYP: 能耗降低 12% by 2020 (约束性); the base row gives 2015 (its
/// value 17.75 is the 12th plan's cut and only its year is used).
fn energy(cuts: &[(i32, f64, Measure)]) -> Case {
    let mut case = Case::new(binding(target(
        ENERGY,
        2020,
        12.0,
        "%",
        Measure::Reduction,
        Comparator::Eq,
    )))
    .base(actual(ENERGY, 2015, 17.75, "%", Measure::Reduction));
    for &(year, value, measure) in cuts {
        case = case.actual(actual(ENERGY, year, value, "%", measure));
    }
    case
}

#[test]
fn reduction_table() {
    use Measure::{Growth, Reduction};
    use TrendStatus::*;
    let rows = [
        // Cuts 3%, 2.5%, 2%: achieved 1 − 0.97 × 0.975 × 0.98 = 1 − 0.926835 = 0.073165;
        // p = 0.073165/0.12 = 0.6097, τ = 0.6, gap −0.010 → on_track;
        // observed 0.926835^(1/3) − 1 = −0.025009, required 0.88^(1/5) − 1 = −0.025243,
        // R = 0.9907; required yearly cut 1 − (0.88/0.926835)^(1/2) = 0.02559;
        // projected cut 1 − 0.926835 × 0.974991² = 0.11894.
        (
            "yearly cuts",
            energy(&[
                (2016, 3.0, Reduction),
                (2017, 2.5, Reduction),
                (2018, 2.0, Reduction),
            ]),
            Status::OnTrack,
            Some(Substantial),
            Colour::Green,
            vec![
                ("p", Some(0.6097)),
                ("tau", Some(0.6)),
                ("r", Some(0.9907)),
                ("req", Some(0.02559)),
                ("proj", Some(0.11894)),
            ],
        ),
        // The same as growth rates (下降3% → −3): same numbers.
        (
            "growth rates",
            energy(&[
                (2016, -3.0, Growth),
                (2017, -2.5, Growth),
                (2018, -2.0, Growth),
            ]),
            Status::OnTrack,
            Some(Substantial),
            Colour::Green,
            vec![("p", Some(0.6097)), ("r", Some(0.9907))],
        ),
        // 3.5% a year 2016–2019: 1 − 0.965⁴ = 0.13282 ≥ 0.12 → achieved.
        (
            "achieved early",
            energy(&[
                (2016, 3.5, Reduction),
                (2017, 3.5, Reduction),
                (2018, 3.5, Reduction),
                (2019, 3.5, Reduction),
            ]),
            Status::Achieved,
            Some(TrendStatus::Achieved),
            Colour::Green,
            vec![("p", Some(1.1068))],
        ),
        // Intensity rose 1% and 2%: achieved 1 − 1.01 × 1.02 = −0.0302, p = −0.2517 → regressing.
        (
            "regressing",
            energy(&[(2016, 1.0, Growth), (2017, 2.0, Growth)]),
            Status::Regressing,
            Some(Deterioration),
            Colour::Red,
            vec![("p", Some(-0.2517)), ("tau", Some(0.4))],
        ),
        // Cuts 2%, 1.5%, 1.5%: 1 − 0.98 × 0.985 × 0.985 = 0.049180, p = 0.4098,
        // gap 0.190 → lagging; binding → red.
        (
            "binding lagging",
            energy(&[
                (2016, 2.0, Reduction),
                (2017, 1.5, Reduction),
                (2018, 1.5, Reduction),
            ]),
            Status::Lagging,
            Some(Moderate),
            Colour::Red,
            vec![("p", Some(0.4098))],
        ),
    ];
    for (name, case, status, trend, colour, numbers) in rows {
        let a = check(name, &case, status, trend, colour, &numbers);
        assert_eq!(a.method, Method::Reduction, "{name}");
        assert_eq!(a.direction, Direction::Higher, "{name}");
        assert_eq!(a.base_year, Some(2015), "{name}");
    }
}

#[test]
fn reduction_from_levels() {
    // 单位GDP能耗 0.5 → 0.465 吨标准煤/万元: achieved 1 − 0.465/0.5 = 0.07, p = 0.5833,
    // gap 0.017 → on_track.
    let ind = "单位地区生产总值能耗";
    let case = Case::new(target(
        ind,
        2020,
        12.0,
        "%",
        Measure::Reduction,
        Comparator::Eq,
    ))
    .base(actual(ind, 2015, 0.5, "吨标准煤/万元", Measure::Level))
    .actual(actual(ind, 2018, 0.465, "吨标准煤/万元", Measure::Level));
    let a = check(
        "levels",
        &case,
        Status::OnTrack,
        Some(TrendStatus::Moderate),
        Colour::Green,
        &[("p", Some(0.5833))],
    );
    assert!(
        a.explanation
            .starts_with("2016—2018年单位地区生产总值能耗累计降低 7.0%"),
        "{}",
        a.explanation
    );
}

#[test]
fn approx_reduction_within_half_a_point() {
    // 降低 12% 左右 by 2020, cuts 2.4% a year 2016–2020: 1 − 0.976⁵ = 0.11438 < 0.115
    // → missed at the target year → off_track (p = 0.9531; the trend, 2.4% against the
    // 2.524% required, R = 0.951, is not called a conflict once the year is over);
    // 2.5% a year: 1 − 0.975⁵ = 0.11888 ≥ 0.115 → achieved.
    let years = 2016..=2020;
    let mut case = energy(
        &years
            .clone()
            .map(|y| (y, 2.4, Measure::Reduction))
            .collect::<Vec<_>>(),
    );
    case.target.comparator = Comparator::Approx;
    let a = crate::check(
        "2.4",
        &case,
        Status::OffTrack,
        Some(TrendStatus::Substantial),
        Colour::Red,
        &[("p", Some(0.9531))],
    );
    assert!(!a.conflict);
    assert!(
        a.explanation.contains("未完成降低12%左右的目标"),
        "{}",
        a.explanation
    );
    let mut case = energy(
        &years
            .map(|y| (y, 2.5, Measure::Reduction))
            .collect::<Vec<_>>(),
    );
    case.target.comparator = Comparator::Approx;
    check(
        "2.5",
        &case,
        Status::Achieved,
        Some(TrendStatus::Achieved),
        Colour::Green,
        &[],
    );
}
