//! Edge cases: missing or odd bases, years past the target, duplicate years, units, direction.

use planwatch_core::{Comparator, DocType, Fact, Measure};
use planwatch_evaluate::{
    assess, infer_direction, Case, Colour, Direction, Method, Observation, Status, TrendStatus,
};

use crate::{actual, check, target};

const GDP: &str = "地区生产总值";

fn gdp_target() -> Fact {
    target(GDP, 2020, 1900.0, "亿元", Measure::Level, Comparator::Eq)
}

fn gdp_base() -> Fact {
    actual(GDP, 2015, 1357.5, "亿元", Measure::Level)
}

fn from_doc(doc: &str, year: i32, value: f64) -> Fact {
    Fact {
        doc: doc.to_string(),
        ..actual(GDP, year, value, "亿元", Measure::Level)
    }
}

#[test]
fn base_missing_uses_earliest_actual() {
    // Actuals 2016 1400 and 2018 1575, no base: base = 2016 1400;
    // p = 175/500 = 0.35, τ = 2/4 = 0.5, gap 0.15 → lagging;
    // R = ((1575/1400)^(1/2) − 1)/((1900/1400)^(1/4) − 1) = 0.06066/0.07933 = 0.7646.
    let case = Case::new(gdp_target())
        .actual(actual(GDP, 2018, 1575.0, "亿元", Measure::Level))
        .actual(actual(GDP, 2016, 1400.0, "亿元", Measure::Level));
    let a = check(
        "no base",
        &case,
        Status::Lagging,
        Some(TrendStatus::Moderate),
        Colour::Yellow,
        &[("p", Some(0.35)), ("tau", Some(0.5)), ("r", Some(0.7646))],
    );
    assert_eq!(a.base_year, Some(2016));
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("缺基期，以2016年实际值1400亿元为基期")),
        "{:?}",
        a.notes
    );
}

#[test]
fn target_met_at_base_without_later_data() {
    // 森林覆盖率 ≥ 21% with base 22% and nothing later: judged on the base → achieved.
    let ind = "森林覆盖率";
    let case = Case::new(target(ind, 2020, 21.0, "%", Measure::Level, Comparator::Ge))
        .base(actual(ind, 2015, 22.0, "%", Measure::Level));
    let a = check(
        "base only",
        &case,
        Status::Achieved,
        Some(TrendStatus::Achieved),
        Colour::Green,
        &[],
    );
    assert_eq!(a.method, Method::Threshold);
    assert!(
        a.notes.iter().any(|n| n.contains("基期已达到目标")),
        "{:?}",
        a.notes
    );
}

#[test]
fn zero_base_taken_as_0_001_for_the_trend() {
    // 5G基站 0 → 50 个, 2018 20: p = 0.4, τ = 0.6, gap 0.2 → lagging;
    // a = (20/0.001)^(1/3) − 1 = 26.1442, q = (50/0.001)^(1/5) − 1 = 7.7055,
    // R = 3.3929 → substantial: status and trend disagree.
    let ind = "5G基站数";
    let case = Case::new(target(
        ind,
        2020,
        50.0,
        "个",
        Measure::Level,
        Comparator::Eq,
    ))
    .base(actual(ind, 2015, 0.0, "个", Measure::Level))
    .actual(actual(ind, 2018, 20.0, "个", Measure::Level));
    let a = check(
        "zero",
        &case,
        Status::Lagging,
        Some(TrendStatus::Substantial),
        Colour::Yellow,
        &[("p", Some(0.4)), ("r", Some(3.3929))],
    );
    assert!(a.conflict);
}

#[test]
fn negative_base_has_progress_but_no_trend() {
    // 利润 −5 → 10 亿元, 2018 4: p = 9/15 = 0.6, gap 0 → on_track; no growth rate
    // from a negative value: no trend, no projection; required (10/4)^(1/2) − 1 = 0.5811.
    let ind = "规模以上工业企业利润";
    let case = Case::new(target(
        ind,
        2020,
        10.0,
        "亿元",
        Measure::Level,
        Comparator::Eq,
    ))
    .base(actual(ind, 2015, -5.0, "亿元", Measure::Level))
    .actual(actual(ind, 2018, 4.0, "亿元", Measure::Level));
    check(
        "negative",
        &case,
        Status::OnTrack,
        None,
        Colour::Green,
        &[
            ("p", Some(0.6)),
            ("r", None),
            ("proj", None),
            ("req", Some(0.5811)),
        ],
    );
}

#[test]
fn actual_after_target_year() {
    // Only 2021 known for a 2020 target: judged on it, τ capped at 1.
    let case = Case::new(gdp_target())
        .base(gdp_base())
        .actual(from_doc("b2021.txt", 2021, 1950.0));
    let a = check(
        "late met",
        &case,
        Status::Achieved,
        Some(TrendStatus::Achieved),
        Colour::Green,
        &[("tau", Some(1.0))],
    );
    assert_eq!(a.latest_year, Some(2021));
    assert!(
        a.notes.iter().any(|n| n.contains("以2021年数据评估")),
        "{:?}",
        a.notes
    );
    let case = Case::new(gdp_target())
        .base(gdp_base())
        .actual(from_doc("b2021.txt", 2021, 1850.0));
    check(
        "late missed",
        &case,
        Status::OffTrack,
        Some(TrendStatus::Moderate),
        Colour::Red,
        &[("tau", Some(1.0)), ("req", None)],
    );
    // With 2018 known too, the data up to the target year are used.
    let case = Case::new(gdp_target())
        .base(gdp_base())
        .actual(from_doc("b2018.txt", 2018, 1575.0))
        .actual(from_doc("b2021.txt", 2021, 2000.0));
    let a = check(
        "before T",
        &case,
        Status::Lagging,
        Some(TrendStatus::Moderate),
        Colour::Yellow,
        &[],
    );
    assert_eq!(a.latest_year, Some(2018));
}

#[test]
fn as_of_hides_later_actuals() {
    let case = Case::new(gdp_target())
        .base(gdp_base())
        .actual(from_doc("b2018.txt", 2018, 1575.0))
        .actual(from_doc("b2019.txt", 2019, 1950.0))
        .as_of(2018);
    let a = check(
        "as of",
        &case,
        Status::Lagging,
        Some(TrendStatus::Moderate),
        Colour::Yellow,
        &[],
    );
    assert_eq!(a.latest_year, Some(2018));
}

#[test]
fn several_actuals_in_one_year() {
    // The bulletin's 1600 beats the work report's 1575, wherever listed:
    // p = 242.5/542.5 = 0.4470.
    let case = Case::new(gdp_target())
        .base(gdp_base())
        .actual(
            Observation::new(from_doc("公报2018.txt", 2018, 1600.0))
                .doc_type(DocType::StatisticalBulletin),
        )
        .actual(
            Observation::new(from_doc("报告2019.txt", 2018, 1575.0)).doc_type(DocType::WorkReport),
        );
    let a = check(
        "bulletin",
        &case,
        Status::Lagging,
        Some(TrendStatus::Moderate),
        Colour::Yellow,
        &[("p", Some(0.4470))],
    );
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("采用统计公报 公报2018.txt")),
        "{:?}",
        a.notes
    );
    assert!(a.used.iter().any(|s| s.doc == "公报2018.txt"));
    assert!(!a.used.iter().any(|s| s.doc == "报告2019.txt"));

    // No hints: the document listed last (the latest) wins: 1575, p = 0.4009.
    let case = Case::new(gdp_target())
        .base(gdp_base())
        .actual(from_doc("a.txt", 2018, 1600.0))
        .actual(from_doc("b.txt", 2018, 1575.0));
    let a = check(
        "latest listed",
        &case,
        Status::Lagging,
        Some(TrendStatus::Moderate),
        Colour::Yellow,
        &[("p", Some(0.4009))],
    );
    assert!(
        a.notes.iter().any(|n| n.contains("采用最新文档 b.txt")),
        "{:?}",
        a.notes
    );

    // Publication years decide before list order: the 2020 revision (1600) wins.
    let case = Case::new(gdp_target())
        .base(gdp_base())
        .actual(Observation::new(from_doc("revised.txt", 2018, 1600.0)).published(2020))
        .actual(Observation::new(from_doc("first.txt", 2018, 1575.0)).published(2019));
    check(
        "published",
        &case,
        Status::Lagging,
        Some(TrendStatus::Moderate),
        Colour::Yellow,
        &[("p", Some(0.4470))],
    );

    // Equal values: no note.
    let case = Case::new(gdp_target())
        .base(gdp_base())
        .actual(from_doc("a.txt", 2018, 1575.0))
        .actual(from_doc("b.txt", 2018, 1575.0));
    assert!(assess(&case).notes.is_empty());
}

#[test]
fn units_converted_by_magnitude() {
    // 15 750 000 万元 = 1575 亿元: as the 2018 lagging case, p = 0.4009.
    let case = Case::new(gdp_target()).base(gdp_base()).actual(actual(
        GDP,
        2018,
        15_750_000.0,
        "万元",
        Measure::Level,
    ));
    check(
        "万元",
        &case,
        Status::Lagging,
        Some(TrendStatus::Moderate),
        Colour::Yellow,
        &[("p", Some(0.4009))],
    );

    // 进出口总额 30 → 50 亿美元; 2018 380 000 万美元 = 38 亿美元: p = 8/20 = 0.4 → lagging.
    let ind = "进出口总额";
    let case = Case::new(target(
        ind,
        2020,
        50.0,
        "亿美元",
        Measure::Level,
        Comparator::Eq,
    ))
    .base(actual(ind, 2015, 300_000.0, "万美元", Measure::Level))
    .actual(actual(ind, 2018, 380_000.0, "万美元", Measure::Level));
    check(
        "美元",
        &case,
        Status::Lagging,
        Some(TrendStatus::Moderate),
        Colour::Yellow,
        &[("p", Some(0.4))],
    );

    // 万人 for a 亿元 target: nothing usable → no_data naming the units.
    let case = Case::new(gdp_target()).base(gdp_base()).actual(actual(
        GDP,
        2018,
        1575.0,
        "万人",
        Measure::Level,
    ));
    let a = check(
        "incompatible",
        &case,
        Status::NoData,
        None,
        Colour::Grey,
        &[("p", None)],
    );
    assert!(a.explanation.contains("单位不兼容"), "{}", a.explanation);
    assert!(a.explanation.contains("万人"), "{}", a.explanation);

    // An incompatible base is no_data too.
    let case = Case::new(gdp_target())
        .base(actual(GDP, 2015, 1357.5, "美元", Measure::Level))
        .actual(actual(GDP, 2018, 1575.0, "亿元", Measure::Level));
    let a = check("base unit", &case, Status::NoData, None, Colour::Grey, &[]);
    assert!(
        a.explanation.contains("基期单位为美元"),
        "{}",
        a.explanation
    );
}

#[test]
fn target_without_year_is_no_data() {
    let mut t = gdp_target();
    t.year = None;
    let a = check(
        "no year",
        &Case::new(t).base(gdp_base()),
        Status::NoData,
        None,
        Colour::Grey,
        &[],
    );
    assert!(a.explanation.contains("目标年份缺失"));
}

#[test]
fn direction_inference() {
    use Comparator::*;
    use Direction::*;
    use Measure::*;
    // (indicator, measure, comparator, target value, base value, expected)
    let rows = [
        ("地区生产总值", Level, Eq, 1900.0, Some(1357.5), Higher),
        ("城镇登记失业率", Level, Le, 4.5, None, Lower),
        ("城镇调查失业率", Level, Eq, 5.5, None, Lower),
        ("单位地区生产总值能源消耗", Level, Eq, 0.4, None, Lower),
        (
            "单位地区生产总值能源消耗降低",
            Reduction,
            Eq,
            12.0,
            None,
            Higher,
        ),
        (
            "万元地区生产总值用水量下降率",
            Level,
            Eq,
            20.0,
            None,
            Higher,
        ),
        ("主要污染物排放总量", Level, Eq, 3.0, None, Lower),
        ("婴儿死亡率", Level, Eq, 5.0, None, Lower),
        ("农村贫困人口", Level, Eq, 0.0, None, Lower),
        ("农村贫困人口脱贫", Level, Eq, 7.5, None, Higher),
        ("人口自然增长率", AvgGrowth, Eq, -0.5, None, Lower),
        ("森林覆盖率", Level, Ge, 21.0, Some(22.0), Higher),
    ];
    for (ind, measure, cmp, value, base, expect) in rows {
        let t = target(ind, 2020, value, "", measure, cmp);
        assert_eq!(infer_direction(&t, base).0, expect, "{ind}");
    }
    // A given direction wins over the words.
    let ind = "能耗";
    let case = Case::new(target(ind, 2020, 10.0, "万吨", Level, Eq))
        .base(actual(ind, 2015, 8.0, "万吨", Level))
        .actual(actual(ind, 2018, 9.0, "万吨", Level))
        .direction(Higher);
    let a = assess(&case);
    assert_eq!(a.direction, Higher);
    assert_eq!(a.method, Method::TimeProgress);
}

#[test]
fn status_and_trend_thresholds() {
    // gap = τ − p at the boundaries.
    let rows = [
        (0.7, 0.6, Status::Ahead),     // gap −0.10
        (0.5, 0.6, Status::OnTrack),   // gap 0.10
        (0.3, 0.6, Status::Lagging),   // gap 0.30
        (0.29, 0.6, Status::OffTrack), // gap 0.31
        (-0.01, 0.6, Status::Regressing),
    ];
    for (p, tau, expect) in rows {
        assert_eq!(Status::from_gap(p, tau), expect, "p {p} τ {tau}");
    }
    let rows = [
        (0.95, TrendStatus::Substantial),
        (0.9499, TrendStatus::Moderate),
        (0.6, TrendStatus::Moderate),
        (0.5999, TrendStatus::Limited),
        (0.0, TrendStatus::Limited),
        (-0.0001, TrendStatus::Deterioration),
    ];
    for (r, expect) in rows {
        assert_eq!(TrendStatus::from_ratio(r), expect, "R {r}");
    }
}

#[test]
fn assessment_serialises_in_snake_case() {
    let case = Case::new(gdp_target())
        .base(gdp_base())
        .actual(from_doc("b.txt", 2018, 1575.0));
    let json = serde_json::to_value(assess(&case)).expect("serialise");
    assert_eq!(json["status"], "lagging");
    assert_eq!(json["trend_status"], "moderate");
    assert_eq!(json["colour"], "yellow");
    assert_eq!(json["method"], "time_progress");
    assert_eq!(json["used"][2]["role"], "actual");
    assert!(json["elapsed"].is_number());
}

#[test]
fn no_data_says_why() {
    use Measure::*;
    let ind = GDP;
    let avg = || target(ind, 2020, 7.0, "%", AvgGrowth, Comparator::Eq);
    let base = || actual(ind, 2015, 1357.5, "亿元", Level);
    // (name, case, words the explanation must contain)
    let rows = [
        (
            "nothing",
            Case::new(avg()).base(base()),
            "尚无可用的增速或总量数据",
        ),
        (
            "first year missing",
            Case::new(avg())
                .base(base())
                .actual(actual(ind, 2017, 6.0, "%", Growth)),
            "缺2016年增速",
        ),
        (
            "growth as an amount",
            Case::new(avg())
                .base(base())
                .actual(actual(ind, 2016, 80.0, "亿元", Growth)),
            "单位不兼容",
        ),
        (
            "reduction without data",
            Case::new(target(
                "能耗降低",
                2020,
                12.0,
                "%",
                Reduction,
                Comparator::Eq,
            )),
            "尚无实际数据",
        ),
        (
            "cumulative in other units",
            Case::new(target(
                "城镇新增就业",
                2020,
                9.0,
                "万人",
                Cumulative,
                Comparator::Eq,
            ))
            .actual(actual("城镇新增就业", 2016, 1.8, "亿元", Level)),
            "单位不兼容",
        ),
        (
            "level after base only in future",
            Case::new(gdp_target()).base(gdp_base()).as_of(2015),
            "2015年基期之后尚无实际数据",
        ),
    ];
    for (name, case, words) in rows {
        let a = check(
            name,
            &case,
            Status::NoData,
            None,
            Colour::Grey,
            &[("p", None)],
        );
        assert!(a.explanation.contains(words), "{name}: {}", a.explanation);
    }
}

#[test]
fn sources_name_the_input_of_the_case_they_are() {
    use planwatch_evaluate::{Input, Role};
    // The same words for two actuals of one year: the one listed last is used,
    // and its source says which it is.
    let case = Case::new(gdp_target())
        .base(gdp_base())
        .actual(from_doc("公报2018.txt", 2018, 1575.0))
        .actual(actual(GDP, 2017, 1500.0, "亿元", Measure::Level))
        .actual(from_doc("公报2018.txt", 2018, 1575.0));
    let a = assess(&case);
    let inputs: Vec<(Role, Input)> = a.used.iter().map(|s| (s.role, s.input)).collect();
    assert_eq!(
        inputs,
        [
            (Role::Target, Input::Target),
            (Role::Base, Input::Base),
            (Role::Actual, Input::Actual(2)),
        ]
    );
    // Without a base the earliest actual serves, and is named as that actual.
    let case = Case::new(gdp_target())
        .actual(actual(GDP, 2018, 1575.0, "亿元", Measure::Level))
        .actual(actual(GDP, 2016, 1400.0, "亿元", Measure::Level));
    let a = assess(&case);
    let base = a.used.iter().find(|s| s.role == Role::Base).expect("base");
    assert_eq!(base.input, Input::Actual(1));
    // The input is not part of the serialised assessment.
    let json = serde_json::to_value(&a.used[0]).expect("json");
    assert!(json.get("input").is_none(), "{json}");
}
