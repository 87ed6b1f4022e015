//! Cumulative targets: a total over the plan period (`[ ]`, 累计) against the sum so far.

use planwatch_core::{Fact, Measure};

use crate::eval::{classify, direction, explicit_base, target_words, Goal, Outcome, TargetYear};
use crate::explain::{pct0, qty};
use crate::method::level::pick_in;
use crate::series::{Pick, Series};
use crate::trace::Trace;
use crate::trend::finite;
use crate::units::{is_percent_or_none, is_points, is_rate};
use crate::{Case, Input, Method, Role, Status};

fn pick_percent_level(f: &Fact) -> Pick {
    match (f.measure, is_percent_or_none(f.unit.as_deref())) {
        (Measure::Level, true) => Pick::Value(f.value.unwrap_or(f64::NAN)),
        (Measure::Level, false) => Pick::BadUnit,
        _ => Pick::Skip,
    }
}

/// A cumulative target `X` over the years `y0+1 … T`: the sum so far `S` of
/// the yearly actuals (measure level: each year's amount) of the years
/// `y0+1 … t`, or a cumulative actual to date when it is as recent; for a
/// target in 个百分点 (提高 x 个百分点), the yearly changes in 个百分点 or the
/// change of the level in % since the base. `p = S/X`; trend ratio
/// `R = p/τ` (observed against required yearly pace); projection
/// `S·(T−y0)/(t−y0)`. A cumulative ceiling (le/lt) is met or breached.
pub(crate) fn assess(case: &Case, ty: TargetYear, trace: &mut Trace) -> Outcome {
    let target = &case.target;
    let unit = target.unit.as_deref();
    let big_t = ty.year;
    let dir = direction(case, None);
    let goal = Goal::new(target, ty.value, dir, 1.0, is_rate(unit));
    let points_mode = is_points(unit);
    let raise = !points_mode && raises_a_level(target);
    let flows = if points_mode {
        Series::collect(case, trace, pick_in(Measure::Growth, unit))
    } else if raise {
        // Yearly changes in the target's own unit (增加0.3岁); a growth in %
        // says nothing of the amount.
        Series::collect(case, trace, |f: &Fact| {
            match pick_in(Measure::Growth, unit)(f) {
                Pick::BadUnit => Pick::Skip,
                pick => pick,
            }
        })
    } else {
        Series::collect(case, trace, pick_in(Measure::Level, unit))
    };
    let totals = Series::collect(case, trace, pick_in(Measure::Cumulative, unit));
    let levels = if points_mode {
        Series::collect(case, trace, pick_percent_level)
    } else if raise {
        Series::collect(case, trace, pick_in(Measure::Level, unit))
    } else {
        Series::collect(case, trace, |_| Pick::Skip)
    };
    let base = explicit_base(case, big_t, trace);
    let y0 = match base.and_then(|b| b.year) {
        Some(y) => {
            if let Some(b) = base {
                trace.use_fact(Role::Base, Input::Base, b);
            }
            y
        }
        None => {
            // A total due at the end of a five-year period (2020, 2025) runs
            // over that period, whatever year the first actual found is of.
            let period = (big_t % 5 == 0).then_some(big_t - 5);
            let guess = [
                flows.first().map(|p| p.year - 1),
                levels.first().map(|p| p.year),
            ]
            .into_iter()
            .flatten()
            .min();
            match (period, guess) {
                (Some(y), Some(g)) if y <= g => {
                    trace.note(format!("缺基期，按五年规划期以{y}年为基期"));
                    y
                }
                (_, Some(y)) => {
                    trace.note(format!("缺基期，以{y}年为基期"));
                    y
                }
                (_, None) if !totals.is_empty() => {
                    trace.note(format!("缺基期，按五年规划期以{}年为基期", big_t - 5));
                    big_t - 5
                }
                (_, None) => {
                    return Outcome::no_series(
                        Method::Cumulative,
                        dir,
                        target,
                        &flows,
                        "尚无实际数据",
                    )
                }
            }
        }
    };
    let Some((t, sum, missing)) = sum_so_far(y0, big_t, &flows, &totals, &levels, base, trace)
    else {
        let what = format!("{y0}年基期之后尚无实际数据");
        let series = if flows.bad_units.is_empty() {
            &totals
        } else {
            &flows
        };
        return Outcome::no_series(Method::Cumulative, dir, target, series, &what);
    };
    let x = goal.bound();
    // A sum with years missing is only a floor: it shows a total reached (or
    // a ceiling broken), never a pace behind.
    if !missing.is_empty() && goal.met(sum) == goal.is_ceiling() {
        let reason = format!(
            "缺{}年数据，{}—{t}年累计{}只是下限，无法判断进度",
            missing.join("、"),
            y0 + 1,
            qty(sum, unit)
        );
        return Outcome::no_data(Method::Cumulative, dir, target, &reason);
    }
    let progress = finite(sum / x);
    let span = f64::from(big_t - y0);
    let elapsed = (f64::from(t - y0) / span).min(1.0);
    let met = goal.met(sum);
    let final_year = t >= big_t;
    let status = if goal.is_ceiling() {
        if met {
            Status::Achieved
        } else {
            Status::OffTrack
        }
    } else {
        classify(met, progress, elapsed, final_year)
    };
    let trend_ratio = if goal.is_ceiling() || elapsed <= 0.0 {
        None
    } else {
        progress.and_then(|p| finite(p / elapsed))
    };
    let projected = if final_year {
        sum
    } else {
        sum * span / f64::from(t - y0)
    };
    let words = target_words(target, &goal, 1.0);
    let head = format!("{}—{t}年{}累计{}", y0 + 1, target.indicator, qty(sum, unit));
    let p_words = progress.map_or("—".to_string(), pct0);
    let sentence = match status {
        _ if goal.is_ceiling() => {
            let verdict = if met { "未超出" } else { "已超出" };
            format!("{head}，{verdict}累计上限{words}")
        }
        Status::Achieved => format!("{head}，已完成累计{words}的目标"),
        _ if final_year => format!("{head}，未完成累计{words}的目标，完成进度 {p_words}"),
        _ => {
            let per_year = (x - sum) / f64::from(big_t - t);
            format!(
                "{head}，进度 {p_words}，时间进度 {}，余下{}年需年均完成{}",
                pct0(elapsed),
                big_t - t,
                qty(per_year, unit)
            )
        }
    };
    Outcome {
        progress,
        elapsed: Some(elapsed),
        trend_ratio,
        projected: Some(projected),
        base_year: Some(y0),
        latest_year: Some(t),
        ..Outcome::new(Method::Cumulative, dir, status)
    }
    .sentence(sentence)
}

/// Words that total yearly amounts (累计完成投资2000亿元, 新增就业5万人).
const TOTALS: &[&str] = &[
    "累计",
    "新增",
    "合计",
    "总计",
    "共计",
    "共完成",
    "共新增",
    "完成",
    "建成",
    "新建",
    "实施",
];

/// Verbs that raise a level by an amount (人均预期寿命提高1.5岁, 森林蓄积量增加
/// 500万立方米).
const RAISES: &[&str] = &["提高", "增加", "延长", "提升", "上升", "增长"];

/// Whether a cumulative target raises a level by an amount rather than
/// totalling yearly amounts: its quote has a raising verb and no word that
/// totals. Its progress is then the level's change since the base, not a sum
/// of the levels (78.2岁 is no yearly amount of 提高1.5岁).
fn raises_a_level(target: &Fact) -> bool {
    let said = format!("{}{}", target.indicator, target.quote);
    RAISES.iter().any(|w| target.quote.contains(w)) && !TOTALS.iter().any(|w| said.contains(w))
}

/// `(t, S, missing years)`: the sum of the yearly amounts after `y0` up to
/// `until` (and the years it lacks), replaced by a cumulative actual to date
/// when it is at least as recent, or (个百分点 targets and targets that
/// raise a level) the change of the level since the base.
fn sum_so_far(
    y0: i32,
    until: i32,
    flows: &Series<'_>,
    totals: &Series<'_>,
    levels: &Series<'_>,
    base: Option<&Fact>,
    trace: &mut Trace,
) -> Option<(i32, f64, Vec<String>)> {
    let items = flows.between(y0, until);
    let mut missing: Vec<String> = Vec::new();
    let mut best = items.last().map(|last| {
        missing = (y0 + 1..=last.year)
            .filter(|y| items.iter().all(|p| p.year != *y))
            .map(|y| y.to_string())
            .collect();
        if !missing.is_empty() {
            trace.note(format!("缺{}年数据，累计数可能偏低", missing.join("、")));
        }
        (last.year, items.iter().map(|p| p.value).sum::<f64>(), false)
    });
    if let Some(p) = totals.last_in(y0, until) {
        if !matches!(best, Some((t, _, _)) if p.year < t) {
            best = Some((p.year, p.value, true));
            // (A total to date counts every year.)
            missing.clear();
        }
    }
    match best {
        Some((_, _, true)) => {
            if let Some(p) = totals.last_in(y0, until) {
                Series::use_point(trace, &p);
            }
        }
        Some(_) => items.iter().for_each(|p| Series::use_point(trace, p)),
        None => {
            let v0 = match base.filter(|b| b.measure == Measure::Level) {
                Some(b) => b.value,
                None => levels.get(y0).map(|p| {
                    Series::use_point(trace, &p);
                    p.value
                }),
            }?;
            let p = levels.last_in(y0, until)?;
            Series::use_point(trace, &p);
            trace.note("按水平值之差计算提高的幅度");
            return Some((p.year, p.value - v0, Vec::new()));
        }
    }
    best.map(|(t, s, _)| (t, s, missing))
}
