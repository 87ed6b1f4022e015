//! Word lists the extractor reads context from: fillers around indicator
//! names, verbs that decide a measure, markers of goals and achievements.

/// Words stripped from the front of an indicator name.
pub const LEAD: &[&str] = &[
    "预计未来两年", "初步核算", "与此同时", "其中", "同时", "全市", "我市", "全省", "全县", "全区",
    "本市", "全州", "预计", "力争", "确保", "争取", "累计", "以及", "分别", "此外", "另外", "今年",
    "全年", "去年", "当年", "五年间", "五年来", "期间", "目前", "截至", "年末", "年底", "末", "底",
    "前", "并", "和", "及", "与", "共", "的", "将", "要", "使", "让", "再", "又", "还", "即", "年",
    "到", "至", "由", "从", "在", "是", "为", "有", "实现", "完成",
];

/// Words stripped from the end of an indicator name, longest first.
pub const TRAIL: &[&str] = &[
    "分别提高到", "分别提升至", "分别达到", "分别增长", "分别提高", "均达到", "均超过", "保持在",
    "稳定在", "控制在", "压缩至", "降低至", "提高到", "提高至", "提升至", "提升到", "增加到",
    "下降到", "下降至", "降低到", "增长到", "不低于", "不少于", "不超过", "不高于", "比上年",
    "较上年", "年平均", "达到", "实现", "完成", "增长", "增加", "提高", "提升", "上升", "下降",
    "降低", "减少", "突破", "超过", "高于", "低于", "降至", "增至", "达至", "年均", "平均", "分别",
    "累计", "同比", "仅为", "力争", "涨幅", "增幅", "降幅", "每年", "调减", "压减", "再", "达",
    "为", "是", "均", "都", "共", "约", "近", "逾", "仅", "将", "的", "在", "到", "至", "有",
    "已", "占", "了", "要", "和", "及", "与", "、",
];

/// Verbs of growth: the number is a change upwards.
pub const RISE: &[&str] = &["增长", "增速", "提高", "提升", "上升", "增加", "涨幅", "回升", "增幅", "上涨", "扩大"];

/// Verbs of decline: the number is a change downwards.
pub const FALL: &[&str] = &[
    "下降", "降低", "减少", "回落", "下滑", "调减", "压减", "削减", "缩减", "降幅", "减排", "压缩",
];

/// Markers of a goal.
pub const TARGET_MARKERS: &[&str] = &[
    "力争", "确保", "争取", "目标", "预期", "计划", "任务", "努力", "将达到", "要达到", "规划",
];

/// Markers of an achieved value.
pub const ACTUAL_MARKERS: &[&str] = &["比上年", "同比", "较上年", "初步核算", "已经", "完成了", "实现了", "比去年"];

/// Heading words of sections that review what was achieved.
pub const REVIEW_HEADINGS: &[&str] = &[
    "回顾", "成就", "发展基础", "现状", "完成情况", "成效", "过去", "取得", "基本情况", "进展",
];

/// Words after which a year is a comparison base, not the fact's year.
pub const COMPARISON_BEFORE_YEAR: &[&str] = &["比", "较", "与", "同", "相对于", "相比"];
