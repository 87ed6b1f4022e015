//! Linked targets assessed: [`evaluate`] runs the engine on each case, and an
//! [`Evaluated`] target says its base, target and latest actual in words,
//! finding each fact the assessment used by its id.

use planwatch_catalog::FactId;
use planwatch_core::Measure;
use planwatch_evaluate::{assess, Assessment, Method, Role, Source};

use crate::link::TargetCase;
use crate::words::{pct1, target_words, value_words};

/// A target with its assessment.
#[derive(Debug, Clone)]
pub struct Evaluated {
    /// The target, its indicator, its case and the ids of its facts.
    pub item: TargetCase,
    /// What `assess` made of the case.
    pub assessment: Assessment,
}

/// Assesses every case, in order.
pub fn evaluate(items: Vec<TargetCase>) -> Vec<Evaluated> {
    items
        .into_iter()
        .map(|item| {
            let assessment = assess(&item.case);
            Evaluated { item, assessment }
        })
        .collect()
}

impl Evaluated {
    /// The id of a fact the assessment used.
    pub fn source_id(&self, s: &Source) -> Option<&FactId> {
        self.item.source_id(s)
    }

    /// The measure of a fact the assessment used.
    fn measure_of(&self, s: &Source) -> Option<Measure> {
        self.item.fact(s.input).map(|f| f.measure)
    }

    /// The base as shown: `2015年 1357.5亿元`, or the base year alone.
    pub fn base_words(&self) -> String {
        let a = &self.assessment;
        match a.used.iter().find(|s| s.role == Role::Base) {
            Some(s) => format!(
                "{}年 {}",
                s.year.map_or("—".into(), |y| y.to_string()),
                value_words(
                    s.value,
                    s.unit.as_deref(),
                    self.measure_of(s),
                    self.item.case.target.unit.as_deref()
                )
            ),
            None => a.base_year.map_or("—".into(), |y| format!("{y}年")),
        }
    }

    /// The target as shown: `2020年 1900亿元`.
    pub fn target_words(&self) -> String {
        let f = &self.item.target.fact;
        format!(
            "{}年 {}",
            f.year.map_or("—".into(), |y| y.to_string()),
            target_words(f)
        )
    }

    /// The latest actual used: `2018年 增长5%`.
    pub fn latest_words(&self) -> String {
        let a = &self.assessment;
        let Some(year) = a.latest_year else {
            return "—".into();
        };
        match a
            .used
            .iter()
            .rev()
            .find(|s| s.role == Role::Actual && s.year == Some(year))
        {
            Some(s) => format!(
                "{year}年 {}",
                value_words(
                    s.value,
                    s.unit.as_deref(),
                    self.measure_of(s),
                    self.item.case.target.unit.as_deref()
                )
            ),
            None => format!("{year}年"),
        }
    }

    /// 约束性 / 预期性, or `—`.
    pub fn attribute_words(&self) -> &'static str {
        self.item.target.fact.attribute.map_or("—", |a| a.as_str())
    }

    /// The required rate as shown: `年均增长9.1%`, or for a cut `年均降低3.0%`.
    pub fn required_words(&self) -> String {
        let a = &self.assessment;
        match a.required_rate.filter(|r| r.is_finite()) {
            None => "—".into(),
            Some(r) if a.method == Method::Reduction => format!("年均降低{}", pct1(Some(r))),
            Some(r) => format!("年均增长{}", pct1(Some(r))),
        }
    }
}
