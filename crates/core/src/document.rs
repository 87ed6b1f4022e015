//! What a document is: its type, title, region and period, as found in its text.

use serde::{Deserialize, Serialize};

/// The kind of government document (文种).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    /// 纲要: a long-range outline.
    Outline,
    /// 五年规划: a five-year plan.
    FiveYearPlan,
    /// 实施方案: an implementation plan.
    ImplementationPlan,
    /// 政府工作报告: a yearly government work report.
    WorkReport,
    /// 统计公报: a statistical bulletin.
    StatisticalBulletin,
    /// Anything else.
    Other,
}

impl DocType {
    /// Stable spelling used in storage and output.
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Outline => "outline",
            DocType::FiveYearPlan => "five_year_plan",
            DocType::ImplementationPlan => "implementation_plan",
            DocType::WorkReport => "work_report",
            DocType::StatisticalBulletin => "statistical_bulletin",
            DocType::Other => "other",
        }
    }
}

/// Metadata found in a document's own text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// The title, as written.
    pub title: Option<String>,
    /// The region the document is about (锦州市).
    pub region: Option<String>,
    /// Type of document.
    pub doc_type: DocType,
    /// First year of the period a plan covers (2016 for 2016–2020).
    pub period_start: Option<i32>,
    /// Last year of the period a plan covers.
    pub period_end: Option<i32>,
    /// The year the document was issued or delivered.
    pub year: Option<i32>,
    /// Issuing body (锦州市人民政府).
    pub issuer: Option<String>,
    /// Document number (锦政发〔2017〕55号).
    pub number: Option<String>,
}
