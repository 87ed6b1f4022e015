//! 年均增长 targets: cumulative growth factor from yearly growth rates or levels.

use planwatch_core::{Fact, Measure};

use crate::eval::{classify, direction, explicit_base, target_words, Goal, Outcome, TargetYear};
use crate::explain::{change_words, pct0, pct1};
use crate::method::level::{pick_growth_percent, pick_in};
use crate::series::{Pick, Series};
use crate::trace::Trace;
use crate::trend::{finite, ratio};
use crate::{Case, Input, Method, Role, Status};

/// Growth achieved from the base year `y0` to year `t`, as a factor `F`.
pub(crate) struct Achieved {
    pub y0: i32,
    pub t: i32,
    pub factor: f64,
}

/// The growth factor `F` over the years after the base: the product of
/// `1 + g_i` over the unbroken run of yearly growth rates (comparable
/// prices), else the ratio of the latest level to the base level. Without a
/// base fact the base year is the year before the first growth rate, or the
/// first level's year. `pick_rate` turns a fact into a yearly rate (a fraction).
pub(crate) fn growth_factor(
    case: &Case,
    until: i32,
    trace: &mut Trace,
    pick_rate: impl Fn(&Fact) -> Pick,
) -> Result<Achieved, String> {
    let base = explicit_base(case, until, trace);
    let level_base = base.filter(|b| b.measure == Measure::Level && b.value.is_some());
    let ref_unit = match level_base {
        Some(b) => b.unit.as_deref(),
        None => case
            .actuals
            .iter()
            .map(|o| &o.fact)
            .find(|f| f.measure == Measure::Level && f.value.is_some())
            .and_then(|f| f.unit.as_deref()),
    };
    let rates = Series::collect(case, trace, pick_rate);
    let levels = Series::collect(case, trace, pick_in(Measure::Level, ref_unit));
    let bad_units: Vec<&str> = rates
        .bad_units
        .iter()
        .chain(&levels.bad_units)
        .map(String::as_str)
        .collect();
    // Why nothing could be computed: the units if some facts had the wrong one.
    let nothing = |what: String| {
        if bad_units.is_empty() {
            what
        } else {
            format!("单位不兼容：实际数据单位为{}", bad_units.join("、"))
        }
    };
    let y0 = match base.and_then(|b| b.year) {
        Some(y) => y,
        None => {
            let from_rates = rates.first().map(|p| p.year - 1);
            let from_levels = levels.first().map(|p| p.year);
            let Some(y) = from_rates.into_iter().chain(from_levels).min() else {
                return Err(nothing("尚无实际数据".to_string()));
            };
            trace.note(format!("缺基期，以{y}年为基期"));
            y
        }
    };
    if y0 >= until {
        return Err("基期不早于目标年".to_string());
    }
    if let Some(b) = base {
        trace.use_fact(Role::Base, Input::Base, b);
    }
    let run = rates.run_from(y0, until);
    if let Some(last) = run.last() {
        if rates
            .first_after(last.year)
            .is_some_and(|p| p.year <= until)
        {
            trace.note(format!(
                "缺{}年数据，按{}—{}年计算",
                last.year + 1,
                y0 + 1,
                last.year
            ));
        }
        for p in &run {
            Series::use_point(trace, p);
        }
        let factor = run.iter().map(|p| 1.0 + p.value).product();
        return Ok(Achieved {
            y0,
            t: last.year,
            factor,
        });
    }
    let base_point = levels.get(y0);
    let v0 = level_base
        .and_then(|b| b.value)
        .or(base_point.map(|p| p.value));
    let latest = levels.last_in(y0, until);
    match (v0, latest) {
        (Some(v0), Some(p)) if v0 > 0.0 && p.value >= 0.0 => {
            if let (None, Some(b)) = (level_base, base_point) {
                Series::use_point(trace, &b);
            }
            Series::use_point(trace, &p);
            trace.note("按总量计算增长（现价与可比价口径可能不同）");
            Ok(Achieved {
                y0,
                t: p.year,
                factor: p.value / v0,
            })
        }
        (Some(v0), Some(_)) if v0 <= 0.0 => Err("基期值不为正，无法由总量计算增长".to_string()),
        _ if !rates.is_empty() => Err(nothing(format!(
            "缺{}年增速，无法从{y0}年基期起累计",
            y0 + 1
        ))),
        _ => Err(nothing(format!("{y0}年基期之后尚无可用的增速或总量数据"))),
    }
}

/// A 年均增长 target `g` from `y0` to `T`: `F = Π(1+g_i)` (or `vt/v0`);
/// `p = (F − 1)/((1+g)^(T−y0) − 1)`; `a = F^(1/(t−y0)) − 1`; required
/// remaining rate `((1+g)^(T−y0)/F)^(1/(T−t)) − 1`; met when
/// `F^(1/(T−y0)) − 1` meets `g` (approx: within 0.5 points).
pub(crate) fn assess(case: &Case, ty: TargetYear, trace: &mut Trace) -> Outcome {
    let target = &case.target;
    let dir = direction(case, None);
    let goal = Goal::new(target, ty.value, dir, 0.01, true);
    let big_t = ty.year;
    let Achieved { y0, t, factor } = match growth_factor(case, big_t, trace, pick_growth_percent) {
        Ok(a) => a,
        Err(reason) => return Outcome::no_data(Method::AverageGrowth, dir, target, &reason),
    };
    let g = goal.bound();
    let n = f64::from(big_t - y0);
    let k = f64::from(t - y0);
    let required_factor = (1.0 + g).powf(n);
    let progress = finite((factor - 1.0) / (required_factor - 1.0));
    let elapsed = (k / n).min(1.0);
    let average = (factor > 0.0).then(|| factor.powf(1.0 / k) - 1.0);
    let met = factor > 0.0 && goal.met(factor.powf(1.0 / n) - 1.0);
    let final_year = t >= big_t;
    let status = classify(met, progress, elapsed, final_year);
    let required_rate = (!final_year && factor > 0.0)
        .then(|| (required_factor / factor).powf(1.0 / f64::from(big_t - t)) - 1.0);
    let words = target_words(target, &goal, 0.01);
    let head = format!(
        "{}—{t}年{}累计{}、年均{}",
        y0 + 1,
        target.indicator,
        change_words(factor - 1.0),
        average.map_or("—".to_string(), pct1)
    );
    let p_words = progress.map_or("—".to_string(), pct0);
    let sentence = match status {
        Status::Achieved => format!("{head}，已达到年均增长{words}的目标"),
        _ if final_year => format!("{head}，未达到年均增长{words}的目标"),
        _ => {
            let mut s = format!("{head}，进度 {p_words}，时间进度 {}", pct0(elapsed));
            if let Some(r) = required_rate {
                s.push_str(&format!(
                    "，余下{}年需年均{} 方可完成",
                    big_t - t,
                    change_words(r)
                ));
            }
            s
        }
    };
    Outcome {
        progress,
        elapsed: Some(elapsed),
        trend_ratio: average.and_then(|a| ratio(a, g, dir)),
        projected: average,
        required_rate: required_rate.and_then(finite),
        base_year: Some(y0),
        latest_year: Some(t),
        ..Outcome::new(Method::AverageGrowth, dir, status)
    }
    .sentence(sentence)
}
