//! Unit magnitudes: converts 万元 to 亿元, 人 to 万人, 万美元 to 亿美元.

/// Magnitude prefixes, longest first.
const PREFIXES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("千", 1e3),
];

/// Whole units that are a magnitude of another unit.
const ALIASES: &[(&str, &str, f64)] = &[
    ("公里", "米", 1e3),
    ("公斤", "克", 1e3),
    ("%", "%", 1.0),
    ("‰", "%", 0.1),
];

/// A unit split into a multiplier and what it counts (`万人` → 1e4 × `人`).
#[derive(Debug, Clone, PartialEq)]
struct Scaled {
    factor: f64,
    base: String,
}

fn normalise(unit: &str) -> String {
    unit.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '％' => '%',
            '／' => '/',
            _ => c,
        })
        .collect()
}

fn scale_simple(unit: &str) -> Scaled {
    let mut factor = 1.0;
    let mut rest = unit;
    'strip: loop {
        for (alias, base, f) in ALIASES {
            if rest == *alias {
                return Scaled {
                    factor: factor * f,
                    base: (*base).to_string(),
                };
            }
        }
        for (prefix, f) in PREFIXES {
            if let Some(r) = rest.strip_prefix(prefix) {
                factor *= f;
                rest = r;
                continue 'strip;
            }
        }
        return Scaled {
            factor,
            base: rest.to_string(),
        };
    }
}

fn scale(unit: &str) -> Scaled {
    let unit = normalise(unit);
    match unit.split_once('/') {
        Some((num, den)) => {
            let (n, d) = (scale_simple(num), scale_simple(den));
            Scaled {
                factor: n.factor / d.factor,
                base: format!("{}/{}", n.base, d.base),
            }
        }
        None => scale_simple(&unit),
    }
}

/// Factor that converts a value in `from` to a value in `to`
/// (`factor("万元", "亿元")` = 1e-4), or `None` when the units count
/// different things.
///
/// A missing or empty unit is taken to be the other one; a bare magnitude
/// (`亿`, as in 突破1000亿) matches any unit of that magnitude.
pub fn factor(from: Option<&str>, to: Option<&str>) -> Option<f64> {
    let (from, to) = match (from, to) {
        (Some(f), Some(t)) if !f.trim().is_empty() && !t.trim().is_empty() => (f, t),
        _ => return Some(1.0),
    };
    let (f, t) = (scale(from), scale(to));
    if f.base == t.base || f.base.is_empty() || t.base.is_empty() {
        Some(f.factor / t.factor)
    } else {
        None
    }
}

/// Whether a unit is a percentage or percentage points (rates, not levels).
pub(crate) fn is_rate(unit: Option<&str>) -> bool {
    matches!(
        unit.map(normalise).as_deref(),
        Some("%" | "个百分点" | "百分点")
    )
}

/// Whether a unit is percentage points (个百分点).
pub(crate) fn is_points(unit: Option<&str>) -> bool {
    matches!(unit.map(normalise).as_deref(), Some("个百分点" | "百分点"))
}

/// Whether a unit is a percentage (or absent, taken as one for rates).
pub(crate) fn is_percent_or_none(unit: Option<&str>) -> bool {
    match unit.map(normalise).as_deref() {
        None | Some("" | "%") => true,
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(from: &str, to: &str, expect: Option<f64>) {
        let got = factor(Some(from), Some(to));
        match (got, expect) {
            (Some(g), Some(e)) => assert!((g - e).abs() <= 1e-12 * e.abs(), "{from}→{to}: {g}"),
            (g, e) => assert_eq!(g, e, "{from}→{to}"),
        }
    }

    #[test]
    fn magnitudes() {
        check("万元", "亿元", Some(1e-4));
        check("亿元", "万元", Some(1e4));
        check("人", "万人", Some(1e-4));
        check("万美元", "亿美元", Some(1e-4));
        check("亿元", "亿元", Some(1.0));
        check("亿", "亿元", Some(1.0));
        check("万千瓦", "千瓦", Some(1e4));
        check("公里", "千米", Some(1.0));
        check("吨标准煤/万元", "吨标准煤/元", Some(1e-4));
        check("‰", "%", Some(0.1));
        check("％", "%", Some(1.0));
    }

    #[test]
    fn incompatible() {
        check("万人", "亿元", None);
        check("美元", "元", None);
        check("%", "个百分点", None);
        check("人次", "人", None);
    }

    #[test]
    fn missing_units_pass() {
        assert_eq!(factor(None, Some("亿元")), Some(1.0));
        assert_eq!(factor(Some(""), Some("亿元")), Some(1.0));
    }
}
