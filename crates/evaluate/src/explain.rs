//! Number formatting for the Chinese explanations.

use planwatch_core::Comparator;

/// A number with at most two decimals, trailing zeros dropped (1357.5, 1900, −2.5).
pub(crate) fn num(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A fraction as a whole percentage (0.384 → `38%`), for progress and elapsed time.
pub(crate) fn pct0(frac: f64) -> String {
    let v = (frac * 100.0).round();
    if v == 0.0 {
        "0%".to_string()
    } else {
        format!("{v:.0}%")
    }
}

/// A fraction as a percentage with one decimal (0.0912 → `9.1%`), for rates.
pub(crate) fn pct1(frac: f64) -> String {
    let v = frac * 100.0;
    if v.abs() < 0.05 {
        "0.0%".to_string()
    } else {
        format!("{v:.1}%")
    }
}

/// A value with its unit (`1575亿元`, `21%`).
pub(crate) fn qty(v: f64, unit: Option<&str>) -> String {
    format!("{}{}", num(v), unit.unwrap_or(""))
}

/// A target value with its comparator words (`7%左右`, `6%以上`, `4.5%以内`,
/// `突破1000亿`), `value_max` as a range.
pub(crate) fn goal_words(
    cmp: Comparator,
    value: f64,
    value_max: Option<f64>,
    unit: Option<&str>,
) -> String {
    let body = match value_max {
        Some(hi) if hi != value => format!("{}—{}", num(value), qty(hi, unit)),
        _ => qty(value, unit),
    };
    match cmp {
        Comparator::Eq => body,
        Comparator::Approx => format!("{body}左右"),
        Comparator::Ge => format!("{body}以上"),
        Comparator::Gt => format!("超过{body}"),
        Comparator::Le => format!("{body}以内"),
        Comparator::Lt => format!("低于{body}"),
    }
}

/// "增长"/"下降" and the magnitude, for a signed rate (fraction).
pub(crate) fn change_words(rate: f64) -> String {
    if rate < 0.0 {
        format!("下降 {}", pct1(-rate))
    } else {
        format!("增长 {}", pct1(rate))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(num(1357.5), "1357.5");
        assert_eq!(num(1900.0), "1900");
        assert_eq!(num(-0.001), "0");
        assert_eq!(pct0(0.384), "38%");
        assert_eq!(pct1(0.0912), "9.1%");
        assert_eq!(change_words(-0.032), "下降 3.2%");
        assert_eq!(
            goal_words(Comparator::Approx, 7.0, None, Some("%")),
            "7%左右"
        );
        assert_eq!(
            goal_words(Comparator::Eq, 15.0, Some(20.0), Some("%")),
            "15—20%"
        );
    }
}
