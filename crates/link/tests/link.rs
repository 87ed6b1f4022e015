//! Linking targets to actuals from other documents, on values: units, synonyms, bulletins first, regions, base.

mod common;

use common::*;
use planwatch_catalog::Catalog;
use planwatch_core::{Attribute, DocType, Kind, Measure};
use planwatch_evaluate::{assess, Colour, Direction, Method, Role, Status};
use planwatch_link::{evaluate, in_scope, link_targets, source_hints, Scope, TargetCase};

fn cases(as_of: Option<i32>) -> Vec<TargetCase> {
    link_targets(
        &Catalog::builtin(),
        &scenario(),
        &Scope::Doc("plan.txt".into()),
        as_of,
    )
}

fn find<'a>(cases: &'a [TargetCase], indicator: &str, measure: Measure) -> &'a TargetCase {
    cases
        .iter()
        .find(|c| c.indicator == indicator && c.target.fact.measure == measure)
        .unwrap_or_else(|| panic!("no case for {indicator} {measure:?}"))
}

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("a number");
    assert!((a - b).abs() < 1e-3, "{a} != {b}");
}

#[test]
fn one_case_per_target_of_the_plan_with_duplicates_merged() {
    let cs = cases(Some(2018));
    // GDP level, GDP 年均增长 (text and table row merged), 森林覆盖率, 互联网普及率, 增速 (qualitative).
    assert_eq!(
        cs.len(),
        5,
        "{:#?}",
        cs.iter().map(|c| &c.indicator).collect::<Vec<_>>()
    );
    let growth = find(&cs, "地区生产总值", Measure::AvgGrowth);
    assert_eq!(growth.also.len(), 1);
    // The table row (with its attribute) speaks for both statements.
    assert_eq!(growth.target.fact.attribute, Some(Attribute::Expected));
    assert_eq!(growth.also[0].fact.quote, "全市地区生产总值年均增长 7%左右");
    assert_eq!(growth.domain.as_deref(), Some("经济发展"));
    assert!(growth.in_catalogue);
}

#[test]
fn level_target_uses_actuals_from_bulletins_in_another_unit() {
    let cs = cases(Some(2018));
    let gdp = find(&cs, "地区生产总值", Measure::Level);
    // Base: the plan's own 2015 column, same table row.
    let base = gdp.case.base.as_ref().expect("base");
    assert_eq!((base.year, base.value), (Some(2015), Some(1357.5)));
    assert_eq!(base.quote, GDP_ROW);
    // Actuals: the synonym GDP in 万元 is linked; 葫芦岛 is not.
    let docs: Vec<&str> = gdp
        .case
        .actuals
        .iter()
        .map(|o| o.fact.doc.as_str())
        .collect();
    assert!(docs.contains(&"bulletin-2018.txt"), "{docs:?}");
    assert!(!docs.contains(&"huludao-bulletin-2018.txt"), "{docs:?}");
    assert!(gdp.case.actuals.iter().any(|o| o.fact.indicator == "GDP"));
    let a = assess(&gdp.case);
    // 15,750,000 万元 = 1575 亿元: p = (1575 − 1357.5)/(1900 − 1357.5) = 0.401; τ = 0.6.
    assert_eq!(a.method, Method::TimeProgress);
    close(a.progress, 217.5 / 542.5);
    close(a.elapsed, 0.6);
    assert_eq!(a.status, Status::Lagging);
    assert_eq!(a.latest_year, Some(2018));
}

#[test]
fn a_bulletin_beats_a_later_work_report_for_the_same_year() {
    let cs = cases(Some(2018));
    let gdp = find(&cs, "地区生产总值", Measure::Level);
    let obs = |doc: &str| {
        gdp.case
            .actuals
            .iter()
            .find(|o| o.fact.doc == doc && o.fact.measure == Measure::Level)
            .unwrap_or_else(|| panic!("{doc}"))
    };
    assert_eq!(
        obs("bulletin-2018.txt").doc_type,
        Some(DocType::StatisticalBulletin)
    );
    assert_eq!(
        obs("work-report-2019.txt").doc_type,
        Some(DocType::WorkReport)
    );
    let a = assess(&gdp.case);
    let used: Vec<&str> = a
        .used
        .iter()
        .filter(|s| s.role == Role::Actual)
        .map(|s| s.doc.as_str())
        .collect();
    assert_eq!(used, ["bulletin-2018.txt"]);
    // 1600 would give p = 242.5/542.5 = 0.447.
    close(a.progress, 0.4009);
    assert!(
        a.notes.iter().any(|n| n.contains("统计公报")),
        "{:?}",
        a.notes
    );
}

#[test]
fn average_growth_chains_the_bulletins_growth_rates() {
    let cs = cases(Some(2018));
    let g = find(&cs, "地区生产总值", Measure::AvgGrowth);
    assert_eq!(g.case.base.as_ref().and_then(|b| b.year), Some(2015));
    let a = assess(&g.case);
    assert_eq!(a.method, Method::AverageGrowth);
    // F = 0.975 × 1.03 × 1.05 = 1.054463; p = 0.054463/(1.07⁵ − 1) = 0.1363; the 2019 rate is after as_of.
    close(a.progress, 0.054_463 / (1.07f64.powi(5) - 1.0));
    assert_eq!(a.status, Status::OffTrack);
    assert_eq!(a.colour, Colour::Red);
    assert_eq!(a.latest_year, Some(2018));
}

#[test]
fn without_as_of_later_actuals_count() {
    let cs = cases(None);
    let g = find(&cs, "地区生产总值", Measure::AvgGrowth);
    assert_eq!(assess(&g.case).latest_year, Some(2019));
}

#[test]
fn binding_regression_is_red_and_achieved_is_green() {
    let cs = cases(Some(2018));
    let forest = assess(&find(&cs, "森林覆盖率", Measure::Level).case);
    assert_eq!(forest.status, Status::Regressing);
    assert_eq!(forest.colour, Colour::Red);
    let net = assess(&find(&cs, "互联网普及率", Measure::Level).case);
    assert_eq!(net.status, Status::Achieved);
    assert_eq!(net.colour, Colour::Green);
}

#[test]
fn qualitative_goals_are_kept_for_review() {
    let cs = cases(Some(2018));
    let q = cs
        .iter()
        .find(|c| c.target.fact.value.is_none())
        .expect("qualitative target");
    assert!(q.case.actuals.is_empty());
    let a = assess(&q.case);
    assert_eq!(a.status, Status::Qualitative);
    assert!(
        a.explanation.contains("不低于全省平均水平"),
        "{}",
        a.explanation
    );
}

#[test]
fn a_region_scope_takes_targets_from_every_document() {
    let cat = Catalog::builtin();
    let facts = scenario();
    assert_eq!(
        link_targets(&cat, &facts, &Scope::Region("锦州".into()), None).len(),
        5
    );
    assert!(link_targets(&cat, &facts, &Scope::Region("葫芦岛".into()), None).is_empty());
    assert!(link_targets(&cat, &facts, &Scope::Doc("bulletin-2018.txt".into()), None).is_empty());
}

#[test]
fn without_a_plan_base_the_base_year_actual_of_another_document_serves() {
    let plan = plan();
    let b15 = doc(
        "bulletin-2015.txt",
        DocType::StatisticalBulletin,
        Some(2016),
        2,
    );
    let b18 = doc(
        "bulletin-2018.txt",
        DocType::StatisticalBulletin,
        Some(2019),
        3,
    );
    let facts = vec![
        fact(
            Kind::Target,
            "地区生产总值",
            2020,
            1900.0,
            "亿元",
            Measure::Level,
        )
        .of(&plan),
        // Before the plan's base year: ignored.
        fact(
            Kind::Actual,
            "地区生产总值",
            2010,
            912.6,
            "亿元",
            Measure::Level,
        )
        .of(&plan),
        fact(
            Kind::Actual,
            "地区生产总值",
            2015,
            13_575_000.0,
            "万元",
            Measure::Level,
        )
        .of(&b15),
        fact(
            Kind::Actual,
            "地区生产总值",
            2018,
            1575.0,
            "亿元",
            Measure::Level,
        )
        .of(&b18),
    ];
    let cs = link_targets(
        &Catalog::builtin(),
        &facts,
        &Scope::Doc("plan.txt".into()),
        None,
    );
    assert_eq!(cs.len(), 1);
    let case = &cs[0].case;
    assert_eq!(
        case.base.as_ref().map(|b| b.doc.as_str()),
        Some("bulletin-2015.txt")
    );
    assert!(case.actuals.iter().all(|o| o.fact.year != Some(2010)));
    let a = assess(case);
    close(a.progress, 217.5 / 542.5);
}

#[test]
fn imported_rows_take_document_type_and_year_from_their_source() {
    let table = doc("actuals.csv", DocType::Other, None, 9);
    let bulletin = fact(
        Kind::Actual,
        "地区生产总值",
        2019,
        6.0,
        "%",
        Measure::Growth,
    )
    .section("2019年锦州市国民经济和社会发展统计公报 <http://example.org>")
    .of(&table);
    assert_eq!(
        source_hints(&bulletin),
        (DocType::StatisticalBulletin, Some(2019))
    );
    let report = fact(
        Kind::Actual,
        "地区生产总值",
        2023,
        5.4,
        "%",
        Measure::Growth,
    )
    .section("2024年锦州市政府工作报告")
    .of(&table);
    assert_eq!(source_hints(&report), (DocType::WorkReport, Some(2024)));
    let plain = fact(
        Kind::Actual,
        "地区生产总值",
        2023,
        5.4,
        "%",
        Measure::Growth,
    )
    .of(&table);
    assert_eq!(source_hints(&plain), (DocType::Other, None));
}

#[test]
fn catalogue_lower_is_better_indicators_get_their_direction() {
    let plan = plan();
    let facts = vec![
        fact(
            Kind::Target,
            "城镇登记失业率",
            2020,
            4.5,
            "%",
            Measure::Level,
        )
        .of(&plan),
        fact(Kind::Target, "森林覆盖率", 2020, 21.0, "%", Measure::Level).of(&plan),
    ];
    let cs = link_targets(&Catalog::builtin(), &facts, &Scope::All, None);
    assert_eq!(cs[0].case.direction, Some(Direction::Lower));
    assert_eq!(cs[1].case.direction, None);
}

/// A bulletin's table row gives the year's growth and level in one quote:
/// the latest actual is shown as the level it is, not as a growth rate.
#[test]
fn a_row_giving_growth_and_level_of_one_year_shows_each_as_itself() {
    let plan = plan();
    let b18 = doc(
        "bulletin-2018.txt",
        DocType::StatisticalBulletin,
        Some(2019),
        2,
    );
    const ROW: &str = "地区生产总值\t1575\t亿元\t增长5%";
    let facts = vec![
        fact(
            Kind::Target,
            "地区生产总值",
            2020,
            1900.0,
            "亿元",
            Measure::Level,
        )
        .quote(GDP_ROW)
        .of(&plan),
        fact(
            Kind::Actual,
            "地区生产总值",
            2015,
            1357.5,
            "亿元",
            Measure::Level,
        )
        .quote(GDP_ROW)
        .of(&plan),
        fact(
            Kind::Actual,
            "地区生产总值",
            2018,
            5.0,
            "%",
            Measure::Growth,
        )
        .quote(ROW)
        .of(&b18),
        fact(
            Kind::Actual,
            "地区生产总值",
            2018,
            1575.0,
            "亿元",
            Measure::Level,
        )
        .quote(ROW)
        .of(&b18),
    ];
    let items = evaluate(link_targets(
        &Catalog::builtin(),
        &facts,
        &Scope::Doc("plan.txt".into()),
        None,
    ));
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].base_words(), "2015年 1357.5亿元");
    assert_eq!(items[0].latest_words(), "2018年 1575亿元");
}

/// The plan's GDP row states the level target, the base and the growth
/// target in one quote: each source of each assessment is found by its id.
#[test]
fn each_source_is_found_by_its_fact_id() {
    let facts = scenario();
    let (level_target, base, growth_row) = (&facts[1].id, &facts[2].id, &facts[3].id);
    assert_eq!(facts[1].fact.quote, facts[2].fact.quote);
    let items = evaluate(link_targets(
        &Catalog::builtin(),
        &facts,
        &Scope::Doc("plan.txt".into()),
        Some(2018),
    ));
    let ids = |measure: Measure| -> Vec<(Role, &planwatch_catalog::FactId)> {
        let e = items
            .iter()
            .find(|e| e.item.indicator == "地区生产总值" && e.item.target.fact.measure == measure)
            .expect("GDP target");
        e.assessment
            .used
            .iter()
            .map(|s| (s.role, e.source_id(s).expect("every source has an id")))
            .collect()
    };
    // Level: the 2018 bulletin's level (in 万元, under the synonym GDP).
    let bulletin_level = &facts[14].id;
    assert_eq!(facts[14].fact.indicator, "GDP");
    assert_eq!(
        ids(Measure::Level),
        [
            (Role::Target, level_target),
            (Role::Base, base),
            (Role::Actual, bulletin_level),
        ]
    );
    // 年均增长: the table row speaks for the sentence; the bulletins' rates.
    let growth = ids(Measure::AvgGrowth);
    assert_eq!(growth[0], (Role::Target, growth_row));
    assert_eq!(growth[1], (Role::Base, base));
    let rates: Vec<&planwatch_catalog::FactId> = growth[2..].iter().map(|(_, id)| *id).collect();
    assert_eq!(rates, [&facts[9].id, &facts[10].id, &facts[11].id]);
}

/// Linking every target once and narrowing afterwards gives what linking
/// each scope and year gives.
#[test]
fn narrowing_all_cases_gives_what_linking_the_scope_gives() {
    let cat = Catalog::builtin();
    let facts = scenario();
    let all = link_targets(&cat, &facts, &Scope::All, None);
    for scope in [
        Scope::All,
        Scope::Doc("plan.txt".into()),
        Scope::Doc("id-plan.txt".into()),
        Scope::Doc("bulletin-2018.txt".into()),
        Scope::Region("锦州".into()),
        Scope::Region("葫芦岛".into()),
    ] {
        for as_of in [None, Some(2017), Some(2018)] {
            let direct = link_targets(&cat, &facts, &scope, as_of);
            let narrowed = in_scope(&all, &scope, as_of);
            assert_eq!(
                format!("{narrowed:?}"),
                format!("{direct:?}"),
                "{scope:?} as of {as_of:?}"
            );
        }
    }
}
