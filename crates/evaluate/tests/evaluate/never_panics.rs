//! Property: `assess` never panics and gives finite numbers or null, whatever the input.

use planwatch_core::{Attribute, Comparator, DocType, Fact, Kind, Measure};
use planwatch_evaluate::{assess, Case, Colour, Direction, Observation, Status, TrendStatus};
use proptest::prelude::*;

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        -200.0..200.0f64,
        -1e7..1e7f64,
        Just(0.0),
        Just(-100.0),
        Just(100.0),
        Just(1e300),
        Just(-1e300),
        Just(f64::MIN_POSITIVE),
    ]
}

fn fact() -> impl Strategy<Value = Fact> {
    let kind = prop_oneof![Just(Kind::Target), Just(Kind::Actual)];
    let indicator = prop::sample::select(vec![
        "地区生产总值",
        "能耗",
        "城镇登记失业率",
        "能耗降低",
        "森林覆盖率",
    ]);
    let year = prop::option::weighted(0.9, 2012..2026i32);
    let unit = prop::option::of(prop::sample::select(vec![
        "%",
        "亿元",
        "万元",
        "万人",
        "人",
        "个百分点",
        "",
        "亿",
        "美元",
        "吨标准煤/万元",
        "‰",
    ]));
    let measure = prop::sample::select(vec![
        Measure::Level,
        Measure::Growth,
        Measure::AvgGrowth,
        Measure::Reduction,
        Measure::Cumulative,
    ]);
    let comparator = prop::sample::select(vec![
        Comparator::Eq,
        Comparator::Approx,
        Comparator::Ge,
        Comparator::Gt,
        Comparator::Le,
        Comparator::Lt,
    ]);
    let attribute = prop::option::of(prop_oneof![
        Just(Attribute::Binding),
        Just(Attribute::Expected)
    ]);
    (
        (
            kind,
            indicator,
            year,
            prop::option::weighted(0.9, value()),
            prop::option::weighted(0.1, value()),
        ),
        (unit, measure, comparator, attribute, 0..3usize),
    )
        .prop_map(
            |(
                (kind, indicator, year, value, value_max),
                (unit, measure, comparator, attribute, doc),
            )| Fact {
                doc: format!("d{doc}.txt"),
                kind,
                indicator: indicator.to_string(),
                region: None,
                year,
                value,
                value_max,
                unit: unit.map(str::to_string),
                measure,
                comparator,
                attribute,
                text: None,
                quote: "q".to_string(),
                section: None,
                start: None,
                end: None,
                responsible: None,
            },
        )
}

fn observation() -> impl Strategy<Value = Observation> {
    let doc_type = prop::option::of(prop::sample::select(vec![
        DocType::StatisticalBulletin,
        DocType::WorkReport,
        DocType::FiveYearPlan,
        DocType::Other,
    ]));
    (fact(), doc_type, prop::option::of(2015..2025i32)).prop_map(
        |(mut fact, doc_type, published)| {
            fact.kind = Kind::Actual;
            Observation {
                fact,
                doc_type,
                published,
            }
        },
    )
}

fn case() -> impl Strategy<Value = Case> {
    (
        fact(),
        prop::option::of(fact()),
        prop::collection::vec(observation(), 0..8),
        prop::option::of(2014..2026i32),
        prop::option::of(prop_oneof![Just(Direction::Higher), Just(Direction::Lower)]),
    )
        .prop_map(|(target, base, actuals, as_of, direction)| Case {
            target,
            base,
            actuals,
            as_of,
            direction,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn assess_is_total_and_finite(case in case()) {
        let a = assess(&case);
        for (name, v) in [
            ("progress", a.progress),
            ("elapsed", a.elapsed),
            ("trend_ratio", a.trend_ratio),
            ("projected", a.projected),
            ("required_rate", a.required_rate),
        ] {
            prop_assert!(v.is_none_or(f64::is_finite), "{} = {:?}", name, v);
        }
        if let Some(tau) = a.elapsed {
            prop_assert!((0.0..=1.0).contains(&tau), "elapsed {}", tau);
        }
        prop_assert!(!a.explanation.is_empty());
        let silent = matches!(a.status, Status::NoData | Status::Qualitative);
        prop_assert!(!silent || a.trend_status.is_none());
        prop_assert_eq!(silent, a.colour == Colour::Grey);
        prop_assert_eq!(
            a.status == Status::Achieved,
            a.trend_status == Some(TrendStatus::Achieved)
        );
        prop_assert!(serde_json::to_string(&a).is_ok());
    }
}
