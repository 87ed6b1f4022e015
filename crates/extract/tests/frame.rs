//! The document frame end to end: texts written for these tests, one per
//! class of document the frame must read (none is a corpus file).

use planwatch_core::{Kind, Measure};
use planwatch_extract::extract_document;

fn fact(ex: &planwatch_extract::Extraction, value: f64) -> &planwatch_core::Fact {
    ex.facts
        .iter()
        .find(|f| f.value == Some(value))
        .unwrap_or_else(|| panic!("no fact with value {value}: {:#?}", ex.facts))
}

#[test]
fn work_report_dated_only_by_its_meeting_line() {
    let text = "政府工作报告\n——2019年1月15日在甲市第八届人民代表大会第三次会议上\n甲市人民政府市长 张三\n各位代表：\n过去一年，全市地区生产总值增长6.8%。\n今年经济社会发展的主要预期目标是：地区生产总值增长6.5%左右；城镇新增就业3万人。\n";
    let ex = extract_document("r.txt", text);
    assert_eq!(ex.info.year, Some(2019));
    assert_eq!(ex.info.region.as_deref(), Some("甲市"));
    let past = fact(&ex, 6.8);
    assert_eq!((past.kind, past.year), (Kind::Actual, Some(2018)));
    // The goals list runs on past the semicolon that ends 今年's sentence.
    for v in [6.5, 3.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2019)), "{v}");
    }
    assert!(ex
        .frame
        .iter()
        .any(|d| d.field == "year" && d.line == 2 && d.value == "2019"));
}

#[test]
fn goals_announced_by_a_paragraph_of_their_own() {
    let text = "2020年乙市政府工作报告\n各位代表：\n2020年经济社会发展预期目标是：\n固定资产投资增长6%以上，规模以上工业增加值增长5%左右。\n";
    let ex = extract_document("r.txt", text);
    for v in [6.0, 5.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2020)), "{v}");
    }
}

#[test]
fn report_delivered_late_in_the_year_reviews_that_year() {
    let text = "——2016年12月13日在丙县第十七届人民代表大会第一次会议上\n丙县人民政府县长 李四\n各位代表：\n过去五年工作回顾\n地区生产总值132.76亿元，是2011年的1.54倍，年均增长10.6%。\n";
    let ex = extract_document("r.txt", text);
    let gdp = fact(&ex, 132.76);
    assert_eq!((gdp.kind, gdp.year), (Kind::Actual, Some(2016)));
    // 是2011年的 compares with 2011; the ratio is still the review's.
    let ratio = fact(&ex, 1.54);
    assert_eq!(
        (ratio.year, ratio.measure),
        (Some(2016), Measure::Cumulative)
    );
}

#[test]
fn news_page_about_a_report_with_a_publication_date() {
    let text = "首页 > 新闻 > 要闻\n丁区第七届人民代表大会第八次会议开幕\n2021-01-29 08:00:00 来源：丁区政府在线\n丁区区长王五作政府工作报告，回顾了2020年工作。\n2020年，全区固定资产投资384亿元，增长10.2%。\n";
    let ex = extract_document("n.txt", text);
    assert_eq!(ex.info.doc_type, planwatch_core::DocType::WorkReport);
    assert_eq!(ex.info.year, Some(2021));
    let f = fact(&ex, 384.0);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2020)));
}

#[test]
fn traditional_script_with_pinyin_glosses() {
    let text = "戊省2017年國(guó)民經(jīng)濟(jì)和社會(huì)發(fā)展統(tǒng)計(jì)公報(bào)\n初步核算，全年全省地區(qū)生產(chǎn)總值3453.93億元，比上年增長(zhǎng)7.8%。\n";
    let ex = extract_document("t.txt", text);
    assert_eq!(
        ex.info.doc_type,
        planwatch_core::DocType::StatisticalBulletin
    );
    assert_eq!(ex.info.year, Some(2017));
    let f = fact(&ex, 7.8);
    assert_eq!(f.indicator, "地區生產總值");
    assert_eq!(
        (f.kind, f.year, f.measure),
        (Kind::Actual, Some(2017), Measure::Growth)
    );
    // The quote is the document's own text, glosses and all.
    assert!(f.quote.contains("增長(zhǎng)7.8%"));
    assert!(text.contains(&f.quote));
}

#[test]
fn untitled_bulletin_with_a_table_pasted_one_cell_per_line() {
    let text = "己县统计局\n2015年，全县经济平稳增长。\n一、综合\n初步核算，全年全县地区生产总值244亿元，比上年增长13.1%。\n表1 生产总值\n指标\n绝对值(亿元)\n比上年增长(%)\n第一产业\n62.9\n6.3\n第二产业\n65.6\n9.5\n";
    let ex = extract_document("u.txt", text);
    assert_eq!(
        ex.info.doc_type,
        planwatch_core::DocType::StatisticalBulletin
    );
    assert_eq!(ex.info.year, Some(2015));
    assert_eq!(ex.info.region.as_deref(), Some("己县"));
    let f = fact(&ex, 65.6);
    assert_eq!(f.unit.as_deref(), Some("亿元"));
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2015)));
    assert_eq!(f.quote, "第二产业\n65.6\n9.5");
    assert_eq!(fact(&ex, 9.5).measure, Measure::Growth);
}

#[test]
fn bulletin_dated_on_a_line_of_its_own() {
    // No title: the issuer, then the date it was issued, then the body.
    let text = "丙市统计局\n2020年3月12日\n一、综合\n初步核算，全年实现地区生产总值4741.83亿元，比上年增长6.5%。\n2019年末全市户籍人口522.31万人。\n";
    let ex = extract_document("b.txt", text);
    assert_eq!(ex.info.year, Some(2019));
    let f = fact(&ex, 4741.83);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2019)));
}

#[test]
fn report_presenting_a_new_five_year_plan() {
    // No date anywhere: the report presents the 十三五 draft, so it is 2016's.
    let text = "丁市十四届人大四次会议昨天开幕，市长代表市政府作政府工作报告，“十三五”规划纲要草案在大会上亮相。2020年，全市常住人口总量控制在2300万人以内。\n今年GDP增长6.5%。\n";
    let ex = extract_document("r.txt", text);
    assert_eq!(ex.info.year, Some(2016));
    let f = fact(&ex, 6.5);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2016)));
    let f = fact(&ex, 2300.0);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2020)));
}

#[test]
fn mid_year_plan_report_states_results_of_its_year() {
    let text = "发表于:2018-09-23 12:32:52|来源:戊日报\n9月19日，省政府关于戊省2018年1至7月国民经济和社会发展计划执行情况的报告提请审议。\n今年以来，1至7月全省工业投资增长10.8%，民间投资增长12.7%。\n";
    let ex = extract_document("a.txt", text);
    for v in [10.8, 12.7] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(2018)), "{v}");
    }
}

#[test]
fn plan_review_frames_the_plan_period_and_its_latest_year() {
    let text = "己日报讯 省人大常委会审议了己省“十三五”规划纲要实施情况中期评估的报告。\n2016年、2017年、2018年上半年，居民人均可支配收入分别为21787元、23757元和12541元。规划期末全省实施棚户区住房改造110万套。\n";
    let ex = extract_document("m.txt", text);
    assert_eq!(ex.info.doc_type, planwatch_core::DocType::PlanReview);
    assert_eq!(
        (ex.info.period_start, ex.info.period_end),
        (Some(2016), Some(2020))
    );
    for (v, y) in [(21787.0, 2016), (23757.0, 2017), (12541.0, 2018)] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(y)), "{v}");
    }
    let f = fact(&ex, 110.0);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2020)));
}

#[test]
fn undated_article_dated_by_the_latest_day_it_names() {
    let text = "庚区脱贫攻坚的时间表\n庚区已累计减少贫困人口290万。2016年1月7日召开脱贫攻坚誓师大会。\n——目标 到2018年，实现58.12万农村贫困人口脱贫。\n";
    let ex = extract_document("n.txt", text);
    assert_eq!(ex.info.year, Some(2016));
    let f = fact(&ex, 290.0);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2015)));
    let f = fact(&ex, 58.12);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2018)));
}

#[test]
fn news_on_a_plan_and_on_a_plans_goals() {
    // A news page on a five-year plan whose 《 was lost, dated day first.
    let text = "甲市国际航线或将覆盖东盟\n\n14.01.2016  10:53\n\n甲市国民经济和社会发展第十三个五年规划纲要(草案)》已经印发大会审查。\n\n规划纲要设定的“十三五”时期主要指标,共涉及5大类29项,其中,全市地区生产总值年均增长9%左右,一般公共预算收入年均增长6%。\n";
    let ex = extract_document("n.txt", text);
    assert!(
        ex.facts.iter().all(|f| f.value != Some(29.0)),
        "{:#?}",
        ex.facts
    );
    for v in [9.0, 6.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2020)), "{v}");
    }
    // An undated article on a three-year action plan: 将 speaks of the future,
    // and 用三年时间 ends at the latest year it names.
    let text = "南宁1月15日电 广西将大力实施乡村振兴三年行动计划,力争到2020年基本完成。\n广西将筹措60亿元专项资金,实施16469个项目。力争用三年时间实现农村集中式饮水人口比例达到85%以上。\n";
    let ex = extract_document("a.txt", text);
    for v in [60.0, 16469.0, 85.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2020)), "{v}");
    }
}

#[test]
fn a_subtitle_names_the_subject_over_a_provincial_issuer() {
    let text = "凝心聚力谋发展\n\n——湘潭市“十三五”经济社会发展成就综述\n\n发布机构:湖南省统计局 发布时间:2021-03-04\n\n“十三五”期间,全市地区生产总值由2015年的1633.07亿元增加到2020年的2343.15亿元。\n";
    let ex = extract_document("x.txt", text);
    assert_eq!(ex.info.region.as_deref(), Some("湘潭市"));
    let f = fact(&ex, 2343.15);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2020)));
}

#[test]
fn deadlines_written_after_the_year() {
    // An undated news item on a plan: 2025年年底前 marks goals, and is no data year.
    let text = "甲省政府办公厅近日印发《甲省乡村建设行动实施方案》。\n方案明确,2025年年底前,力争完成60个县(市、区)水源置换工作;累计新改造农村无害化卫生厕所550万户;农村生活污水治理率达到45%以上。\n";
    let ex = extract_document("d.txt", text);
    for v in [60.0, 550.0, 45.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2025)), "{v}");
    }
    assert_eq!(fact(&ex, 60.0).indicator, "县(市、区)水源置换工作");
}

#[test]
fn news_on_an_implementation_plan_with_its_years() {
    let text = "日前,中共甲县委、甲县人民政府印发了《甲县农村人居环境整治三年行动实施方案(2018-2020年)》。力争到2020年卫生厕所普及率达到85%。\n二是开展绿色田园行动,种植绿色产业11.8万亩,绿化公路750公里。\n";
    let ex = extract_document("i.txt", text);
    assert_eq!(
        ex.info.doc_type,
        planwatch_core::DocType::ImplementationPlan
    );
    for v in [85.0, 11.8, 750.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2020)), "{v}");
    }
    // A 《》 that is no plan (责任书) beside a span of years gives no period.
    let text = "关于2017年农业种植结构调整任务指标的补充通知\n依据《2017年农业种植结构调整责任书》要求,与既定2017—2018年调减5.3万亩目标有所变动,我县2017年籽粒玉米种植面积压减3.99万亩。\n";
    let ex = extract_document("n.txt", text);
    assert_ne!(
        ex.info.doc_type,
        planwatch_core::DocType::ImplementationPlan
    );
}

#[test]
fn news_of_a_report_to_the_congress() {
    let text = "1 月 23 日上午,甲省第十四届人民代表大会第二次会议开幕,省长代表甲省人民政府向大会报告工作。报告回顾了 2023 年工作,同时提出了 2024 年目标任务。过去一年,甲省地区生产总值达 12.82 万亿元、增长 5.8%。今年经济社会发展主要预期目标也定了,其中地区生产总值增长 5% 以上。\n";
    let ex = extract_document("j.txt", text);
    assert_eq!(ex.info.doc_type, planwatch_core::DocType::WorkReport);
    let f = fact(&ex, 12.82);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2023)));
    let f = fact(&ex, 5.0);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2024)));
}

#[test]
fn an_implementation_plans_goals_section_sets_goals_year_by_year() {
    let text = "甲省人民政府关于打赢脱贫攻坚战三年行动的实施意见\n\n2019年03月03日 10:19 来源:甲省日报\n\n(二)目标任务\n\n到2020年,稳定实现贫困人口不愁吃、不愁穿。2018年实现全省15万人脱贫、500个贫困村销号;2019年对剩余的147个贫困村进行扫尾。\n";
    let ex = extract_document("g.txt", text);
    for (v, y) in [(15.0, 2018), (500.0, 2018), (147.0, 2019)] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(y)), "{v}");
    }
}

#[test]
fn an_implementation_plans_first_year_may_be_a_deadline() {
    let text = "甲省政府办公厅印发《美丽甲省建设行动方案(2023-2027年)》。\n方案同时提出了到2023年和到2025年的行动目标。\n到2023年,地表水国省考断面优良水体比例达到80%。\n";
    let ex = extract_document("h.txt", text);
    let f = fact(&ex, 80.0);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2023)));
}

#[test]
fn news_of_a_plan_completed_speaks_at_its_end() {
    let text = "甲省发展改革委专场:经济运行稳中向好\n11月10日上午,甲省召开“高质量完成‘十四五’规划”系列主题新闻发布会。\n“十四五”以来,全省GDP年均增速预计将达到5%,较2020年增长30%。\n";
    let ex = extract_document("m.txt", text);
    assert_eq!(ex.info.doc_type, planwatch_core::DocType::PlanReview);
    let f = fact(&ex, 5.0);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2025)));
}

#[test]
fn article_on_the_first_three_quarters_of_its_year() {
    let text = "时间:2023-10-24 09:25:03 来源:新华网 阅读量:13970\n三次产业稳步增长 有效需求逐步恢复\n前三季度全省地区生产总值18049.37亿元 同比增长4.5%\n";
    let ex = extract_document("o.txt", text);
    let f = fact(&ex, 18049.37);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2023)));
    // The headline above is no part of the name.
    assert!(
        !f.indicator.contains("13970") && !f.indicator.contains("稳步"),
        "{}",
        f.indicator
    );
}

#[test]
fn one_years_tasks_under_a_three_year_plan() {
    let text = "甲政办字〔2023〕5号\n《甲省2023年重点工作任务》已经省政府同意,现印发给你们。\n甲省人民政府办公厅\n2023年1月19日\n甲省建设先行区\n2023年重点工作任务\n为推动《甲省建设先行区三年行动计划(2023—2025年)》重点任务攻坚突破,制定2023年重点工作任务如下:\n1.高标准建设10家左右省实验室。\n";
    let ex = extract_document("i.txt", text);
    let f = fact(&ex, 10.0);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2023)));
}

#[test]
fn milestones_passed_and_estimates_in_a_review() {
    let text = "甲省“十四五”规划实施情况总结评估\n“十四五”以来,全省经济总量相继跨越2万亿元、2.5万亿元大关,GDP年均增速预计将达到5%。\n";
    let ex = extract_document("m.txt", text);
    for v in [2.0, 2.5] {
        let f = fact(&ex, v);
        assert_eq!(f.indicator, "经济总量", "{v}");
    }
    let f = fact(&ex, 5.0);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2025)));
}

#[test]
fn goals_listed_over_semicolons_after_an_announcement() {
    let text = "甲网讯 近日,《甲省人民政府办公厅关于加快建设的意见》印发。\n意见提出2020年建设目标,即全年完成营造林128万亩;平均优良天数比率达到82.3%;可再生能源消费比例达到30%。\n";
    let ex = extract_document("k.txt", text);
    for v in [128.0, 82.3, 30.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2020)), "{v}");
    }
}

#[test]
fn a_heading_on_this_years_work_sets_goals() {
    let text = "丁省2006年政府工作报告\n\n三、全面加大今年各项工作力度\n\n全省粮食直补资金增加到19.2亿元，启动20个农业产业化集中区建设。\n";
    let ex = extract_document("r.txt", text);
    for v in [19.2, 20.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2006)), "{v}");
    }
    // 今年以来 looks back on the year so far.
    let text = text.replace("全面加大今年各项工作力度", "今年以来工作回顾");
    let ex = extract_document("r.txt", &text);
    assert_eq!(fact(&ex, 19.2).kind, Kind::Actual);
}

#[test]
fn goals_announced_as_the_goals_of_a_year() {
    // 确定了到2025年的发展目标 names the deadline of the list that follows,
    // though 到2025年的 is otherwise a year a value was reached in.
    let text = "近日,甲省政府办公厅印发《甲省推进水果产业高质量发展实施方案》。\n《方案》确定了到2025年的发展目标。一是园林水果产量保持全国前列——全省水果种植面积2000万亩,水果产量3200万吨。\n";
    let ex = extract_document("g.txt", text);
    for v in [2000.0, 3200.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2025)), "{v}");
    }
}

#[test]
fn summary_of_an_article_with_bullets_and_source_marks() {
    // An article dated in its year: 预计 states an estimate of that year's
    // result; 从2021年…到2024年 spans years past, with no deadline in it.
    let text = "甲省交经济建设新答卷\n江南时报·2025-12-11 00:24\n核心观点 - 甲省经济总量持续跃升,预计2025年地区生产总值将突破14万亿元 [1][2] 综合经济实力 - 全省地区生产总值从2021年超过11万亿、2022年超过12万亿到2024年超过13万亿 [1] - 其中万亿级城市达到5座 [1] - 2024年全省人均GDP达2.26万美元 [2] - 全员劳动生产率提升至28.4万元";
    let ex = extract_document("s.txt", text);
    let f = fact(&ex, 14.0);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2025)));
    for (v, y) in [(11.0, 2021), (12.0, 2022), (13.0, 2024), (5.0, 2025)] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(y)), "{v}");
    }
    assert_eq!(fact(&ex, 2.26).indicator, "人均地区生产总值(GDP)");
}

#[test]
fn final_review_of_a_plan_without_a_year_of_its_own() {
    // A press conference on the plan's completion ranks a past year, but
    // speaks at the period's end; a name made of measure words is the
    // indicator just named.
    let text = "甲市举办高质量完成“十四五”规划系列主题新闻发布会。\n到了2024年又进一步提升到了第六位。\n货物进出口总额突破了9000亿元,平均每年的增长幅度为9.1%。\n";
    let ex = extract_document("r.txt", text);
    let f = fact(&ex, 9000.0);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2025)));
    assert_eq!(fact(&ex, 9.1).indicator, "货物进出口总额");
}

#[test]
fn a_colon_after_goals_met_announces_no_goals() {
    let text = "甲市人大常委会审议了《甲市“十四五”规划纲要》实施中期评估报告。\n《纲要》确定的20项重大指标中,6项已提前达到规划目标。截至2023年6月30日,总体来看,呈现出三个特点:\n一是高质量发展稳步提升。数字经济占生产总值比重提升到60.5%。\n";
    let ex = extract_document("m.txt", text);
    assert_eq!(fact(&ex, 60.5).kind, Kind::Actual);
    // …实现四大具体目标: does announce them.
    let text = "甲县“十三五”规划纲要。\n到2020年,该县将实现四大具体目标:\n城乡居民人均可支配收入分别达到35000元和14200元。\n";
    let ex = extract_document("p.txt", text);
    assert_eq!(fact(&ex, 35000.0).kind, Kind::Target);
}

#[test]
fn a_programme_under_way_is_no_goal() {
    let text = "甲省经济发展成就\n2025-10-11 14:13:40 来源:甲省日报\n从三产看,甲省实施服务业企业三年倍增计划,2024年限上服务业企业达到1264家。甲省计划2026年限上服务业企业达到1500家。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 1264.0).kind, Kind::Actual);
    assert_eq!(fact(&ex, 1500.0).kind, Kind::Target);
}

#[test]
fn a_bylines_date_before_the_sites_header_date() {
    let text = "date 2024-12-07 丙市网首页 新闻 县区 电子报\n丙市亮出“十四五”发展成绩单\n来源: 丙市网 2025.09.25 20:09\n2025年是“十四五”规划收官之年。预计“十四五”末经济总量突破6000亿元。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(ex.info.year, Some(2025));
    let f = fact(&ex, 6000.0);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2025)));
}

#[test]
fn a_list_of_assessed_goals_runs_on_over_lines_ending_in_semicolons() {
    let text = "丁省蓝天保卫战2019年工作方案印发\n根据《方案》要求，2019年各市空气质量考核指标为，甲市优良天数257天，PM2.5浓度为54微克/立方米；\n乙市优良天数276天，PM2.5浓度为53微克/立方米；\n丙市优良天数264天。\n";
    let ex = extract_document("a.txt", text);
    for v in [257.0, 276.0, 53.0, 264.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2019)), "{v}");
    }
}

#[test]
fn ratios_and_the_values_changes_start_from() {
    let text = "甲市共同富裕实施方案\n到2025年，城乡居民收入比由2.5∶1缩小到2.25∶1，城镇化率由60%提高到65%。\n";
    let ex = extract_document("a.txt", text);
    let goal = fact(&ex, 2.25);
    assert_eq!(goal.indicator, "城乡居民收入比");
    assert_eq!(
        (goal.kind, goal.year, goal.unit.as_deref()),
        (Kind::Target, Some(2025), None)
    );
    for v in [2.5, 60.0] {
        let start = fact(&ex, v);
        assert_eq!(
            start.kind,
            Kind::Actual,
            "{v}: the value a change starts from is past"
        );
        assert_ne!(start.year, Some(2025), "{v}: not the deadline's year");
    }
}

#[test]
fn a_headline_on_a_plan_names_a_goals_year_not_its_own() {
    let text = "乙市发布全民健身实施计划 2025年建成“三级健身圈”\n乙市体育局公布了《实施计划》，计划到2025年，人均体育场地面积达到2.6平方米；每千人拥有社会体育指导员3.25名。\n";
    let ex = extract_document("a.txt", text);
    assert_ne!(ex.info.year, Some(2025));
    for v in [2.6, 3.25] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2025)), "{v}");
    }
}

#[test]
fn who_speaks_a_zone_a_town_a_province() {
    // A zone's own plan, spoken of again by its kind.
    let text = "深圳市科创委发布了《深圳国家高新区“十四五”发展规划》，提出到2025年，高新区内企业研发经费支出占GDP比例为13.67%，高新区营业收入31800亿元。\n";
    assert_eq!(
        extract_document("a.txt", text).info.region.as_deref(),
        Some("深圳国家高新区")
    );
    // A town that speaks of itself.
    let text = "小城市培育试点两年多来，龙港镇深入实施三大战略。\n龙港镇完成行政区划调整，镇域面积扩大到172.05平方公里。\n";
    assert_eq!(
        extract_document("b.txt", text).info.region.as_deref(),
        Some("龙港镇")
    );
    // 全省 again and again, cities of one province named in passing.
    let text = "大力发展学前教育，全省学前三年毛入园率达到70%。全省义务教育巩固率达到95%。西宁、海东加快建设。全省高中阶段毛入学率达到90%。\n";
    assert_eq!(
        extract_document("c.txt", text).info.region.as_deref(),
        Some("青海省")
    );
}

#[test]
fn the_production_and_construction_corps_reports_as_a_province() {
    // Its bulletin's issuer line, and a news page that calls it 兵团: not
    // 新疆, the province whose name its own begins with.
    let text = "新疆生产建设兵团统计局 国家统计局兵团调查总队\n2019年3月22日\n2018年，兵团实现生产总值2520.31亿元，比上年增长5.6%。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(ex.info.region.as_deref(), Some("新疆生产建设兵团"));
    // (A sentence naming it 兵团 names it as written, as 玉树州 on 玉树藏族自治州's page.)
    assert_eq!(fact(&ex, 5.6).region.as_deref(), Some("兵团"));
    let text = "发布时间: 2023-10-23\n记者从兵团统计局获悉，前三季度，兵团实现生产总值2291.96亿元，同比增长6.1%。\n";
    let ex = extract_document("b.txt", text);
    assert_eq!(fact(&ex, 2291.96).region.as_deref(), Some("兵团"));
}

#[test]
fn this_year_under_a_heading_reviewing_the_year_before() {
    // Delivered in January 2024, written in the year it reviews: its
    // 今年以来 is 2023's, under the heading that names 2023.
    let text = "关于2023年国民经济和社会发展计划执行情况\n与2024年国民经济和社会发展计划报告\n——2024年1月5日在甲县第十九届人民代表大会第三次会议上\n一、2023年国民经济和社会发展计划执行情况\n今年以来,在县委、县政府的坚强领导下,经济社会发展质效稳步提升。全年完成地区生产总值184.1亿元,同比增长8.4%。\n二、2024年国民经济和社会发展计划\n今年全县地区生产总值增长7%左右。\n";
    let ex = extract_document("a.txt", text);
    let done = fact(&ex, 184.1);
    assert_eq!((done.kind, done.year), (Kind::Actual, Some(2023)));
    let goal = fact(&ex, 7.0);
    assert_eq!((goal.kind, goal.year), (Kind::Target, Some(2024)));
}

#[test]
fn a_heading_line_run_into_its_paragraph_names_no_figure() {
    let text = "2025年工作回顾\n全市经济社会发展稳中有进、进中提质\n全市生产总值达到5.67万亿元、增长5.4%,好于预期。\n城乡居民人均可支配收入\n分别增长4.5%、8.5%左右\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 5.67).indicator, "生产总值");
    // (An infographic's label over its figures stays their name.)
    assert_eq!(fact(&ex, 8.5).indicator, "农村居民人均可支配收入");
}

#[test]
fn results_of_one_years_tasks_under_a_title_broken_over_lines() {
    let text = "近日\n省委、省政府发布\n关于2023年为民办实事项目\n实施情况的通报\n一、新增义务教育公办学校学位5万个\n全省新增学校301所,均已制定开放管理方案。省级财政补助资金下达5.4519亿元,完成年度计划的104.44%。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(ex.info.doc_type, planwatch_core::DocType::PlanReview);
    let done = fact(&ex, 5.4519);
    assert_eq!((done.kind, done.year), (Kind::Actual, Some(2023)));
}

#[test]
fn the_years_projects_listed_in_news_of_a_report_are_its_goals() {
    let text = "2016年,甲区将办好10件民生实事。这是记者从2月24日召开的甲区第十四届人民代表大会第六次会议上所作的《政府工作报告》上获悉的。\n报告指出,2015年,甲区全年民生支出16.23亿元,同比增长39.5%。\n据介绍,十件民生实事包括:一是推进扶贫开发,精准脱贫530户;二是建设农村公路30条45.9公里。\n";
    let ex = extract_document("a.txt", text);
    let spent = fact(&ex, 16.23);
    assert_eq!((spent.kind, spent.year), (Kind::Actual, Some(2015)));
    let project = fact(&ex, 530.0);
    assert_eq!((project.kind, project.year), (Kind::Target, Some(2016)));
}

#[test]
fn a_repost_dated_after_the_year_its_opening_speaks_of_as_ahead() {
    let text = "甲市:2023年确保粮食产量保持在145万吨以上\n甲市新闻网 发布 2024-04-27T23:00:05\n3月3日,记者从市委农村工作会上获悉,2023年,我市将全面落实粮食安全责任制。过去一年,建成高标准农田30.4万亩。\n2023年,我市将推行田长制。坚持良机全程化应用,建立示范基地1个,农村卫生厕所普及率达到80%以上。\n";
    let ex = extract_document("a.txt", text);
    let done = fact(&ex, 30.4);
    assert_eq!((done.kind, done.year), (Kind::Actual, Some(2022)));
    // (A paragraph opening on the year's work ahead lists it.)
    let ahead = fact(&ex, 80.0);
    assert_eq!((ahead.kind, ahead.year), (Kind::Target, Some(2023)));
    // (将 taking an object tells no work ahead: 2014年,甲省将…工程确定为….)
    let text = "发布时间:2015/2/2 10:54:34\n2014年,甲省将“58个贫困县改造建设316所乡镇幼儿园工程”确定为民生实事项目,新建幼儿园257所。\n";
    let ex = extract_document("b.txt", text);
    assert_eq!(ex.info.year, Some(2015));
}

#[test]
fn an_undated_article_on_a_three_year_action() {
    let text = "荆门市“厕所革命”三年攻坚行动已全面展开。按照部署要求，到2020年，全市农村无害化厕所普及率将达到100%。即通过三年努力，完成全市32万座农户无害化厕所。今年全市要完成9.6万户以上农户无害化厕所改造。\n";
    let ex = extract_document("a.txt", text);
    let total = fact(&ex, 32.0);
    assert_eq!(
        (total.kind, total.year, total.measure),
        (Kind::Target, Some(2020), Measure::Cumulative)
    );
    let this_year = fact(&ex, 9.6);
    assert_eq!((this_year.kind, this_year.year), (Kind::Target, Some(2018)));
}

#[test]
fn news_of_a_plans_mid_term_review_names_the_plans_goals() {
    let text = "甲省新闻网12月19日电 记者今日获悉，经省人大通过的《甲省国民经济和社会发展第十一个五年规划纲要》实施过半。\n在当天召开的省人大常委会会议上，省发改委主任作了关于甲省“十一五”规划纲要实施情况的中期评估报告。\n沈主任表示，《纲要》中提出的地区生产总值1万亿元、财政收入1300亿元的目标都有望提前完成。2007年，全省进出口总额达到159.3亿美元。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(ex.info.doc_type, planwatch_core::DocType::PlanReview);
    for v in [1.0, 1300.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2010)), "{v}");
    }
    let f = fact(&ex, 159.3);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2007)));
}

#[test]
fn a_place_heading_a_sentence_holds_for_its_clauses_and_five_years_on_from_a_base() {
    let text = "根据《方案》要求，2019年各市空气质量考核指标为，西安市优良天数257天，PM2.5浓度为54微克/立方米；宝鸡市优良天数276天，PM2.5浓度为53微克/立方米。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 54.0).region.as_deref(), Some("西安市"));
    assert_eq!(fact(&ex, 53.0).region.as_deref(), Some("宝鸡市"));
    // An undated look back over five years from a named base year.
    let text =
        "丙市五年成绩\n五年来，地区生产总值年均增长9.9%，一般公共预算收入是2011年的1.9倍。\n";
    let ex = extract_document("b.txt", text);
    assert_eq!(fact(&ex, 9.9).year, Some(2016));
}

#[test]
fn a_task_completed_beside_results_sets_no_goal() {
    let text = "一、2023年国民经济和社会发展计划执行情况\n2023年地区生产总值增长4.6%，规上服务业营业收入增长10.3%，节能减排降碳完成市下达的任务。\n";
    let ex = extract_document("a.txt", text);
    for v in [4.6, 10.3] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(2023)), "{v}");
    }
}

#[test]
fn an_article_on_a_plan_in_the_future_tense_runs_on_over_semicolons() {
    let text = "甲省将筹措60亿元专项资金重点支持农村建设，其中基础设施建设521.5亿元，实施1098个项目；产业发展690亿元，实施289个项目。\n";
    let ex = extract_document("a.txt", text);
    for v in [521.5, 690.0, 289.0] {
        assert_eq!(fact(&ex, v).kind, Kind::Target, "{v}");
    }
    // An estimate (预计…将突破) is a result.
    let text = "江南时报·2025-12-11 00:24\n预计2025年地区生产总值将突破14万亿元；全省万亿级城市达到5座。\n";
    let ex = extract_document("b.txt", text);
    assert_eq!(fact(&ex, 5.0).kind, Kind::Actual);
}

#[test]
fn news_of_a_project_yields_what_it_will_do_once_built() {
    let text = "戊省重大水利工程正式啟動\n2011年10月20日\n輸水線路總長634.53公里,工程建成後,每年可退還農業用水1.48億立方米,新增灌溉面積71萬畝。前三季度GDP增長14.4%。\n";
    let ex = extract_document("n.txt", text);
    assert_eq!(fact(&ex, 634.53).kind, Kind::Actual);
    for v in [1.48, 71.0] {
        assert_eq!(fact(&ex, v).kind, Kind::Target, "{v}");
    }
    assert_eq!(fact(&ex, 14.4).kind, Kind::Actual);
}

#[test]
fn items_short_enough_to_read_as_headings_under_announced_goals() {
    let text = "近日，己市印发《2019年为民办实事工作计划》，要求按时完成任务。\n《2019年为民办实事工作计划》的主要内容是:\n一、实施公交服务便民工程\n(一)新购置公交车200辆\n(二)新建改造100个公交站台\n二、进一步缓解停车难问题\n新增公共停车泊位7000个\n";
    let ex = extract_document("n.txt", text);
    for v in [200.0, 100.0, 7000.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2019)), "{v}");
    }
    // The item's number is no part of its name.
    assert_eq!(fact(&ex, 200.0).indicator, "新购置公交车");
}

#[test]
fn an_interview_headline_names_the_mayor_of_a_city() {
    let text = "專訪長春市市長張志軍\n\n2020年,長春全市經濟總量達到6638億元。\n";
    let ex = extract_document("n.txt", text);
    assert_eq!(ex.info.region.as_deref(), Some("長春市"));
    assert_eq!(fact(&ex, 6638.0).region.as_deref(), Some("長春市"));
}

#[test]
fn a_review_compares_with_the_plan_period_before_it() {
    let text = "庚市经济和社会发展十一五规划\n\n一、“十五”时期的工作回顾\n\n——国民经济快速发展。全市生产总值达到206.27亿元,是“九五”末的2.2倍;固定资产投资年均增长16.5%,比“十五”计划高出4.1个百分点;财政一般预算收入完成11.79亿元,年均增长18.1%。\n";
    let ex = extract_document("p.txt", text);
    let ratio = fact(&ex, 2.2);
    assert_eq!(ratio.indicator, "生产总值");
    for v in [206.27, 2.2, 11.79, 18.1] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(2005)), "{v}");
    }
}

#[test]
fn an_article_late_in_the_year_estimates_its_result() {
    let text = "辛县“十四五”交出答卷\n\n2025-11-26 09:07:38 来源:某某在线\n\n预计到2025年末,全县地区生产总值将突破140亿元,年均增长6.2%。到2026年,全县地区生产总值力争达到150亿元。\n";
    let ex = extract_document("n.txt", text);
    for v in [140.0, 6.2] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(2025)), "{v}");
    }
    assert_eq!(fact(&ex, 150.0).kind, Kind::Target);
}

#[test]
fn a_stock_counted_up_to_a_date_is_no_goal() {
    let text = "柞水县基本简介\n\n截至2018年末,柞水县下辖8个镇、1个街道办事处,81个村居。2020年一季度柞水县实现生产总值14.94亿元。\n";
    let ex = extract_document("n.txt", text);
    for v in [8.0, 81.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(2018)), "{v}");
    }
}

#[test]
fn a_doubling_reached_is_the_figure_before_it() {
    let text = "壬市经济和社会发展十一五规划\n\n一、“十五”时期的工作回顾\n\n全市生产总值达到805亿元,比2000年翻一番;财政收入提前实现翻一番;提前两年实现翻一番。\n";
    let ex = extract_document("p.txt", text);
    let doubled: Vec<_> = ex
        .facts
        .iter()
        .filter(|f| f.value.is_none())
        .map(|f| (f.kind, f.indicator.as_str(), f.text.as_deref()))
        .collect();
    // The third names no indicator, nor a figure before it in its sentence: left out.
    assert_eq!(
        doubled,
        [
            (Kind::Actual, "生产总值", Some("比2000年翻一番")),
            (Kind::Actual, "财政收入", Some("实现翻一番"))
        ]
    );
}

#[test]
fn a_total_since_a_year_up_to_now_is_now() {
    let text = "癸区新闻\n\n2025-12-20\n\n城市副中心自2016年启动建设至今,累计完成固定资产投资超9600亿元。\n";
    let ex = extract_document("n.txt", text);
    assert_eq!(fact(&ex, 9600.0).year, Some(2025));
}

#[test]
fn a_change_starts_from_a_value_of_its_own_past_year() {
    let text = "子州农业高质量发展三年行动实施方案(2022—2024年)\n\n到2024年,农业增加值由2021年的311.32亿元增加到440亿元,黄河流域露地蔬菜由目前的4万亩增至10万亩。\n";
    let ex = extract_document("i.txt", text);
    let start = fact(&ex, 311.32);
    assert_eq!((start.kind, start.year), (Kind::Actual, Some(2021)));
    assert_eq!(fact(&ex, 4.0).kind, Kind::Actual);
    for v in [440.0, 10.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2024)), "{v}");
    }
}

#[test]
fn a_review_dates_the_start_of_its_changes_at_the_plan_base() {
    let text = "丑县“十四五”发展成就新闻发布会\n\n“十四五”时期，丑县经济社会发展取得新成效。人均生产总值较“十三五”末的3.4万元增长到3.9万元;工业对全县生产总值增长贡献度由22.2%提高到36.2%。\n";
    let ex = extract_document("r.txt", text);
    for v in [3.4, 22.2] {
        assert_eq!(fact(&ex, v).year, Some(2020), "{v}");
    }
    for v in [3.9, 36.2] {
        assert_eq!(fact(&ex, v).kind, Kind::Actual, "{v}");
    }
}

#[test]
fn an_opening_clause_with_no_figure_names_the_figures_after_it() {
    let text = "寅市“十三五”规划\n\n到2020年，工业增加值实现135亿元,年平均递增28%。旅游业总收入稳步增长，2020年达到9000亿元左右，年均增长21%左右。\n";
    let ex = extract_document("p.txt", text);
    assert_eq!(fact(&ex, 28.0).indicator, "工业增加值");
    for v in [9000.0, 21.0] {
        assert_eq!(fact(&ex, v).indicator, "旅游业总收入", "{v}");
    }
}

#[test]
fn an_items_number_is_no_part_of_its_name() {
    let text = "卯省2019年计划执行情况\n\n1.地区生产总值达到46616亿元、增长7.5%。\n2.全社会固定资产投资增长10.2%。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 46616.0).indicator, "地区生产总值");
    assert_eq!(fact(&ex, 10.2).indicator, "全社会固定资产投资");
}

#[test]
fn a_report_delivered_in_december_says_this_year_of_the_year_it_reviews() {
    let text = "政府工作报告\n——2023年12月13日在丙县第十八届人民代表大会第三次会议上\n各位代表：\n过去一年，是极不平凡的一年。全县地区生产总值增长5.2%。\n今年以来，新建村级公路120公里。\n";
    let ex = extract_document("r.txt", text);
    for v in [5.2, 120.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(2023)), "{v}");
    }
}

#[test]
fn a_sentence_headed_by_a_year_with_no_figure_dates_the_sentences_after_it() {
    let text = "丁区区委书记接受专访\n\n2020年，丁区将重点围绕高质量发展目标。\n2019年，全区上下砥砺前行，取得了来之不易的成绩。全区预计全年实现地区生产总值430亿元，增长6.1%。\n";
    let ex = extract_document("a.txt", text);
    for v in [430.0, 6.1] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(2019)), "{v}");
    }
}

#[test]
fn each_bullet_of_a_flattened_list_stands_alone() {
    let text = "某县发展成就\n河南日报·2025-11-03 07:28\n\n产业发展 - 甲公司项目投产后，生产规模将达500台 [6] - 累计建成高标准农田58.4万亩 [9] - 新增停车位2650个 [18]\n";
    let ex = extract_document("a.txt", text);
    for v in [58.4, 2650.0] {
        assert_eq!(fact(&ex, v).kind, Kind::Actual, "{v}");
    }
}

#[test]
fn the_index_of_a_plans_goals_met_is_a_result() {
    let text = "甲省人民政府关于“十一五”时期地区经济社会发展考核评价结果的通报\n各市人民政府：\n监测评价结果表明：全省“十一五”规划目标实现综合指数为121.44%，超出规划目标21.44%。\n";
    let ex = extract_document("n.txt", text);
    assert_eq!(ex.info.doc_type, planwatch_core::DocType::PlanReview);
    for v in [121.44, 21.44] {
        assert_eq!(fact(&ex, v).kind, Kind::Actual, "{v}");
    }
}

#[test]
fn places_alone_in_a_list_name_the_figure_before_them() {
    let text = "江苏新闻\n\n2022年，苏州地区生产总值预计达到2.4万亿元，南京1.68万亿元，无锡预计1.4万亿元。\n";
    let ex = extract_document("a.txt", text);
    for (v, place) in [(2.4, "苏州市"), (1.68, "南京市"), (1.4, "无锡市")] {
        let f = fact(&ex, v);
        assert_eq!(f.indicator, "地区生产总值", "{v}");
        assert_eq!(f.region.as_deref(), Some(place), "{v}");
    }
}

#[test]
fn a_years_list_of_practical_projects_sets_goals_for_that_year() {
    // (Dated by a later repost: the list is still the year's it names.)
    let text = "戊县2020年民生实事项目\n发布日期:2021-02-03 09:50\n\n1.关爱婴幼儿成长。新增3岁以下婴幼儿照护机构3家，新增托位100个。\n";
    let ex = extract_document("i.txt", text);
    assert_eq!(
        ex.info.doc_type,
        planwatch_core::DocType::ImplementationPlan
    );
    for v in [3.0, 100.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2020)), "{v}");
    }
    // 今年 heading a list names no place.
    let text = "今年市本级为民办实事工程\n\n一、科教惠民工程。新建幼儿园35所。\n";
    assert_eq!(extract_document("i.txt", text).info.region, None);
}

#[test]
fn a_plan_named_as_approved_dates_and_sets_nothing() {
    let text = "政府工作报告\n——2026年1月22日在甲市第十六届人民代表大会第六次会议上\n各位代表：\n2025年，我们坚持稳中求进，国土空间总体规划(2021—2035年)获批实施，经济发展顶压前行，地区生产总值增长5.7%，进出口总额增长3%。\n";
    let ex = extract_document("r.txt", text);
    for v in [5.7, 3.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(2025)), "{v}");
    }
}

#[test]
fn headings_of_a_bare_year_date_their_items() {
    let text = "乙市市委全会提出2017年目标\n\n2016成绩\n引进市外到位资金915亿元\n2017目标\n确保新增城市绿地200公顷\n";
    let ex = extract_document("a.txt", text);
    let f = fact(&ex, 915.0);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2016)));
    let f = fact(&ex, 200.0);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2017)));
}

#[test]
fn news_of_a_report_sets_goals_by_their_deadline() {
    let text = "丙省十四届人大一次会议1月12日开幕，省长在作《政府工作报告》时部署了今后五年的目标任务，到2027年地区生产总值达到12万亿元；全社会研发投入强度超过3.4%，规上工业增加值突破3万亿元。\n";
    let ex = extract_document("a.txt", text);
    for v in [12.0, 3.4, 3.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2027)), "{v}");
    }
}

#[test]
fn places_with_their_figures_in_brackets_share_the_indicator_after_them() {
    let text = "某市经济运行\n\n2024年上半年，西夏区(13.0%)和灵武市(8.2%)地区生产总值增速分别位列全区22个县(市)区第2位和第6位。\n";
    let ex = extract_document("a.txt", text);
    for (v, place) in [(13.0, "西夏区"), (8.2, "灵武市")] {
        let f = fact(&ex, v);
        assert_eq!(f.indicator, "地区生产总值", "{v}");
        assert_eq!(f.region.as_deref(), Some(place), "{v}");
        assert_eq!((f.measure, f.year), (Measure::Growth, Some(2024)), "{v}");
    }
}

#[test]
fn a_periods_first_years_end_at_their_last() {
    let text = "湖南新闻\n\n统计数据显示，“十一五”前四年，全部工业增加值年均增长18.1%，比“十五”时期快5.5个百分点。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 18.1).year, Some(2009));
}

#[test]
fn a_connective_opening_and_what_was_built_on_name_nothing() {
    let text = "南宁新闻\n\n其中，地区生产总值实现跨越，在2007年突破1000亿元的基础上，预计2010年达到1800亿元左右；全社会固定资产投资迅猛增长，预计2010年完成1480亿元左右。\n";
    let ex = extract_document("a.txt", text);
    for v in [1000.0, 1800.0] {
        assert_eq!(fact(&ex, v).indicator, "地区生产总值", "{v}");
    }
    assert_eq!(fact(&ex, 1480.0).indicator, "全社会固定资产投资");
}

#[test]
fn a_goal_beside_its_result_and_a_milestone_told_in_words() {
    let text = "2007年丁县政府工作报告\n各位代表：\n2006年，财政收入2.01亿元，较上年增长26.4%，高于年初人代会12%的目标14.4个百分点。一般公共预算收入连续跨越千亿级大关，2006年达到4723.9亿元。\n";
    let ex = extract_document("r.txt", text);
    let goal = fact(&ex, 12.0);
    assert_eq!((goal.kind, goal.year), (Kind::Target, Some(2006)));
    assert_eq!(fact(&ex, 4723.9).indicator, "一般公共预算收入");
}

#[test]
fn a_years_tasks_dated_that_year_are_goals() {
    let text = "上海静安发布2024年十项为民办实事项目\n\n2024-01-18 19:46:05 来源:新华网\n\n2024年，静安区将实施各类旧住房修缮改造100万平方米，建成公共绿地5.7万平方米。\n";
    let ex = extract_document("i.txt", text);
    for v in [100.0, 5.7] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2024)), "{v}");
    }
}

#[test]
fn a_reports_goals_split_among_departments_is_an_implementation_plan() {
    let ex = extract_document(
        "i.txt",
        "2023年区《政府工作报告》确定的重点工作任务责任分解方案\n\n1.地区生产总值增长6%。\n",
    );
    assert_eq!(
        ex.info.doc_type,
        planwatch_core::DocType::ImplementationPlan
    );
    let ex = extract_document(
        "i.txt",
        "2023年度巨鹿县重点民生实事项目\n\n新建村级公路120公里。\n",
    );
    assert_eq!(ex.info.region.as_deref(), Some("巨鹿县"));
}

#[test]
fn a_figure_converted_or_told_by_manner_keeps_its_name() {
    let text = "2006年戊区政府工作报告\n各位代表：\n2005年，全区人均生产总值超过7万元，折合9000美元；电商交易额实现1939.7亿元，大幅增长84.7%。\n";
    let ex = extract_document("r.txt", text);
    assert_eq!(fact(&ex, 9000.0).indicator, "人均生产总值");
    assert_eq!(fact(&ex, 84.7).indicator, "电商交易额");
}

#[test]
fn an_articles_paragraphs_after_a_deadline_go_on_listing_goals() {
    let text = "到2025年江苏沿海地区综合实力稳步提升\n2021-12-28 16:54:50 来源: 中工网\n\n《规划》指出，到2025年，江苏沿海地区综合实力稳步提升，占全省比重力争达20%左右。\n\n产业创新能力大幅提升，高新技术产业产值占规模以上工业比重达到42.5%。\n\n“十一五”期间，西藏共接待国内外旅游者2125万人次。\n";
    let ex = extract_document("a.txt", text);
    let f = fact(&ex, 42.5);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2025)));
    // A paragraph of a period past tells results.
    assert_eq!(fact(&ex, 2125.0).kind, Kind::Actual);
}

#[test]
fn a_ratio_lowered_to_a_years_level_is_that_level() {
    let ex = extract_document(
        "a.txt",
        "福建新闻\n\n城乡居民收入比从2020年的2.26降低至2024年的2.06。\n",
    );
    let f = fact(&ex, 2.06);
    assert_eq!((f.measure, f.year), (Measure::Level, Some(2024)));
    assert_eq!(fact(&ex, 2.26).year, Some(2020));
}

#[test]
fn comparable_price_and_estimate_words_name_nothing() {
    let ex = extract_document(
        "r.txt",
        "2019年己市政府工作报告\n各位代表：\n2018年，南京预计实现地区生产总值1.27万亿，可比价增长8%；外贸进出口总额实现恢复性增长，增速达到3.8%。\n",
    );
    assert_eq!(fact(&ex, 8.0).indicator, fact(&ex, 1.27).indicator);
    assert_eq!(fact(&ex, 3.8).indicator, "外贸进出口总额");
}

#[test]
fn rows_of_places_under_a_caption_report_its_topic() {
    let text = "上半年甲省经济运行情况\n2018年07月18日 来源：甲省统计局\n附表:2018年上半年各市县地区生产总值及增速\n市    县\n绝对数\n(亿元)\n比上年同期增长\n(%)\n海 口 市\n797.49\n8.1\n三 亚 市\n304.09\n7.0\n";
    let ex = extract_document("a.txt", text);
    let f = fact(&ex, 797.49);
    assert_eq!(f.region.as_deref(), Some("海口市"));
    assert_eq!(f.indicator, "上半年地区生产总值");
    let g = fact(&ex, 7.0);
    assert_eq!(
        (g.region.as_deref(), g.measure),
        (Some("三亚市"), Measure::Growth)
    );
}

#[test]
fn places_in_a_list_take_the_indicator_announced_before_it() {
    let text = "山西省人口普查公报\n2021年5月26日\n全省常住人口34915616人。其余各市常住人口从高到低排序依次为:运城市4774508人、临汾市3976481人。\n";
    let ex = extract_document("b.txt", text);
    let f = fact(&ex, 3976481.0);
    assert_eq!(f.region.as_deref(), Some("临汾市"));
    assert_eq!(f.indicator, "常住人口");
}

#[test]
fn a_base_stated_after_a_compared_year_is_that_years() {
    let text = "甲市发展成就\n2013-01-05 来源：甲市日报\n2012年甲市实现地区生产总值260.36亿元,比1983年的1.78亿元翻了7.19番。\n";
    let ex = extract_document("a.txt", text);
    let base = fact(&ex, 1.78);
    assert_eq!(base.year, Some(1983));
    assert_eq!(base.indicator, fact(&ex, 260.36).indicator);
}

#[test]
fn an_opening_clause_names_figures_past_a_time_and_a_circumstance() {
    let text = "乙省一季度经济运行\n2021-04-21 来源：乙省统计局\n一季度,在企业开复工及时等多种因素带动下,全省规模以上工业增加值实现恢复性较快增长,比上年同期增长13.1%。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 13.1).indicator, "规模以上工业增加值");
}

#[test]
fn a_figure_less_paragraph_on_a_period_dates_the_changes_after_it() {
    let text = "丙区“十二五”回顾\n2016-01-22 来源：丙区日报\n“十二五”时期是我区发展进程中具有里程碑意义的时期。\n综合实力显著增强。一般公共预算收入由1070亿元增加到1963.5亿元。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 1070.0).year, Some(2010));
    assert_eq!(fact(&ex, 1963.5).year, Some(2015));
}

#[test]
fn decimal_points_written_as_full_stops() {
    let text =
        "丁县2009年经济发展\n2010-01-10 来源：丁县政府\n全年实现生产总值38。02亿元,增长9。5%。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 38.02).unit.as_deref(), Some("亿元"));
    assert_eq!(fact(&ex, 9.5).measure, Measure::Growth);
}

#[test]
fn links_under_an_article_date_nothing() {
    let text = "戊区重点项目超额完成全年投资目标\n截至11月底,全区重点项目累计完成投资687亿元。\n接下来将做好2023年重点项目谋划。\n相关新闻\n[2026-02-02] 另一条新闻\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 687.0).year, Some(2022));
}

#[test]
fn a_county_named_once_as_the_subject_of_its_development() {
    // (长治 in 长治久安 is a word, not a second place.)
    let text = "2016年,县委、政府团结带领全县各族人民,紧紧围绕社会稳定和长治久安总目标,为伊吾的改革开放和经济社会发展做出了积极的努力。\n地区生产总值445636万元,增长7.1%。\n";
    let ex = extract_document("b.txt", text);
    assert_eq!(ex.info.region.as_deref(), Some("伊吾县"));
}

#[test]
fn news_of_how_a_plan_is_going_is_a_review() {
    let text = "红网甲县站1月3日讯 自2011年正式实施“十二五”规划以来,甲县经济社会保持持续较快发展。《纲要》中确定的目标任务总体进展顺利,34项主要指标中,4项已提前完成规划目标。\n2012年全县地区生产总值增长14%。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(ex.info.doc_type, planwatch_core::DocType::PlanReview);
    assert_eq!(fact(&ex, 14.0).kind, Kind::Actual);
}

#[test]
fn growth_in_hong_kong_and_taiwan_words() {
    let text = "上海經濟\n2026-01-20 來源：大公報\n去年全市生產總值達人民幣5.67兆元，年增5.4%。\n";
    let ex = extract_document("a.txt", text);
    let f = fact(&ex, 5.4);
    assert_eq!(f.measure, Measure::Growth);
    assert_eq!(f.indicator, fact(&ex, 5.67).indicator);
}

#[test]
fn a_plans_first_quarter_dates_an_undated_article() {
    let text = "“十四五”开局首季 甲省经济开门红\n4月20日,记者从省统计局获悉,一季度全省实现地区生产总值6575亿元,同比增长18.4%。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 6575.0).year, Some(2021));
}

#[test]
fn a_decision_adjusting_a_plan_under_way_is_a_review() {
    let text = "甲省调整经济增长目标\n当天,《甲省人民代表大会常务委员会关于批准调整甲省“十二五”规划期经济增长预期目标的决议》获表决通过。2011年、2012年和2013年前三季度,甲省生产总值分别增长12.0%、9.1%和10.1%。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(ex.info.doc_type, planwatch_core::DocType::PlanReview);
    let f = fact(&ex, 9.1);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2012)));
}

#[test]
fn implementation_plan_tasks_for_its_own_year() {
    let text = "甲县2016年脱贫攻坚实施方案\n甲县人民政府办公室\n2016年3月1日\n一、工作任务\n2016年完成77个村减贫摘帽。\n";
    let ex = extract_document("i.txt", text);
    let f = fact(&ex, 77.0);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2016)));
    // What has already been done that year stays a result.
    let text = "甲县2016年脱贫攻坚实施方案\n2016年3月1日\n一、工作任务\n2016年以来已完成12个村减贫摘帽。\n";
    let ex = extract_document("i.txt", text);
    assert_eq!(fact(&ex, 12.0).kind, Kind::Actual);
}

#[test]
fn final_review_dated_in_its_plans_last_year_speaks_at_its_end() {
    let text = "高质量完成“十四五”规划系列主题新闻发布会\n发布时间:2025-08-29 16:32:00\n“十四五”以来，乙市2024年地区生产总值达到3200亿元。累计实施重点项目1621个。\n";
    let ex = extract_document("m.txt", text);
    assert_eq!(fact(&ex, 3200.0).year, Some(2024));
    assert_eq!(fact(&ex, 1621.0).year, Some(2025));
}

#[test]
fn goals_of_a_plan_named_in_an_article_are_due_at_its_end() {
    let text = "丙市市长作政府工作报告\n2026-01-26 来源：丙市日报\n市长介绍“十五五”规划提出，设置了29项主要指标，包括：地区生产总值年均增速4.5%至5%，全员劳动生产率达58万元/人左右。\n";
    let ex = extract_document("n.txt", text);
    for v in [4.5, 58.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2030)), "{v}");
    }
}

#[test]
fn a_later_clause_on_another_year_does_not_make_a_result_a_goal() {
    let text = "丁市两会开幕\n2026-01-26 来源：丁市日报\n市长公布2025年全市地区生产总值达5200亿元、增长5.4%，2026年全市地区生产总值则预期增长5%左右。\n";
    let ex = extract_document("n.txt", text);
    for v in [5200.0, 5.4] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(2025)), "{v}");
    }
    let goal = fact(&ex, 5.0);
    assert_eq!((goal.kind, goal.year), (Kind::Target, Some(2026)));
}

#[test]
fn a_change_opening_its_sentence_is_of_the_indicator_named_just_before() {
    let text = "戊市“十一五”的重大成就\n发布时间:2011-02-28 来源: 本网\n    “十一五”时期，实现了八个主要经济指标翻番：一是生产总值翻一番。由2005年的681亿元增至2010年的1402.77亿元。二是规模以上工业总产值和利税总额翻一番。分别由2005年的640亿元和104.55亿元增至2010年的1405.97亿元和214.72亿元。\n";
    let ex = extract_document("m.txt", text);
    for (v, name, year) in [
        (681.0, "生产总值", 2005),
        (1402.77, "生产总值", 2010),
        (640.0, "规模以上工业总产值", 2005),
        (214.72, "利税总额", 2010),
    ] {
        let f = fact(&ex, v);
        assert_eq!(f.indicator, name, "{v}");
        assert_eq!(f.year, Some(year), "{v}");
    }
}

#[test]
fn a_ranking_of_cities_under_bare_year_columns_reports_the_captions_topic() {
    let text = "2018年己省各城市GDP排名\n\n排名 城市 2018 2017 增量 名义增速\n1 唐山 4837.7 5108.2 -270.5 -5.30%\n2 石家庄 4820.5 4710 110.5 2.35%\n3 沧州 2710 2788.9 -78.9 -2.83%\n";
    let ex = extract_document("n.txt", text);
    let f = fact(&ex, 5108.2);
    assert_eq!(
        (f.indicator.as_str(), f.region.as_deref(), f.year),
        ("GDP", Some("唐山市"), Some(2017))
    );
    let g = fact(&ex, 2.35);
    assert_eq!(
        (g.indicator.as_str(), g.measure, g.year),
        ("GDP名义增速", Measure::Growth, Some(2018))
    );
}

#[test]
fn an_article_on_a_periods_results_with_its_fourth_years_figures_speaks_in_its_last() {
    // A press conference on the period's results gives the year before its
    // own as the latest figures: its stocks (达到97家) are of the period's end.
    let text = "12月24日上午,甲市举行“十四五”发展成就主题新闻发布会,介绍甲市“十四五”期间经济发展的总体情况。\n“十四五”前四年甲市地区生产总值年均增速达6.6%。2024年粮食产量达25.17亿斤。全市省级以上科技创新平台达到97家。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 97.0).year, Some(2025));
    assert_eq!(fact(&ex, 25.17).year, Some(2024));
    // A mid-term account (latest figures of the period's second year) does not.
    let text = "8月20日,甲市举行“十四五”发展成就新闻发布会。\n2022年全市地区生产总值增长5%。全市省级以上科技创新平台达到97家。\n";
    let ex = extract_document("b.txt", text);
    assert_eq!(fact(&ex, 97.0).year, Some(2022));
}

#[test]
fn examples_floors_and_two_year_averages_of_a_fall() {
    let text = "2021年全市国民经济运行情况\n2021年，全市第一产业增加值13.2亿元,同比增长4.9%,两年平均下降10.2%。\n规划指标分为预期性和约束性。到2020年,比如草原综合植被覆盖度达到53.6%,湿地保有量44850万亩不能减少,劳动年龄人口平均受教育年限达到10.5年等。\n";
    let ex = extract_document("c.txt", text);
    let f = fact(&ex, -10.2);
    assert_eq!(f.measure, Measure::AvgGrowth);
    let f = fact(&ex, 53.6);
    assert_eq!(f.indicator, "草原综合植被覆盖度");
    let f = fact(&ex, 44850.0);
    assert_eq!(
        (f.kind, f.comparator),
        (Kind::Target, planwatch_core::Comparator::Ge)
    );
    assert_eq!(fact(&ex, 10.5).unit.as_deref(), Some("年"));
}

#[test]
fn an_undated_goals_section_sets_goals_for_the_year_its_figures_name() {
    // No date, no period: the figures' year is "now", but under 发展目标 and
    // its numbered headings they are goals.
    let text = "(三)发展目标\n1.城市化水平。到2005年,全省城市化水平达到40%以上。\n2.城镇要素集聚能力。2005年,第三产业增加值占GDP的比重达到42%。\n";
    let ex = extract_document("g.txt", text);
    for v in [40.0, 42.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2005)), "{v}");
    }
}

#[test]
fn an_article_listing_the_work_ahead_sets_goals() {
    let text = "12月26日,笔者从甲县第十九届人民代表大会第三次会议获悉,该县明确2024年经济社会发展主要预期目标和重点工作。\n2023年,甲县全县生产总值增长6%。2024年,该县将深入实施强县工程,力争实现地区生产总值增长10%以上。\n该县将重点抓好七个方面工作。一是坚定不移壮大优势产业,实现卫浴产值150亿元以上。全年新增规上工业企业25家。\n";
    let ex = extract_document("w.txt", text);
    assert_eq!(fact(&ex, 6.0).kind, Kind::Actual);
    for v in [150.0, 25.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2024)), "{v}");
    }
}

#[test]
fn a_goals_year_is_no_data_year_and_already_tells_a_result() {
    // 力争2027年 names a goal's year: the article's figures stay of 2023,
    // and 已筹集 (already raised) is a result, not a plan.
    let text = "甲市推进产业链发展\n2023年,甲市规上工业增加值增长8%。力争2027年重点产业全产业链产值达3590亿元。\n全市已筹集资金21.9亿元。\n";
    let ex = extract_document("y.txt", text);
    let f = fact(&ex, 3590.0);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2027)));
    let f = fact(&ex, 21.9);
    assert_eq!((f.kind, f.year), (Kind::Actual, Some(2023)));
    // In an article on the year's plans (将新建), 已 still marks what is done.
    let text = "关于推进乡村振兴的实施意见\n2024年,全省将新建农村公路1000公里。全省已筹集资金21.9亿元,已到户化肥1561吨。\n";
    let ex = extract_document("z.txt", text);
    assert_eq!(fact(&ex, 1000.0).kind, Kind::Target);
    for v in [21.9, 1561.0] {
        assert_eq!(fact(&ex, v).kind, Kind::Actual, "{v}");
    }
}

#[test]
fn an_undated_text_is_dated_by_the_latest_party_meeting_it_cites() {
    // 三中全会 of the 20th congress met in July 2024: a first quarter
    // reported after it is 2025's.
    let text = "今年以来,全市上下深入贯彻党的二十大和二十届二中、三中全会精神。一季度,全市经济运行开局良好。\n初步核算,一季度甲市生产总值47.92亿元,同比增长7.8%。\n";
    let ex = extract_document("p.txt", text);
    assert_eq!(fact(&ex, 47.92).year, Some(2025));
    // 十七屆六中全會 met in October 2011, the month 前三季度's figures came
    // out: the same year (the 一季度 it compares with is not the part reported).
    let text = "乘著十七屆六中全會的東風,吉林省前三季度GDP實現6526.69億元,增長14.4%,增幅比一季度提高1.7個百分點。\n";
    let ex = extract_document("q.txt", text);
    assert_eq!(fact(&ex, 6526.69).year, Some(2011));
}

#[test]
fn an_undated_article_on_a_document_just_published_speaks_in_its_year() {
    // The span 2015~2017年 ends in a deadline, not in the year of the news.
    let text = "昨天甲省政府官网发布《实施乙地区规划纲要2015年重点工作任务》,指出今年工作任务主要目标是地区生产总值增长7.5%左右。\n按照计划,2015~2017年全省投入50亿元专项资金。\n";
    let ex = extract_document("n.txt", text);
    let f = fact(&ex, 7.5);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2015)));
}

#[test]
fn a_change_under_a_heading_on_the_five_years_starts_before_them() {
    let text = "甲市人民政府工作报告\n——2008年1月16日在甲市第九届人民代表大会第一次会议上\n一、经济社会发展取得巨大成就的五年\n经济总量快速提升。2007年实现地区生产总值830亿元。财政总收入由44.4亿元增加到144.4亿元。\n";
    let ex = extract_document("f.txt", text);
    assert_eq!(fact(&ex, 44.4).year, Some(2002));
    assert_eq!(fact(&ex, 144.4).year, Some(2007));
}

#[test]
fn a_share_of_the_years_plan_reached_is_a_result() {
    let text = "我市前八月重点项目建设高歌猛进\n今年以来,我市强推项目促发展。\n2018年,全市安排重点项目458个,年度计划投资853.8亿元。1-8月共完成投资622.2亿元,占年度投资计划的73%。\n";
    let ex = extract_document("k.txt", text);
    assert_eq!(fact(&ex, 853.8).kind, Kind::Target);
    for v in [622.2, 73.0] {
        assert_eq!(fact(&ex, v).kind, Kind::Actual, "{v}");
    }
}

#[test]
fn an_article_of_january_on_its_year_speaks_of_plans() {
    let text = "乙市推进六项重点工作\n2018-01-17 14:35 人民网\n16日,记者从乙市两会上了解到:2018年,乙市将加快美丽首府建设,新增改造绿地1.3万亩。完成森林抚育1万亩,建成区内绿化覆盖率提高到41%以上。截至目前,全市已建成公园120个。\n";
    let ex = extract_document("j.txt", text);
    for v in [1.3, 1.0, 41.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2018)), "{v}");
    }
    assert_eq!(fact(&ex, 120.0).kind, Kind::Actual);
}

#[test]
fn a_work_plan_put_online_later_is_of_its_titles_year() {
    let text = "2007年甲市人民政府目标管理工作方案\n发布时间:2009/02/04 12:00\n一、关于目标体系设置\n1.地区生产总值增长15%;\n2.第三产业增加值达到1000亿元;\n";
    let ex = extract_document("w.txt", text);
    for v in [15.0, 1000.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2007)), "{v}");
    }
}

#[test]
fn an_undated_article_on_a_plan_just_issued_sets_its_goals() {
    let text = "甲市着力补齐七大短板\n市政府办公厅日前印发的《甲市补短板的实施方案》提出,将着力补齐短板。\n2020年新兴产业占比超20%\n在建设交通网方面,到2020年,全市公路里程达2万公里。\n在完善农村基础设施方面,新建、改造自然村公路路面硬化5000公里以上,自然村公路通达率100%。\n";
    let ex = extract_document("m.txt", text);
    for v in [20.0, 2.0, 5000.0, 100.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2020)), "{v}");
    }
}

#[test]
fn a_named_rate_with_its_figure_is_a_row_not_a_header() {
    let text = "甲省主要经济指标\n指标\t计量单位\t2018年\n地区生产总值增长率\t%\t7.2\n居民消费价格涨幅\t%\t2.7\n";
    let ex = extract_document("t.txt", text);
    let f = fact(&ex, 7.2);
    assert_eq!(
        (f.indicator.as_str(), f.year),
        ("地区生产总值增长率", Some(2018))
    );
}

#[test]
fn a_reports_goals_listed_after_a_colon_run_over_semicolons() {
    let text = "核心阅读:\n2月1日,甲市四届人大七次会议开幕。该市政府工作报告显示,该市不但去年成绩斐然,今年作为“十三五”开局之年,各项重点工作安排更是看点十足。\n该市今年主要施政目标包括:地区生产总值增长8%;城镇居民人均可支配收入增长9%;农民人均纯收入增长10%。\n";
    let ex = extract_document("g.txt", text);
    for v in [8.0, 9.0, 10.0] {
        let f = fact(&ex, v);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2016)), "{v}");
    }
}

#[test]
fn article_on_a_one_year_plan_just_issued() {
    // The plan's figures of its year are goals; a result of the year before stays one.
    let text = "丙省各市空气质量指标公布\n发布时间：2019-03-02\n日前，省政府办公厅印发《丙省蓝天保卫战2019年工作方案》。2018年，全省优良天数达到250天。根据《方案》，2019年全省优良天数达到260天。\n";
    let ex = extract_document("a.txt", text);
    let goal = fact(&ex, 260.0);
    assert_eq!((goal.kind, goal.year), (Kind::Target, Some(2019)));
    let past = fact(&ex, 250.0);
    assert_eq!((past.kind, past.year), (Kind::Actual, Some(2018)));
}

#[test]
fn article_on_a_plan_named_before_its_verb_states_its_goals() {
    // 《…》(以下简称《方案》)印发实施: the verb after the title; figures of
    // the plan's year with no year of their own are its goals, and a count
    // since an earlier date stays a result.
    let text = "近日，《丁省2023年制造业项目建设年活动实施方案》(以下简称《方案》)印发实施。\n推动工业投资增长20%以上。\n自座谈会召开以来，全省纱锭数量从700万锭增长到1360万锭。\n";
    let ex = extract_document("a.txt", text);
    let goal = fact(&ex, 20.0);
    assert_eq!((goal.kind, goal.year), (Kind::Target, Some(2023)));
    assert_eq!(fact(&ex, 1360.0).kind, Kind::Actual);
}

#[test]
fn a_plan_issued_years_ago_sets_no_goals_of_an_article() {
    // 自2020年《…总体方案》发布后: the plan is the past the article reviews.
    let text = "发布时间：2025-09-09\n自2020年《戊港建设总体方案》发布后，戊港建设稳步推进。戊港新设外资企业数达到8098家。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 8098.0).kind, Kind::Actual);
}

#[test]
fn undated_article_counting_a_plans_first_years_speaks_in_the_last() {
    let text = "“十四五”期间，全省已累计完成交通固定资产投资2816亿元。\n“十四五”前四年，全省累计新增通车里程700公里以上。\n";
    let ex = extract_document("a.txt", text);
    assert_eq!(fact(&ex, 2816.0).year, Some(2024));
    assert!(ex
        .frame
        .iter()
        .any(|d| d.field == "year" && d.value == "2024"));
}

#[test]
fn news_of_a_meeting_that_summed_up_a_year_is_of_the_year_after() {
    let text = "2月25日，甲县第十六届人民代表大会第三次会议开幕。会议总结了2018年各项工作，并对今年工作做了安排部署。2019年，甲县将实现全县地区生产总值增长8%左右。\n甲县人民政府县长张三向大会作政府工作报告。\n";
    let ex = extract_document("a.txt", text);
    let goal = fact(&ex, 8.0);
    assert_eq!((goal.kind, goal.year), (Kind::Target, Some(2019)));
}

#[test]
fn goals_announced_in_a_page_published_after_their_year() {
    let text = "发展目标\n时间:2006-06-17 11:02\n2001年至2005年,辛省将以加快发展为主题。经济社会发展的主要预期目标是:五年年均经济增长速度为9%,到2005年GDP达到5680亿元。财政总收入500亿元。城镇登记失业率控制在5%左右。\n";
    let ex = extract_document("g.txt", text);
    for value in [5680.0, 500.0, 5.0] {
        let f = fact(&ex, value);
        assert_eq!((f.kind, f.year), (Kind::Target, Some(2005)), "{value}");
    }
}

#[test]
fn undated_news_of_a_work_report_naming_its_year_only_for_goals() {
    let text = "辛省十四届人大二次会议开幕\n省长向大会作政府工作报告。报告指出:\n●辛省地区生产总值达到1.35万亿元、增长4.8%;\n●地方一般公共预算收入达1390亿元、增长4.3%;\n2024年辛省经济社会发展\n有这些目标\n报告提出,今年地区生产总值增长5%左右。\n";
    let ex = extract_document("w.txt", text);
    for value in [1.35, 4.8, 1390.0] {
        let f = fact(&ex, value);
        assert_eq!((f.kind, f.year), (Kind::Actual, Some(2023)), "{value}");
    }
    let f = fact(&ex, 5.0);
    assert_eq!((f.kind, f.year), (Kind::Target, Some(2024)));
}
