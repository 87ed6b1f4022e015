//! Rendering: the HTML has the red list, a row per indicator and SVG charts; the DOCX is a valid package.

// The builders of the linking tests: the same documents, facts and scenario.
#[path = "../../link/tests/common/mod.rs"]
mod common;

use std::io::{Cursor, Read};

use common::*;
use planwatch_catalog::Catalog;
use planwatch_link::{evaluate, link_targets, Scope};
use planwatch_report::methods::formulas;
use planwatch_report::{chart, render_docx, render_html, DocxOptions, Report, Scale};

fn report(as_of: i32) -> Report {
    let facts = scenario();
    let items = evaluate(link_targets(
        &Catalog::builtin(),
        &facts,
        &Scope::Doc("plan.txt".into()),
        Some(as_of),
    ));
    let docs = facts.iter().map(|s| s.doc.clone()).collect::<Vec<_>>();
    Report::new(plan(), as_of, items, docs)
}

/// The text of one `<section id="…">` of the page.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no section {id}"));
    let rest = &html[start..];
    &rest[..rest.find("</section>").expect("section end")]
}

#[test]
fn title_and_stage() {
    let r = report(2018);
    assert_eq!(r.stage(), "中期评估");
    assert_eq!(
        r.title,
        "《锦州市国民经济和社会发展第十三个五年规划纲要》实施情况中期评估报告"
    );
    assert_eq!(report(2020).stage(), "终期评估");
}

#[test]
fn html_has_summary_red_list_rows_and_charts() {
    let r = report(2018);
    let html = render_html(&r);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"zh-CN\">"));
    // Summary: 5 targets, 4 quantitative, 1 qualitative, counts by domain.
    let summary = section(&html, "summary");
    assert!(summary.contains("共涉及规划目标 5 项"), "{summary}");
    assert!(summary.contains("定性目标 1 项"), "{summary}");
    assert!(
        summary.contains("经济发展") && summary.contains("绿色生态"),
        "{summary}"
    );
    // Red list: 森林覆盖率 (binding, regressing) first, then GDP 年均增长 (off track).
    let red = section(&html, "red-list");
    let forest = red.find("森林覆盖率").expect("forest in the red list");
    let gdp = red
        .find("地区生产总值")
        .expect("GDP growth in the red list");
    assert!(forest < gdp, "binding first");
    assert!(!red.contains("互联网普及率"), "achieved is not red");
    // One row per quantitative indicator.
    let table = section(&html, "indicators");
    assert_eq!(table.matches("<tr class=\"indicator").count(), 4);
    for name in ["地区生产总值", "森林覆盖率", "互联网普及率"] {
        assert!(table.contains(name), "{name}");
    }
    assert!(table.contains("2015年 1357.5亿元"), "base shown");
    assert!(
        table.contains("2018年 1575亿元（原文15750000万元）"),
        "latest actual converted from 万元"
    );
    // Charts: inline SVG, no scripts, nothing fetched from elsewhere.
    let details = section(&html, "details");
    assert!(details.matches("<svg").count() >= 3, "{details}");
    assert!(!html.contains("<script"));
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
    assert!(!html.contains("@import"));
    assert!(html.contains("@media print"));
    // Qualitative goals, methods and sources.
    assert!(section(&html, "qualitative").contains("不低于全省平均水平"));
    assert!(section(&html, "methods").contains("τ = min((t − y0)/(T − y0), 1)"));
    let sources = section(&html, "sources");
    assert!(sources.contains("bulletin-2018.txt"));
    assert!(sources.contains(GDP_ROW));
}

#[test]
fn level_charts_show_values_and_others_progress() {
    let r = report(2018);
    let chart = |name: &str, measure: planwatch_core::Measure| {
        r.items
            .iter()
            .find(|e| e.item.indicator == name && e.item.target.fact.measure == measure)
            .and_then(chart)
            .expect("chart")
    };
    let level = chart("地区生产总值", planwatch_core::Measure::Level);
    assert_eq!(level.scale, Scale::Value(Some("亿元".into())));
    assert_eq!(level.start, (2015, 1357.5));
    assert_eq!(level.end, (2020, 1900.0));
    // The 2016 and 2017 levels come from chaining growth rates; 2018 is the bulletin's.
    let last = level.points.last().expect("points");
    assert_eq!(last.0, 2018);
    assert!((last.1 - 1575.0).abs() < 1e-6, "{last:?}");
    let growth = chart("地区生产总值", planwatch_core::Measure::AvgGrowth);
    assert_eq!(growth.scale, Scale::Progress);
    assert_eq!(growth.points.len(), 3);
}

fn unzip(bytes: &[u8]) -> zip::ZipArchive<Cursor<&[u8]>> {
    zip::ZipArchive::new(Cursor::new(bytes)).expect("a valid zip")
}

fn read(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> String {
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no {name}"))
        .read_to_string(&mut s)
        .expect("UTF-8");
    s
}

/// Parses XML to the end, returning the text content.
fn parse(xml: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Text(t)) => {
                text.push_str(&t.unescape().expect("escaped text"));
            }
            Ok(_) => {}
            Err(e) => panic!("bad XML at {}: {e}", reader.buffer_position()),
        }
    }
    text
}

#[test]
fn docx_is_a_valid_package_with_the_indicators() {
    let r = report(2018);
    let bytes = render_docx(&r, DocxOptions::default()).expect("docx");
    let mut zip = unzip(&bytes);
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "docProps/core.xml",
    ] {
        parse(&read(&mut zip, part));
    }
    let doc = read(&mut zip, "word/document.xml");
    let text = parse(&doc);
    for name in [
        "地区生产总值",
        "森林覆盖率",
        "互联网普及率",
        "不低于全省平均水平",
    ] {
        assert!(text.contains(name), "{name}");
    }
    assert!(text.contains("红色预警指标"));
    assert!(text.contains("p = (vt − v0)/(vT − v0)"));
    assert!(doc.contains("<w:pStyle w:val=\"Heading1\"/>"));
    assert!(doc.contains("w:orient=\"landscape\""));
    // One picture per chart, each an SVG part with its relationship.
    let charts = r.quantitative().filter(|e| chart(e).is_some()).count();
    assert_eq!(doc.matches("<w:drawing>").count(), charts);
    let rels = read(&mut zip, "word/_rels/document.xml.rels");
    for n in 1..=charts {
        assert!(rels.contains(&format!("Target=\"media/chart{n}.svg\"")));
        parse(&read(&mut zip, &format!("word/media/chart{n}.svg")));
    }
    // Deterministic bytes.
    assert_eq!(
        bytes,
        render_docx(&r, DocxOptions::default()).expect("docx")
    );
}

#[test]
fn docx_without_charts_has_no_pictures() {
    let bytes = render_docx(&report(2018), DocxOptions { charts: false }).expect("docx");
    let mut zip = unzip(&bytes);
    let doc = read(&mut zip, "word/document.xml");
    assert!(!doc.contains("<w:drawing>"));
    assert!(zip.file_names().all(|n| !n.starts_with("word/media/")));
}

#[test]
fn methods_quote_the_engine_formulas_verbatim() {
    let engine = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../evaluate/src/lib.rs"
    ));
    let docs: String = engine
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("//!"))
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let fs = formulas();
    assert!(fs.len() > 30, "{}", fs.len());
    for f in fs {
        assert!(docs.contains(f), "not in the engine's docs: {f}");
    }
}

#[test]
fn empty_and_odd_reports_render() {
    let mut p = plan();
    p.title = None;
    p.period_end = None;
    let r = Report::new(p, 2018, Vec::new(), Vec::new());
    let html = render_html(&r);
    assert!(html.contains("无红色预警指标"));
    assert!(html.contains("《plan.txt》"));
    let bytes = render_docx(&r, DocxOptions::default()).expect("docx");
    let mut zip = unzip(&bytes);
    parse(&read(&mut zip, "word/document.xml"));
}
