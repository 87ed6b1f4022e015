//! `Fact` and its closed vocabularies (kind, measure, comparator, attribute).

use serde::{Deserialize, Serialize};

/// Whether a number is a goal or an achieved value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 目标: a goal for a future year.
    Target,
    /// 实际: a value that was achieved.
    Actual,
}

/// What the number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The indicator's own value at `year` (总量/水平).
    Level,
    /// Change over one year (比上年增长); a fall is negative.
    Growth,
    /// Average annual growth over a period ending at `year` (年均增长).
    AvgGrowth,
    /// A cut stated as a positive number (降低12%).
    Reduction,
    /// A total or change over several years (累计, `[ ]` cells).
    Cumulative,
}

/// How the number binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Comparator {
    /// Plain number, 达到, 为.
    Eq,
    /// 左右, 约.
    Approx,
    /// 以上, 不低于, ≥.
    Ge,
    /// 突破, 超过, >, 余.
    Gt,
    /// 以内, 不高于, 不超过, 控制在, ≤.
    Le,
    /// 低于, <.
    Lt,
}

/// Binding force of a plan indicator (指标属性).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Attribute {
    /// 约束性: binding, must be met.
    #[serde(rename = "约束性")]
    Binding,
    /// 预期性: expected, a guide.
    #[serde(rename = "预期性")]
    Expected,
}

impl Measure {
    /// Every measure.
    pub const ALL: [Measure; 5] = [
        Measure::Level,
        Measure::Growth,
        Measure::AvgGrowth,
        Measure::Reduction,
        Measure::Cumulative,
    ];

    /// The measure spelled by [`Measure::as_str`].
    pub fn parse(s: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The measure's Chinese name (水平/增长/年均增长/降低/累计).
    pub fn label_zh(self) -> &'static str {
        match self {
            Measure::Level => "水平",
            Measure::Growth => "增长",
            Measure::AvgGrowth => "年均增长",
            Measure::Reduction => "降低",
            Measure::Cumulative => "累计",
        }
    }

    /// The schema's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Level => "level",
            Measure::Growth => "growth",
            Measure::AvgGrowth => "avg_growth",
            Measure::Reduction => "reduction",
            Measure::Cumulative => "cumulative",
        }
    }
}

impl Comparator {
    /// Every comparator.
    pub const ALL: [Comparator; 6] = [
        Comparator::Eq,
        Comparator::Approx,
        Comparator::Ge,
        Comparator::Gt,
        Comparator::Le,
        Comparator::Lt,
    ];

    /// The comparator spelled by [`Comparator::as_str`].
    pub fn parse(s: &str) -> Option<Comparator> {
        Comparator::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// What is written before a number to show the comparator (约, ≥, >, ≤,
    /// <; nothing for a plain number).
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Eq => "",
            Comparator::Approx => "约",
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Le => "≤",
            Comparator::Lt => "<",
        }
    }

    /// The schema's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Eq => "eq",
            Comparator::Approx => "approx",
            Comparator::Ge => "ge",
            Comparator::Gt => "gt",
            Comparator::Le => "le",
            Comparator::Lt => "lt",
        }
    }
}

impl Kind {
    /// Both kinds.
    pub const ALL: [Kind; 2] = [Kind::Target, Kind::Actual];

    /// The kind spelled by [`Kind::as_str`].
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The kind's Chinese name (目标/实际).
    pub fn label_zh(self) -> &'static str {
        match self {
            Kind::Target => "目标",
            Kind::Actual => "实际",
        }
    }

    /// The schema's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Target => "target",
            Kind::Actual => "actual",
        }
    }
}

impl Attribute {
    /// The schema's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Attribute::Binding => "约束性",
            Attribute::Expected => "预期性",
        }
    }
}

/// One quantitative fact (or qualitative goal) stated by a document.
///
/// Serialises to exactly the shape of `shared/gold/SCHEMA.md`, plus the
/// optional `section`, `start` and `end` (byte offsets of `quote` in the
/// cleaned text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// File name of the document, without folder.
    pub doc: String,
    /// Goal or achieved value.
    pub kind: Kind,
    /// The indicator as the document names it, spaces and unit brackets removed.
    pub indicator: String,
    /// The place the fact is about (锦州市, 黑山县), if known.
    pub region: Option<String>,
    /// The year the value refers to; for a period, its last year.
    pub year: Option<i32>,
    /// The number, or `None` for a qualitative goal.
    pub value: Option<f64>,
    /// Upper end of a range (15%—20%).
    pub value_max: Option<f64>,
    /// Unit as written (`亿元`, `%`, `个百分点`).
    pub unit: Option<String>,
    /// What the number measures.
    pub measure: Measure,
    /// How the number binds.
    pub comparator: Comparator,
    /// 约束性 / 预期性 where the document says.
    pub attribute: Option<Attribute>,
    /// Goal words of a qualitative fact (不低于全省平均水平).
    pub text: Option<String>,
    /// The shortest span of the document that states the fact.
    pub quote: String,
    /// Outline heading the fact sits under, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Byte offset of `quote` in the cleaned text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// Byte offset just past `quote` in the cleaned text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// Who answers for it, where the text names them after its task
    /// (`（牵头单位：市发改委）`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<Responsible>,
}

/// The departments that answer for a figure: 牵头单位 (lead) and 配合单位
/// (partners), as the document names them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Responsible {
    /// 牵头单位: who leads.
    pub lead: Vec<String>,
    /// 配合单位: who takes part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_in_schema_shape() {
        let f = Fact {
            doc: "a.txt".into(),
            kind: Kind::Target,
            indicator: "地区生产总值".into(),
            region: Some("锦州市".into()),
            year: Some(2020),
            value: Some(1900.0),
            value_max: None,
            unit: Some("亿元".into()),
            measure: Measure::AvgGrowth,
            comparator: Comparator::Approx,
            attribute: Some(Attribute::Expected),
            text: None,
            quote: "q".into(),
            section: None,
            start: None,
            end: None,
            responsible: None,
        };
        let s = serde_json::to_string(&f).expect("serialise");
        assert!(s.contains(r#""kind":"target""#), "{s}");
        assert!(s.contains(r#""measure":"avg_growth""#), "{s}");
        assert!(s.contains(r#""comparator":"approx""#), "{s}");
        assert!(s.contains(r#""attribute":"预期性""#), "{s}");
        assert!(s.contains(r#""value_max":null"#), "{s}");
        assert!(!s.contains("section"), "{s}");
        let back: Fact = serde_json::from_str(&s).expect("parse");
        assert_eq!(back, f);
    }
}
