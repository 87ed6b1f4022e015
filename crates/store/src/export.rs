//! Tables out of the store: the one column set of each table planwatch
//! exports, and the one way a table is written as CSV, XLSX or JSON.
//!
//! `planwatch docs`, `facts`, `series`, `export` and `evaluate` and the server's
//! `/download/{documents,facts,series,assessments}.{csv,xlsx}` all build their
//! tables with [`documents`], [`facts`], [`series`] and [`assessments`], and
//! write them with [`Table`]'s writers, so a file from the command line and one from the web app have the
//! same columns in the same order and the same cells. Each caller only says
//! where its rows come from (the store, or the server's snapshot of it).
//!
//! Text cells are written to CSV through [`csv_text`], which keeps a cell from
//! being run as a spreadsheet formula.

use std::borrow::Cow;
use std::io::Write;

use planwatch_core::Fact;

use crate::model::StoredDocument;

/// Why a table could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing CSV failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Building the workbook failed.
    #[error("cannot write XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// Writing JSON failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing to the output failed.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    /// More rows than one sheet holds.
    #[error("{rows} rows are too many for one sheet (at most {max}); write CSV instead")]
    TooManyRows {
        /// Rows of the table.
        rows: usize,
        /// Rows a sheet takes below its header.
        max: usize,
    },
    /// More columns than one sheet holds.
    #[error("{0} columns are too many for one sheet")]
    TooManyColumns(usize),
}

impl ExportError {
    /// Whether the reader of the output went away (`planwatch facts | head`).
    pub fn is_broken_pipe(&self) -> bool {
        let pipe = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
        match self {
            ExportError::Io(e) => pipe(e),
            ExportError::Csv(e) => matches!(e.kind(), csv::ErrorKind::Io(io) if pipe(io)),
            ExportError::Json(e) => e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe),
            _ => false,
        }
    }
}

/// Result alias of this module.
pub type Result<T> = std::result::Result<T, ExportError>;

/// Data rows a sheet holds below its header row.
pub const MAX_SHEET_ROWS: usize = 1_048_575;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Num(f64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// Text, or empty.
    pub fn opt(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
    }

    /// A finite number, else empty.
    pub fn num(v: Option<f64>) -> Cell {
        v.filter(|x| x.is_finite()).map_or(Cell::Empty, Cell::Num)
    }

    /// An integer (as a number), or empty.
    pub fn int(v: Option<i64>) -> Cell {
        v.map_or(Cell::Empty, |v| Cell::Num(v as f64))
    }

    /// The cell as plain text (numbers as Rust prints them, empty as "").
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(v) => format!("{v}"),
            Cell::Empty => String::new(),
        }
    }

    /// The cell as a CSV field: text made safe by [`csv_text`].
    pub fn csv_field(&self) -> String {
        match self {
            Cell::Text(s) => csv_text(s).into_owned(),
            other => other.text(),
        }
    }

    /// The cell as a JSON value (a non-finite number as null).
    pub fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(s) => serde_json::Value::String(s.clone()),
            Cell::Num(v) => serde_json::Number::from_f64(*v)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Cell::Empty => serde_json::Value::Null,
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

/// A text cell as a CSV field. Spreadsheets run a cell starting with `=`, `+`,
/// `-` or `@` as a formula (and may drop a leading tab or carriage return), so
/// such text taken from documents or imports gets a leading `'`; text that is a
/// plain number (`-1.5`) is read as that number and stays as it is. Every CSV
/// planwatch writes goes through here.
pub fn csv_text(s: &str) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !s.parse::<f64>().is_ok_and(f64::is_finite) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Rows under a header.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with these column names and no rows.
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// CSV with a header row, preceded by a UTF-8 byte-order mark when `bom`
    /// (which Excel needs to read Chinese).
    pub fn write_csv(&self, out: &mut dyn Write, bom: bool) -> Result<()> {
        if bom {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut w = csv::Writer::from_writer(out);
        w.write_record(&self.header)?;
        for r in &self.rows {
            w.write_record(r.iter().map(Cell::csv_field))?;
        }
        w.flush()?;
        Ok(())
    }

    /// CSV bytes (see [`Table::write_csv`]).
    pub fn csv(&self, bom: bool) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        self.write_csv(&mut out, bom)?;
        Ok(out)
    }

    /// Each row as a JSON object keyed by the header.
    pub fn objects(&self) -> impl Iterator<Item = serde_json::Value> + '_ {
        self.rows.iter().map(|r| {
            let map: serde_json::Map<String, serde_json::Value> = self
                .header
                .iter()
                .cloned()
                .zip(r.iter().map(Cell::json))
                .collect();
            serde_json::Value::Object(map)
        })
    }

    /// One JSON array of objects keyed by the header, pretty-printed.
    pub fn write_json(&self, out: &mut dyn Write) -> Result<()> {
        let all: Vec<serde_json::Value> = self.objects().collect();
        serde_json::to_writer_pretty(&mut *out, &all)?;
        writeln!(out)?;
        Ok(())
    }

    /// One JSON object per line.
    pub fn write_jsonl(&self, out: &mut dyn Write) -> Result<()> {
        for o in self.objects() {
            serde_json::to_writer(&mut *out, &o)?;
            writeln!(out)?;
        }
        Ok(())
    }

    /// An Excel workbook with one sheet named `sheet`: a bold header row, text
    /// as text and numbers as numbers.
    pub fn xlsx(&self, sheet: &str) -> Result<Vec<u8>> {
        if self.rows.len() > MAX_SHEET_ROWS {
            return Err(ExportError::TooManyRows {
                rows: self.rows.len(),
                max: MAX_SHEET_ROWS,
            });
        }
        let width = self
            .header
            .len()
            .max(self.rows.iter().map(Vec::len).max().unwrap_or(0));
        if u16::try_from(width).is_err() {
            return Err(ExportError::TooManyColumns(width));
        }
        let col = |c: usize| u16::try_from(c).map_err(|_| ExportError::TooManyColumns(width));
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(sheet)?;
        let bold = rust_xlsxwriter::Format::new().set_bold();
        for (c, h) in self.header.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, h, &bold)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| ExportError::TooManyRows {
                rows: self.rows.len(),
                max: MAX_SHEET_ROWS,
            })?;
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(s) => {
                        ws.write_string(r, col(c)?, s)?;
                    }
                    Cell::Num(v) => {
                        ws.write_number(r, col(c)?, *v)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        Ok(wb.save_to_buffer()?)
    }
}

/// Columns of the documents table.
pub const DOCUMENT_COLUMNS: [&str; 15] = [
    "name",
    "revision",
    "current",
    "origin",
    "doc_type",
    "region",
    "year",
    "period_start",
    "period_end",
    "facts",
    "title",
    "issuer",
    "number",
    "format",
    "id",
];

/// The documents table: one row per stored revision, in the order given.
pub fn documents<'a>(docs: impl IntoIterator<Item = &'a StoredDocument>) -> Table {
    let mut t = Table::new(&DOCUMENT_COLUMNS);
    for d in docs {
        let i = &d.info;
        t.push(vec![
            d.name.as_str().into(),
            Cell::Num(d.revision as f64),
            if d.current { "yes" } else { "no" }.into(),
            d.origin.as_str().into(),
            i.doc_type.as_str().into(),
            Cell::opt(i.region.clone()),
            Cell::int(i.year.map(i64::from)),
            Cell::int(i.period_start.map(i64::from)),
            Cell::int(i.period_end.map(i64::from)),
            Cell::Num(d.fact_count as f64),
            Cell::opt(i.title.clone()),
            Cell::opt(i.issuer.clone()),
            Cell::opt(i.number.clone()),
            Cell::opt(d.format.clone()),
            d.id.as_str().into(),
        ]);
    }
    t
}

/// One stored fact as the facts table shows it.
#[derive(Debug, Clone, Copy)]
pub struct FactLine<'a> {
    /// File name of its document.
    pub doc: &'a str,
    /// Key of its document (revision).
    pub document_id: &'a str,
    /// Position in its document.
    pub ord: i64,
    /// The fact.
    pub fact: &'a Fact,
    /// Series key: the catalogue's canonical name, or the normalised name
    /// when the catalogue does not know it (`planwatch_catalog::Linked::key`).
    pub canonical: &'a str,
    /// The fact's region, else its document's.
    pub region: Option<&'a str>,
}

/// Columns of the facts table: the fields of `shared/gold/SCHEMA.md`, plus
/// where the fact sits (`ord`, `section`, `document_id`) and its series key.
pub const FACT_COLUMNS: [&str; 17] = [
    "doc",
    "ord",
    "kind",
    "indicator",
    "canonical",
    "region",
    "year",
    "value",
    "value_max",
    "unit",
    "measure",
    "comparator",
    "attribute",
    "text",
    "quote",
    "section",
    "document_id",
];

/// The facts table, in the order given.
pub fn facts<'a>(lines: impl IntoIterator<Item = FactLine<'a>>) -> Table {
    let mut t = Table::new(&FACT_COLUMNS);
    for l in lines {
        let f = l.fact;
        t.push(vec![
            l.doc.into(),
            Cell::Num(l.ord as f64),
            f.kind.as_str().into(),
            f.indicator.as_str().into(),
            l.canonical.into(),
            Cell::opt(l.region),
            Cell::int(f.year.map(i64::from)),
            Cell::num(f.value),
            Cell::num(f.value_max),
            Cell::opt(f.unit.clone()),
            f.measure.as_str().into(),
            f.comparator.as_str().into(),
            Cell::opt(f.attribute.map(|a| a.as_str())),
            Cell::opt(f.text.clone()),
            f.quote.as_str().into(),
            Cell::opt(f.section.clone()),
            l.document_id.into(),
        ]);
    }
    t
}

/// One point of an indicator's series as the series table shows it.
#[derive(Debug, Clone, Copy)]
pub struct PointLine<'a> {
    /// Series key (canonical name when in the catalogue).
    pub indicator: &'a str,
    /// Year the value refers to.
    pub year: Option<i32>,
    /// `target` or `actual`.
    pub kind: &'a str,
    /// `level`, `growth`, `avg_growth`, `reduction` or `cumulative`.
    pub measure: &'a str,
    /// `eq`, `approx`, `ge`, `gt`, `le` or `lt`.
    pub comparator: &'a str,
    /// Value in the canonical unit.
    pub value: Option<f64>,
    /// Upper end of a range, in the canonical unit.
    pub value_max: Option<f64>,
    /// Canonical (or written) unit.
    pub unit: Option<&'a str>,
    /// Value as written.
    pub written_value: Option<f64>,
    /// Unit as written.
    pub written_unit: Option<&'a str>,
    /// Qualitative goal words.
    pub text: Option<&'a str>,
    /// The fact's region, else its document's.
    pub region: Option<&'a str>,
    /// The indicator as the document names it.
    pub as_written: &'a str,
    /// File name of the source document.
    pub doc: &'a str,
    /// Title of the source document.
    pub doc_title: Option<&'a str>,
    /// The document's words.
    pub quote: &'a str,
}

/// Columns of the series table.
pub const SERIES_COLUMNS: [&str; 16] = [
    "indicator",
    "year",
    "kind",
    "measure",
    "comparator",
    "value",
    "value_max",
    "unit",
    "written_value",
    "written_unit",
    "text",
    "region",
    "as_written",
    "doc",
    "doc_title",
    "quote",
];

/// The series table, in the order given (by year, actuals before targets).
pub fn series<'a>(points: impl IntoIterator<Item = PointLine<'a>>) -> Table {
    let mut t = Table::new(&SERIES_COLUMNS);
    for p in points {
        t.push(vec![
            p.indicator.into(),
            Cell::int(p.year.map(i64::from)),
            p.kind.into(),
            p.measure.into(),
            p.comparator.into(),
            Cell::num(p.value),
            Cell::num(p.value_max),
            Cell::opt(p.unit),
            Cell::num(p.written_value),
            Cell::opt(p.written_unit),
            Cell::opt(p.text),
            Cell::opt(p.region),
            p.as_written.into(),
            p.doc.into(),
            Cell::opt(p.doc_title),
            p.quote.into(),
        ]);
    }
    t
}

/// A fact an assessment used besides its target, as the assessments table
/// names it in its `sources` cell.
#[derive(Debug, Clone, Copy)]
pub struct UsedLine<'a> {
    /// `base` or `actual` (`planwatch_evaluate::Role::as_str`); `target` is left out.
    pub role: &'a str,
    /// File name of its document.
    pub doc: &'a str,
    /// Year of its value.
    pub year: Option<i32>,
    /// The document's words.
    pub quote: &'a str,
}

/// One assessed plan target as the assessments table shows it: what
/// `planwatch_link::Evaluated` says of it (its words are
/// `Evaluated::{target,base,latest}_words`), with its target fact.
#[derive(Debug, Clone)]
pub struct AssessmentLine<'a> {
    /// File name of the plan document.
    pub doc: &'a str,
    /// Series key (canonical name when in the catalogue).
    pub indicator: &'a str,
    /// Catalogue domain; none is written as `planwatch_catalog::NO_DOMAIN`.
    pub domain: Option<&'a str>,
    /// The target's region, else its document's.
    pub region: Option<&'a str>,
    /// The target fact.
    pub target: &'a Fact,
    /// The target in words with its year (`2020年 1900亿元`).
    pub target_words: &'a str,
    /// The base in words (`2015年 1357.5亿元`, or `—`).
    pub base_words: &'a str,
    /// The latest actual used in words (`2018年 增长5%`, or `—`).
    pub latest_words: &'a str,
    /// `planwatch_evaluate::Status::as_str`.
    pub status: &'a str,
    /// `planwatch_evaluate::TrendStatus::as_str`, if a trend was assessed.
    pub trend: Option<&'a str>,
    /// `planwatch_evaluate::Colour::as_str`.
    pub colour: &'a str,
    /// Share of the way from base to target covered.
    pub progress: Option<f64>,
    /// Share of the plan period elapsed.
    pub elapsed: Option<f64>,
    /// Annual rate still required to reach the target.
    pub required_rate: Option<f64>,
    /// `planwatch_evaluate::Method::as_str`.
    pub method: &'a str,
    /// The one Chinese sentence of the assessment.
    pub explanation: &'a str,
    /// The other facts the assessment used, in its order.
    pub used: Vec<UsedLine<'a>>,
}

/// Columns of the assessments table: the target and its assessment in words
/// first, then the target as written.
pub const ASSESSMENT_COLUMNS: [&str; 24] = [
    "doc",
    "indicator",
    "domain",
    "region",
    "year",
    "target",
    "attribute",
    "base",
    "latest",
    "status",
    "trend",
    "colour",
    "progress",
    "elapsed",
    "required_rate",
    "method",
    "explanation",
    "measure",
    "comparator",
    "value",
    "value_max",
    "unit",
    "quote",
    "sources",
];

/// A share rounded to four decimals; not finite is nothing.
fn round4(v: Option<f64>) -> Cell {
    Cell::num(v.filter(|x| x.is_finite()).map(|x| (x * 1e4).round() / 1e4))
}

/// The assessments table (`planwatch evaluate`, the server's
/// `/download/assessments`), in the order given.
pub fn assessments<'a>(lines: impl IntoIterator<Item = AssessmentLine<'a>>) -> Table {
    let mut t = Table::new(&ASSESSMENT_COLUMNS);
    for l in lines {
        let f = l.target;
        let sources: Vec<String> = l
            .used
            .iter()
            .filter(|u| u.role != "target")
            .map(|u| {
                let year = u.year.map(|y| format!(" {y}")).unwrap_or_default();
                format!("{} {}{year}: {}", u.role, u.doc, u.quote)
            })
            .collect();
        t.push(vec![
            l.doc.into(),
            l.indicator.into(),
            l.domain.unwrap_or(planwatch_catalog::NO_DOMAIN).into(),
            Cell::opt(l.region),
            Cell::int(f.year.map(i64::from)),
            l.target_words.into(),
            Cell::opt(f.attribute.map(|a| a.as_str())),
            l.base_words.into(),
            l.latest_words.into(),
            l.status.into(),
            Cell::opt(l.trend),
            l.colour.into(),
            round4(l.progress),
            round4(l.elapsed),
            round4(l.required_rate),
            l.method.into(),
            l.explanation.into(),
            f.measure.as_str().into(),
            f.comparator.as_str().into(),
            Cell::num(f.value),
            Cell::num(f.value_max),
            Cell::opt(f.unit.clone()),
            f.quote.as_str().into(),
            sources.join(" | ").into(),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_text_cells_cannot_be_formulas() {
        for (cell, field) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-1.5", "-1.5"),
            ("+3", "+3"),
            ("地区生产总值", "地区生产总值"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(csv_text(cell), field, "{cell:?}");
        }
    }

    #[test]
    fn csv_prefixes_text_not_numbers_with_or_without_bom() {
        let mut t = Table::new(&["unit", "value", "quote"]);
        t.push(vec!["=1+1".into(), Cell::Num(-1.5), "@cmd".into()]);
        let plain = String::from_utf8(t.csv(false).expect("csv")).expect("utf8");
        assert_eq!(plain, "unit,value,quote\n'=1+1,-1.5,'@cmd\n");
        let excel = String::from_utf8(t.csv(true).expect("csv")).expect("utf8");
        assert_eq!(excel, format!("\u{feff}{plain}"));
    }

    #[test]
    fn json_keys_rows_by_header() {
        let mut t = Table::new(&["a", "b"]);
        t.push(vec!["x,y".into(), Cell::Num(1.5)]);
        t.push(vec![Cell::Empty, Cell::num(Some(f64::NAN))]);
        let mut out = Vec::new();
        t.write_jsonl(&mut out).expect("jsonl");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            "{\"a\":\"x,y\",\"b\":1.5}\n{\"a\":null,\"b\":null}\n"
        );
    }

    #[test]
    fn xlsx_is_a_workbook() {
        let mut t = Table::new(&["指标", "value"]);
        t.push(vec!["地区生产总值".into(), Cell::Num(1900.0)]);
        let bytes = t.xlsx("facts").expect("xlsx");
        assert!(bytes.starts_with(b"PK"));
    }

    #[test]
    fn column_sets_and_rows_agree_in_width() {
        let fact = Fact {
            doc: "a.txt".into(),
            kind: planwatch_core::Kind::Target,
            indicator: "GDP".into(),
            region: None,
            year: Some(2025),
            value: Some(700.0),
            value_max: None,
            unit: Some("亿元".into()),
            measure: planwatch_core::Measure::Level,
            comparator: planwatch_core::Comparator::Ge,
            attribute: None,
            text: None,
            quote: "GDP突破700亿元".into(),
            section: None,
            start: None,
            end: None,
            responsible: None,
        };
        let t = facts([FactLine {
            doc: "a.txt",
            document_id: "abc",
            ord: 0,
            fact: &fact,
            canonical: "地区生产总值",
            region: Some("示例市"),
        }]);
        assert!(t.rows.iter().all(|r| r.len() == t.header.len()));
        let s = series([PointLine {
            indicator: "地区生产总值",
            year: Some(2025),
            kind: "target",
            measure: "level",
            comparator: "ge",
            value: Some(700.0),
            value_max: None,
            unit: Some("亿元"),
            written_value: Some(700.0),
            written_unit: Some("亿元"),
            text: None,
            region: None,
            as_written: "GDP",
            doc: "a.txt",
            doc_title: None,
            quote: "GDP突破700亿元",
        }]);
        assert!(s.rows.iter().all(|r| r.len() == s.header.len()));
        let a = assessments([AssessmentLine {
            doc: "a.txt",
            indicator: "地区生产总值",
            domain: None,
            region: Some("示例市"),
            target: &fact,
            target_words: "2025年 700亿元以上",
            base_words: "—",
            latest_words: "2023年 650亿元",
            status: "on_track",
            trend: None,
            colour: "green",
            progress: Some(2.0 / 3.0),
            elapsed: None,
            required_rate: Some(f64::NAN),
            method: "progress",
            explanation: "…",
            used: vec![
                UsedLine {
                    role: "target",
                    doc: "a.txt",
                    year: Some(2025),
                    quote: "GDP突破700亿元",
                },
                UsedLine {
                    role: "actual",
                    doc: "b.txt",
                    year: Some(2023),
                    quote: "GDP650亿元",
                },
            ],
        }]);
        assert!(a.rows.iter().all(|r| r.len() == a.header.len()));
        let row = &a.rows[0];
        let at = |c: &str| &row[ASSESSMENT_COLUMNS.iter().position(|x| *x == c).expect(c)];
        assert_eq!(at("domain"), &Cell::from(planwatch_catalog::NO_DOMAIN));
        assert_eq!(at("progress"), &Cell::Num(0.6667));
        assert_eq!(at("required_rate"), &Cell::Empty);
        assert_eq!(at("sources"), &Cell::from("actual b.txt 2023: GDP650亿元"));
        assert_eq!(documents([]).header.len(), DOCUMENT_COLUMNS.len());
    }
}
