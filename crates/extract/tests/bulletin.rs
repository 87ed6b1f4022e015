//! A statistical bulletin written for this test in the standard wording of
//! 统计公报 (simplified and traditional): every figure is an actual of the
//! bulletin's year, growth is year on year, falls are negative.

use planwatch_core::{Fact, Kind, Measure};
use planwatch_extract::extract_document;

const BULLETIN: &str = "乙市2023年国民经济和社会发展统计公报\n\n一、综合\n全年全市实现地区生产总值（GDP）2345.6亿元，按不变价格计算，比上年增长5.5%。分产业看，第一产业增加值234.5亿元，增长4.1%；第二产业增加值890.1亿元，增长6.2%；第三产业增加值1221.0亿元，增长5.3%。三次产业结构比例为10.0:37.9:52.1。按常住人口计算，全年人均地区生产总值63520元，比上年增长6.0%。\n年末全市常住人口369.2万人，比上年末减少2.1万人，其中城镇常住人口212.5万人，占常住人口比重（常住人口城镇化率）为57.56%，比上年末提高0.82个百分点。\n全年城镇新增就业4.8万人。年末城镇登记失业率3.2%。\n全年居民消费价格比上年上涨0.2%，其中食品烟酒类价格下降1.1%。\n全年全社会用电量156.3亿千瓦时，增长8.2%。\n全年一般公共预算收入178.9亿元，比上年增长9.7%，其中税收收入125.6亿元，增长12.3%。一般公共预算支出456.7亿元，增长3.4%。\n全年全体居民人均可支配收入32456元，比上年增长5.8%。按常住地分，城镇居民人均可支配收入41234元，增长4.9%；农村居民人均可支配收入19876元，增长7.2%。\n全年粮食播种面积412.3千公顷，比上年增加1.2千公顷。粮食总产量298.7万吨，增长2.3%。\n全年接待国内游客3456.7万人次，增长45.6%；实现国内旅游收入345.6亿元，增长56.7%。\n年末全市共有卫生机构2345个，其中医院89个。卫生技术人员3.2万人。\n全年PM2.5平均浓度为35微克/立方米，下降5.4%；空气质量优良天数比例为82.5%。\n";

/// Output keeps the document's characters; compare in simplified form.
fn simplified(s: &str) -> String {
    s.chars()
        .map(planwatch_text::norm::char_for_matching)
        .collect()
}

fn find<'a>(facts: &'a [Fact], indicator: &str, unit: &str) -> &'a Fact {
    facts
        .iter()
        .find(|f| {
            simplified(&f.indicator).contains(indicator)
                && f.unit.as_deref().map(simplified).as_deref() == Some(unit)
        })
        .unwrap_or_else(|| panic!("no {indicator} in {unit}"))
}

fn check(text: &str) {
    let ex = extract_document("b.txt", text);
    let f = &ex.facts;
    assert!(f
        .iter()
        .all(|x| x.kind == Kind::Actual && x.year == Some(2023)));
    assert!(f.iter().all(|x| x.region.as_deref() == Some("乙市")));
    let gdp = find(f, "地区生产总值", "%");
    assert_eq!((gdp.value, gdp.measure), (Some(5.5), Measure::Growth));
    let pop = f
        .iter()
        .find(|x| x.value == Some(-2.1))
        .expect("population fall");
    assert_eq!(pop.measure, Measure::Growth);
    let cpi_food = f
        .iter()
        .find(|x| x.value == Some(-1.1))
        .expect("food prices fall");
    assert_eq!(cpi_food.measure, Measure::Growth);
    let urban = find(f, "城镇化率", "个百分点");
    assert_eq!(urban.value, Some(0.82));
    let pm = find(f, "PM2.5", "微克/立方米");
    assert_eq!(pm.value, Some(35.0));
    let power = f
        .iter()
        .find(|x| {
            x.unit
                .as_deref()
                .is_some_and(|u| simplified(u).ends_with("千瓦时"))
        })
        .expect("electricity");
    assert_eq!(power.value, Some(156.3));
    // 三次产业结构 10.0:37.9:52.1 is a ratio, not three facts.
    assert!(!f.iter().any(|x| x.value == Some(37.9)));
    assert!(f.len() >= 40, "only {} facts", f.len());
}

#[test]
fn simplified_bulletin() {
    check(BULLETIN);
}

#[test]
fn traditional_bulletin() {
    let traditional: String = BULLETIN
        .chars()
        .map(|c| match c {
            '国' => '國',
            '经' => '經',
            '济' => '濟',
            '会' => '會',
            '发' => '發',
            '统' => '統',
            '计' => '計',
            '报' => '報',
            '产' => '產',
            '业' => '業',
            '值' => '值',
            '长' => '長',
            '亿' => '億',
            '万' => '萬',
            '总' => '總',
            '农' => '農',
            '构' => '構',
            '价' => '價',
            '减' => '減',
            '镇' => '鎮',
            '点' => '點',
            '质' => '質',
            '资' => '資',
            '费' => '費',
            other => other,
        })
        .collect();
    assert!(traditional.contains("億元"));
    check(&traditional);
}

/// A place heading a sentence's subject is that fact's region; the rest keep
/// the document's.
#[test]
fn named_lower_level_places_override_the_document_region() {
    let text = "某省2020年国民经济和社会发展统计公报\n\n全年全省地区生产总值48598.8亿元，比上年增长3.8%。分区域看，成都平原经济区地区生产总值29523.3亿元，增长4.0%。甲市地区生产总值17716.7亿元。\n";
    let ex = planwatch_extract::extract_document("b.txt", text);
    let region_of = |v: f64| {
        ex.facts
            .iter()
            .find(|f| f.value == Some(v))
            .and_then(|f| f.region.clone())
    };
    assert_eq!(region_of(48598.8), ex.info.region.clone());
    assert_eq!(region_of(29523.3).as_deref(), Some("成都平原经济区"));
    assert_eq!(region_of(4.0).as_deref(), Some("成都平原经济区"));
}

/// Bulletin sentences written for this test: a footnote mark between a name
/// and its number, a negative rate written with a minus sign, a share of
/// growth (增长的贡献率) that is a level, and a paragraph that holds a pasted
/// table row in the middle of its prose.
#[test]
fn footnotes_signs_shares_and_prose_with_pipes() {
    let text = "某市2023年国民经济和社会发展统计公报\n\n全年地区生产总值(GDP)[2]1046.3亿元，比上年增长4.5%。人口自然增长率为-5.11‰。第一产业对GDP增长的贡献率为7.5%。全年粮食产量 | 12.5 | 3.1 之外，全市居民人均可支配收入35000元，比上年增长6.2%，城镇居民人均可支配收入45000元，增长5.1%，农村居民收入持续增长。\n";
    let ex = planwatch_extract::extract_document("f.txt", text);
    let by = |v: f64| ex.facts.iter().find(|f| f.value == Some(v));
    assert_eq!(
        by(1046.3).map(|f| f.indicator.as_str()),
        Some("地区生产总值(GDP)")
    );
    // 增长率 is the name of a rate: its value is a level.
    assert_eq!(
        by(-5.11).map(|f| f.measure),
        Some(planwatch_core::Measure::Level)
    );
    assert_eq!(
        by(7.5).map(|f| f.measure),
        Some(planwatch_core::Measure::Level)
    );
    assert!(by(35000.0).is_some() && by(6.2).is_some());
}
