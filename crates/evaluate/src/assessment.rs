//! The result of an evaluation: `Assessment` and its closed vocabularies.

use serde::{Deserialize, Serialize};

/// Where a target stands, in the words of China's mid-term evaluations
/// (中期评估), decided from time progress (序时进度).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已完成: the target is met.
    Achieved,
    /// 超前: progress ahead of elapsed time by at least 10 points (gap ≤ −0.10).
    Ahead,
    /// 符合序时进度: −0.10 < gap ≤ 0.10.
    OnTrack,
    /// 滞后: 0.10 < gap ≤ 0.30.
    Lagging,
    /// 严重滞后/未完成: gap > 0.30, a ceiling or floor breached, a yearly target
    /// missed, or the target year reached without meeting the target.
    OffTrack,
    /// 倒退: the indicator moved away from the target (progress < 0).
    Regressing,
    /// 无数据: nothing to compare with (the reason is in the explanation).
    NoData,
    /// 定性: a goal without a number; needs human judgement.
    Qualitative,
}

/// The Open SDG / Statistics Canada progress category, from the ratio `R` of
/// the observed to the required compound annual growth rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendStatus {
    /// The target is met.
    Achieved,
    /// R ≥ 0.95: on track if the trend continues.
    Substantial,
    /// 0.60 ≤ R < 0.95: progress made, acceleration needed.
    Moderate,
    /// 0 ≤ R < 0.60: limited progress.
    Limited,
    /// R < 0: moving away from the target.
    Deterioration,
}

/// Warning colour (预警).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Colour {
    /// achieved, ahead, on_track.
    Green,
    /// lagging.
    Yellow,
    /// off_track, regressing; also a binding (约束性) indicator that is lagging
    /// or whose trend is limited or worse.
    Red,
    /// no_data, qualitative.
    Grey,
}

/// Which way is good for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better (GDP, 森林覆盖率, a cut of 能耗).
    Higher,
    /// Lower is better (能耗, 失业率, 用水量, a ceiling).
    Lower,
}

/// How a target was evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// A level target with a base: progress along the straight path from base
    /// to target (序时进度), and the Open SDG trend.
    TimeProgress,
    /// 年均增长 target: cumulative growth factor against the required one.
    AverageGrowth,
    /// 降低 x% target: the cut achieved so far against the cut required.
    Reduction,
    /// A total over the plan period (`[ ]`, 累计): the sum so far against it.
    Cumulative,
    /// A ceiling (le/lt) or a floor already met at base: met or breached in the
    /// latest year.
    Threshold,
    /// A one-year target (政府工作报告): that year's actual against it.
    Yearly,
    /// A goal without a number.
    Qualitative,
}

/// What part a fact played in an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The target being assessed.
    Target,
    /// The base (基期) value.
    Base,
    /// An actual value used in the computation.
    Actual,
}

/// A fact an assessment used, so a reader can check it in its document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Target, base or actual.
    pub role: Role,
    /// File name of the document.
    pub doc: String,
    /// The document's words stating the fact.
    pub quote: String,
    /// The fact's year.
    pub year: Option<i32>,
    /// The fact's value as written (before any unit conversion).
    pub value: Option<f64>,
    /// The fact's unit as written.
    pub unit: Option<String>,
    /// Which fact of the case it is (not serialised: it only means something
    /// next to the case). Callers that know their facts' identities (the
    /// linking stage, by store id) find the fact by it, never by its quote.
    #[serde(skip)]
    pub input: Input,
}

/// Which fact of a [`Case`](crate::Case) a [`Source`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Input {
    /// [`Case::target`](crate::Case::target).
    #[default]
    Target,
    /// [`Case::base`](crate::Case::base).
    Base,
    /// The actual at this index of [`Case::actuals`](crate::Case::actuals).
    Actual(usize),
}

/// The evaluation of one target against its actuals.
///
/// Numbers are `None` where they do not apply (and never NaN or infinite).
/// Growth rates, cuts and progress are fractions (0.05 for 5%); `projected`
/// is in the target's own terms (see its field doc).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Status from time progress.
    pub status: Status,
    /// Status from the trend ratio, where a trend can be computed.
    pub trend_status: Option<TrendStatus>,
    /// Warning colour.
    pub colour: Colour,
    /// Completion `p`: the share of the way from base to target covered.
    pub progress: Option<f64>,
    /// Elapsed time `τ = (t − y0)/(T − y0)`, at most 1.
    pub elapsed: Option<f64>,
    /// Open SDG ratio `R` of observed to required annual rate (for cumulative
    /// targets: observed to required yearly amount).
    pub trend_ratio: Option<f64>,
    /// Value at the target year if the observed trend continues: a level in
    /// the target's unit for level and cumulative targets; the average growth
    /// rate (fraction) for 年均增长 targets; the cut (fraction) for reductions.
    pub projected: Option<f64>,
    /// Annual rate still required over the remaining years to meet the target
    /// (growth of the level, or the yearly cut for reductions).
    pub required_rate: Option<f64>,
    /// One sentence of Chinese saying where the target stands and why.
    pub explanation: String,
    /// How the target was evaluated.
    pub method: Method,
    /// Which way is good, as given or inferred.
    pub direction: Direction,
    /// Base year `y0`, when one was found.
    pub base_year: Option<i32>,
    /// Year `t` of the latest actual used.
    pub latest_year: Option<i32>,
    /// Status and trend disagree (on track but trend limited, or lagging but
    /// trend substantial); the explanation says so too.
    pub conflict: bool,
    /// Assumptions and choices made on the way (unit conversions, which of
    /// several documents was used, missing years), in Chinese.
    pub notes: Vec<String>,
    /// The facts used, with their documents and quotes.
    pub used: Vec<Source>,
}

impl Status {
    /// Every status, in the order lists, tables and reports show them.
    pub const ALL: [Status; 8] = [
        Status::Achieved,
        Status::Ahead,
        Status::OnTrack,
        Status::Lagging,
        Status::OffTrack,
        Status::Regressing,
        Status::NoData,
        Status::Qualitative,
    ];

    /// The status spelled by [`Status::as_str`].
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The serialised spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::Ahead => "ahead",
            Status::OnTrack => "on_track",
            Status::Lagging => "lagging",
            Status::OffTrack => "off_track",
            Status::Regressing => "regressing",
            Status::NoData => "no_data",
            Status::Qualitative => "qualitative",
        }
    }

    /// The status's Chinese name, the one label explanations, pages and
    /// printed reports show.
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Achieved => "已完成",
            Status::Ahead => "快于序时进度",
            Status::OnTrack => "符合序时进度",
            Status::Lagging => "滞后于序时进度",
            Status::OffTrack => "严重滞后",
            Status::Regressing => "倒退",
            Status::NoData => "无数据",
            Status::Qualitative => "定性目标",
        }
    }

    /// Status from progress `p` and elapsed time `τ` for a target not met:
    /// regressing if p < 0, otherwise by the gap `τ − p` (ahead ≤ −0.10 <
    /// on_track ≤ 0.10 < lagging ≤ 0.30 < off_track).
    pub fn from_gap(progress: f64, elapsed: f64) -> Status {
        if progress < 0.0 {
            return Status::Regressing;
        }
        let gap = elapsed - progress;
        // A small epsilon keeps hand-worked boundary cases (gap exactly 0.10)
        // on the side the thresholds name despite rounding.
        const EPS: f64 = 1e-9;
        if gap <= -0.10 + EPS {
            Status::Ahead
        } else if gap <= 0.10 + EPS {
            Status::OnTrack
        } else if gap <= 0.30 + EPS {
            Status::Lagging
        } else {
            Status::OffTrack
        }
    }

    /// Warning colour of the status alone (before the binding-indicator rule).
    pub fn colour(self) -> Colour {
        match self {
            Status::Achieved | Status::Ahead | Status::OnTrack => Colour::Green,
            Status::Lagging => Colour::Yellow,
            Status::OffTrack | Status::Regressing => Colour::Red,
            Status::NoData | Status::Qualitative => Colour::Grey,
        }
    }
}

impl TrendStatus {
    /// Open SDG thresholds: substantial (R ≥ 0.95), moderate (0.60 ≤ R < 0.95),
    /// limited (0 ≤ R < 0.60), deterioration (R < 0).
    pub fn from_ratio(ratio: f64) -> TrendStatus {
        if ratio >= 0.95 {
            TrendStatus::Substantial
        } else if ratio >= 0.60 {
            TrendStatus::Moderate
        } else if ratio >= 0.0 {
            TrendStatus::Limited
        } else {
            TrendStatus::Deterioration
        }
    }

    /// The serialised spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TrendStatus::Achieved => "achieved",
            TrendStatus::Substantial => "substantial",
            TrendStatus::Moderate => "moderate",
            TrendStatus::Limited => "limited",
            TrendStatus::Deterioration => "deterioration",
        }
    }

    /// Every trend category, best first.
    pub const ALL: [TrendStatus; 5] = [
        TrendStatus::Achieved,
        TrendStatus::Substantial,
        TrendStatus::Moderate,
        TrendStatus::Limited,
        TrendStatus::Deterioration,
    ];

    /// The category spelled by [`TrendStatus::as_str`].
    pub fn parse(s: &str) -> Option<TrendStatus> {
        TrendStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The category's Chinese name (进展显著…), the one label pages and
    /// printed reports show.
    pub fn label_zh(self) -> &'static str {
        match self {
            TrendStatus::Achieved => "已实现",
            TrendStatus::Substantial => "进展显著",
            TrendStatus::Moderate => "进展中等",
            TrendStatus::Limited => "进展有限",
            TrendStatus::Deterioration => "趋势恶化",
        }
    }
}

impl Colour {
    /// The serialised spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Colour::Green => "green",
            Colour::Yellow => "yellow",
            Colour::Red => "red",
            Colour::Grey => "grey",
        }
    }

    /// The colour's Chinese name (绿/黄/红/灰).
    pub fn label_zh(self) -> &'static str {
        match self {
            Colour::Green => "绿",
            Colour::Yellow => "黄",
            Colour::Red => "红",
            Colour::Grey => "灰",
        }
    }
}

impl Method {
    /// Every method.
    pub const ALL: [Method; 7] = [
        Method::TimeProgress,
        Method::AverageGrowth,
        Method::Reduction,
        Method::Cumulative,
        Method::Threshold,
        Method::Yearly,
        Method::Qualitative,
    ];

    /// The serialised spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::TimeProgress => "time_progress",
            Method::AverageGrowth => "average_growth",
            Method::Reduction => "reduction",
            Method::Cumulative => "cumulative",
            Method::Threshold => "threshold",
            Method::Yearly => "yearly",
            Method::Qualitative => "qualitative",
        }
    }

    /// The method spelled by [`Method::as_str`].
    pub fn parse(s: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The method's Chinese name (序时进度法…), the one label pages and
    /// printed reports show.
    pub fn label_zh(self) -> &'static str {
        match self {
            Method::TimeProgress => "序时进度法",
            Method::AverageGrowth => "年均增长法",
            Method::Reduction => "降低率法",
            Method::Cumulative => "累计法",
            Method::Threshold => "阈值法",
            Method::Yearly => "年度目标法",
            Method::Qualitative => "定性",
        }
    }
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 3] = [Role::Target, Role::Base, Role::Actual];

    /// The serialised spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Target => "target",
            Role::Base => "base",
            Role::Actual => "actual",
        }
    }

    /// The role spelled by [`Role::as_str`].
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The role's Chinese name (目标/基期/实际).
    pub fn label_zh(self) -> &'static str {
        match self {
            Role::Target => "目标",
            Role::Base => "基期",
            Role::Actual => "实际",
        }
    }
}

impl Direction {
    /// `+1.0` for higher-is-better, `−1.0` for lower-is-better (Open SDG's `d`).
    pub fn sign(self) -> f64 {
        match self {
            Direction::Higher => 1.0,
            Direction::Lower => -1.0,
        }
    }
}
