//! Level targets: time progress from a base, ceilings and floors, and one-year targets.

use planwatch_core::{Fact, Measure};

use crate::eval::{classify, direction, explicit_base, target_words, Goal, Outcome, TargetYear};
use crate::explain::{change_words, pct0, qty};
use crate::series::{Pick, Point, Series};
use crate::trace::Trace;
use crate::trend::{cagr, ratio};
use crate::units::{factor, is_percent_or_none, is_rate};
use crate::{Case, Input, Method, Role, Status};

/// Accept facts of `measure`, converted to `unit`.
pub(crate) fn pick_in(measure: Measure, unit: Option<&str>) -> impl Fn(&Fact) -> Pick + '_ {
    move |f: &Fact| {
        if f.measure != measure {
            return Pick::Skip;
        }
        let value = f.value.unwrap_or(f64::NAN);
        match factor(f.unit.as_deref(), unit) {
            Some(k) => Pick::Value(value * k),
            None => Pick::BadUnit,
        }
    }
}

/// Accept yearly growth in % as a fraction (5.4 → 0.054).
pub(crate) fn pick_growth_percent(f: &Fact) -> Pick {
    match (f.measure, is_percent_or_none(f.unit.as_deref())) {
        (Measure::Growth, true) => Pick::Value(f.value.unwrap_or(f64::NAN) / 100.0),
        (Measure::Growth, false) => Pick::BadUnit,
        _ => Pick::Skip,
    }
}

/// Where the base value came from.
enum BaseFrom<'a> {
    Fact(&'a Fact),
    Actual(Point<'a>),
}

/// A level target. With a base (given, or the earliest actual before the
/// target year): a threshold if the comparator is le/lt or the base already
/// meets the target, otherwise time progress. Without one: a yearly target.
pub(crate) fn assess(case: &Case, ty: TargetYear, trace: &mut Trace) -> Outcome {
    let target = &case.target;
    let unit = target.unit.as_deref();
    let levels = Series::collect(case, trace, pick_in(Measure::Level, unit));
    let mut base = None;
    if let Some(b) = explicit_base(case, ty.year, trace) {
        if let (Measure::Level, Some(v), Some(y)) = (b.measure, b.value, b.year) {
            match factor(b.unit.as_deref(), unit) {
                Some(k) => base = Some((y, v * k, BaseFrom::Fact(b))),
                None => {
                    let reason = format!(
                        "单位不兼容：目标单位为{}，基期单位为{}",
                        unit.unwrap_or("（无）"),
                        b.unit.as_deref().unwrap_or("（无）")
                    );
                    return Outcome::no_data(
                        Method::TimeProgress,
                        direction(case, None),
                        target,
                        &reason,
                    );
                }
            }
        }
    }
    if base.is_none() {
        if let Some(p) = levels.first().filter(|p| p.year < ty.year) {
            trace.note(format!(
                "缺基期，以{}年实际值{}为基期",
                p.year,
                qty(p.value, unit)
            ));
            base = Some((p.year, p.value, BaseFrom::Actual(p)));
        }
    }
    let Some((y0, v0, from)) = base else {
        return yearly(case, ty, trace);
    };
    match from {
        BaseFrom::Fact(f) => trace.use_fact(Role::Base, Input::Base, f),
        BaseFrom::Actual(p) => trace.use_fact(Role::Base, Input::Actual(p.index), &p.obs.fact),
    }
    let dir = direction(case, Some(v0));
    let goal = Goal::new(target, ty.value, dir, 1.0, is_rate(unit));
    if goal.is_ceiling() || goal.met(v0) {
        return threshold(case, ty, goal, &levels, (y0, v0), trace);
    }
    time_progress(case, ty, goal, &levels, (y0, v0), trace)
}

fn time_progress(
    case: &Case,
    ty: TargetYear,
    goal: Goal,
    levels: &Series<'_>,
    (y0, v0): (i32, f64),
    trace: &mut Trace,
) -> Outcome {
    let target = &case.target;
    let unit = target.unit.as_deref();
    let big_t = ty.year;
    let latest = match levels.last_in(y0, big_t) {
        Some(p) => {
            Series::use_point(trace, &p);
            Some((p.year, p.value))
        }
        None => from_growth(case, (y0, v0), big_t, trace).or_else(|| {
            let p = levels.first_after(big_t)?;
            trace.note(format!(
                "无{big_t}年及以前的实际数据，以{}年数据评估",
                p.year
            ));
            Series::use_point(trace, &p);
            Some((p.year, p.value))
        }),
    };
    let Some((t, vt)) = latest else {
        let what = format!("{y0}年基期之后尚无实际数据");
        return Outcome::no_series(Method::TimeProgress, goal.dir, target, levels, &what);
    };
    let bound = goal.bound();
    let span = f64::from(big_t - y0);
    let progress = Some((vt - v0) / (bound - v0)).filter(|p| p.is_finite());
    let elapsed = (f64::from(t - y0) / span).min(1.0);
    let met = goal.met(vt);
    let final_year = t >= big_t;
    let status = classify(met, progress, elapsed, final_year);
    let observed = cagr(v0, vt, f64::from(t - y0));
    let required_all = cagr(v0, bound, span);
    let trend_ratio = observed
        .zip(required_all)
        .and_then(|(a, q)| ratio(a, q, goal.dir));
    let (projected, required_rate) = if final_year {
        (Some(vt), None)
    } else {
        let remaining = f64::from(big_t - t);
        (
            observed.map(|a| vt * (1.0 + a).powf(remaining)),
            cagr(vt, bound, remaining),
        )
    };
    let head = format!("{t}年{}{}", target.indicator, qty(vt, unit));
    let words = target_words(target, &goal, 1.0);
    let p_words = progress.map_or("—".to_string(), pct0);
    let sentence = match status {
        Status::Achieved => format!("{head}，已达到{big_t}年目标{words}"),
        _ if final_year => format!("{head}，未达到{big_t}年目标{words}，完成进度 {p_words}"),
        _ => {
            let mut s = format!("{head}，进度 {p_words}，时间进度 {}", pct0(elapsed));
            if status == Status::Regressing {
                s.push_str(&format!("，较{y0}年基期{}倒退", qty(v0, unit)));
            }
            if let Some(r) = required_rate {
                s.push_str(&format!("，需年均{} 方可完成", change_words(r)));
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
        ..Outcome::new(Method::TimeProgress, goal.dir, status)
    }
    .sentence(sentence)
}

/// The level at the end of the unbroken run of yearly growth rates after the
/// base: `v0 · Π(1 + g_i)` (comparable prices).
fn from_growth(
    case: &Case,
    (y0, v0): (i32, f64),
    until: i32,
    trace: &mut Trace,
) -> Option<(i32, f64)> {
    let growth = Series::collect(case, trace, pick_growth_percent);
    let run = growth.run_from(y0, until);
    let last = run.last()?.year;
    let level = run.iter().fold(v0, |v, p| v * (1.0 + p.value));
    for p in &run {
        Series::use_point(trace, p);
    }
    trace.note(format!(
        "{last}年水平按{}—{last}年增速推算（可比价）",
        y0 + 1
    ));
    Some((last, level))
}

/// A ceiling, or a floor the base already meets: met or breached in the
/// latest year up to the target year (the base itself when nothing later).
fn threshold(
    case: &Case,
    ty: TargetYear,
    goal: Goal,
    levels: &Series<'_>,
    (y0, v0): (i32, f64),
    trace: &mut Trace,
) -> Outcome {
    let target = &case.target;
    let unit = target.unit.as_deref();
    let latest = levels.last_in(y0, ty.year).or_else(|| {
        let p = levels.first_after(ty.year)?;
        trace.note(format!(
            "无{}年及以前的实际数据，以{}年数据评估",
            ty.year, p.year
        ));
        Some(p)
    });
    let (t, vt) = match latest {
        Some(p) => {
            Series::use_point(trace, &p);
            (p.year, p.value)
        }
        None => {
            trace.note("基期之后尚无实际数据，按基期值判断");
            (y0, v0)
        }
    };
    if !goal.is_ceiling() {
        trace.note(format!("{y0}年基期已达到目标，按是否保持判断"));
    }
    let met = goal.met(vt);
    let status = if met {
        Status::Achieved
    } else {
        Status::OffTrack
    };
    let words = target_words(target, &goal, 1.0);
    let verdict = match (goal.is_ceiling(), met) {
        (true, true) => "未超出上限，达标",
        (true, false) => "超出上限",
        (false, true) => "达标",
        (false, false) => "未达到",
    };
    let sentence = format!(
        "{t}年{}{}，目标{words}，{verdict}",
        target.indicator,
        qty(vt, unit)
    );
    Outcome {
        base_year: Some(y0),
        latest_year: Some(t),
        ..Outcome::new(Method::Threshold, goal.dir, status)
    }
    .sentence(sentence)
}

/// A one-year target (growth, or a level without base): that year's actual
/// against it, met or missed.
pub(crate) fn yearly(case: &Case, ty: TargetYear, trace: &mut Trace) -> Outcome {
    let target = &case.target;
    let unit = target.unit.as_deref();
    let dir = direction(case, None);
    let goal = Goal::new(target, ty.value, dir, 1.0, is_rate(unit));
    if let Some(as_of) = case.as_of.filter(|a| *a < ty.year) {
        let reason = format!("评估年{as_of}早于目标年{}", ty.year);
        return Outcome::no_data(Method::Yearly, dir, target, &reason);
    }
    let series = Series::collect(case, trace, pick_in(target.measure, unit));
    let Some(p) = series.get(ty.year) else {
        let what = format!("尚无{}年实际数据", ty.year);
        return Outcome::no_series(Method::Yearly, dir, target, &series, &what);
    };
    Series::use_point(trace, &p);
    let met = goal.met(p.value);
    let status = if met {
        Status::Achieved
    } else {
        Status::OffTrack
    };
    let words = target_words(target, &goal, 1.0);
    let verdict = if met { "已完成" } else { "未完成" };
    let sentence = if target.measure == Measure::Growth {
        let actual = if p.value < 0.0 {
            format!("下降{}", qty(-p.value, unit))
        } else {
            format!("增长{}", qty(p.value, unit))
        };
        let grow = if ty.value < 0.0 { "" } else { "增长" };
        format!(
            "{}年{}{actual}，目标{grow}{words}，{verdict}",
            ty.year, target.indicator
        )
    } else {
        format!(
            "{}年{}{}，目标{words}，{verdict}",
            ty.year,
            target.indicator,
            qty(p.value, unit)
        )
    };
    Outcome {
        latest_year: Some(ty.year),
        ..Outcome::new(Method::Yearly, dir, status)
    }
    .sentence(sentence)
}
