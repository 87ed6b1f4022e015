//! Integration tests of `planwatch-evaluate`: one binary, one module per method.

mod cumulative;
mod edge_cases;
mod growth;
mod never_panics;
mod reduction;
mod threshold_yearly;
mod time_progress;

use planwatch_core::{Attribute, Comparator, Fact, Kind, Measure};
use planwatch_evaluate::{assess, Assessment, Case, Colour, Status, TrendStatus};

/// A fact with the fields tests care about; doc and quote name it.
pub fn fact(
    kind: Kind,
    indicator: &str,
    year: i32,
    value: f64,
    unit: &str,
    measure: Measure,
) -> Fact {
    Fact {
        doc: format!("{}-{year}.txt", kind.as_str()),
        kind,
        indicator: indicator.to_string(),
        region: Some("锦州市".to_string()),
        year: Some(year),
        value: Some(value),
        value_max: None,
        unit: (!unit.is_empty()).then(|| unit.to_string()),
        measure,
        comparator: Comparator::Eq,
        attribute: None,
        text: None,
        quote: format!("{indicator}{value}{unit}"),
        section: None,
        start: None,
        end: None,
        responsible: None,
    }
}

/// A target fact.
pub fn target(
    indicator: &str,
    year: i32,
    value: f64,
    unit: &str,
    measure: Measure,
    comparator: Comparator,
) -> Fact {
    Fact {
        comparator,
        ..fact(Kind::Target, indicator, year, value, unit, measure)
    }
}

/// A binding (约束性) target fact.
pub fn binding(mut fact: Fact) -> Fact {
    fact.attribute = Some(Attribute::Binding);
    fact
}

/// An actual fact.
pub fn actual(indicator: &str, year: i32, value: f64, unit: &str, measure: Measure) -> Fact {
    fact(Kind::Actual, indicator, year, value, unit, measure)
}

/// Expected numbers: `p` progress, `tau` elapsed, `r` trend ratio, `proj`
/// projected, `req` required rate; `None` means the field must be null.
pub type Numbers<'a> = &'a [(&'a str, Option<f64>)];

/// Assess `case` and check status, trend status, colour and the listed numbers (±0.0005, relative above 1).
pub fn check(
    name: &str,
    case: &Case,
    status: Status,
    trend: Option<TrendStatus>,
    colour: Colour,
    numbers: Numbers<'_>,
) -> Assessment {
    let a = assess(case);
    assert_eq!(a.status, status, "{name}: status; {a:#?}");
    assert_eq!(a.trend_status, trend, "{name}: trend status; {a:#?}");
    assert_eq!(a.colour, colour, "{name}: colour; {a:#?}");
    for (key, expect) in numbers {
        let got = match *key {
            "p" => a.progress,
            "tau" => a.elapsed,
            "r" => a.trend_ratio,
            "proj" => a.projected,
            "req" => a.required_rate,
            other => panic!("unknown key {other}"),
        };
        match (got, expect) {
            (Some(g), Some(e)) => {
                assert!(
                    (g - e).abs() <= 5e-4 * e.abs().max(1.0),
                    "{name}: {key} = {g}, expected {e}; {a:#?}"
                )
            }
            (g, e) => assert_eq!(g, *e, "{name}: {key}; {a:#?}"),
        }
    }
    assert!(!a.explanation.is_empty(), "{name}: empty explanation");
    a
}
