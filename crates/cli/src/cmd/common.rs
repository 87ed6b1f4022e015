//! Shared glue of the store commands: where the store, index and catalogue
//! are, and table output (the tables themselves are `planwatch_store::export`'s).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use planwatch_catalog::Catalog;
use planwatch_store::export::{self, ExportError};
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

pub use planwatch_store::export::Cell;

/// A table of `planwatch_store::export` (the one column sets and writers the
/// server's downloads use too), with what only the command line does: aligned
/// text for terminals, and files or standard output picked by `--format`/`--out`.
#[derive(Debug, Clone, Default)]
pub struct Table(pub export::Table);

impl From<export::Table> for Table {
    fn from(t: export::Table) -> Table {
        Table(t)
    }
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
        Table(export::Table::new(header))
    }

    /// Adds a row.
    pub fn push(&mut self, row: Vec<Cell>) {
        self.0.push(row);
    }

    /// Aligned text; cells clipped to `max` display columns.
    pub fn write_text(&self, out: &mut dyn Write, max: usize) -> anyhow::Result<()> {
        let cells: Vec<Vec<String>> = self
            .0
            .rows
            .iter()
            .map(|r| r.iter().map(|c| clip(&c.text(), max)).collect())
            .collect();
        let mut widths: Vec<usize> = self.0.header.iter().map(|h| width(h)).collect();
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
        line(out, &self.0.header)?;
        for r in &cells {
            line(out, r)?;
        }
        Ok(())
    }

    /// Writes in `format` to `out_path` (or stdout); `.xlsx` needs a path.
    /// CSV has no byte-order mark (it is read by programs as often as by Excel).
    pub fn emit(
        &self,
        format: TableFormat,
        out_path: Option<&Path>,
        sheet: &str,
    ) -> anyhow::Result<()> {
        if format == TableFormat::Xlsx {
            let path = out_path.context("--format xlsx needs --out FILE.xlsx")?;
            let bytes = self.0.xlsx(sheet)?;
            return std::fs::write(path, bytes)
                .with_context(|| format!("cannot write {}", path.display()));
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
            TableFormat::Csv => self.0.write_csv(&mut out, false)?,
            TableFormat::Json => self.0.write_json(&mut out)?,
            TableFormat::Jsonl => self.0.write_jsonl(&mut out)?,
            TableFormat::Xlsx => {}
        }
        out.flush()?;
        Ok(())
    }
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
                    || c.downcast_ref::<ExportError>().is_some_and(ExportError::is_broken_pipe)
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
    fn csv_is_the_shared_writer_without_a_bom() {
        let mut t = Table::new(&["unit", "value"]);
        t.push(vec!["=1+1".into(), Cell::Num(-1.5)]);
        let mut out = Vec::new();
        t.0.write_csv(&mut out, false).expect("csv");
        assert_eq!(
            String::from_utf8(out).expect("utf8"),
            "unit,value\n'=1+1,-1.5\n"
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

/// The SMTP relay reminders go through (`planwatch remind`, `planwatch serve`).
#[derive(clap::Args, Clone, Debug, Default)]
pub struct SmtpOpts {
    /// SMTP relay host (plain SMTP, no TLS) [default: $PLANWATCH_SMTP_HOST; none: no mail].
    #[arg(long, value_name = "HOST")]
    pub smtp_host: Option<String>,
    /// SMTP relay port [default: $PLANWATCH_SMTP_PORT, else 25].
    #[arg(long, value_name = "PORT")]
    pub smtp_port: Option<u16>,
    /// Sender address of reminders [default: $PLANWATCH_SMTP_FROM].
    #[arg(long, value_name = "ADDRESS")]
    pub smtp_from: Option<String>,
}

impl SmtpOpts {
    /// The relay after flags and environment: none without a host; a host
    /// without a sender address (or a bad port in the environment) is an error.
    pub fn config(&self) -> anyhow::Result<Option<planwatch_server::mail::SmtpConfig>> {
        let env = |k: &str| std::env::var(k).ok().filter(|s| !s.trim().is_empty());
        let Some(host) = self
            .smtp_host
            .clone()
            .or_else(|| env("PLANWATCH_SMTP_HOST"))
        else {
            return Ok(None);
        };
        let port = match (self.smtp_port, env("PLANWATCH_SMTP_PORT")) {
            (Some(p), _) => p,
            (None, Some(p)) => p
                .trim()
                .parse::<u16>()
                .with_context(|| format!("PLANWATCH_SMTP_PORT={p:?} is not a port"))?,
            (None, None) => 25,
        };
        let from = self
            .smtp_from
            .clone()
            .or_else(|| env("PLANWATCH_SMTP_FROM"))
            .context(
                "an SMTP host needs a sender address: give --smtp-from (or PLANWATCH_SMTP_FROM)",
            )?;
        Ok(Some(planwatch_server::mail::SmtpConfig {
            host: host.trim().to_string(),
            port,
            from: from.trim().to_string(),
        }))
    }
}
