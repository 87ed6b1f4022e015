//! Shared builders for the linking and rendering tests (crates/report/tests reads this file too): documents, facts and a small Jinzhou scenario.
#![allow(dead_code)]

use std::sync::atomic::{AtomicI64, Ordering};

use planwatch_catalog::{DocRef, Sourced};
use planwatch_core::{Attribute, Comparator, DocType, Fact, Kind, Measure};

pub fn doc(name: &str, doc_type: DocType, year: Option<i32>, order: i64) -> DocRef {
    let (period_start, period_end) = match doc_type {
        DocType::FiveYearPlan => (Some(2016), Some(2020)),
        _ => (None, None),
    };
    DocRef {
        id: format!("id-{name}"),
        name: name.into(),
        title: Some(format!("《{name}》")),
        doc_type,
        region: Some("锦州市".into()),
        year,
        period_start,
        period_end,
        order,
    }
}

pub fn plan() -> DocRef {
    let mut d = doc("plan.txt", DocType::FiveYearPlan, None, 1);
    d.title = Some("锦州市国民经济和社会发展第十三个五年规划纲要".into());
    d
}

pub struct F {
    pub fact: Fact,
}

/// A fact of `indicator` about 锦州市.
pub fn fact(kind: Kind, indicator: &str, year: i32, value: f64, unit: &str, measure: Measure) -> F {
    F {
        fact: Fact {
            doc: String::new(),
            kind,
            indicator: indicator.into(),
            region: Some("锦州市".into()),
            year: Some(year),
            value: Some(value),
            value_max: None,
            unit: Some(unit.into()),
            measure,
            comparator: Comparator::Eq,
            attribute: None,
            text: None,
            quote: format!("{indicator}{value}{unit}"),
            section: None,
            start: None,
            end: None,
            responsible: None,
        },
    }
}

impl F {
    pub fn quote(mut self, q: &str) -> F {
        self.fact.quote = q.into();
        self
    }
    pub fn attribute(mut self, a: Attribute) -> F {
        self.fact.attribute = Some(a);
        self
    }
    pub fn comparator(mut self, c: Comparator) -> F {
        self.fact.comparator = c;
        self
    }
    pub fn region(mut self, r: &str) -> F {
        self.fact.region = Some(r.into());
        self
    }
    pub fn section(mut self, s: &str) -> F {
        self.fact.section = Some(s.into());
        self
    }
    pub fn qualitative(mut self, text: &str) -> F {
        self.fact.value = None;
        self.fact.unit = None;
        self.fact.text = Some(text.into());
        self
    }
    /// The fact stated by `doc`, with an id of its own (a position no other
    /// fact built here has, as the store numbers facts).
    pub fn of(mut self, doc: &DocRef) -> Sourced {
        static ORD: AtomicI64 = AtomicI64::new(0);
        self.fact.doc = doc.name.clone();
        Sourced::new(doc.clone(), ORD.fetch_add(1, Ordering::Relaxed), self.fact)
    }
}

pub const GDP_ROW: &str = "地区生产总值 (亿元)\t\t1357.5\t1900\t7\t预期性";
pub const FOREST_ROW: &str = "森林覆盖率（%） 19 21 0.4 约束性";
pub const NET_ROW: &str = "互联网普及率 (%)  60.6 72 — 预期性";

/// The 13th five-year plan of 锦州 (a few of its rows), bulletins for
/// 2016–2018 and a work report; 葫芦岛 facts that must never be linked.
///
/// Hand-worked, as of 2018:
/// - GDP level 1900 亿元 from 1357.5 (2015): the 2018 bulletin says
///   15,750,000 万元 = 1575 亿元 (the work report's 1600 loses to it);
///   p = (1575 − 1357.5)/(1900 − 1357.5) = 0.401, τ = 3/5 = 0.6, gap 0.199 → lagging.
/// - GDP 年均增长 7%: growth 2016 −2.5%, 2017 3%, 2018 5% →
///   F = 0.975 × 1.03 × 1.05 = 1.05446, p = 0.05446/(1.07⁵ − 1) = 0.136 → off_track.
/// - 森林覆盖率 21% (约束性) from 19: 2018 18.5 → p < 0 → regressing, red.
/// - 互联网普及率 72% from 60.6: 2018 75 → achieved.
/// - 增速不低于全省平均水平: qualitative.
pub fn scenario() -> Vec<Sourced> {
    let plan = plan();
    let b16 = doc(
        "bulletin-2016.txt",
        DocType::StatisticalBulletin,
        Some(2017),
        2,
    );
    let b17 = doc(
        "bulletin-2017.txt",
        DocType::StatisticalBulletin,
        Some(2018),
        3,
    );
    let b18 = doc(
        "bulletin-2018.txt",
        DocType::StatisticalBulletin,
        Some(2019),
        4,
    );
    let wr19 = doc("work-report-2019.txt", DocType::WorkReport, Some(2019), 5);
    let mut hld = doc(
        "huludao-bulletin-2018.txt",
        DocType::StatisticalBulletin,
        Some(2019),
        6,
    );
    hld.region = Some("葫芦岛市".into());
    use Kind::{Actual, Target};
    use Measure::{AvgGrowth, Growth, Level};
    vec![
        // The plan: text statement and table row of GDP, other rows.
        fact(Target, "地区生产总值", 2020, 7.0, "%", AvgGrowth)
            .comparator(Comparator::Approx)
            .quote("全市地区生产总值年均增长 7%左右")
            .of(&plan),
        fact(Target, "地区生产总值", 2020, 1900.0, "亿元", Level)
            .attribute(Attribute::Expected)
            .quote(GDP_ROW)
            .of(&plan),
        fact(Actual, "地区生产总值", 2015, 1357.5, "亿元", Level)
            .attribute(Attribute::Expected)
            .quote(GDP_ROW)
            .of(&plan),
        fact(Target, "地区生产总值", 2020, 7.0, "%", AvgGrowth)
            .attribute(Attribute::Expected)
            .quote(GDP_ROW)
            .of(&plan),
        fact(Target, "森林覆盖率", 2020, 21.0, "%", Level)
            .attribute(Attribute::Binding)
            .quote(FOREST_ROW)
            .of(&plan),
        fact(Actual, "森林覆盖率", 2015, 19.0, "%", Level)
            .attribute(Attribute::Binding)
            .quote(FOREST_ROW)
            .of(&plan),
        fact(Target, "互联网普及率", 2020, 72.0, "%", Level)
            .attribute(Attribute::Expected)
            .quote(NET_ROW)
            .of(&plan),
        fact(Actual, "互联网普及率", 2015, 60.6, "%", Level)
            .attribute(Attribute::Expected)
            .quote(NET_ROW)
            .of(&plan),
        fact(Target, "增速", 2020, 0.0, "", Level)
            .qualitative("不低于全省平均水平")
            .comparator(Comparator::Ge)
            .quote("增速不低于全省平均水平")
            .of(&plan),
        // Bulletins: growth every year, the 2018 level in 万元 under a synonym.
        fact(Actual, "地区生产总值", 2016, -2.5, "%", Growth).of(&b16),
        fact(Actual, "地区生产总值", 2017, 3.0, "%", Growth).of(&b17),
        fact(Actual, "地区生产总值", 2018, 5.0, "%", Growth).of(&b18),
        fact(Actual, "森林覆盖率", 2018, 18.5, "%", Level).of(&b18),
        fact(Actual, "互联网普及率", 2018, 75.0, "%", Level).of(&b18),
        fact(Actual, "GDP", 2018, 15_750_000.0, "万元", Level).of(&b18),
        // The work report disagrees about 2018 and comes later: the bulletin still wins.
        fact(Actual, "地区生产总值", 2018, 1600.0, "亿元", Level).of(&wr19),
        // Another city and a later year.
        fact(Actual, "地区生产总值", 2018, 812.8, "亿元", Level)
            .region("葫芦岛市")
            .of(&hld),
        fact(Actual, "地区生产总值", 2019, 9.0, "%", Growth).of(&b18),
    ]
}
