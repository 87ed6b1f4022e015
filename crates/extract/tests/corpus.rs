//! End-to-end: the real documents shipped in `samples/corpus` (the corpus
//! `shared/gold/dev` annotates) must yield the facts a planner would look for
//! first. A missing document fails the test.

use planwatch_core::{Comparator, Fact, Kind, Measure};
use planwatch_extract::extract_document;
use std::path::PathBuf;

/// The corpus document whose name starts with `prefix`: its name and text.
fn corpus_file(prefix: &str) -> (String, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/corpus");
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix}* document in {}", dir.display()));
    let text = std::fs::read_to_string(entry.path())
        .unwrap_or_else(|e| panic!("{}: {e}", entry.path().display()));
    (entry.file_name().to_string_lossy().into_owned(), text)
}

fn facts(prefix: &str) -> Vec<Fact> {
    let (name, text) = corpus_file(prefix);
    extract_document(&name, &text).facts
}

fn has(facts: &[Fact], kind: Kind, indicator: &str, year: i32, value: f64, unit: &str) -> bool {
    facts.iter().any(|f| {
        f.kind == kind
            && f.indicator.contains(indicator)
            && f.year == Some(year)
            && f.value == Some(value)
            && f.unit.as_deref() == Some(unit)
    })
}

#[test]
fn thirteenth_plan_gdp_target_and_base() {
    let f = facts("001_");
    assert!(has(&f, Kind::Target, "地区生产总值", 2020, 1900.0, "亿元"));
    assert!(has(&f, Kind::Actual, "地区生产总值", 2015, 1357.5, "亿元"));
    let growth = f
        .iter()
        .find(|x| {
            x.indicator.contains("地区生产总值")
                && x.measure == Measure::AvgGrowth
                && x.kind == Kind::Target
                && x.value == Some(7.0)
        })
        .expect("7% average growth target");
    assert_eq!(growth.comparator, Comparator::Approx);
}

#[test]
fn work_report_gdp_growth_2023() {
    let f = facts("003_");
    let gdp = f
        .iter()
        .find(|x| x.indicator == "地区生产总值" && x.kind == Kind::Actual && x.year == Some(2023))
        .expect("2023 GDP growth");
    assert_eq!((gdp.value, gdp.measure), (Some(5.4), Measure::Growth));
    // The report's goals for its own year.
    assert!(has(&f, Kind::Target, "地区生产总值", 2024, 6.5, "%"));
}

#[test]
fn fourteenth_plan_table_rows_shifted_by_pdf_conversion() {
    let f = facts("002_");
    // `地区生产总值(亿元) | 预期性 | ≥6% | |`: a growth rate in a 亿元 row.
    let gdp = f
        .iter()
        .find(|x| x.indicator == "地区生产总值" && x.quote.contains('|') && x.value == Some(6.0))
        .expect("GDP growth cell");
    assert_eq!(
        (gdp.measure, gdp.comparator, gdp.year),
        (Measure::AvgGrowth, Comparator::Ge, Some(2025))
    );
    // `[12%左右]` is a cumulative target; `等待省下达` is qualitative.
    assert!(f.iter().any(|x| x.value == Some(12.0)
        && x.measure == Measure::Cumulative
        && x.comparator == Comparator::Approx));
    assert!(f
        .iter()
        .any(|x| x.value.is_none() && x.text.as_deref() == Some("等待省下达")));
}

#[test]
fn quotes_are_exact_substrings_and_output_is_deterministic() {
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let (name, text) = corpus_file(prefix);
        let a = extract_document(&name, &text);
        let b = extract_document(&name, &text);
        assert_eq!(a.facts, b.facts, "{name}: not deterministic");
        for f in &a.facts {
            assert!(
                text.contains(&f.quote),
                "{name}: quote not in document: {}",
                f.quote
            );
            if let (Some(s), Some(e)) = (f.start, f.end) {
                assert_eq!(
                    &text[s..e],
                    f.quote,
                    "{name}: offsets do not point at the quote"
                );
            }
        }
    }
}
