//! Numbers, targets and values in words, as every output shows them (the
//! CLI's tables, the printed reports): `1357.5`, `38%`, `年均增长7%左右`,
//! `1575亿元（原文15750000万元）`.

use planwatch_core::{Comparator, Fact, Measure};
use planwatch_evaluate::units;

/// A number with at most two decimals, trailing zeros dropped (1357.5, 1900, −2.5).
pub fn num(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A fraction as a whole percentage (0.384 → `38%`), `—` when absent.
pub fn pct0(frac: Option<f64>) -> String {
    match frac.filter(|f| f.is_finite()) {
        Some(f) => format!("{:.0}%", (f * 100.0).round() + 0.0),
        None => "—".to_string(),
    }
}

/// A fraction as a percentage with one decimal (0.0912 → `9.1%`), `—` when absent.
pub fn pct1(frac: Option<f64>) -> String {
    match frac.filter(|f| f.is_finite()) {
        Some(f) if (f * 100.0).abs() < 0.05 => "0.0%".to_string(),
        Some(f) => format!("{:.1}%", f * 100.0),
        None => "—".to_string(),
    }
}

/// A target in words: `1900亿元`, `年均增长7%左右`, `降低12%`, `累计100名`, `4.5%以内`.
pub fn target_words(f: &Fact) -> String {
    let unit = f.unit.as_deref().unwrap_or("");
    let Some(v) = f.value else {
        return f.text.clone().unwrap_or_else(|| "—".into());
    };
    let body = match f.value_max {
        Some(hi) if hi != v => format!("{}—{}{unit}", num(v), num(hi)),
        _ => format!("{}{unit}", num(v)),
    };
    let body = match f.comparator {
        Comparator::Eq => body,
        Comparator::Approx => format!("{body}左右"),
        Comparator::Ge => format!("{body}以上"),
        Comparator::Gt => format!("超过{body}"),
        Comparator::Le => format!("{body}以内"),
        Comparator::Lt => format!("低于{body}"),
    };
    match f.measure {
        Measure::Level => body,
        Measure::Growth => format!("增长{body}"),
        Measure::AvgGrowth => format!("年均增长{body}"),
        Measure::Reduction => format!("降低{body}"),
        Measure::Cumulative => format!("累计{body}"),
    }
}

/// A value with its measure (`1357.5亿元`, `增长5%`); a level in another unit
/// of the same kind is shown in the target's unit, with the words as written
/// after it (`1575亿元（原文15750000万元）`).
pub fn value_words(
    value: Option<f64>,
    unit: Option<&str>,
    measure: Option<Measure>,
    target_unit: Option<&str>,
) -> String {
    let Some(v) = value else {
        return "—".into();
    };
    let written = format!("{}{}", num(v), unit.unwrap_or(""));
    let body = match (measure, unit, target_unit) {
        (Some(Measure::Level | Measure::Cumulative), Some(u), Some(t)) if u != t => {
            match units::factor(Some(u), Some(t)) {
                Some(k) if k != 1.0 => format!("{}{t}（原文{written}）", num(v * k)),
                _ => written,
            }
        }
        _ => written,
    };
    match measure {
        Some(Measure::Growth) => format!("增长{body}"),
        Some(Measure::AvgGrowth) => format!("年均增长{body}"),
        Some(Measure::Reduction) => format!("降低{body}"),
        Some(Measure::Cumulative) => format!("累计{body}"),
        Some(Measure::Level) | None => body,
    }
}
