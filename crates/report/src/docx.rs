//! The report as a Word document (.docx): hand-written WordprocessingML in a zip, opens in Word, WPS and LibreOffice.
//!
//! Parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml`,
//! `docProps/app.xml`, `word/document.xml`, `word/styles.xml`,
//! `word/settings.xml`, `word/_rels/document.xml.rels`, and one
//! `word/media/chartN.svg` per chart when charts are embedded. Headings use
//! the built-in style ids (`Heading1`…) so the navigation pane and tables of
//! contents work; the indicator table sits in a landscape section.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use planwatch_evaluate::{Colour, Status, TrendStatus};
use planwatch_link::words::pct0;
use planwatch_link::Evaluated;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::methods::{runs, METHODS};
use crate::model::{chart, colour_hex, Report, NO_DOMAIN};
use crate::svg::{chart_svg, HEIGHT, WIDTH};
use crate::xml::esc;
use crate::ReportError;

/// How to write the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocxOptions {
    /// Embed each indicator's chart as an SVG picture. LibreOffice (and so
    /// the PDF made from the document) and Word 365 show them; older Word
    /// versions show an empty frame instead.
    pub charts: bool,
}

impl Default for DocxOptions {
    fn default() -> Self {
        DocxOptions { charts: true }
    }
}

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#;

/// Page sizes in twentieths of a point (A4).
const A4_W: u32 = 11906;
const A4_H: u32 = 16838;
const MARGIN: u32 = 1134;

/// A run of text with its formatting.
#[derive(Default, Clone)]
struct Run<'a> {
    text: &'a str,
    bold: bool,
    color: Option<&'a str>,
    code: bool,
    /// Font size in half-points.
    size: Option<u32>,
}

fn run(text: &str) -> Run<'_> {
    Run {
        text,
        ..Run::default()
    }
}

/// One table cell.
struct Cell<'a> {
    runs: Vec<Run<'a>>,
    right: bool,
}

fn cell(text: &str) -> Cell<'_> {
    Cell {
        runs: vec![run(text)],
        right: false,
    }
}

fn num_cell(text: &str) -> Cell<'_> {
    Cell {
        runs: vec![run(text)],
        right: true,
    }
}

/// document.xml under construction, with its media.
struct Body {
    xml: String,
    media: Vec<(String, Vec<u8>)>,
    next_drawing: usize,
}

impl Body {
    fn runs_xml(&mut self, runs: &[Run<'_>]) {
        for r in runs {
            self.xml.push_str("<w:r>");
            let mut props = String::new();
            if r.code {
                props.push_str(
                    r#"<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/>"#,
                );
            }
            if r.bold {
                props.push_str("<w:b/>");
            }
            if let Some(c) = r.color {
                let _ = write!(props, r#"<w:color w:val="{}"/>"#, c.trim_start_matches('#'));
            }
            if let Some(sz) = r.size {
                let _ = write!(props, r#"<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>"#);
            }
            if !props.is_empty() {
                let _ = write!(self.xml, "<w:rPr>{props}</w:rPr>");
            }
            // Line breaks inside a run become <w:br/>.
            for (i, line) in r.text.split('\n').enumerate() {
                if i > 0 {
                    self.xml.push_str("<w:br/>");
                }
                let _ = write!(self.xml, r#"<w:t xml:space="preserve">{}</w:t>"#, esc(line));
            }
            self.xml.push_str("</w:r>");
        }
    }

    fn para(&mut self, style: Option<&str>, align: Option<&str>, runs: &[Run<'_>]) {
        self.xml.push_str("<w:p>");
        if style.is_some() || align.is_some() {
            self.xml.push_str("<w:pPr>");
            if let Some(s) = style {
                let _ = write!(self.xml, r#"<w:pStyle w:val="{s}"/>"#);
            }
            if let Some(a) = align {
                let _ = write!(self.xml, r#"<w:jc w:val="{a}"/>"#);
            }
            self.xml.push_str("</w:pPr>");
        }
        self.runs_xml(runs);
        self.xml.push_str("</w:p>");
    }

    fn heading(&mut self, level: u8, text: &str) {
        self.para(Some(&format!("Heading{level}")), None, &[run(text)]);
    }

    fn text(&mut self, text: &str) {
        self.para(None, None, &[run(text)]);
    }

    fn note(&mut self, text: &str) {
        self.para(Some("Note"), None, &[run(text)]);
    }

    /// A table with a repeated header row; `widths` are relative column widths.
    fn table(&mut self, header: &[&str], widths: &[u32], rows: Vec<Vec<Cell<'_>>>, small: bool) {
        let total: u32 = widths.iter().sum::<u32>().max(1);
        self.xml.push_str(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#,
        );
        for w in widths {
            let _ = write!(self.xml, r#"<w:gridCol w:w="{}"/>"#, w * 5000 / total);
        }
        self.xml.push_str("</w:tblGrid>");
        let size = small.then_some(16);
        self.xml
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for h in header {
            self.xml.push_str(
                r#"<w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="center"/></w:pPr>"#,
            );
            self.runs_xml(&[Run {
                text: h,
                bold: true,
                size,
                ..Run::default()
            }]);
            self.xml.push_str("</w:p></w:tc>");
        }
        self.xml.push_str("</w:tr>");
        for row in rows {
            self.xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for c in row {
                self.xml
                    .push_str(r#"<w:tc><w:p><w:pPr><w:pStyle w:val="TableText"/>"#);
                if c.right {
                    self.xml.push_str(r#"<w:jc w:val="right"/>"#);
                }
                self.xml.push_str("</w:pPr>");
                let runs: Vec<Run<'_>> = c
                    .runs
                    .into_iter()
                    .map(|r| Run {
                        size: r.size.or(size),
                        ..r
                    })
                    .collect();
                self.runs_xml(&runs);
                self.xml.push_str("</w:p></w:tc>");
            }
            self.xml.push_str("</w:tr>");
        }
        self.xml.push_str("</w:tbl>");
        // Word needs a paragraph between a table and what follows.
        self.xml.push_str("<w:p/>");
    }

    /// An SVG picture in its own paragraph.
    fn picture(&mut self, svg: String, width_px: f64, height_px: f64, name: &str) {
        self.next_drawing += 1;
        let n = self.next_drawing;
        let file = format!("chart{n}.svg");
        self.media.push((file.clone(), svg.into_bytes()));
        // 9525 EMU per pixel at 96 dpi.
        let (cx, cy) = ((width_px * 9525.0) as u64, (height_px * 9525.0) as u64);
        let _ = write!(
            self.xml,
            r#"<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="{}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="{file}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdMedia{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
            esc(name)
        );
    }

    /// Ends the current section (its pages portrait or landscape).
    fn section_break(&mut self, landscape: bool) {
        let _ = write!(self.xml, "<w:p><w:pPr>{}</w:pPr></w:p>", sect_pr(landscape));
    }
}

fn sect_pr(landscape: bool) -> String {
    let (w, h, orient) = if landscape {
        (A4_H, A4_W, r#" w:orient="landscape""#)
    } else {
        (A4_W, A4_H, "")
    };
    format!(
        r#"<w:sectPr><w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>"#
    )
}

fn colour_run<'a>(text: &'a str, c: Colour) -> Run<'a> {
    Run {
        text,
        bold: c == Colour::Red,
        color: (c != Colour::Grey).then(|| colour_hex(c)),
        ..Run::default()
    }
}

/// Strings a row needs, owned so cells can borrow them.
struct RowText {
    n: String,
    base: String,
    target: String,
    latest: String,
    progress: String,
    elapsed: String,
    status: String,
    required: String,
}

fn row_text(n: usize, e: &Evaluated) -> RowText {
    let a = &e.assessment;
    RowText {
        n: n.to_string(),
        base: e.base_words(),
        target: e.target_words(),
        latest: e.latest_words(),
        progress: pct0(a.progress),
        elapsed: pct0(a.elapsed),
        status: format!("●{}", a.status.label_zh()),
        required: e.required_words(),
    }
}

/// The report as a .docx file (zip bytes).
pub fn render_docx(report: &Report, options: DocxOptions) -> Result<Vec<u8>, ReportError> {
    let mut b = Body {
        xml: String::new(),
        media: Vec::new(),
        next_drawing: 0,
    };
    b.para(Some("Title"), Some("center"), &[run(&report.title)]);
    let plan = &report.plan;
    let mut meta = String::new();
    if let Some(r) = &plan.region {
        let _ = write!(meta, "{r} · ");
    }
    if let (Some(s), Some(e)) = (plan.period_start, plan.period_end) {
        let _ = write!(meta, "规划期 {s}—{e} 年 · ");
    }
    let _ = write!(
        meta,
        "评估截至 {} 年 · {} · 依据文件 {}",
        report.as_of,
        report.stage(),
        plan.name
    );
    b.para(Some("Subtitle"), Some("center"), &[run(&meta)]);

    // 一、总体情况
    b.heading(1, "一、总体情况");
    let counts = report.status_counts();
    let quantitative: usize = counts[..7].iter().sum();
    let parts: Vec<String> = Status::ALL
        .iter()
        .zip(counts)
        .take(7)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{}{n}项", s.label_zh()))
        .collect();
    b.text(&format!(
        "本次{}共涉及规划目标 {} 项，其中量化指标 {quantitative} 项（{}），定性目标 {} 项需人工评估。红色预警 {} 项。",
        report.stage(),
        report.items.len(),
        if parts.is_empty() { "无".to_string() } else { parts.join("，") },
        counts[7],
        report.red_list().len()
    ));
    let mut header: Vec<&str> = vec!["领域"];
    header.extend(Status::ALL.iter().map(|s| s.label_zh()));
    header.push("合计");
    let domains = report.domain_counts();
    let texts: Vec<Vec<String>> = domains
        .iter()
        .map(|d| {
            let mut r = vec![d.domain.clone()];
            r.extend(d.counts.iter().map(|n| n.to_string()));
            r.push(d.total.to_string());
            r
        })
        .chain(std::iter::once({
            let mut r = vec!["合计".to_string()];
            r.extend(counts.iter().map(|n| n.to_string()));
            r.push(report.items.len().to_string());
            r
        }))
        .collect();
    let rows = texts
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .map(|(i, t)| if i == 0 { cell(t) } else { num_cell(t) })
                .collect()
        })
        .collect();
    b.table(&header, &[3, 2, 2, 2, 2, 2, 2, 2, 2, 2], rows, true);
    b.note(&format!(
        "领域按指标目录归类；目录未收录的指标按名称中的词归类，仍无从判断的列为“{NO_DOMAIN}”。"
    ));

    // 二、红色预警指标
    b.heading(1, "二、红色预警指标");
    let red = report.red_list();
    if red.is_empty() {
        b.text("无红色预警指标。");
    } else {
        let texts: Vec<(RowText, &Evaluated)> = red
            .iter()
            .map(|e| (row_text(index_of(report, e), e), *e))
            .collect();
        let rows = texts
            .iter()
            .map(|(t, e)| {
                vec![
                    num_cell(&t.n),
                    cell(&e.item.indicator),
                    cell(e.attribute_words()),
                    cell(&t.target),
                    cell(&t.latest),
                    Cell {
                        runs: vec![colour_run(&t.status, e.assessment.colour)],
                        right: false,
                    },
                    cell(&e.assessment.explanation),
                ]
            })
            .collect();
        b.table(
            &["序号", "指标", "属性", "目标", "最新实际", "状态", "说明"],
            &[2, 6, 3, 5, 5, 4, 14],
            rows,
            true,
        );
    }

    // 三、指标评估一览 (landscape)
    b.section_break(false);
    b.heading(1, "三、指标评估一览");
    let items: Vec<(RowText, &Evaluated)> = report
        .quantitative()
        .map(|e| (row_text(index_of(report, e), e), e))
        .collect();
    let rows = items
        .iter()
        .map(|(t, e)| {
            let a = &e.assessment;
            vec![
                num_cell(&t.n),
                cell(&e.item.indicator),
                cell(e.item.domain.as_deref().unwrap_or(NO_DOMAIN)),
                cell(e.attribute_words()),
                cell(&t.base),
                cell(&t.target),
                cell(&t.latest),
                num_cell(&t.progress),
                num_cell(&t.elapsed),
                Cell {
                    runs: vec![colour_run(&t.status, a.colour)],
                    right: false,
                },
                cell(a.trend_status.map_or("—", TrendStatus::label_zh)),
                cell(&t.required),
                cell(a.method.label_zh()),
            ]
        })
        .collect();
    b.table(
        &[
            "序号",
            "指标",
            "领域",
            "属性",
            "基期",
            "目标",
            "最新实际",
            "完成进度",
            "时间进度",
            "状态",
            "趋势",
            "尚需增速",
            "方法",
        ],
        &[2, 8, 3, 3, 5, 6, 5, 3, 3, 4, 3, 5, 3],
        rows,
        true,
    );
    b.section_break(true);

    // 四、逐项评估
    b.heading(1, "四、逐项评估与走势图");
    if options.charts {
        b.note("图中虚线为从基期到目标的序时路径（阈值与年度目标为目标水平线），实线与圆点为实际值（非水平值的指标显示完成度），颜色为预警色。");
    }
    for e in report.with_data() {
        let a = &e.assessment;
        let n = index_of(report, e);
        b.heading(
            3,
            &format!("{n}. {}（{}）", e.item.indicator, e.target_words()),
        );
        if options.charts {
            if let Some(c) = &chart(e) {
                let title = format!("{} {}", e.item.indicator, e.target_words());
                b.picture(chart_svg(c, a.colour, &title), WIDTH, HEIGHT, &title);
            }
        }
        let head = format!(
            "●{} · 趋势{} · {}预警　",
            a.status.label_zh(),
            a.trend_status.map_or("—", TrendStatus::label_zh),
            a.colour.label_zh()
        );
        b.para(
            None,
            None,
            &[colour_run(&head, a.colour), run(&a.explanation)],
        );
        for note in &a.notes {
            b.note(&format!("注：{note}"));
        }
    }

    let missing = report.without_data();
    if !missing.is_empty() {
        b.heading(3, &format!("暂无实际数据的指标（{} 项）", missing.len()));
        let names: Vec<String> = missing
            .iter()
            .map(|e| {
                format!(
                    "{}. {}（{}）",
                    index_of(report, e),
                    e.item.indicator,
                    e.target_words()
                )
            })
            .collect();
        b.note(&format!(
            "以下指标尚未找到可用的实际值，需补充统计数据（planwatch import）后再评估：{}。",
            names.join("；")
        ));
    }

    // 五、定性目标
    b.heading(1, "五、定性目标（需人工评估）");
    let qual: Vec<(String, &Evaluated)> = report
        .qualitative()
        .map(|e| (index_of(report, e).to_string(), e))
        .collect();
    if qual.is_empty() {
        b.text("无定性目标。");
    } else {
        let years: Vec<String> = qual
            .iter()
            .map(|(_, e)| {
                e.item
                    .target
                    .fact
                    .year
                    .map_or("—".into(), |y| y.to_string())
            })
            .collect();
        let rows = qual
            .iter()
            .zip(&years)
            .map(|((n, e), y)| {
                let f = &e.item.target.fact;
                vec![
                    num_cell(n),
                    cell(&e.item.indicator),
                    cell(y),
                    cell(f.text.as_deref().unwrap_or("—")),
                    cell(&f.quote),
                    cell(""),
                ]
            })
            .collect();
        b.table(
            &["序号", "指标", "目标年", "目标表述", "原文", "评估意见"],
            &[2, 6, 3, 6, 12, 8],
            rows,
            true,
        );
    }

    // 附录一、评估方法
    b.heading(1, "附录一、评估方法");
    for part in METHODS {
        b.heading(2, part.heading);
        for p in part.paragraphs {
            let rs: Vec<Run<'_>> = runs(p)
                .into_iter()
                .map(|(text, code)| Run {
                    text,
                    code,
                    ..Run::default()
                })
                .collect();
            b.para(None, None, &rs);
        }
    }

    // 附录二、数据来源
    b.heading(1, "附录二、数据来源");
    for (i, e) in report.items.iter().enumerate() {
        b.para(
            None,
            None,
            &[Run {
                text: &format!("{}. {}（{}）", i + 1, e.item.indicator, e.target_words()),
                bold: true,
                ..Run::default()
            }],
        );
        for s in &e.assessment.used {
            b.para(
                Some("Source"),
                None,
                &[run(&format!(
                    "{}：{}（{}）{}——“{}”",
                    s.role.label_zh(),
                    report.doc_title(&s.doc),
                    s.doc,
                    s.year.map_or(String::new(), |y| format!(" {y}年")),
                    s.quote
                ))],
            );
        }
        for also in &e.item.also {
            b.para(
                Some("Source"),
                None,
                &[run(&format!(
                    "目标（同文另述）：{}——“{}”",
                    report.doc_title(&also.doc.name),
                    also.fact.quote
                ))],
            );
        }
    }
    b.note("本报告由 planwatch 根据文件原文自动生成，数值与出处均可在所列文件中核对；定性目标及标注“无数据”的指标需人工评估。");

    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W_NS}><w:body>{}{}</w:body></w:document>"#,
        b.xml,
        sect_pr(false)
    );
    package(report, &document, &b.media)
}

/// 1-based number of an item in the report.
fn index_of(report: &Report, e: &Evaluated) -> usize {
    report
        .items
        .iter()
        .position(|x| std::ptr::eq(x, e))
        .map_or(0, |i| i + 1)
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="555555"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="40"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="666666"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Source"><w:name w:val="Source"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="420"/><w:spacing w:after="20"/></w:pPr><w:rPr><w:color w:val="444444"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"#;

const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#;

/// Zips the parts.
fn package(
    report: &Report,
    document: &str,
    media: &[(String, Vec<u8>)],
) -> Result<Vec<u8>, ReportError> {
    let mut content_types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="svg" ContentType="image/svg+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    );
    content_types.push_str("</Types>");
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;
    let mut doc_rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    );
    for (i, (file, _)) in media.iter().enumerate() {
        let _ = write!(
            doc_rels,
            r#"<Relationship Id="rIdMedia{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/{file}"/>"#,
            i + 1
        );
    }
    doc_rels.push_str("</Relationships>");
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>planwatch</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>"#,
        esc(&report.title)
    );
    let app = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>planwatch</Application></Properties>"#;

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut put = |name: &str, bytes: &[u8]| -> Result<(), ReportError> {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    put("[Content_Types].xml", content_types.as_bytes())?;
    put("_rels/.rels", root_rels.as_bytes())?;
    put("docProps/core.xml", core.as_bytes())?;
    put("docProps/app.xml", app.as_bytes())?;
    put("word/document.xml", document.as_bytes())?;
    put("word/styles.xml", STYLES.as_bytes())?;
    put("word/settings.xml", SETTINGS.as_bytes())?;
    put("word/_rels/document.xml.rels", doc_rels.as_bytes())?;
    for (file, bytes) in media {
        put(&format!("word/media/{file}"), bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
