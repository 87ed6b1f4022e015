//! The input of an evaluation: `Case` (a target, its base, its actuals) and `Observation`.

use planwatch_core::{DocType, Fact};

use crate::Direction;

/// An actual value with optional hints on how much to trust its document.
///
/// When several actuals give the same year, the one from the most
/// authoritative document type is used (统计公报 > 政府工作报告 > plans >
/// other > unknown), then the latest published, then the one listed last.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// The fact (normally `kind: actual`).
    pub fact: Fact,
    /// Type of the document the fact comes from, when known (a `Fact` does not
    /// carry it).
    pub doc_type: Option<DocType>,
    /// Year the document was published, when known; later wins among equals.
    pub published: Option<i32>,
}

impl Observation {
    /// An observation without hints.
    pub fn new(fact: Fact) -> Observation {
        Observation {
            fact,
            doc_type: None,
            published: None,
        }
    }

    /// Set the document type hint.
    pub fn doc_type(mut self, doc_type: DocType) -> Observation {
        self.doc_type = Some(doc_type);
        self
    }

    /// Set the publication year hint.
    pub fn published(mut self, year: i32) -> Observation {
        self.published = Some(year);
        self
    }

    /// Rank of the document type: higher is preferred.
    pub(crate) fn source_rank(&self) -> u8 {
        self.doc_type.map_or(0, DocType::source_rank)
    }
}

impl From<Fact> for Observation {
    fn from(fact: Fact) -> Observation {
        Observation::new(fact)
    }
}

/// One target to evaluate, with what is known about it.
///
/// ```
/// use planwatch_core::{Comparator, Fact, Kind, Measure};
/// use planwatch_evaluate::{assess, Case, Status};
///
/// let fact = |kind, year, value| Fact {
///     doc: "plan.txt".into(), kind, indicator: "地区生产总值".into(),
///     region: Some("锦州市".into()), year: Some(year), value: Some(value),
///     value_max: None, unit: Some("亿元".into()), measure: Measure::Level,
///     comparator: Comparator::Eq, attribute: None, text: None,
///     quote: "地区生产总值".into(), section: None, start: None, end: None,
///     responsible: None,
/// };
/// let case = Case::new(fact(Kind::Target, 2020, 1900.0))
///     .base(fact(Kind::Actual, 2015, 1357.5))
///     .actual(fact(Kind::Actual, 2018, 1575.0));
/// let a = assess(&case);
/// // p = (1575 − 1357.5)/(1900 − 1357.5) = 0.401, τ = 3/5 = 0.6, gap 0.199.
/// assert_eq!(a.status, Status::Lagging);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// The target (目标) fact.
    pub target: Fact,
    /// The base (基期) fact; when missing, the earliest actual serves.
    pub base: Option<Fact>,
    /// Actual values, in any order, possibly several per year.
    pub actuals: Vec<Observation>,
    /// Evaluation year: actuals after it are ignored.
    pub as_of: Option<i32>,
    /// Which way is good; inferred when `None` (see [`crate::infer_direction`]).
    pub direction: Option<Direction>,
}

impl Case {
    /// A case with only its target.
    pub fn new(target: Fact) -> Case {
        Case {
            target,
            base: None,
            actuals: Vec::new(),
            as_of: None,
            direction: None,
        }
    }

    /// Set the base fact.
    pub fn base(mut self, base: Fact) -> Case {
        self.base = Some(base);
        self
    }

    /// Add an actual (a `Fact` or an [`Observation`] with hints).
    pub fn actual(mut self, actual: impl Into<Observation>) -> Case {
        self.actuals.push(actual.into());
        self
    }

    /// Set the evaluation year.
    pub fn as_of(mut self, year: i32) -> Case {
        self.as_of = Some(year);
        self
    }

    /// Set the direction instead of inferring it.
    pub fn direction(mut self, direction: Direction) -> Case {
        self.direction = Some(direction);
        self
    }
}
