//! Evaluation of plan targets against actuals: pure logic, no I/O.
//!
//! A [`Case`] holds one target [`Fact`](planwatch_core::Fact), its base
//! (基期), the actuals known so far and the evaluation year; [`assess`] turns
//! it into an [`Assessment`]: a [`Status`] from time progress (序时进度), a
//! [`TrendStatus`] from the Open SDG progress measure, a warning [`Colour`]
//! (预警), the numbers behind them, one sentence of Chinese, and the facts
//! used (document and quote). `assess` never fails: what cannot be evaluated
//! is `no_data`, with the reason in the explanation.
//!
//! ```
//! use planwatch_core::{Comparator, Fact, Kind, Measure};
//! use planwatch_evaluate::{assess, Case, Colour, Status};
//!
//! // 锦州 13th FYP: GDP 年均增长 7% from 2015 to 2020; growth 2016 −2.5%, 2017 3%, 2018 5%.
//! let fact = |kind, year, value, measure| Fact {
//!     doc: "001.txt".into(), kind, indicator: "地区生产总值".into(), region: None,
//!     year: Some(year), value: Some(value), value_max: None, unit: Some("%".into()),
//!     measure, comparator: Comparator::Eq, attribute: None, text: None,
//!     quote: "地区生产总值".into(), section: None, start: None, end: None,
//!     responsible: None,
//! };
//! let mut case = Case::new(fact(Kind::Target, 2020, 7.0, Measure::AvgGrowth));
//! for (year, g) in [(2016, -2.5), (2017, 3.0), (2018, 5.0)] {
//!     case = case.actual(fact(Kind::Actual, year, g, Measure::Growth));
//! }
//! let a = assess(&case);
//! // F = 0.975 × 1.03 × 1.05 = 1.05446; p = 0.05446/(1.07⁵ − 1) = 0.136; τ = 0.6.
//! assert_eq!(a.status, Status::OffTrack);
//! assert_eq!(a.colour, Colour::Red);
//! ```
//!
//! # Methods
//!
//! Notation: base year `y0` and value `v0`, target year `T` and value `vT`,
//! latest actual year `t ≤ T` and value `vt`; elapsed time
//! `τ = min((t − y0)/(T − y0), 1)`; progress `p`; gap `τ − p`.
//!
//! * **Time progress** ([`Method::TimeProgress`]; measure `level`, comparator
//!   eq/approx/ge/gt, base below the target): `p = (vt − v0)/(vT − v0)`.
//!   Trend: observed rate `a = (vt/v0)^(1/(t − y0)) − 1`, required rate
//!   `q = (vT/v0)^(1/(T − y0)) − 1`, `R = d·a/|q|` with `d = −1` for
//!   lower-is-better; a zero value is taken as 0.001 (as Open SDG does); no
//!   trend when a value is negative. Projection `vT' = vt·(1 + a)^(T − t)`;
//!   required rate `(vT/vt)^(1/(T − t)) − 1`. Without level actuals after the
//!   base, the latest level is `v0·Π(1 + g_i)` from an unbroken run of yearly
//!   growth rates (comparable prices).
//! * **Average growth** ([`Method::AverageGrowth`]; measure `avg_growth`, `g`):
//!   cumulative factor `F = Π(1 + g_i)` over the unbroken run of yearly growth
//!   rates (measure `growth`, in %) after `y0`, else `F = vt/v0` from levels;
//!   `p = (F − 1)/((1 + g)^(T − y0) − 1)`; `a = F^(1/(t − y0)) − 1` (also the
//!   projection: the period's average if the trend holds); `R = d·a/|g|`;
//!   required remaining rate `((1 + g)^(T − y0)/F)^(1/(T − t)) − 1`; met when
//!   `F^(1/(T − y0)) − 1` meets `g`.
//! * **Reduction** ([`Method::Reduction`]; measure `reduction`, 降低 `x`%):
//!   achieved `c = 1 − Π(1 − r_i)` from yearly cuts (measure `reduction`, or
//!   `growth` with a fall negative), else `c = 1 − vt/v0`; `p = c/x`; trend of
//!   the level ratio `1 − c` against `1 − x` (lower is better); projected cut
//!   `1 − (1 − c)(1 + a)^(T − t)`; required yearly cut
//!   `1 − ((1 − x)/(1 − c))^(1/(T − t))`.
//! * **Cumulative** ([`Method::Cumulative`]; measure `cumulative`, a total
//!   `X` over the years after `y0` up to `T`): `p = S/X` with `S` the sum of
//!   the yearly actuals (measure `level`) of `y0+1 … t`, or a cumulative
//!   actual to date when at least as recent (for targets in 个百分点: the
//!   yearly changes in 个百分点, or `vt − v0` of the level in %; for a target
//!   that raises a level by an amount, 提高1.5岁 with no 累计/新增/完成 in its
//!   words: the yearly changes in its unit, or `vt − v0` of the level);
//!   `R = p/τ` (observed yearly pace against the required one); projection
//!   `S·(T − y0)/(t − y0)`; no required rate (the explanation gives the yearly
//!   amount still needed). A cumulative ceiling is met or breached. Without
//!   a base, a total due at a five-year period's end (2020, 2025) runs over
//!   that period. A sum with years missing is only a floor: it can show the
//!   total met (or a ceiling broken), otherwise the status is `no_data`,
//!   naming the years missing.
//! * **Threshold** ([`Method::Threshold`]; a level with comparator le/lt, or a
//!   base that already meets the target, e.g. ge on a level already above
//!   it): achieved if the latest actual (up to `T`; the base when there is
//!   none) meets it, off_track if breached. No path, no trend.
//! * **Yearly** ([`Method::Yearly`]; measure `growth`, or `level` without a
//!   base or an earlier actual): the actual of year `T` itself against the
//!   target (achieved or off_track); no_data until it exists.
//! * **Qualitative** (value null): status `qualitative`, shown with its text.
//!
//! **Meeting a target**: ge ≥, gt >, le ≤, lt <; eq: reaching the value in the
//! good direction; approx (左右): the same, within 0.5 percentage points for
//! rates (% or 个百分点) and 2% of the target for levels. A range
//! (`value_max`) is met at its lower end (upper end for lower-is-better and
//! ceilings).
//!
//! # Statuses and colours
//!
//! [`Status`]: achieved when met; otherwise regressing if `p < 0`; off_track
//! if `t ≥ T` (the target year is reached and missed); otherwise by the gap:
//! ahead (≤ −0.10), on_track (≤ 0.10), lagging (≤ 0.30), off_track (> 0.30).
//! [`TrendStatus`] from `R`: substantial (≥ 0.95), moderate (≥ 0.60),
//! limited (≥ 0), deterioration (< 0), or achieved when met. [`Colour`]: green
//! for achieved/ahead/on_track, yellow for lagging, red for
//! off_track/regressing, grey for no_data/qualitative; a 约束性 indicator
//! that is lagging, or whose trend is limited or deterioration, is red. When
//! status and trend disagree (ahead/on_track with a limited or deteriorating
//! trend; lagging/off_track with a substantial one) before the target year,
//! `conflict` is set and the explanation says so.
//!
//! # Data handling
//!
//! * **Direction**: [`Case::direction`], else [`infer_direction`].
//! * **Base missing**: the earliest actual serves (for growth rates and
//!   yearly amounts, the year before the first one); a note says so.
//! * **Several actuals in one year**: the most authoritative document type
//!   ([`Observation::doc_type`]: 统计公报 > 政府工作报告 > plans > other >
//!   unknown), then the latest published, then the one listed last (the
//!   latest document); a note names the document used when values differ.
//! * **Units**: values are converted to the target's unit by magnitude
//!   (万元/亿元, 人/万人, 万美元/亿美元, 千瓦/万千瓦, ‰/%); facts in an
//!   incompatible unit are ignored, and if nothing else is left the status is
//!   no_data with the units named.
//! * **Years**: actuals after [`Case::as_of`] are ignored; so are actuals
//!   after `T`, except that a level target (time progress or threshold) with
//!   no actual after the base up to `T` is judged on the first one after `T`
//!   (`τ` capped at 1), with a note.
#![deny(missing_docs)]

mod assessment;
mod case;
mod direction;
mod eval;
mod explain;
mod method;
mod series;
mod trace;
mod trend;
pub mod units;

pub use assessment::{
    Assessment, Colour, Direction, Input, Method, Role, Source, Status, TrendStatus,
};
pub use case::{Case, Observation};
pub use direction::infer_direction;
pub use eval::assess;
