//! Yearly series of actuals: one value per year, chosen by source priority.

use std::collections::BTreeMap;

use planwatch_core::{DocType, Fact, Kind};

use crate::explain::num;
use crate::trace::Trace;
use crate::{Case, Input, Observation, Role};

/// What a method makes of one actual fact.
pub(crate) enum Pick {
    /// Not the kind of fact the method uses.
    Skip,
    /// Used, with this value in the method's terms (unit converted).
    Value(f64),
    /// The right kind of fact, in a unit that cannot be converted.
    BadUnit,
}

/// One chosen actual of a year.
#[derive(Clone, Copy)]
pub(crate) struct Point<'a> {
    pub year: i32,
    /// The value in the method's terms.
    pub value: f64,
    pub obs: &'a Observation,
    /// Position of `obs` in the case's actuals.
    pub index: usize,
}

/// One value per year, in year order.
pub(crate) struct Series<'a> {
    points: BTreeMap<i32, Point<'a>>,
    /// Units of facts rejected for their unit, for the no-data reason.
    pub bad_units: Vec<String>,
}

impl<'a> Series<'a> {
    /// Collect the actuals of `case` that `pick` accepts, up to `as_of`, one per
    /// year: the most authoritative document type wins, then the latest
    /// published, then the one listed last. A note says which was used when
    /// documents disagree.
    pub fn collect(case: &'a Case, trace: &mut Trace, pick: impl Fn(&Fact) -> Pick) -> Self {
        let mut by_year: BTreeMap<i32, Vec<(usize, Point<'a>)>> = BTreeMap::new();
        let mut bad_units = Vec::new();
        for (index, obs) in case.actuals.iter().enumerate() {
            let fact = &obs.fact;
            let (Some(year), Some(_)) = (fact.year, fact.value) else {
                continue;
            };
            if fact.kind != Kind::Actual || case.as_of.is_some_and(|a| year > a) {
                continue;
            }
            match pick(fact) {
                Pick::Skip => {}
                Pick::BadUnit => bad_units.push(fact.unit.clone().unwrap_or_default()),
                Pick::Value(value) if value.is_finite() => {
                    by_year.entry(year).or_default().push((
                        index,
                        Point {
                            year,
                            value,
                            obs,
                            index,
                        },
                    ));
                }
                Pick::Value(_) => {}
            }
        }
        let points = by_year
            .into_iter()
            .filter_map(|(year, candidates)| Some((year, choose(year, candidates, trace)?)))
            .collect();
        Series { points, bad_units }
    }

    /// Whether no year has a value.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The earliest point.
    pub fn first(&self) -> Option<Point<'a>> {
        self.points.values().next().copied()
    }

    /// The point of `year`.
    pub fn get(&self, year: i32) -> Option<Point<'a>> {
        self.points.get(&year).copied()
    }

    /// The latest point with `after < year ≤ until`.
    pub fn last_in(&self, after: i32, until: i32) -> Option<Point<'a>> {
        if after >= until {
            return None;
        }
        self.points
            .range(after + 1..=until)
            .next_back()
            .map(|(_, p)| *p)
    }

    /// The earliest point with `year > after`.
    pub fn first_after(&self, after: i32) -> Option<Point<'a>> {
        self.points
            .range(after.saturating_add(1)..)
            .next()
            .map(|(_, p)| *p)
    }

    /// Points with `after < year ≤ until`.
    pub fn between(&self, after: i32, until: i32) -> Vec<Point<'a>> {
        if after >= until {
            return Vec::new();
        }
        self.points
            .range(after + 1..=until)
            .map(|(_, p)| *p)
            .collect()
    }

    /// The unbroken run of yearly points `after+1, after+2, …` up to `until`.
    pub fn run_from(&self, after: i32, until: i32) -> Vec<Point<'a>> {
        let mut run = Vec::new();
        let mut year = after;
        while year < until {
            year += 1;
            match self.get(year) {
                Some(p) => run.push(p),
                None => break,
            }
        }
        run
    }

    /// Record that a point was used.
    pub fn use_point(trace: &mut Trace, point: &Point<'_>) {
        trace.use_fact(Role::Actual, Input::Actual(point.index), &point.obs.fact);
    }
}

/// The chosen point among a year's candidates (listed in input order).
fn choose<'a>(
    year: i32,
    candidates: Vec<(usize, Point<'a>)>,
    trace: &mut Trace,
) -> Option<Point<'a>> {
    let key = |(i, p): &(usize, Point<'_>)| {
        (p.obs.source_rank(), p.obs.published.unwrap_or(i32::MIN), *i)
    };
    let best = candidates.iter().max_by_key(|c| key(c))?;
    let (_, chosen) = *best;
    let disagree = candidates
        .iter()
        .any(|(_, p)| (p.value - chosen.value).abs() > 1e-9 * (1.0 + chosen.value.abs()));
    if candidates.len() > 1 && disagree {
        let others_rank = candidates
            .iter()
            .filter(|c| key(c) != key(best))
            .map(|(_, p)| p.obs.source_rank())
            .max()
            .unwrap_or(0);
        let why = if chosen.obs.source_rank() > others_rank {
            doc_type_zh(chosen.obs.doc_type)
        } else {
            "最新文档"
        };
        trace.note(format!(
            "{year}年有{}个不同数值，采用{why} {} 的 {}",
            candidates.len(),
            chosen.obs.fact.doc,
            num(chosen.obs.fact.value.unwrap_or(chosen.value)),
        ));
    }
    Some(chosen)
}

fn doc_type_zh(doc_type: Option<DocType>) -> &'static str {
    doc_type.unwrap_or(DocType::Other).label_zh()
}
