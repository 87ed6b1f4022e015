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
    /// 中期评估/总结评估/实施情况: a review of how a plan is being carried out.
    PlanReview,
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
            DocType::PlanReview => "plan_review",
            DocType::Other => "other",
        }
    }

    /// Every type, in the order lists and filters show them.
    pub const ALL: [DocType; 7] = [
        DocType::FiveYearPlan,
        DocType::Outline,
        DocType::ImplementationPlan,
        DocType::WorkReport,
        DocType::StatisticalBulletin,
        DocType::PlanReview,
        DocType::Other,
    ];

    /// The type's Chinese name, the one label every view and report shows.
    pub fn label_zh(self) -> &'static str {
        match self {
            DocType::Outline => "规划纲要",
            DocType::FiveYearPlan => "五年规划",
            DocType::ImplementationPlan => "实施方案",
            DocType::WorkReport => "政府工作报告",
            DocType::StatisticalBulletin => "统计公报",
            DocType::PlanReview => "规划评估",
            DocType::Other => "其他文件",
        }
    }

    /// The type spelled by [`DocType::as_str`].
    pub fn parse(s: &str) -> Option<DocType> {
        DocType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// How authoritative the document is as a source of achieved values
    /// (higher wins when several give one year): bulletins, then work
    /// reports and plan reviews, then plans, then anything else.
    pub fn source_rank(self) -> u8 {
        match self {
            DocType::StatisticalBulletin => 4,
            DocType::WorkReport | DocType::PlanReview => 3,
            DocType::FiveYearPlan | DocType::Outline | DocType::ImplementationPlan => 2,
            DocType::Other => 1,
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
