//! `assess`: picks the method for a target, then derives trend status, colour and explanation.

use planwatch_core::{Attribute, Comparator, Fact, Measure};

use crate::explain::{goal_words, num};
use crate::method;
use crate::series::Series;
use crate::trace::Trace;
use crate::trend::finite;
use crate::{
    infer_direction, Assessment, Case, Colour, Direction, Input, Method, Role, Status, TrendStatus,
};

/// Evaluate one case. Never fails: missing or unusable data gives
/// `Status::NoData` with the reason in the explanation.
pub fn assess(case: &Case) -> Assessment {
    let mut trace = Trace::default();
    trace.use_fact(Role::Target, Input::Target, &case.target);
    let outcome = dispatch(case, &mut trace);
    finish(case, outcome, trace)
}

fn dispatch(case: &Case, trace: &mut Trace) -> Outcome {
    let target = &case.target;
    let Some(value) = target.value.filter(|v| v.is_finite()) else {
        let words = target.text.as_deref().unwrap_or(target.quote.as_str());
        let sentence = format!("定性目标：{}，需人工判断", words.trim());
        return Outcome::new(
            Method::Qualitative,
            direction(case, None),
            Status::Qualitative,
        )
        .sentence(sentence);
    };
    let Some(year) = target.year else {
        return Outcome::no_data(
            Method::Yearly,
            direction(case, None),
            target,
            "目标年份缺失",
        );
    };
    let goal = TargetYear { value, year };
    match target.measure {
        Measure::Level => method::level::assess(case, goal, trace),
        Measure::Growth => method::level::yearly(case, goal, trace),
        Measure::AvgGrowth => method::growth::assess(case, goal, trace),
        Measure::Reduction => method::reduction::assess(case, goal, trace),
        Measure::Cumulative => method::cumulative::assess(case, goal, trace),
    }
}

/// The target's (finite) value and year.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TargetYear {
    pub value: f64,
    pub year: i32,
}

/// The case's direction: given, or inferred.
pub(crate) fn direction(case: &Case, base_value: Option<f64>) -> Direction {
    case.direction
        .unwrap_or_else(|| infer_direction(&case.target, base_value).0)
}

/// The explicit base fact, if it has a year before the target year.
pub(crate) fn explicit_base<'a>(
    case: &'a Case,
    target_year: i32,
    trace: &mut Trace,
) -> Option<&'a Fact> {
    let base = case.base.as_ref()?;
    match base.year {
        Some(y) if y < target_year => Some(base),
        _ => {
            trace.note("基期年份缺失或不早于目标年，未采用");
            None
        }
    }
}

/// The bound a target sets and how it binds, in the method's terms.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Goal {
    /// Lower end (the value).
    pub lo: f64,
    /// Upper end (`value_max`, or the value).
    pub hi: f64,
    pub cmp: Comparator,
    pub dir: Direction,
    /// Slack of `approx` (左右): 0.5 percentage points for rates, 2% for levels.
    pub tol: f64,
}

impl Goal {
    /// The target of `fact` with value `value`, both ends multiplied by `scale`
    /// (0.01 for methods working in fractions); `rate` when the value is a
    /// percentage (approx then allows 0.5 points, else 2%).
    pub fn new(fact: &Fact, value: f64, dir: Direction, scale: f64, rate: bool) -> Goal {
        let lo = value * scale;
        let hi = fact
            .value_max
            .filter(|m| m.is_finite() && *m >= value)
            .map_or(lo, |m| m * scale);
        let mut goal = Goal {
            lo,
            hi,
            cmp: fact.comparator,
            dir,
            tol: 0.0,
        };
        if goal.cmp == Comparator::Approx {
            goal.tol = if rate {
                0.5 * scale
            } else {
                0.02 * goal.bound().abs()
            };
        }
        goal
    }

    /// The value to reach: the lower end for floors and higher-is-better, the
    /// upper end for ceilings and lower-is-better.
    pub fn bound(&self) -> f64 {
        match (self.cmp, self.dir) {
            (Comparator::Ge | Comparator::Gt, _) => self.lo,
            (Comparator::Le | Comparator::Lt, _) => self.hi,
            (_, Direction::Higher) => self.lo,
            (_, Direction::Lower) => self.hi,
        }
    }

    /// Whether `v` meets the target.
    pub fn met(&self, v: f64) -> bool {
        let eps = 1e-9 * (1.0 + self.bound().abs());
        match (self.cmp, self.dir) {
            (Comparator::Gt, _) => v > self.lo,
            (Comparator::Lt, _) => v < self.hi,
            (Comparator::Ge, _) => v >= self.lo - eps,
            (Comparator::Le, _) => v <= self.hi + eps,
            (_, Direction::Higher) => v >= self.lo - self.tol - eps,
            (_, Direction::Lower) => v <= self.hi + self.tol + eps,
        }
    }

    /// Whether this is a ceiling (le/lt).
    pub fn is_ceiling(&self) -> bool {
        matches!(self.cmp, Comparator::Le | Comparator::Lt)
    }
}

/// Status of a target: achieved if met; regressing if progress < 0; off_track
/// if the target year is reached (or progress cannot be measured); otherwise
/// from the gap between elapsed time and progress.
pub(crate) fn classify(met: bool, progress: Option<f64>, elapsed: f64, final_year: bool) -> Status {
    match progress {
        _ if met => Status::Achieved,
        Some(p) if p < 0.0 => Status::Regressing,
        Some(p) if !final_year => Status::from_gap(p, elapsed),
        _ => Status::OffTrack,
    }
}

/// What a method found, before trend status, colour and conflicts are derived.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub method: Method,
    pub direction: Direction,
    pub status: Status,
    pub progress: Option<f64>,
    pub elapsed: Option<f64>,
    pub trend_ratio: Option<f64>,
    pub projected: Option<f64>,
    pub required_rate: Option<f64>,
    pub base_year: Option<i32>,
    pub latest_year: Option<i32>,
    pub sentence: String,
}

impl Outcome {
    pub fn new(method: Method, direction: Direction, status: Status) -> Outcome {
        Outcome {
            method,
            direction,
            status,
            progress: None,
            elapsed: None,
            trend_ratio: None,
            projected: None,
            required_rate: None,
            base_year: None,
            latest_year: None,
            sentence: String::new(),
        }
    }

    /// No data, with the reason.
    pub fn no_data(method: Method, direction: Direction, target: &Fact, reason: &str) -> Outcome {
        Outcome::new(method, direction, Status::NoData)
            .sentence(format!("{}：{reason}", target.indicator))
    }

    /// No data because `series` has nothing usable; says so when units were the cause.
    pub fn no_series(
        method: Method,
        direction: Direction,
        target: &Fact,
        series: &Series<'_>,
        what: &str,
    ) -> Outcome {
        let reason = if series.bad_units.is_empty() {
            what.to_string()
        } else {
            format!(
                "单位不兼容：目标单位为{}，实际数据单位为{}",
                target.unit.as_deref().unwrap_or("（无）"),
                series.bad_units.join("、")
            )
        };
        Outcome::no_data(method, direction, target, &reason)
    }

    pub fn sentence(mut self, sentence: String) -> Outcome {
        self.sentence = sentence;
        self
    }
}

/// The target described for explanations (`7%左右`).
pub(crate) fn target_words(target: &Fact, goal: &Goal, scale: f64) -> String {
    goal_words(
        goal.cmp,
        goal.lo / scale,
        (goal.hi != goal.lo).then_some(goal.hi / scale),
        target.unit.as_deref(),
    )
}

fn finish(case: &Case, outcome: Outcome, mut trace: Trace) -> Assessment {
    let status = outcome.status;
    let trend_ratio = finite_opt(outcome.trend_ratio);
    let trend_status = match status {
        Status::NoData | Status::Qualitative => None,
        Status::Achieved => Some(TrendStatus::Achieved),
        _ => trend_ratio.map(TrendStatus::from_ratio),
    };
    let weak_trend = matches!(
        trend_status,
        Some(TrendStatus::Limited | TrendStatus::Deterioration)
    );
    let mut colour = status.colour();
    let binding = case.target.attribute == Some(Attribute::Binding);
    if binding
        && colour != Colour::Red
        && matches!(status, Status::Ahead | Status::OnTrack | Status::Lagging)
        && (status == Status::Lagging || weak_trend)
    {
        colour = Colour::Red;
        trace.note("约束性指标滞后或趋势不足，预警为红色");
    }
    // Once the target year is reached there is no trend left to disagree with.
    let over = match (outcome.latest_year, case.target.year) {
        (Some(t), Some(big_t)) => t >= big_t,
        _ => false,
    };
    let conflict = !over
        && match (status, trend_status) {
            (Status::Ahead | Status::OnTrack, _) => weak_trend,
            (Status::Lagging | Status::OffTrack, Some(TrendStatus::Substantial)) => true,
            _ => false,
        };
    let mut explanation = outcome.sentence;
    if conflict {
        let r = num(trend_ratio.unwrap_or(f64::NAN));
        if weak_trend {
            explanation.push_str(&format!(
                "；按时间进度{}，但按趋势进展不足（趋势比 {r}）",
                status.label_zh()
            ));
        } else {
            explanation.push_str(&format!(
                "；虽{}，但按近年趋势可望按期完成（趋势比 {r}）",
                status.label_zh()
            ));
        }
    }
    Assessment {
        status,
        trend_status,
        colour,
        progress: finite_opt(outcome.progress),
        elapsed: finite_opt(outcome.elapsed),
        trend_ratio,
        projected: finite_opt(outcome.projected),
        required_rate: finite_opt(outcome.required_rate),
        explanation,
        method: outcome.method,
        direction: outcome.direction,
        base_year: outcome.base_year,
        latest_year: outcome.latest_year,
        conflict,
        notes: trace.notes,
        used: trace.used,
    }
}

fn finite_opt(v: Option<f64>) -> Option<f64> {
    v.and_then(finite)
}
