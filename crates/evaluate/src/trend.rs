//! The Open SDG (Statistics Canada) progress measure: compound annual growth rates and their ratio.

use crate::Direction;

/// Open SDG replaces a zero value by 0.001 so that growth rates exist.
const ZERO_SUBSTITUTE: f64 = 0.001;

fn nonzero(v: f64) -> f64 {
    if v == 0.0 {
        ZERO_SUBSTITUTE
    } else {
        v
    }
}

/// Compound annual growth rate from `from` to `to` over `years` years:
/// `(to/from)^(1/years) − 1`, with a zero value taken as 0.001. `None` when
/// `years ≤ 0` or a value is negative (the rate is not defined).
pub(crate) fn cagr(from: f64, to: f64, years: f64) -> Option<f64> {
    let (from, to) = (nonzero(from), nonzero(to));
    if years <= 0.0 || from < 0.0 || to < 0.0 {
        return None;
    }
    finite((to / from).powf(1.0 / years) - 1.0)
}

/// Open SDG ratio `R = d · observed / |required|`, `d` = +1 for higher-is-better
/// and −1 for lower-is-better. `None` when nothing is required (`required` = 0).
pub(crate) fn ratio(observed: f64, required: f64, direction: Direction) -> Option<f64> {
    if required.abs() < 1e-12 {
        return None;
    }
    finite(direction.sign() * observed / required.abs())
}

/// `Some(v)` when `v` is finite.
pub(crate) fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_and_ratio() {
        // 100 → 121 in 2 years: 10% a year.
        let a = cagr(100.0, 121.0, 2.0).expect("rate");
        assert!((a - 0.10).abs() < 1e-12);
        // Zero base taken as 0.001: 0.001 → 0.01 in 1 year = 900%.
        let z = cagr(0.0, 0.01, 1.0).expect("rate");
        assert!((z - 9.0).abs() < 1e-9);
        assert_eq!(cagr(-5.0, 10.0, 2.0), None);
        assert_eq!(cagr(5.0, 10.0, 0.0), None);
        // Lower is better: falling 2% a year against a required 4% fall: R = 0.5.
        let r = ratio(-0.02, -0.04, Direction::Lower).expect("ratio");
        assert!((r - 0.5).abs() < 1e-12);
        assert_eq!(ratio(0.1, 0.0, Direction::Higher), None);
    }
}
