//! The report as one self-contained HTML page: no scripts, no external files, print CSS.

use std::fmt::Write;

use planwatch_evaluate::{Colour, Status, TrendStatus};
use planwatch_link::words::pct0;
use planwatch_link::Evaluated;

use crate::methods::{runs, METHODS};
use crate::model::{chart, Report, NO_DOMAIN};
use crate::svg::chart_svg;
use crate::xml::esc;

const CSS: &str = r#"
:root { --red: #c62828; --yellow: #e0a100; --green: #2e7d32; --grey: #8a8a8a; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
  color: #222; max-width: 1100px; margin: 2em auto; padding: 0 1.5em; line-height: 1.6; font-size: 14px; }
h1 { font-size: 1.7em; text-align: center; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #444; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.05em; margin: 0.2em 0; }
.meta { text-align: center; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.86em; }
th, td { border: 1px solid #999; padding: 3px 5px; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.dot { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; vertical-align: -0.05em; margin-right: 0.25em; }
.red .dot, .dot.red { background: var(--red); } .yellow .dot, .dot.yellow { background: var(--yellow); }
.green .dot, .dot.green { background: var(--green); } .grey .dot, .dot.grey { background: var(--grey); }
tr.red td.status { color: var(--red); font-weight: bold; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { border: 1px solid #bbb; border-left: 5px solid var(--grey); padding: 6px 10px; width: calc(50% - 30px); break-inside: avoid; page-break-inside: avoid; }
.card.red { border-left-color: var(--red); } .card.yellow { border-left-color: var(--yellow); } .card.green { border-left-color: var(--green); }
.card p { margin: 0.3em 0; font-size: 0.9em; }
.card svg { display: block; max-width: 100%; height: auto; }
.note { color: #666; font-size: 0.85em; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.92em; background: #f3f3f3; padding: 0 2px; }
blockquote { margin: 0.2em 0 0.2em 1em; color: #444; font-size: 0.9em; }
ol.sources li { margin-bottom: 0.4em; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2 { page-break-after: avoid; break-after: avoid; }
  .card { width: calc(50% - 28px); }
  a { color: inherit; text-decoration: none; }
}
"#;

fn class(c: Colour) -> &'static str {
    c.as_str()
}

fn status_cell(e: &Evaluated) -> String {
    let a = &e.assessment;
    format!(
        r#"<span class="dot {}"></span>{}"#,
        class(a.colour),
        esc(a.status.label_zh())
    )
}

/// The report as a complete HTML document.
pub fn render_html(report: &Report) -> String {
    let mut h = String::new();
    let title = esc(&report.title);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"planwatch\">\n<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
    );
    let _ = write!(h, "<header>\n<h1>{title}</h1>\n");
    let plan = &report.plan;
    let period = match (plan.period_start, plan.period_end) {
        (Some(s), Some(e)) => format!("规划期 {s}—{e} 年 · "),
        _ => String::new(),
    };
    let region = plan
        .region
        .as_deref()
        .map(|r| format!("{} · ", esc(r)))
        .unwrap_or_default();
    let _ = write!(
        h,
        "<p class=\"meta\">{region}{period}评估截至 {} 年 · {} · 依据文件 {}</p>\n</header>\n",
        report.as_of,
        report.stage(),
        esc(&plan.name)
    );
    summary(&mut h, report);
    red_list(&mut h, report);
    table(&mut h, report);
    cards(&mut h, report);
    qualitative(&mut h, report);
    methods(&mut h);
    sources(&mut h, report);
    h.push_str("<p class=\"note\">本报告由 planwatch 根据文件原文自动生成，数值与出处均可在所列文件中核对；定性目标及标注“无数据”的指标需人工评估。</p>\n</body>\n</html>\n");
    h
}

fn summary(h: &mut String, report: &Report) {
    let counts = report.status_counts();
    let quantitative: usize = counts[..7].iter().sum();
    let _ = write!(h, "<section id=\"summary\">\n<h2>一、总体情况</h2>\n");
    let mut parts: Vec<String> = Vec::new();
    for (s, n) in Status::ALL.iter().zip(counts).take(7) {
        if n > 0 {
            parts.push(format!("{}{n}项", s.label_zh()));
        }
    }
    let red = report.red_list().len();
    let _ = writeln!(
        h,
        "<p>本次{}共涉及规划目标 {} 项，其中量化指标 {quantitative} 项（{}），定性目标 {} 项需人工评估。红色预警 {red} 项。</p>",
        report.stage(),
        report.items.len(),
        if parts.is_empty() { "无".to_string() } else { parts.join("，") },
        counts[7]
    );
    h.push_str("<table class=\"counts\">\n<thead><tr><th>领域</th>");
    for s in Status::ALL {
        let _ = write!(h, "<th>{}</th>", esc(s.label_zh()));
    }
    h.push_str("<th>合计</th></tr></thead>\n<tbody>\n");
    for d in report.domain_counts() {
        let _ = write!(h, "<tr><td>{}</td>", esc(&d.domain));
        for n in d.counts {
            let _ = write!(h, "<td class=\"n\">{n}</td>");
        }
        let _ = writeln!(h, "<td class=\"n\">{}</td></tr>", d.total);
    }
    h.push_str("<tr><th>合计</th>");
    for n in counts {
        let _ = write!(h, "<td class=\"n\"><b>{n}</b></td>");
    }
    let _ = writeln!(
        h,
        "<td class=\"n\"><b>{}</b></td></tr>\n</tbody>\n</table>",
        report.items.len()
    );
    let _ = writeln!(
        h,
        "<p class=\"note\">领域按指标目录归类；目录未收录的指标按名称中的词归类，仍无从判断的列为“{NO_DOMAIN}”。</p>\n</section>"
    );
}

fn red_list(h: &mut String, report: &Report) {
    let _ = write!(h, "<section id=\"red-list\">\n<h2>二、红色预警指标</h2>\n");
    let red = report.red_list();
    if red.is_empty() {
        h.push_str("<p>无红色预警指标。</p>\n</section>\n");
        return;
    }
    h.push_str("<table class=\"red-list\">\n<thead><tr><th>序号</th><th>指标</th><th>属性</th><th>目标</th><th>最新实际</th><th>状态</th><th>说明</th></tr></thead>\n<tbody>\n");
    for e in red {
        let n = index_of(report, e);
        let _ = writeln!(
            h,
            "<tr class=\"red\"><td class=\"n\"><a href=\"#ind-{n}\">{n}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"status\">{}</td><td>{}</td></tr>",
            esc(&e.item.indicator),
            e.attribute_words(),
            esc(&e.target_words()),
            esc(&e.latest_words()),
            status_cell(e),
            esc(&e.assessment.explanation)
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

/// 1-based number of an item in the report.
fn index_of(report: &Report, e: &Evaluated) -> usize {
    report
        .items
        .iter()
        .position(|x| std::ptr::eq(x, e))
        .map_or(0, |i| i + 1)
}

fn table(h: &mut String, report: &Report) {
    let _ = write!(
        h,
        "<section id=\"indicators\">\n<h2>三、指标评估一览</h2>\n"
    );
    h.push_str("<table class=\"indicators\">\n<thead><tr><th>序号</th><th>指标</th><th>领域</th><th>属性</th><th>基期</th><th>目标</th><th>最新实际</th><th>完成进度</th><th>时间进度</th><th>状态</th><th>趋势</th><th>尚需增速</th><th>方法</th></tr></thead>\n<tbody>\n");
    for e in report.quantitative() {
        let a = &e.assessment;
        let n = index_of(report, e);
        let _ = writeln!(
            h,
            "<tr class=\"indicator {}\"><td class=\"n\"><a href=\"#ind-{n}\">{n}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"status\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            class(a.colour),
            esc(&e.item.indicator),
            esc(e.item.domain.as_deref().unwrap_or(NO_DOMAIN)),
            e.attribute_words(),
            esc(&e.base_words()),
            esc(&e.target_words()),
            esc(&e.latest_words()),
            pct0(a.progress),
            pct0(a.elapsed),
            status_cell(e),
            a.trend_status.map_or("—", TrendStatus::label_zh),
            esc(&e.required_words()),
            a.method.label_zh()
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn cards(h: &mut String, report: &Report) {
    let _ = write!(
        h,
        "<section id=\"details\">\n<h2>四、逐项评估与走势图</h2>\n<p class=\"note\">图中虚线为从基期到目标的序时路径（阈值与年度目标为目标水平线），实线与圆点为实际值（非水平值的指标显示完成度），颜色为预警色。</p>\n<div class=\"cards\">\n"
    );
    for e in report.with_data() {
        let a = &e.assessment;
        let n = index_of(report, e);
        let _ = write!(
            h,
            "<div class=\"card {}\" id=\"ind-{n}\">\n<h3>{n}. {}（{}）</h3>\n",
            class(a.colour),
            esc(&e.item.indicator),
            esc(&e.target_words())
        );
        match &chart(e) {
            Some(c) => {
                h.push_str(&chart_svg(
                    c,
                    a.colour,
                    &format!("{} {}", e.item.indicator, e.target_words()),
                ));
                h.push('\n');
            }
            None => h.push_str("<p class=\"note\">（数据不足，未绘图）</p>\n"),
        }
        let _ = writeln!(
            h,
            "<p><span class=\"dot {}\"></span><b>{}</b> · 趋势{} · {}预警</p>\n<p>{}</p>",
            class(a.colour),
            esc(a.status.label_zh()),
            a.trend_status.map_or("—", TrendStatus::label_zh),
            a.colour.label_zh(),
            esc(&a.explanation)
        );
        for note in &a.notes {
            let _ = writeln!(h, "<p class=\"note\">注：{}</p>", esc(note));
        }
        h.push_str("</div>\n");
    }
    h.push_str("</div>\n");
    let missing = report.without_data();
    if !missing.is_empty() {
        let names: Vec<String> = missing
            .iter()
            .map(|e| {
                let n = index_of(report, e);
                format!(
                    "<a id=\"ind-{n}\" href=\"#sources\">{n}. {}（{}）</a>",
                    esc(&e.item.indicator),
                    esc(&e.target_words())
                )
            })
            .collect();
        let _ = writeln!(
            h,
            "<h3>暂无实际数据的指标（{} 项）</h3>\n<p class=\"note\">以下指标尚未找到可用的实际值，需补充统计数据（planwatch import）后再评估：{}。</p>",
            missing.len(),
            names.join("；")
        );
    }
    h.push_str("</section>\n");
}

fn qualitative(h: &mut String, report: &Report) {
    let _ = write!(
        h,
        "<section id=\"qualitative\">\n<h2>五、定性目标（需人工评估）</h2>\n"
    );
    let items: Vec<&Evaluated> = report.qualitative().collect();
    if items.is_empty() {
        h.push_str("<p>无定性目标。</p>\n</section>\n");
        return;
    }
    h.push_str("<table class=\"qualitative\">\n<thead><tr><th>序号</th><th>指标</th><th>目标年</th><th>目标表述</th><th>原文</th><th>评估意见</th></tr></thead>\n<tbody>\n");
    for e in items {
        let f = &e.item.target.fact;
        let n = index_of(report, e);
        let _ = writeln!(
            h,
            "<tr id=\"ind-{n}\"><td class=\"n\">{n}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td></td></tr>",
            esc(&e.item.indicator),
            f.year.map_or("—".into(), |y| y.to_string()),
            esc(f.text.as_deref().unwrap_or("—")),
            esc(&f.quote)
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn methods(h: &mut String) {
    h.push_str("<section id=\"methods\">\n<h2>附录一、评估方法</h2>\n");
    for part in METHODS {
        let _ = writeln!(h, "<h3>{}</h3>", esc(part.heading));
        for p in part.paragraphs {
            h.push_str("<p>");
            for (text, formula) in runs(p) {
                if formula {
                    let _ = write!(h, "<code>{}</code>", esc(text));
                } else {
                    h.push_str(&esc(text));
                }
            }
            h.push_str("</p>\n");
        }
    }
    h.push_str("</section>\n");
}

fn sources(h: &mut String, report: &Report) {
    h.push_str("<section id=\"sources\">\n<h2>附录二、数据来源</h2>\n<ol class=\"sources\">\n");
    for (i, e) in report.items.iter().enumerate() {
        let _ = write!(
            h,
            "<li value=\"{}\"><b>{}</b>（{}）",
            i + 1,
            esc(&e.item.indicator),
            esc(&e.target_words())
        );
        for s in &e.assessment.used {
            let _ = write!(
                h,
                "<blockquote>{}：{}（{}）{}——“{}”</blockquote>",
                s.role.label_zh(),
                esc(&report.doc_title(&s.doc)),
                esc(&s.doc),
                s.year.map_or(String::new(), |y| format!(" {y}年")),
                esc(&s.quote)
            );
        }
        for also in &e.item.also {
            let _ = write!(
                h,
                "<blockquote>目标（同文另述）：{}——“{}”</blockquote>",
                esc(&report.doc_title(&also.doc.name)),
                esc(&also.fact.quote)
            );
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ol>\n");
    if report
        .items
        .iter()
        .any(|e| e.assessment.status == Status::NoData)
    {
        h.push_str("<p class=\"note\">“无数据”指标未找到可用的实际值，可用 planwatch import 导入统计数据后重新生成本报告。</p>\n");
    }
    h.push_str("</section>\n");
}
