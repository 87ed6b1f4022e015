//! Word lists the extractor reads context from: fillers around indicator
//! names, verbs that decide a measure, markers of goals and achievements.

/// Words stripped from the front of an indicator name.
pub const LEAD: &[&str] = &[
    // (人均地区生产总值…，按当年平均汇率计算达1.28万美元: how it was reckoned.)
    "按当年平均汇率计算",
    "按年平均汇率计算",
    "按平均汇率计算",
    "按可比价格计算",
    "按现价计算",
    // (，年增5.4%: growth, before 年 alone would be cut.)
    "年增",
    // (年内建成5G基站3000个: within the year.)
    "年内",
    // (今年有望突破5000亿元: before 有, which a list's 有 starts.)
    "今年有望",
    "有望",
    "——主要目标",
    "——目标",
    "——任务",
    "——",
    "预计未来两年",
    // (分别从每月631元提高到653元: how often, no name.)
    "每人每月",
    "每人每年",
    "每月",
    "初步核算",
    "按可比价格计算",
    "按可比口径计算",
    "按可比口径",
    "同口径",
    "按同口径",
    "按可比价计算",
    "与此同时",
    // (比如草原综合植被覆盖度…: an example, not a comparison with 比.)
    "比如",
    "例如",
    "譬如",
    "诸如",
    "其中",
    "同时",
    "全市",
    "我市",
    "全省",
    "我省",
    "我县",
    "我区",
    "全县",
    "全区",
    "本市",
    "全州",
    "预计",
    "力争",
    "确保",
    "争取",
    "累计",
    "以及",
    "分别",
    "此外",
    "另外",
    "今年",
    "全年",
    "去年",
    "当年",
    "五年间",
    "五年来",
    "期间",
    "目前",
    "截至",
    "年末",
    "年底",
    "末",
    "底",
    "前",
    "并",
    "和",
    "及",
    "与",
    "共",
    "的",
    "将",
    "要",
    "使",
    "让",
    "再",
    "又",
    "还",
    "即",
    "而",
    "计划",
    "年",
    "到",
    "至",
    "由",
    "从",
    "在",
    "是",
    "为",
    "有",
    "实现",
    "完成",
];

/// Words stripped from the end of an indicator name, longest first.
pub const TRAIL: &[&str] = &[
    // (地区生产总值上半年由负转正: the part of the year after the name.)
    "上半年",
    "前三季度",
    "一季度",
    // (生产总值达人民币5.67兆元，年增5.4%: Hong Kong and Taiwan's word for growth.)
    "年增",
    "达人民币",
    // (地区生产总值今年有望突破5000亿元: an estimate of now, no part of the name.)
    "今年有望",
    "有望",
    // (能源消耗指标必须下降19.5%.)
    "指标必须",
    "必须",
    // (孤儿基本生活最低养育标准从每人每月1883元提高到1949元.)
    "从每人每月",
    "从每人每年",
    "从每月",
    "每人每月",
    "每人每年",
    "每月",
    // (年均实际增长8.9%: real, not nominal; no part of the name.)
    "年均实际增长",
    "年均名义增长",
    "实际增长",
    "名义增长",
    // (大幅增长84.7%, 约合7667亿美元, 仍保持16.2%增速, 年均增长高达97%.)
    "大幅",
    "约合",
    "仍保持",
    "保持",
    "高达",
    "年平均递增",
    "年平均递减",
    "平均递增",
    "平均递减",
    "年均递增",
    "年均递减",
    "分别提高到",
    "分别提升至",
    "分别达到",
    "分别增长",
    "分别提高",
    "均达到",
    "均超过",
    "保持在",
    "稳定在",
    "控制在",
    "还不到",
    "不到",
    "压缩至",
    "跨上",
    "迈上",
    "跃上",
    "迈过",
    "冲破",
    "初次",
    "相继跨越",
    "连续跨越",
    "跨越",
    "跃升至",
    "跃升到",
    "攀升至",
    "攀升到",
    "上升至",
    "上升到",
    "增长至",
    "扩大到",
    "扩大至",
    "缩小到",
    "缩小至",
    "减少到",
    "减少至",
    "增加至",
    "降低至",
    "提高到",
    "提高至",
    "提升至",
    "提升到",
    "增加到",
    "下降到",
    "下降至",
    "降低到",
    "增长到",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "比上年",
    "较上年",
    "年平均",
    "接近",
    "大于等于",
    "大于或等于",
    "小于等于",
    "小于或等于",
    "大于",
    "小于",
    "迈向",
    "向",
    "将近",
    "年均增长",
    "平均增长",
    "均递增",
    "均增长",
    "达到",
    "实现",
    "完成",
    // (同比负增长7.59%.)
    "负增长",
    "增长",
    "递增",
    "递减",
    // (同比激增155%, 进口锐减10%.)
    "激增",
    "猛增",
    "大增",
    "剧增",
    "暴增",
    "锐减",
    "骤降",
    "骤减",
    "大减",
    "暴跌",
    "下跌",
    "增加",
    "提高",
    "提升",
    "上升",
    "上涨",
    "下降",
    "降低",
    "减少",
    "突破",
    "首次破",
    "首破",
    "冲刺",
    "超过",
    "将超",
    "超",
    "高于",
    "低于",
    "降至",
    "增至",
    "达至",
    "年均",
    "平均",
    "分别",
    "双双",
    "先后",
    "连续",
    "累计",
    // 五年累计完成, 历史性突破, 首次突破: the span or manner of the change.
    "五年",
    "三年",
    "十年",
    "历史性",
    "首次",
    // 工业总产值方面: the topic.
    "方面",
    "同比",
    "仅为",
    "力争",
    // (地区生产总值预计达到2.4万亿元: an estimate, no part of the name.)
    "预计",
    "涨幅",
    "增幅",
    "降幅",
    // (同比增34.1%, 同比降2%: the short verbs, with 同比 before them.)
    "同比增",
    "同比降",
    "同比减",
    "比增",
    "比降",
    "比减",
    "每年",
    "调减",
    "压减",
    "再",
    "达",
    "为",
    "是",
    "均",
    "都",
    "共",
    "约",
    "近",
    "逾",
    "仅",
    "将",
    "的",
    "在",
    "到",
    "至",
    "有",
    "已",
    "占",
    "了",
    "要",
    "和",
    "及",
    "与",
    "、",
];

/// Verbs of growth: the number is a change upwards.
pub const RISE: &[&str] = &[
    "增长", "增速", "提高", "提升", "上升", "增加", "涨幅", "回升", "增幅", "上涨", "扩大", "增产",
    "递增", // (两税收入386.6亿元，净增50亿元: the year's change.)
    "净增", // (年增5.4%, 年減2%: Hong Kong and Taiwan's words.)
    "年增", // (同比增34.1%, 比上年增5%: news' short word.)
    "比增",
    // (同比激增155%, 出口猛增20%, 利润大增30%: news' emphatic rises.)
    "激增", "猛增", "大增", "剧增", "暴增",
];

/// News' short words for a change (`同比增34.1%`, `同比降3.4%`): no part of
/// an indicator's name.
pub const SHORT_CHANGES: &[&str] = &["同比增", "同比降", "同比减", "比增", "比降", "比减"];

/// Verbs of decline: the number is a change downwards.
pub const FALL: &[&str] = &[
    // (同比负增长7.59%: a fall, though it ends in 增长.)
    "负增长",
    "下降",
    "降低",
    "减少",
    "回落",
    "下滑",
    "调减",
    "压减",
    "削减",
    "缩减",
    "降幅",
    "减排",
    "压缩",
    "减产",
    "递减",
    "年减",
    "比降",
    "比减",
    // (进口锐减10%, 销量骤降: emphatic falls.)
    "锐减",
    "骤降",
    "骤减",
    "大减",
    "暴跌",
    // (交通和通信的价格下跌0.6%: prices fall.)
    "下跌",
];

/// Markers of a goal.
pub const TARGET_MARKERS: &[&str] = &[
    "力争",
    "确保",
    "争取",
    "目标",
    "预期",
    "计划",
    "任务",
    "努力",
    "将达到",
    "要达到",
    // (总体来说，要实现地区生产总值超过1800亿元: the aim, told as a duty.)
    "要实现",
    // (…指标必须下降19.5%; 年均下降率要求达到4.61%.)
    "必须",
    "要求达到",
    "规划",
    "考核指标",
    // (2017年6月底前下达60%以上, 年底前完成: a deadline set.)
    "底前",
];

/// 拟完成, 拟建成…: planned (高速公路建设拟完成投资3700亿元). Looked for only
/// where 拟 is written (see [`target_markers`]).
const PLANNED: &[&str] = &[
    "拟完成",
    "拟建成",
    "拟新建",
    "拟新增",
    "拟投资",
    "拟实施",
    "拟建设",
    "拟安排",
];

/// The words marking a goal to look for in `text`: [`TARGET_MARKERS`], and
/// the planned ones where 拟 is written (most texts pass one char test).
pub fn target_markers(text: &str) -> impl Iterator<Item = &'static &'static str> {
    let planned: &'static [&'static str] = if text.contains('拟') { PLANNED } else { &[] };
    TARGET_MARKERS.iter().chain(planned.iter())
}

/// The words of a year-on-year comparison (比上年增长, 同比下降).
pub const YEAR_ON_YEAR: [&str; 5] = ["比上年", "同比", "较上年", "比去年", "较去年"];

/// Markers of an achieved value.
pub const ACTUAL_MARKERS: &[&str] = &[
    "比上年",
    "同比",
    "较上年",
    "初步核算",
    "已经",
    "完成了",
    "实现了",
    // (形成了3个万亿、14个千亿产业, 建成了…: done, told with 了.)
    "形成了",
    "建成了",
    "达到了",
    "突破了",
    "比去年",
    "已累计",
    "已达",
    "已完成",
    "已建成",
    "已实现",
    // 5年来, 近年来: what the years past brought.
    "年来",
    // 实际完成搬迁安置13.05万人, 为计划的152.4%, 投资完成率为98.37%: what was
    // done, measured against its plan.
    // (Not 超额完成: 力争…提前超额完成目标任务 sets a goal.)
    "实际完成",
    "为计划的",
    "占计划的",
    "占年度计划",
    "占年度投资计划",
    "完成年度计划的",
    "完成率为",
    "完成率达",
];

/// Heading words of sections that review what was achieved.
pub const REVIEW_HEADINGS: &[&str] = &[
    "回顾",
    "成就",
    "发展基础",
    "现实基础",
    "工作基础",
    "基础条件",
    "发展背景",
    "现状",
    "完成情况",
    "执行情况",
    "成效",
    "过去",
    "取得",
    "基本情况",
    "进展",
];

/// Words after which a year is a comparison base, not the fact's year.
pub const COMPARISON_BEFORE_YEAR: &[&str] = &["比", "较", "与", "同", "相对于", "相比"];

/// Whether the words right after a year (`after`, its chars) say the year's
/// work is ahead: 将, 确保 or 力争 within its subject's reach (2023年，我市将…,
/// 2023年确保粮食产量…), before any figure. Not 现将…报告如下 (a report's
/// formula), nor 将 taking an object (甘肃省将“…工程”确定为民生实事项目).
pub fn work_ahead_after_year(after: &[char]) -> bool {
    let clause: String = after
        .iter()
        .take_while(|c| !c.is_ascii_digit() && !matches!(c, '。' | '；' | ';'))
        // (Bounded: a text of no figure and no full stop stays linear.)
        .take(200)
        .collect();
    let near: String = clause.chars().take(9).collect();
    ["将", "确保", "力争"].iter().any(|w| {
        near.find(w).is_some_and(|at| {
            let next = near[at + w.len()..].chars().next();
            !near[..at].ends_with('现') && !matches!(next, Some('“' | '《' | '"'))
        })
    }) && !["确定为", "列为", "作为", "纳入"]
        .iter()
        .any(|w| clause.contains(w))
}
