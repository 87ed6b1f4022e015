//! Plan targets with their assessments, linked to their places in the documents.
//!
//! Targets are tied to their base and actuals by `planwatch_link::link_targets`,
//! once per snapshot ([`Snapshot::linked`]), and assessed by
//! `planwatch_link::evaluate` (the same path as `planwatch evaluate`); this
//! module narrows the linked targets to a plan or an indicator and turns each
//! result into [`Assessed`], with every fact used linked to its document and
//! anchor by its id.

use planwatch_evaluate::{Assessment, Role, Status};
use planwatch_link::{evaluate, Evaluated, Scope};
use serde::Serialize;
use utoipa::ToSchema;

use crate::snapshot::Snapshot;

/// A fact an assessment used, with where to find it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SourceLink {
    /// target, base or actual.
    pub role: String,
    /// Document file name.
    pub doc: String,
    /// Document key of the fact (by its id, never by its quote).
    pub doc_id: Option<String>,
    /// Fact position in its document (anchor `f{ord}`).
    pub ord: Option<i64>,
    /// The document's words.
    pub quote: String,
    /// Year of the value.
    pub year: Option<i32>,
    /// Value as written.
    pub value: Option<f64>,
    /// Unit as written.
    pub unit: Option<String>,
}

/// One plan target with its assessment.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Assessed {
    /// Stable id: the first 12 characters of the document key, `-`, the fact position.
    pub id: String,
    /// Series key (canonical indicator name when in the catalogue).
    pub indicator: String,
    /// Whether the indicator is in the catalogue.
    pub in_catalogue: bool,
    /// The indicator as the document names it.
    pub as_written: String,
    /// Catalogue domain, or 其他.
    pub domain: String,
    /// Region of the target.
    pub region: Option<String>,
    /// Target year.
    pub year: Option<i32>,
    /// level, growth, avg_growth, reduction or cumulative.
    pub measure: String,
    /// eq, approx, ge, gt, le or lt.
    pub comparator: String,
    /// Target value as written.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Unit as written.
    pub unit: Option<String>,
    /// Qualitative goal words.
    pub text: Option<String>,
    /// 约束性 or 预期性.
    pub attribute: Option<String>,
    /// Whether the target is binding (约束性).
    pub binding: bool,
    /// Plan document key.
    pub doc_id: String,
    /// Plan document file name.
    pub doc: String,
    /// Plan document title.
    pub doc_title: Option<String>,
    /// Position of the target fact in its document.
    pub ord: i64,
    /// The plan's words.
    pub quote: String,
    /// The target in words with its year (`2020年 1900亿元`), as
    /// `planwatch evaluate` and the assessments table say it.
    pub target_words: String,
    /// The target in words without its year (`1900亿元`, `年均增长7%左右`,
    /// `4.5%以内`): `planwatch_link::words::target_words`, the one wording
    /// of targets that pages, printed reports and the CLI share.
    pub target_value_words: String,
    /// The base in words (`2015年 1357.5亿元`, or `—`).
    pub base_words: String,
    /// The latest actual used in words (`2018年 增长5%`, or `—`).
    pub latest_words: String,
    /// Base value (as written) when one was found.
    pub base_value: Option<f64>,
    /// Unit of the base value as written.
    pub base_unit: Option<String>,
    /// The evaluation.
    #[schema(value_type = Object)]
    pub assessment: Assessment,
    /// Every fact used, linked to its document.
    pub sources: Vec<SourceLink>,
}

impl Assessed {
    /// Whether it belongs on the red list (off track, regressing, or binding and lagging).
    pub fn is_red(&self) -> bool {
        self.assessment.colour == planwatch_evaluate::Colour::Red
    }
}

/// Assessments of every (distinct) target of a plan document, in document order
/// (the same linking and evaluation as `planwatch evaluate`).
pub fn assess_plan(snap: &Snapshot, doc_id: &str) -> Vec<Assessed> {
    evaluate(snap.cases(&Scope::Doc(doc_id.to_string()), None))
        .into_iter()
        .map(assessed)
        .collect()
}

/// Assessments of the targets of one series key in a region (all regions when `None`).
pub fn assess_key(snap: &Snapshot, key: &str, region: Option<&str>) -> Vec<Assessed> {
    let scope = match region {
        Some(r) => Scope::Region(r.to_string()),
        None => Scope::All,
    };
    let cases = snap
        .linked()
        .iter()
        .filter(|c| c.key == key && scope.contains(&c.target))
        .cloned()
        .collect();
    evaluate(cases).into_iter().map(assessed).collect()
}

fn assessed(e: Evaluated) -> Assessed {
    let sources = e
        .assessment
        .used
        .iter()
        .map(|s| {
            let id = e.source_id(s);
            SourceLink {
                role: s.role.as_str().to_string(),
                doc: s.doc.clone(),
                doc_id: id.map(|i| i.doc.clone()),
                ord: id.map(|i| i.ord),
                quote: s.quote.clone(),
                year: s.year,
                value: s.value,
                unit: s.unit.clone(),
            }
        })
        .collect();
    let (target_words, base_words, latest_words) =
        (e.target_words(), e.base_words(), e.latest_words());
    let Evaluated { item, assessment } = e;
    let target = &item.target.fact;
    let target_value_words = planwatch_link::words::target_words(target);
    let base = assessment.used.iter().find(|s| s.role == Role::Base);
    let base_value = base.and_then(|s| s.value);
    let base_unit = base.and_then(|s| s.unit.clone());
    let doc_id = item.target.doc.id.clone();
    let ord = item.target.id.ord;
    Assessed {
        id: format!("{}-{}", doc_id.get(..12).unwrap_or(&doc_id), ord),
        indicator: item.indicator.clone(),
        in_catalogue: item.in_catalogue,
        as_written: target.indicator.clone(),
        domain: item
            .domain
            .clone()
            .unwrap_or_else(|| planwatch_catalog::NO_DOMAIN.to_string()),
        region: item.target.region().map(str::to_string),
        year: target.year,
        measure: target.measure.as_str().to_string(),
        comparator: target.comparator.as_str().to_string(),
        value: target.value,
        value_max: target.value_max,
        unit: target.unit.clone(),
        text: target.text.clone(),
        attribute: target.attribute.map(|a| a.as_str().to_string()),
        binding: target.attribute == Some(planwatch_core::Attribute::Binding),
        doc_id,
        doc: item.target.doc.name.clone(),
        doc_title: item.target.doc.title.clone(),
        ord,
        quote: target.quote.clone(),
        target_words,
        target_value_words,
        base_words,
        latest_words,
        base_value,
        base_unit,
        assessment,
        sources,
    }
}

/// Order of the red list: binding first, then regressing, off track, lagging.
pub fn red_rank(a: &Assessed) -> (bool, u8, i32) {
    let s = match a.assessment.status {
        Status::Regressing => 0,
        Status::OffTrack => 1,
        Status::Lagging => 2,
        _ => 3,
    };
    (!a.binding, s, a.year.unwrap_or(i32::MAX))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use planwatch_catalog::Catalog;
    use planwatch_core::{Attribute, Comparator, DocType, DocumentInfo, Fact, Kind, Measure};
    use planwatch_store::{StoredDocument, StoredFact};

    use super::*;
    use crate::snapshot::Version;

    fn doc(id: &str, name: &str, doc_type: DocType, year: Option<i32>, seq: i64) -> StoredDocument {
        let plan = doc_type == DocType::FiveYearPlan;
        StoredDocument {
            id: id.into(),
            name: name.into(),
            revision: 1,
            origin: "document".into(),
            path: None,
            format: Some("text".into()),
            info: DocumentInfo {
                title: Some(format!("《{name}》")),
                region: Some("锦州市".into()),
                doc_type,
                period_start: plan.then_some(2016),
                period_end: plan.then_some(2020),
                year,
                issuer: None,
                number: None,
            },
            fact_count: 0,
            seq,
            ingested_at: 0,
            current: true,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn fact(
        d: &StoredDocument,
        ord: i64,
        kind: Kind,
        year: i32,
        value: f64,
        unit: &str,
        measure: Measure,
        quote: &str,
    ) -> StoredFact {
        StoredFact {
            document_id: d.id.clone(),
            ord,
            fact: Fact {
                doc: d.name.clone(),
                kind,
                indicator: "地区生产总值".into(),
                region: Some("锦州市".into()),
                year: Some(year),
                value: Some(value),
                value_max: None,
                unit: Some(unit.into()),
                measure,
                comparator: Comparator::Eq,
                attribute: Some(Attribute::Expected),
                text: None,
                quote: quote.into(),
                section: None,
                start: None,
                end: None,
                responsible: None,
            },
        }
    }

    /// A plan's table row gives the target (2020) and the base (2015) in one
    /// quote, and a growth target too: each source of each assessment links
    /// to its own fact, not to the first fact of that quote.
    #[test]
    fn a_table_row_giving_base_and_target_links_each_source_to_its_own_fact() {
        const ROW: &str = "地区生产总值 (亿元)\t1357.5\t1900\t7\t预期性";
        let plan = doc("plan-id", "plan.txt", DocType::FiveYearPlan, None, 1);
        let bulletin = doc(
            "bulletin-id",
            "bulletin-2018.txt",
            DocType::StatisticalBulletin,
            Some(2019),
            2,
        );
        let stored = vec![
            fact(
                &plan,
                0,
                Kind::Target,
                2020,
                1900.0,
                "亿元",
                Measure::Level,
                ROW,
            ),
            fact(
                &plan,
                1,
                Kind::Actual,
                2015,
                1357.5,
                "亿元",
                Measure::Level,
                ROW,
            ),
            fact(
                &plan,
                2,
                Kind::Target,
                2020,
                7.0,
                "%",
                Measure::AvgGrowth,
                ROW,
            ),
            fact(
                &bulletin,
                0,
                Kind::Actual,
                2018,
                1575.0,
                "亿元",
                Measure::Level,
                "全市地区生产总值1575亿元",
            ),
            fact(
                &bulletin,
                1,
                Kind::Actual,
                2018,
                1575.0,
                "亿元",
                Measure::Level,
                "全市地区生产总值1575亿元",
            ),
        ];
        let snap = Snapshot::build(
            Version::default(),
            vec![plan, bulletin],
            stored,
            Arc::new(Catalog::builtin()),
        );
        let assessed = assess_plan(&snap, "plan-id");
        let ords = |a: &Assessed| -> Vec<(String, Option<String>, Option<i64>)> {
            a.sources
                .iter()
                .map(|s| (s.role.clone(), s.doc_id.clone(), s.ord))
                .collect()
        };
        let level = assessed
            .iter()
            .find(|a| a.measure == "level")
            .expect("level target");
        assert_eq!(level.ord, 0);
        let plan_id = Some("plan-id".to_string());
        let bulletin_id = Some("bulletin-id".to_string());
        assert_eq!(
            ords(level),
            [
                ("target".to_string(), plan_id.clone(), Some(0)),
                ("base".to_string(), plan_id.clone(), Some(1)),
                ("actual".to_string(), bulletin_id.clone(), Some(1)),
            ]
        );
        let growth = assessed
            .iter()
            .find(|a| a.measure == "avg_growth")
            .expect("growth target");
        assert_eq!(growth.ord, 2);
        assert_eq!(
            ords(growth),
            [
                ("target".to_string(), plan_id.clone(), Some(2)),
                ("base".to_string(), plan_id, Some(1)),
                ("actual".to_string(), bulletin_id, Some(1)),
            ]
        );
    }

    /// Every target is linked once per snapshot: a plan's, an indicator's and
    /// a region's targets, and an as-of year, narrow that one linking and
    /// give what linking them afresh gives.
    #[test]
    fn targets_are_linked_once_per_snapshot() {
        const ROW: &str = "地区生产总值 (亿元)\t1357.5\t1900\t7\t预期性";
        let plan = doc("plan-id", "plan.txt", DocType::FiveYearPlan, None, 1);
        let bulletin = doc(
            "bulletin-id",
            "bulletin-2018.txt",
            DocType::StatisticalBulletin,
            Some(2019),
            2,
        );
        let stored = vec![
            fact(
                &plan,
                0,
                Kind::Target,
                2020,
                1900.0,
                "亿元",
                Measure::Level,
                ROW,
            ),
            fact(
                &plan,
                1,
                Kind::Actual,
                2015,
                1357.5,
                "亿元",
                Measure::Level,
                ROW,
            ),
            fact(
                &bulletin,
                0,
                Kind::Actual,
                2017,
                1500.0,
                "亿元",
                Measure::Level,
                "2017年1500亿元",
            ),
            fact(
                &bulletin,
                1,
                Kind::Actual,
                2018,
                1575.0,
                "亿元",
                Measure::Level,
                "2018年1575亿元",
            ),
        ];
        let snap = Snapshot::build(
            Version::default(),
            vec![plan, bulletin],
            stored,
            Arc::new(Catalog::builtin()),
        );
        let linked = snap.linked();
        assert_eq!(linked.len(), 1);
        let facts: Vec<planwatch_catalog::Sourced> =
            snap.facts.iter().map(|r| r.src.clone()).collect();
        for scope in [
            Scope::Doc("plan-id".into()),
            Scope::Region("锦州".into()),
            Scope::Region("葫芦岛".into()),
        ] {
            for as_of in [None, Some(2017)] {
                let direct = planwatch_link::link_targets(snap.catalog(), &facts, &scope, as_of);
                assert_eq!(
                    format!("{:?}", snap.cases(&scope, as_of)),
                    format!("{direct:?}"),
                    "{scope:?} {as_of:?}"
                );
            }
        }
        assert_eq!(assess_key(&snap, "地区生产总值", Some("锦州")).len(), 1);
        assert_eq!(snap.plan_assessments("plan-id").len(), 1);
        assert!(Arc::ptr_eq(&linked, &snap.linked()), "linked again");
        // Each fact is found by its id.
        let id = &linked[0].target.id;
        assert_eq!(snap.fact_by_id(id).map(|r| r.ord), Some(0));
        let base = linked[0].base_id.as_ref().expect("base");
        assert_eq!(snap.fact_by_id(base).map(|r| r.ord), Some(1));
        let missing = planwatch_catalog::FactId::new("plan-id", 9);
        assert!(snap.fact_by_id(&missing).is_none());
    }
}
