//! Shared glue of the store commands: where the store, index and catalogue are, and table output.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use planwatch_catalog::Catalog;
use planwatch_store::{SearchIndex, Store};

/// Where the store lives (shared by every store command).
#[derive(clap::Args, Clone, Debug)]
pub struct StoreOpts {
    /// Store: a SQLite file path or a postgres:// URL
    /// [default: $PLANWATCH_DB, else ./planwatch.db].
    #[arg(long, value_name = "PATH|URL")]
    pub db: Option<String>,
    /// Full-text index folder [default: $PLANWATCH_INDEX, else the db path + ".index",
    /// or ./planwatch.index for PostgreSQL].
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
}

impl StoreOpts {
    /// The store location after flags and environment.
    pub fn location(&self) -> String {
        self.db
            .clone()
            .or_else(|| std::env::var("PLANWATCH_DB").ok().filter(|s| !s.is_empty()))
            .unwrap_or_else(|| "planwatch.db".to_string())
    }

    /// The search index folder after flags and environment.
    pub fn index_dir(&self) -> PathBuf {
        if let Some(dir) = &self.index {
            return dir.clone();
        }
        if let Some(dir) = std::env::var_os("PLANWATCH_INDEX").filter(|s| !s.is_empty()) {
            return PathBuf::from(dir);
        }
        let loc = self.location();
        if loc.starts_with("postgres://") || loc.starts_with("postgresql://") {
            PathBuf::from("planwatch.index")
        } else {
            SearchIndex::path_beside(
                loc.trim_start_matches("sqlite://")
                    .trim_start_matches("sqlite:"),
            )
        }
    }

    /// Opens (creating and migrating) the store.
    pub async fn open(&self) -> anyhow::Result<Store> {
        Ok(Store::open(&self.location()).await?)
    }

    /// Opens a store that must exist already (for commands that only read):
    /// a SQLite path that is not there is an error, not a new empty store.
    pub async fn open_existing(&self) -> anyhow::Result<Store> {
        let loc = self.location();
        let is_url = loc.contains("://") || loc.starts_with("sqlite:") || loc == ":memory:";
        if !is_url && !Path::new(&loc).exists() {
            anyhow::bail!("no store at {loc}: run `planwatch ingest PATH...` first, or give --db");
        }
        self.open().await
    }

    /// Opens (creating) the search index.
    pub fn open_index(&self) -> anyhow::Result<SearchIndex> {
        Ok(SearchIndex::open(&self.index_dir())?)
    }
}

/// Which catalogue to match indicators with.
#[derive(clap::Args, Clone, Debug)]
pub struct CatalogOpt {
    /// Indicator catalogue (TOML) replacing the shipped one.
    #[arg(long, value_name = "PATH")]
    pub catalog: Option<PathBuf>,
}

impl CatalogOpt {
    /// The catalogue to use.
    pub fn load(&self) -> anyhow::Result<Catalog> {
        let cat = match &self.catalog {
            Some(p) => Catalog::load(p)?,
            None => Catalog::builtin(),
        };
        for w in cat.warnings() {
            eprintln!("planwatch: catalogue: {w}");
        }
        Ok(cat)
    }
}

/// A single-threaded runtime for the async store.
pub fn block_on<F: std::future::Future>(f: F) -> anyhow::Result<F::Output> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    Ok(rt.block_on(f))
}

/// One cell of an output table.
#[derive(Debug, Clone)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Num(f64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// Text or empty.
    pub fn opt(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
    }

    /// Number or empty.
    pub fn num(v: Option<f64>) -> Cell {
        v.map_or(Cell::Empty, Cell::Num)
    }

    /// Integer (as a number) or empty.
    pub fn int(v: Option<i64>) -> Cell {
        v.map_or(Cell::Empty, |v| Cell::Num(v as f64))
    }

    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Num(v) => format!("{v}"),
            Cell::Empty => String::new(),
        }
    }

    /// The cell as a CSV field: text made safe for spreadsheets by the
    /// server's [`planwatch_server::download::csv_text`], the one place that does it.
    fn csv_field(&self) -> String {
        match self {
            Cell::Text(s) => planwatch_server::download::csv_text(s).into_owned(),
            other => other.text(),
        }
    }

    fn json(&self) -> serde_json::Value {
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

/// Rows with a header, written as text, CSV, XLSX or JSON.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Column names.
    pub header: Vec<String>,
    /// Rows, as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

/// Output formats of tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    /// Aligned columns for people.
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// An Excel workbook (needs --out).
    Xlsx,
}

impl TableFormat {
    /// The format a file name asks for (`.csv`, `.xlsx`, `.json`, `.jsonl`).
    pub fn from_path(path: &Path) -> Option<TableFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => TableFormat::Csv,
            "xlsx" => TableFormat::Xlsx,
            "json" => TableFormat::Json,
            "jsonl" | "ndjson" => TableFormat::Jsonl,
            "txt" => TableFormat::Table,
            _ => return None,
        })
    }
}

/// Display width: CJK and full-width characters take two columns.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
        .sum()
}

fn clip(s: &str, max: usize) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c == '\t' || c == '\n' { ' ' } else { c })
        .collect();
    if width(&flat) <= max {
        return flat;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in flat.chars() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if w + cw > max.saturating_sub(1) {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

impl Table {
    /// A table with these column names.
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

    /// Aligned text; cells clipped to `max` display columns.
    pub fn write_text(&self, out: &mut dyn Write, max: usize) -> anyhow::Result<()> {
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| clip(&c.text(), max)).collect())
            .collect();
        let mut widths: Vec<usize> = self.header.iter().map(|h| width(h)).collect();
        for r in &cells {
            for (i, c) in r.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(width(c));
                }
            }
        }
        let line =
            |out: &mut dyn Write, r: &[String]| -> std::io::Result<()> {
                let mut s = String::new();
                for (i, c) in r.iter().enumerate() {
                    s.push_str(c);
                    if i + 1 < r.len() {
                        s.push_str(&" ".repeat(
                            widths.get(i).copied().unwrap_or(0).saturating_sub(width(c)) + 2,
                        ));
                    }
                }
                writeln!(out, "{}", s.trim_end())
            };
        line(out, &self.header)?;
        for r in &cells {
            line(out, r)?;
        }
        Ok(())
    }

    /// CSV with a header row.
    pub fn write_csv(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(&self.header)?;
        for r in &self.rows {
            w.write_record(r.iter().map(Cell::csv_field))?;
        }
        w.flush()?;
        Ok(())
    }

    fn objects(&self) -> impl Iterator<Item = serde_json::Value> + '_ {
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

    /// One JSON array of objects keyed by the header.
    pub fn write_json(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        let all: Vec<serde_json::Value> = self.objects().collect();
        serde_json::to_writer_pretty(&mut *out, &all)?;
        writeln!(out)?;
        Ok(())
    }

    /// One JSON object per line.
    pub fn write_jsonl(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        for o in self.objects() {
            serde_json::to_writer(&mut *out, &o)?;
            writeln!(out)?;
        }
        Ok(())
    }

    /// An Excel workbook with one sheet.
    pub fn write_xlsx(&self, path: &Path, sheet: &str) -> anyhow::Result<()> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(sheet)?;
        let bold = rust_xlsxwriter::Format::new().set_bold();
        for (c, h) in self.header.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, h, &bold)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).context("too many rows for a sheet")?;
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
        wb.save(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }

    /// Writes in `format` to `out_path` (or stdout); `.xlsx` needs a path.
    pub fn emit(
        &self,
        format: TableFormat,
        out_path: Option<&Path>,
        sheet: &str,
    ) -> anyhow::Result<()> {
        if format == TableFormat::Xlsx {
            let path = out_path.context("--format xlsx needs --out FILE.xlsx")?;
            return self.write_xlsx(path, sheet);
        }
        let mut out: Box<dyn Write> = match out_path {
            Some(p) => Box::new(std::io::BufWriter::new(
                std::fs::File::create(p)
                    .with_context(|| format!("cannot create {}", p.display()))?,
            )),
            None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        };
        match format {
            TableFormat::Table => {
                self.write_text(&mut out, if out_path.is_some() { usize::MAX } else { 60 })?
            }
            TableFormat::Csv => self.write_csv(&mut out)?,
            TableFormat::Json => self.write_json(&mut out)?,
            TableFormat::Jsonl => self.write_jsonl(&mut out)?,
            TableFormat::Xlsx => {}
        }
        out.flush()?;
        Ok(())
    }
}

fn col(c: usize) -> anyhow::Result<u16> {
    u16::try_from(c).context("too many columns")
}

/// Treats a closed stdout (`planwatch facts | head`) as success.
pub fn pipe_ok(
    r: anyhow::Result<std::process::ExitCode>,
) -> anyhow::Result<std::process::ExitCode> {
    match r {
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<csv::Error>().is_some_and(|ce| {
                        matches!(ce.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
                    })
                    || c.downcast_ref::<serde_json::Error>().is_some_and(|je| je.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
            }) =>
        {
            Ok(std::process::ExitCode::SUCCESS)
        }
        other => other,
    }
}

/// The output format: `--format`, else the `--out` file's extension, else `default`.
pub fn pick_format(
    flag: Option<TableFormat>,
    out: Option<&Path>,
    default: TableFormat,
) -> TableFormat {
    flag.or_else(|| out.and_then(TableFormat::from_path))
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_tables_align_cjk() {
        let mut t = Table::new(&["指标", "value"]);
        t.push(vec!["地区生产总值".into(), Cell::Num(1900.0)]);
        t.push(vec!["GDP".into(), Cell::Empty]);
        let mut out = Vec::new();
        t.write_text(&mut out, 60).expect("write");
        let s = String::from_utf8(out).expect("utf8");
        assert_eq!(s, "指标          value\n地区生产总值  1900\nGDP\n");
    }

    #[test]
    fn csv_and_json() {
        let mut t = Table::new(&["a", "b"]);
        t.push(vec!["x,y".into(), Cell::Num(1.5)]);
        let mut out = Vec::new();
        t.write_csv(&mut out).expect("csv");
        assert_eq!(String::from_utf8(out).expect("utf8"), "a,b\n\"x,y\",1.5\n");
        let mut out = Vec::new();
        t.write_jsonl(&mut out).expect("jsonl");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            "{\"a\":\"x,y\",\"b\":1.5}\n"
        );
    }

    #[test]
    fn csv_text_cannot_be_a_formula() {
        let mut t = Table::new(&["unit", "value"]);
        t.push(vec!["=1+1".into(), Cell::Num(-1.5)]);
        t.push(vec!["-1.5".into(), "@cmd".into()]);
        let mut out = Vec::new();
        t.write_csv(&mut out).expect("csv");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            "unit,value\n'=1+1,-1.5\n-1.5,'@cmd\n"
        );
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(
            TableFormat::from_path(Path::new("a.XLSX")),
            Some(TableFormat::Xlsx)
        );
        assert_eq!(
            pick_format(None, Some(Path::new("a.csv")), TableFormat::Table),
            TableFormat::Csv
        );
        assert_eq!(
            pick_format(
                Some(TableFormat::Json),
                Some(Path::new("a.csv")),
                TableFormat::Table
            ),
            TableFormat::Json
        );
    }
}
