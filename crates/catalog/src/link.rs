//! Linking facts to catalogue indicators and into series (指标序列): one indicator, one region, years.

use std::collections::HashMap;

use planwatch_core::{Comparator, DocType, Fact, Kind, Measure};
use planwatch_text::norm::traditional_to_simplified;
use serde::Serialize;

use crate::catalog::{Catalog, Indicator};
use crate::normalize::{keys, normalize_unit};

/// The document a fact comes from, as far as linking needs it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocRef {
    /// Stable id (content hash).
    pub id: String,
    /// File name.
    pub name: String,
    /// Title, if known.
    pub title: Option<String>,
    /// Type of document.
    pub doc_type: DocType,
    /// Region the document is about.
    pub region: Option<String>,
    /// Year issued or delivered.
    pub year: Option<i32>,
    /// First year of the plan period.
    pub period_start: Option<i32>,
    /// Last year of the plan period.
    pub period_end: Option<i32>,
    /// Ingestion order (earlier stored = smaller).
    pub order: i64,
}

impl DocRef {
    /// The document's date for ordering: year issued, else the year before its period.
    pub fn date(&self) -> Option<i32> {
        self.year
            .or(self.period_start.map(|y| y - 1))
            .or(self.period_end)
    }
}

/// The identity of a stored fact: its document's key and its position among
/// that document's facts, as the store numbers them (`facts.ord`, from 0, in
/// document order). Two facts with the same words (a table row giving both a
/// base and a target) have different ids; linking and evaluation find a fact
/// by its id, never by its quote.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FactId {
    /// Key of the document (revision) the fact belongs to ([`DocRef::id`]).
    pub doc: String,
    /// Position of the fact in its document.
    pub ord: i64,
}

impl FactId {
    /// The fact at position `ord` of the document keyed `doc`.
    pub fn new(doc: impl Into<String>, ord: i64) -> FactId {
        FactId {
            doc: doc.into(),
            ord,
        }
    }
}

impl std::fmt::Display for FactId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}#{}", self.doc, self.ord)
    }
}

/// A fact with its identity and its document.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced {
    /// Which stored fact it is (`id.doc == doc.id`).
    pub id: FactId,
    /// The fact as extracted (or imported).
    pub fact: Fact,
    /// Where it comes from.
    pub doc: DocRef,
}

impl Sourced {
    /// The fact at position `ord` of `doc`.
    pub fn new(doc: DocRef, ord: i64, fact: Fact) -> Sourced {
        Sourced {
            id: FactId::new(doc.id.clone(), ord),
            fact,
            doc,
        }
    }

    /// The fact's region, else its document's.
    pub fn region(&self) -> Option<&str> {
        self.fact.region.as_deref().or(self.doc.region.as_deref())
    }
}

/// A fact tied to its catalogue indicator, its value in the canonical unit.
#[derive(Debug, Clone)]
pub struct Linked<'a> {
    /// The fact and its document.
    pub src: &'a Sourced,
    /// The catalogue indicator, if the name resolved.
    pub indicator: Option<&'a Indicator>,
    /// Series key: the canonical name, or the normalised name when unmatched.
    pub key: String,
    /// Value in `unit`.
    pub value: Option<f64>,
    /// Upper end of a range in `unit`.
    pub value_max: Option<f64>,
    /// Canonical unit for levels and totals of known indicators; else the written unit.
    pub unit: Option<String>,
}

/// Whether a region as stored matches the region asked for (`锦州` matches `锦州市`).
pub fn region_matches(have: Option<&str>, want: &str) -> bool {
    // A 繁 page's 三門峽市 is 三门峡市.
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(traditional_to_simplified)
            .collect()
    };
    let want = plain(want);
    match have.map(plain) {
        Some(h) if !h.is_empty() && !want.is_empty() => {
            h.contains(want.as_str()) || want.contains(h.as_str())
        }
        _ => false,
    }
}

/// Links facts to the catalogue, caching name resolution.
pub struct Linker<'c> {
    catalog: &'c Catalog,
    cache: HashMap<String, Option<&'c Indicator>>,
}

impl<'c> Linker<'c> {
    /// A linker over `catalog`.
    pub fn new(catalog: &'c Catalog) -> Self {
        Linker {
            catalog,
            cache: HashMap::new(),
        }
    }

    /// The catalogue indicator for a written name.
    pub fn indicator(&mut self, name: &str) -> Option<&'c Indicator> {
        if let Some(hit) = self.cache.get(name) {
            return *hit;
        }
        let found = self.catalog.resolve(name).map(|m| m.indicator);
        self.cache.insert(name.to_string(), found);
        found
    }

    /// Links one fact.
    pub fn link<'a>(&mut self, src: &'a Sourced) -> Linked<'a>
    where
        'c: 'a,
    {
        let indicator = self.indicator(&src.fact.indicator);
        let key = indicator
            .map(|i| i.name.clone())
            .unwrap_or_else(|| keys(&src.fact.indicator).bare);
        let written = src.fact.unit.as_deref().map(normalize_unit);
        let mut out = Linked {
            src,
            indicator,
            key,
            value: src.fact.value,
            value_max: src.fact.value_max,
            unit: written.clone(),
        };
        let converts = matches!(src.fact.measure, Measure::Level | Measure::Cumulative);
        if let (Some(ind), Some(w), true) = (indicator, written.as_deref(), converts) {
            if let Some(v) = src
                .fact
                .value
                .and_then(|v| self.catalog.convert(v, w, &ind.unit))
            {
                out.value = Some(v);
                out.value_max = src
                    .fact
                    .value_max
                    .and_then(|m| self.catalog.convert(m, w, &ind.unit));
                out.unit = Some(ind.unit.clone());
            }
        }
        out
    }

    /// Links every fact.
    pub fn link_all<'a>(&mut self, facts: &'a [Sourced]) -> Vec<Linked<'a>>
    where
        'c: 'a,
    {
        facts.iter().map(|f| self.link(f)).collect()
    }
}

/// One point of a series: a target or an actual for a year, with its source.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesPoint {
    /// The year the value refers to.
    pub year: Option<i32>,
    /// Target or actual.
    pub kind: Kind,
    /// What the number measures.
    pub measure: Measure,
    /// How it binds.
    pub comparator: Comparator,
    /// Value in `unit`.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Canonical (or written) unit.
    pub unit: Option<String>,
    /// Value as written.
    pub written_value: Option<f64>,
    /// Unit as written.
    pub written_unit: Option<String>,
    /// Qualitative goal words.
    pub text: Option<String>,
    /// The indicator as the document names it.
    pub indicator_as_written: String,
    /// The fact's region.
    pub region: Option<String>,
    /// Source document file name.
    pub doc: String,
    /// Source document title.
    pub doc_title: Option<String>,
    /// The quote stating the fact.
    pub quote: String,
}

/// Every target and actual of one indicator in one region, by year.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// Canonical indicator name (or the name asked for, when not in the catalogue).
    pub indicator: String,
    /// Whether the name is a catalogue indicator.
    pub in_catalogue: bool,
    /// Catalogue unit, if any.
    pub unit: Option<String>,
    /// Region asked for.
    pub region: Option<String>,
    /// Points ordered by year, actuals before targets.
    pub points: Vec<SeriesPoint>,
}

/// Builds the series of `indicator` (any synonym) in `region` from `facts`.
pub fn series(
    catalog: &Catalog,
    facts: &[Sourced],
    indicator: &str,
    region: Option<&str>,
) -> Series {
    let mut linker = Linker::new(catalog);
    let wanted = linker.indicator(indicator);
    let key = wanted
        .map(|i| i.name.clone())
        .unwrap_or_else(|| keys(indicator).bare);
    let mut points: Vec<(i64, SeriesPoint)> = linker
        .link_all(facts)
        .into_iter()
        .filter(|l| l.key == key)
        .filter(|l| match region {
            Some(r) => region_matches(l.src.region(), r),
            None => true,
        })
        .map(|l| {
            let f = &l.src.fact;
            let p = SeriesPoint {
                year: f.year,
                kind: f.kind,
                measure: f.measure,
                comparator: f.comparator,
                value: l.value,
                value_max: l.value_max,
                unit: l.unit.clone(),
                written_value: f.value,
                written_unit: f.unit.clone(),
                text: f.text.clone(),
                indicator_as_written: f.indicator.clone(),
                region: l.src.region().map(str::to_string),
                doc: l.src.doc.name.clone(),
                doc_title: l.src.doc.title.clone(),
                quote: f.quote.clone(),
            };
            (l.src.doc.order, p)
        })
        .collect();
    points.sort_by(|(oa, a), (ob, b)| {
        (a.year, b.kind, a.measure, *oa)
            .cmp(&(b.year, a.kind, b.measure, *ob))
            .then_with(|| a.quote.cmp(&b.quote))
    });
    Series {
        indicator: wanted
            .map(|i| i.name.clone())
            .unwrap_or_else(|| indicator.to_string()),
        in_catalogue: wanted.is_some(),
        unit: wanted.map(|i| i.unit.clone()),
        region: region.map(str::to_string),
        points: points.into_iter().map(|(_, p)| p).collect(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use planwatch_core::Attribute;

    pub(crate) fn doc(name: &str, order: i64) -> DocRef {
        DocRef {
            id: format!("id-{name}"),
            name: name.into(),
            title: Some(format!("《{name}》")),
            doc_type: DocType::FiveYearPlan,
            region: Some("锦州市".into()),
            year: None,
            period_start: None,
            period_end: None,
            order,
        }
    }

    pub(crate) fn fact(
        doc: &str,
        kind: Kind,
        ind: &str,
        year: i32,
        value: f64,
        unit: &str,
        measure: Measure,
    ) -> Fact {
        Fact {
            doc: doc.into(),
            kind,
            indicator: ind.into(),
            region: Some("锦州市".into()),
            year: Some(year),
            value: Some(value),
            value_max: None,
            unit: Some(unit.into()),
            measure,
            comparator: Comparator::Eq,
            attribute: Some(Attribute::Expected),
            text: None,
            quote: format!("{ind}{value}{unit}"),
            section: None,
            start: None,
            end: None,
            responsible: None,
        }
    }

    #[test]
    fn a_synonym_merges_two_series() {
        let cat = Catalog::builtin();
        let a = doc("a.txt", 1);
        let b = doc("b.txt", 2);
        let facts = vec![
            Sourced {
                id: FactId::new("test", 1),
                fact: fact(
                    "a.txt",
                    Kind::Actual,
                    "研究与试验发展(R&D)经费投入强度",
                    2015,
                    1.2,
                    "%",
                    Measure::Level,
                ),
                doc: a.clone(),
            },
            Sourced {
                id: FactId::new("test", 2),
                fact: fact(
                    "b.txt",
                    Kind::Target,
                    "研发经费投入强度",
                    2025,
                    2.0,
                    "%",
                    Measure::Level,
                ),
                doc: b.clone(),
            },
            Sourced {
                id: FactId::new("test", 3),
                fact: fact(
                    "b.txt",
                    Kind::Target,
                    "地区生产总值",
                    2025,
                    2000.0,
                    "亿元",
                    Measure::Level,
                ),
                doc: b,
            },
        ];
        let s = series(&cat, &facts, "R&D经费投入强度", Some("锦州"));
        assert_eq!(s.indicator, "研究与试验发展经费投入强度");
        assert_eq!(s.points.len(), 2);
        assert_eq!(
            (s.points[0].year, s.points[0].kind),
            (Some(2015), Kind::Actual)
        );
        assert_eq!(
            (s.points[1].year, s.points[1].doc.as_str()),
            (Some(2025), "b.txt")
        );
        assert!(series(&cat, &facts, "R&D经费投入强度", Some("葫芦岛"))
            .points
            .is_empty());
    }

    #[test]
    fn levels_convert_to_the_canonical_unit() {
        let cat = Catalog::builtin();
        let facts = vec![Sourced {
            id: FactId::new("test", 0),
            fact: fact(
                "a.txt",
                Kind::Actual,
                "地区生产总值",
                2020,
                15_000_000.0,
                "万元",
                Measure::Level,
            ),
            doc: doc("a.txt", 1),
        }];
        let s = series(&cat, &facts, "GDP", None);
        assert_eq!(s.points[0].value, Some(1500.0));
        assert_eq!(s.points[0].unit.as_deref(), Some("亿元"));
        assert_eq!(s.points[0].written_unit.as_deref(), Some("万元"));
    }

    #[test]
    fn unmatched_indicators_still_have_series() {
        let cat = Catalog::builtin();
        let facts = vec![Sourced {
            id: FactId::new("test", 0),
            fact: fact(
                "a.txt",
                Kind::Target,
                "营商便利度指数",
                2025,
                90.0,
                "分",
                Measure::Level,
            ),
            doc: doc("a.txt", 1),
        }];
        let s = series(&cat, &facts, "营商便利度指数", None);
        assert!(!s.in_catalogue);
        assert_eq!(s.points.len(), 1);
    }

    #[test]
    fn regions_match_loosely() {
        assert!(region_matches(Some("锦州市"), "锦州"));
        assert!(region_matches(Some("锦州"), "锦州市"));
        assert!(!region_matches(Some("葫芦岛市"), "锦州"));
        assert!(!region_matches(None, "锦州"));
        assert!(region_matches(Some("三門峽市"), "三门峡市"));
        assert!(region_matches(Some("三门峡"), "三門峽市"));
    }
}
