//! A report's content: the data of each target's chart, the summary by status
//! and domain, the red list.

use std::collections::BTreeMap;

use planwatch_catalog::DocRef;
use planwatch_core::{Attribute, Fact};
use planwatch_evaluate::{assess, units, Assessment, Colour, Method, Role, Status};
use planwatch_link::{Evaluated, TargetCase};

/// What a chart's vertical axis shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Scale {
    /// The indicator's value, in the target's unit.
    Value(Option<String>),
    /// Completion `p` (0 at the base, 1 at the target).
    Progress,
}

/// Data of one small chart: the planned path and the actuals.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// What the vertical axis shows.
    pub scale: Scale,
    /// Start of the planned line: (base year, base value or 0).
    pub start: (i32, f64),
    /// End of the planned line: (target year, target value or 1).
    pub end: (i32, f64),
    /// True: a straight path from base to target; false: a level target line.
    pub path: bool,
    /// Actuals (or completion) by year.
    pub points: Vec<(i32, f64)>,
}

/// The base value of an assessment in the target's unit, from the base it used.
fn base_value(item: &TargetCase, a: &Assessment) -> Option<f64> {
    let base = a.used.iter().find(|s| s.role == Role::Base)?;
    let k = units::factor(base.unit.as_deref(), item.case.target.unit.as_deref())?;
    base.value.map(|v| v * k)
}

/// The data of an evaluated target's chart, when there is something to draw:
/// for methods with a path (time progress, average growth, reduction,
/// cumulative) the completion at each year with an actual, found by
/// assessing the case as of that year (shown as values for level targets);
/// for thresholds and one-year targets the actual values against the target
/// line.
pub fn chart(e: &Evaluated) -> Option<Chart> {
    let (item, a) = (&e.item, &e.assessment);
    let target = &item.case.target;
    let goal = target.value?;
    let big_t = target.year?;
    match a.method {
        Method::TimeProgress | Method::AverageGrowth | Method::Reduction | Method::Cumulative => {
            let y0 = a.base_year?;
            let last = a.latest_year?;
            let mut points = Vec::new();
            for year in (y0 + 1)..=last {
                let at = assess(&item.case.clone().as_of(year));
                if at.latest_year == Some(year) {
                    if let Some(p) = at.progress.filter(|p| p.is_finite()) {
                        points.push((year, p));
                    }
                }
            }
            if points.is_empty() {
                return None;
            }
            let v0 = (a.method == Method::TimeProgress)
                .then(|| base_value(item, a))
                .flatten();
            Some(match v0 {
                Some(v0) => Chart {
                    scale: Scale::Value(target.unit.clone()),
                    start: (y0, v0),
                    end: (big_t, goal),
                    path: true,
                    points: points
                        .into_iter()
                        .map(|(y, p)| (y, v0 + p * (goal - v0)))
                        .collect(),
                },
                None => Chart {
                    scale: Scale::Progress,
                    start: (y0, 0.0),
                    end: (big_t, 1.0),
                    path: true,
                    points,
                },
            })
        }
        Method::Threshold | Method::Yearly => {
            let points = yearly_values(item, target);
            let first = points.first().map_or(big_t - 1, |p| p.0.min(big_t - 1));
            (!points.is_empty()).then(|| Chart {
                scale: Scale::Value(target.unit.clone()),
                start: (first, goal),
                end: (big_t, goal),
                path: false,
                points,
            })
        }
        Method::Qualitative => None,
    }
}

/// One value per year of the actuals (and base) in the target's measure and
/// unit, up to the as-of year: the most authoritative document, then the
/// latest published, then the last listed.
fn yearly_values(item: &TargetCase, target: &Fact) -> Vec<(i32, f64)> {
    let unit = target.unit.as_deref();
    let mut best: BTreeMap<i32, ((u8, i32, usize), f64)> = BTreeMap::new();
    let base = item.case.base.iter().map(|f| (f, 0u8, i32::MIN));
    let actuals = item.case.actuals.iter().map(|o| {
        let rank = o.doc_type.map_or(0, planwatch_core::DocType::source_rank);
        (&o.fact, rank, o.published.unwrap_or(i32::MIN))
    });
    for (i, (f, rank, published)) in base.chain(actuals).enumerate() {
        let (Some(year), Some(v)) = (f.year, f.value) else {
            continue;
        };
        if f.measure != target.measure || item.case.as_of.is_some_and(|a| year > a) {
            continue;
        }
        let Some(k) = units::factor(f.unit.as_deref(), unit) else {
            continue;
        };
        let key = (rank, published, i);
        let entry = best.entry(year).or_insert((key, v * k));
        if key > entry.0 {
            *entry = (key, v * k);
        }
    }
    best.into_iter().map(|(y, (_, v))| (y, v)).collect()
}

pub use planwatch_catalog::NO_DOMAIN;

/// Counts of one domain by status.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainCounts {
    /// The domain (the catalogue's, else the one the name's words tell), or [`NO_DOMAIN`].
    pub domain: String,
    /// Count per status, in [`Status::ALL`] order.
    pub counts: [usize; 8],
    /// All targets of the domain.
    pub total: usize,
}

/// An evaluation report of one plan as of one year.
#[derive(Debug, Clone)]
pub struct Report {
    /// The report's title.
    pub title: String,
    /// The plan evaluated.
    pub plan: DocRef,
    /// Evaluation year.
    pub as_of: i32,
    /// Every target of the plan, assessed, in document order.
    pub items: Vec<Evaluated>,
    /// Documents the facts come from, by file name.
    pub docs: BTreeMap<String, DocRef>,
}

impl Report {
    /// A report of `plan` as of `as_of`; `docs` are the documents facts may
    /// cite (their titles and types are shown with the sources).
    pub fn new(
        plan: DocRef,
        as_of: i32,
        items: Vec<Evaluated>,
        docs: impl IntoIterator<Item = DocRef>,
    ) -> Report {
        let mut docs: BTreeMap<String, DocRef> =
            docs.into_iter().map(|d| (d.name.clone(), d)).collect();
        docs.entry(plan.name.clone())
            .or_insert_with(|| plan.clone());
        let name = plan
            .title
            .clone()
            .unwrap_or_else(|| plan.name.clone())
            .trim()
            .to_string();
        let stage = stage(&plan, as_of);
        let title = format!("《{name}》实施情况{stage}报告");
        Report {
            title,
            plan,
            as_of,
            items,
            docs,
        }
    }

    /// 中期评估 before the plan's last year, 终期评估 from it on.
    pub fn stage(&self) -> &'static str {
        stage(&self.plan, self.as_of)
    }

    /// Targets with a number.
    pub fn quantitative(&self) -> impl Iterator<Item = &Evaluated> {
        self.items
            .iter()
            .filter(|e| e.assessment.status != Status::Qualitative)
    }

    /// Targets with a number and something to say about them (not `no_data`).
    pub fn with_data(&self) -> impl Iterator<Item = &Evaluated> {
        self.quantitative()
            .filter(|e| e.assessment.status != Status::NoData)
    }

    /// Targets with a number but no usable actual (`no_data`).
    pub fn without_data(&self) -> Vec<&Evaluated> {
        self.items
            .iter()
            .filter(|e| e.assessment.status == Status::NoData)
            .collect()
    }

    /// Goals without a number, for human review.
    pub fn qualitative(&self) -> impl Iterator<Item = &Evaluated> {
        self.items
            .iter()
            .filter(|e| e.assessment.status == Status::Qualitative)
    }

    /// Red-warning targets (binding ones first, then in document order).
    pub fn red_list(&self) -> Vec<&Evaluated> {
        let mut red: Vec<&Evaluated> = self
            .items
            .iter()
            .filter(|e| e.assessment.colour == Colour::Red)
            .collect();
        red.sort_by_key(|e| e.item.target.fact.attribute != Some(Attribute::Binding));
        red
    }

    /// Number of targets per status, in [`Status::ALL`] order.
    pub fn status_counts(&self) -> [usize; 8] {
        let mut counts = [0; 8];
        for e in &self.items {
            counts[status_index(e.assessment.status)] += 1;
        }
        counts
    }

    /// Counts by catalogue domain (in the catalogue's domain order, then [`NO_DOMAIN`]).
    pub fn domain_counts(&self) -> Vec<DomainCounts> {
        const ORDER: [&str; 5] = ["经济发展", "创新驱动", "民生福祉", "绿色生态", "安全保障"];
        let mut by: BTreeMap<(usize, String), [usize; 8]> = BTreeMap::new();
        for e in &self.items {
            let domain = e.item.domain.clone().unwrap_or_else(|| NO_DOMAIN.into());
            let pos = ORDER
                .iter()
                .position(|d| *d == domain)
                .unwrap_or(if domain == NO_DOMAIN {
                    ORDER.len() + 1
                } else {
                    ORDER.len()
                });
            by.entry((pos, domain)).or_insert([0; 8])[status_index(e.assessment.status)] += 1;
        }
        by.into_iter()
            .map(|((_, domain), counts)| DomainCounts {
                domain,
                total: counts.iter().sum(),
                counts,
            })
            .collect()
    }

    /// A document's title (or file name) for citing it.
    pub fn doc_title(&self, name: &str) -> String {
        self.docs
            .get(name)
            .and_then(|d| d.title.clone())
            .unwrap_or_else(|| name.to_string())
    }
}

fn stage(plan: &DocRef, as_of: i32) -> &'static str {
    if plan.period_end.is_some_and(|end| as_of >= end) {
        "终期评估"
    } else {
        "中期评估"
    }
}

/// Position of a status in [`Status::ALL`].
pub fn status_index(s: Status) -> usize {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// A printable colour for a warning colour.
pub fn colour_hex(c: Colour) -> &'static str {
    match c {
        Colour::Green => "#2e7d32",
        Colour::Yellow => "#e0a100",
        Colour::Red => "#c62828",
        Colour::Grey => "#8a8a8a",
    }
}
