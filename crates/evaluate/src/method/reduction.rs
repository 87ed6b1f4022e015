//! 降低 x% targets: the cut achieved so far from yearly cuts or levels.

use planwatch_core::{Fact, Measure};

use crate::eval::{classify, direction, target_words, Goal, Outcome, TargetYear};
use crate::explain::{pct0, pct1};
use crate::method::growth::{growth_factor, Achieved};
use crate::series::Pick;
use crate::trace::Trace;
use crate::trend::{cagr, finite, ratio};
use crate::units::is_percent_or_none;
use crate::{Case, Direction, Method, Status};

/// A yearly change of the indicator's level, as a fraction: a cut (measure
/// reduction, positive) becomes a fall; a growth rate stays as it is.
fn pick_change(f: &Fact) -> Pick {
    let value = f.value.unwrap_or(f64::NAN) / 100.0;
    match (f.measure, is_percent_or_none(f.unit.as_deref())) {
        (Measure::Reduction, true) => Pick::Value(-value),
        (Measure::Growth, true) => Pick::Value(value),
        (Measure::Reduction | Measure::Growth, false) => Pick::BadUnit,
        _ => Pick::Skip,
    }
}

/// A 降低 x% target by `T` against `y0`: achieved so far
/// `c = 1 − Π(1 − r_i)` (or `1 − vt/v0`), `p = c/x`; trend on the level
/// ratio `1 − c` (Open SDG, lower is better); required remaining yearly cut
/// `1 − ((1 − x)/(1 − c))^(1/(T−t))`; met when `c ≥ x` (approx: within 0.5 points).
pub(crate) fn assess(case: &Case, ty: TargetYear, trace: &mut Trace) -> Outcome {
    let target = &case.target;
    let dir = direction(case, None);
    let goal = Goal::new(target, ty.value, dir, 0.01, true);
    let big_t = ty.year;
    let Achieved { y0, t, factor } = match growth_factor(case, big_t, trace, pick_change) {
        Ok(a) => a,
        Err(reason) => return Outcome::no_data(Method::Reduction, dir, target, &reason),
    };
    let x = goal.bound();
    let achieved = 1.0 - factor;
    let n = f64::from(big_t - y0);
    let elapsed = (f64::from(t - y0) / n).min(1.0);
    let progress = finite(achieved / x);
    let met = goal.met(achieved);
    let final_year = t >= big_t;
    let status = classify(met, progress, elapsed, final_year);
    // The level itself should fall when the cut should grow.
    let level_dir = match dir {
        Direction::Higher => Direction::Lower,
        Direction::Lower => Direction::Higher,
    };
    let observed = cagr(1.0, factor, f64::from(t - y0));
    let required_all = cagr(1.0, 1.0 - x, n);
    let trend_ratio = observed
        .zip(required_all)
        .and_then(|(a, q)| ratio(a, q, level_dir));
    let (projected, required_rate) = if final_year {
        (Some(achieved), None)
    } else {
        let remaining = f64::from(big_t - t);
        (
            observed.map(|a| 1.0 - factor * (1.0 + a).powf(remaining)),
            cagr(factor, 1.0 - x, remaining).map(|r| -r),
        )
    };
    let words = target_words(target, &goal, 0.01);
    let done = if achieved >= 0.0 {
        format!("累计降低 {}", pct1(achieved))
    } else {
        format!("累计上升 {}", pct1(-achieved))
    };
    let head = format!("{}—{t}年{}{done}", y0 + 1, target.indicator);
    let p_words = progress.map_or("—".to_string(), pct0);
    let sentence = match status {
        Status::Achieved => format!("{head}，已完成降低{words}的目标"),
        _ if final_year => format!("{head}，未完成降低{words}的目标，完成进度 {p_words}"),
        _ => {
            let mut s = format!("{head}，进度 {p_words}，时间进度 {}", pct0(elapsed));
            if let Some(r) = required_rate {
                s.push_str(&format!(
                    "，余下{}年需年均降低 {} 方可完成",
                    big_t - t,
                    pct1(r)
                ));
            }
            s
        }
    };
    Outcome {
        progress,
        elapsed: Some(elapsed),
        trend_ratio,
        projected,
        required_rate,
        base_year: Some(y0),
        latest_year: Some(t),
        ..Outcome::new(Method::Reduction, dir, status)
    }
    .sentence(sentence)
}
