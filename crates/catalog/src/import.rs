//! Rows of an actuals table (CSV/XLSX cells) to facts, bad rows reported by number.

use planwatch_core::{Comparator, Fact, Kind, Measure};
use serde::Serialize;

/// The import template's columns, in order. `indicator`, `year` and `value` are required.
pub const TEMPLATE_COLUMNS: &[&str] = &[
    "indicator",
    "region",
    "year",
    "value",
    "unit",
    "measure",
    "source",
];

/// A row that could not be imported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowError {
    /// Row number as a spreadsheet shows it (the header is row 1).
    pub row: usize,
    /// What is wrong.
    pub message: String,
}

/// The facts of an imported table and its rejected rows.
#[derive(Debug, Clone, Default)]
pub struct ImportedRows {
    /// One actual per good row.
    pub facts: Vec<Fact>,
    /// One entry per bad row.
    pub errors: Vec<RowError>,
}

#[derive(Debug, Default)]
struct Columns {
    indicator: Option<usize>,
    region: Option<usize>,
    year: Option<usize>,
    value: Option<usize>,
    unit: Option<usize>,
    measure: Option<usize>,
    kind: Option<usize>,
    source: Option<usize>,
    source_url: Option<usize>,
    quote: Option<usize>,
}

/// Whether a table's header row is an actuals table's: it names the
/// template's required columns (indicator, year, value, in English or Chinese).
pub fn is_actuals_header(header: &[String]) -> bool {
    let c = columns(header);
    c.indicator.is_some() && c.year.is_some() && c.value.is_some()
}

fn columns(header: &[String]) -> Columns {
    let mut c = Columns::default();
    for (i, h) in header.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}').to_lowercase();
        let slot = match h.as_str() {
            "indicator" | "指标" | "指标名称" => &mut c.indicator,
            "region" | "地区" => &mut c.region,
            "year" | "年份" | "年度" => &mut c.year,
            "value" | "数值" | "值" => &mut c.value,
            "unit" | "单位" => &mut c.unit,
            "measure" | "口径" | "类型" => &mut c.measure,
            "kind" | "目标或实际" => &mut c.kind,
            "source" | "source_title" | "来源" => &mut c.source,
            "source_url" | "url" | "链接" => &mut c.source_url,
            "quote" | "原文" => &mut c.quote,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(i);
        }
    }
    c
}

fn parse_measure(s: &str) -> Option<Measure> {
    Some(match s.trim() {
        "" | "level" | "水平" | "总量" => Measure::Level,
        "growth" | "增长" | "增速" => Measure::Growth,
        "avg_growth" | "年均增长" => Measure::AvgGrowth,
        "reduction" | "降低" | "下降" => Measure::Reduction,
        "cumulative" | "累计" => Measure::Cumulative,
        _ => return None,
    })
}

fn parse_number(s: &str) -> Option<f64> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
        .collect();
    let t = t.trim_end_matches('%');
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Turns table rows into actual facts of document `doc`.
///
/// `header` is row 1; `rows` are the following rows, each with its row number.
/// Blank rows are skipped silently; a row missing its indicator, year or
/// value, or with an unknown measure or kind, is reported and skipped.
pub fn rows_to_facts(
    doc: &str,
    header: &[String],
    rows: impl IntoIterator<Item = (usize, Vec<String>)>,
) -> ImportedRows {
    let c = columns(header);
    let mut out = ImportedRows::default();
    let missing: Vec<&str> = [
        ("indicator", c.indicator),
        ("year", c.year),
        ("value", c.value),
    ]
    .iter()
    .filter(|(_, i)| i.is_none())
    .map(|(n, _)| *n)
    .collect();
    if !missing.is_empty() {
        out.errors.push(RowError {
            row: 1,
            message: format!("header lacks column(s): {}", missing.join(", ")),
        });
        return out;
    }
    for (row, cells) in rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map(|s| s.trim()).unwrap_or("");
        let opt = |i: Option<usize>| Some(cell(i).to_string()).filter(|s| !s.is_empty());
        let mut problems = Vec::new();
        let indicator: String = cell(c.indicator)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if indicator.is_empty() {
            problems.push("indicator is empty".to_string());
        }
        let year = match cell(c.year).trim_end_matches('年').parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Some(y),
            _ => {
                problems.push(format!("year {:?} is not a year", cell(c.year)));
                None
            }
        };
        let value = parse_number(cell(c.value));
        if value.is_none() {
            problems.push(format!("value {:?} is not a number", cell(c.value)));
        }
        let measure = parse_measure(cell(c.measure));
        if measure.is_none() {
            problems.push(format!(
                "measure {:?} is not level/growth/avg_growth/reduction/cumulative",
                cell(c.measure)
            ));
        }
        let kind = match cell(c.kind) {
            "" | "actual" | "实际" => Some(Kind::Actual),
            "target" | "目标" => Some(Kind::Target),
            other => {
                problems.push(format!("kind {other:?} is not actual/target"));
                None
            }
        };
        if !problems.is_empty() {
            out.errors.push(RowError {
                row,
                message: problems.join("; "),
            });
            continue;
        }
        let (Some(year), Some(value), Some(measure), Some(kind)) = (year, value, measure, kind)
        else {
            continue;
        };
        let unit = opt(c.unit);
        let source = match (opt(c.source), opt(c.source_url)) {
            (Some(s), Some(u)) => Some(format!("{s} <{u}>")),
            (s, u) => s.or(u),
        };
        let quote = opt(c.quote).unwrap_or_else(|| {
            let u = unit.clone().unwrap_or_default();
            format!("{indicator} {year} {value}{u}")
        });
        out.facts.push(Fact {
            doc: doc.to_string(),
            kind,
            indicator,
            region: opt(c.region),
            year: Some(year),
            value: Some(value),
            value_max: None,
            unit,
            measure,
            comparator: Comparator::Eq,
            attribute: None,
            text: None,
            quote,
            section: source,
            start: None,
            end: None,
            responsible: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn good_rows_kept_bad_rows_reported_by_number() {
        let header = row(TEMPLATE_COLUMNS);
        let rows = vec![
            (
                2,
                row(&[
                    "地区生产总值",
                    "葫芦岛市",
                    "2023",
                    "911.6",
                    "亿元",
                    "level",
                    "2024年政府工作报告",
                ]),
            ),
            (3, row(&["", "葫芦岛市", "2023", "1", "%", "growth", ""])),
            (4, row(&["", "", "", "", "", "", ""])),
            (
                5,
                row(&[
                    "地区生产总值",
                    "葫芦岛市",
                    "二〇二三",
                    "6",
                    "%",
                    "growth",
                    "",
                ]),
            ),
            (
                6,
                row(&["地区生产总值", "葫芦岛市", "2023", "六", "%", "growth", ""]),
            ),
            (
                7,
                row(&["地区生产总值", "葫芦岛市", "2023", "6", "%", "speed", ""]),
            ),
            (
                8,
                row(&[
                    "地区生产总值",
                    "葫芦岛市",
                    "2023",
                    "1,234.5",
                    "亿元",
                    "",
                    "",
                ]),
            ),
        ];
        let out = rows_to_facts("a.csv", &header, rows);
        assert_eq!(out.facts.len(), 2);
        assert_eq!(
            out.errors.iter().map(|e| e.row).collect::<Vec<_>>(),
            vec![3, 5, 6, 7]
        );
        assert!(out.errors[0].message.contains("indicator"));
        assert_eq!(out.facts[0].section.as_deref(), Some("2024年政府工作报告"));
        assert_eq!(out.facts[1].value, Some(1234.5));
        assert_eq!(out.facts[1].measure, Measure::Level);
    }

    #[test]
    fn reads_the_shared_data_header() {
        let header = row(&[
            "indicator",
            "region",
            "year",
            "value",
            "unit",
            "measure",
            "source_title",
            "source_url",
            "quote",
        ]);
        let rows = vec![(
            2,
            row(&[
                "城镇新增就业",
                "锦州市",
                "2023",
                "1.7",
                "万人",
                "level",
                "报告",
                "http://x",
                "城镇新增就业1.7万人",
            ]),
        )];
        let out = rows_to_facts("d.csv", &header, rows);
        assert!(out.errors.is_empty());
        assert_eq!(out.facts[0].quote, "城镇新增就业1.7万人");
        assert_eq!(out.facts[0].section.as_deref(), Some("报告 <http://x>"));
    }

    #[test]
    fn a_header_without_required_columns_is_row_one() {
        let out = rows_to_facts(
            "x.csv",
            &row(&["name", "value"]),
            vec![(2, row(&["a", "1"]))],
        );
        assert_eq!(out.errors.len(), 1);
        assert_eq!(out.errors[0].row, 1);
        assert!(out.errors[0].message.contains("indicator"));
    }
}
