//! `planwatch import`: actuals from a CSV or XLSX table into the store; bad rows reported by number.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use calamine::Reader;
use planwatch_catalog::{rows_to_facts, TEMPLATE_COLUMNS};
use planwatch_core::{DocType, DocumentInfo};
use planwatch_store::{NewDocument, Origin, PutOutcome, SameName};

use super::common::{block_on, StoreOpts};

/// Arguments of `planwatch import`.
#[derive(clap::Args)]
#[command(
    after_help = "Template: a header row naming the columns indicator, region, year, value, unit, \
measure, source (any order; indicator, year and value are required). measure is level (default), \
growth, avg_growth, reduction or cumulative; an optional kind column takes actual (default) or \
target; source_title, source_url and quote columns are kept too. One value per row, as printed \
(a fall is negative). CSV must be UTF-8; for XLSX the first sheet is read unless --sheet is given."
)]
pub struct Args {
    /// The table (.csv or .xlsx).
    file: PathBuf,
    /// Sheet of a workbook to read [default: the first].
    #[arg(long)]
    sheet: Option<String>,
    /// Do not update the full-text index.
    #[arg(long)]
    no_index: bool,
    #[command(flatten)]
    store: StoreOpts,
}

/// A table read from a file: its header, numbered rows, and the text its key is made of.
pub struct RawTable {
    /// Row 1.
    pub header: Vec<String>,
    /// Rows 2…, with their numbers.
    pub rows: Vec<(usize, Vec<String>)>,
    /// Rows that could not be read at all.
    pub unreadable: Vec<(usize, String)>,
    /// The content, for hashing and search.
    pub text: String,
    /// `csv` or `xlsx`.
    pub format: &'static str,
}

/// Reads a CSV file (UTF-8, optional BOM).
pub fn read_csv(path: &Path) -> anyhow::Result<RawTable> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut header = Vec::new();
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for (i, rec) in reader.byte_records().enumerate() {
        let row = i + 1;
        match rec {
            Ok(r) => {
                let cells: Result<Vec<String>, _> = r
                    .iter()
                    .map(|c| std::str::from_utf8(c).map(str::to_string))
                    .collect();
                match cells {
                    Ok(c) if row == 1 => header = c,
                    Ok(c) => rows.push((row, c)),
                    Err(_) => unreadable.push((row, "not UTF-8 text".to_string())),
                }
            }
            Err(e) => unreadable.push((row, e.to_string())),
        }
    }
    Ok(RawTable {
        header,
        rows,
        unreadable,
        text: String::from_utf8_lossy(bytes).into_owned(),
        format: "csv",
    })
}

/// Reads one sheet of a workbook (XLSX, XLS, ODS).
pub fn read_workbook(path: &Path, sheet: Option<&str>) -> anyhow::Result<RawTable> {
    let mut wb = calamine::open_workbook_auto(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    let range = match sheet {
        Some(name) => wb
            .worksheet_range(name)
            .with_context(|| format!("no sheet {name:?}"))?,
        None => wb
            .worksheet_range_at(0)
            .context("the workbook has no sheet")??,
    };
    let mut header = Vec::new();
    let mut rows = Vec::new();
    let mut text = String::new();
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    for (i, r) in range.rows().enumerate() {
        let cells: Vec<String> = r.iter().map(|c| c.to_string()).collect();
        text.push_str(&cells.join("\t"));
        text.push('\n');
        let row = first_row + i + 1;
        if i == 0 {
            header = cells;
        } else {
            rows.push((row, cells));
        }
    }
    Ok(RawTable {
        header,
        rows,
        unreadable: Vec::new(),
        text,
        format: "xlsx",
    })
}

/// Reads a table by its extension.
pub fn read_table(path: &Path, sheet: Option<&str>) -> anyhow::Result<RawTable> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path, sheet),
        _ => read_csv(path),
    }
}

/// An actuals table read from `path`, ready for the store's one ingest path:
/// the document it is stored as, its facts, and its bad rows by number.
pub struct TableImport {
    /// The table as a stored document (origin `import`).
    pub doc: NewDocument,
    /// One actual per good row.
    pub facts: Vec<planwatch_core::Fact>,
    /// Rows skipped, with why.
    pub bad: Vec<(usize, String)>,
}

/// Turns a table read from `path` into what the store takes.
pub fn table_import(path: &Path, table: &RawTable) -> TableImport {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let imported = rows_to_facts(&name, &table.header, table.rows.clone());
    let mut bad: Vec<(usize, String)> = table.unreadable.clone();
    bad.extend(imported.errors.iter().map(|e| (e.row, e.message.clone())));
    bad.sort();
    let doc = NewDocument {
        name: name.clone(),
        path: Some(path.display().to_string()),
        format: table.format.to_string(),
        origin: Origin::Import,
        info: DocumentInfo {
            title: Some(name),
            region: None,
            doc_type: DocType::Other,
            period_start: None,
            period_end: None,
            year: None,
            issuer: None,
            number: None,
        },
        text: table.text.clone(),
    };
    TableImport {
        doc,
        facts: imported.facts,
        bad,
    }
}

/// Whether a file's extension is a table's (`.csv`, `.xlsx`, …).
pub fn is_table_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["csv", "xlsx", "xlsm", "xls", "ods"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let table = read_table(&args.file, args.sheet.as_deref())?;
    let TableImport { doc, facts, bad } = table_import(&args.file, &table);
    let name = doc.name.clone();
    let stored_facts = facts.len();
    let outcome = block_on(async {
        let store = args.store.open().await?;
        // The store's one ingest path, as for documents; a new table under a
        // stored name is its next revision.
        let outcome = store.ingest(&doc, &facts, SameName::Revise).await?;
        if matches!(outcome, PutOutcome::Stored(_)) && !args.no_index {
            super::ingest::catch_up_index(&args.store, &store).await;
        }
        store.close().await;
        anyhow::Ok(outcome)
    })??;
    for (row, msg) in &bad {
        eprintln!("planwatch: {name}: row {row}: {msg}");
    }
    match outcome {
        PutOutcome::Stored(d) => println!(
            "{name}: {stored_facts} row(s) imported as revision {}, {} bad row(s) skipped",
            d.revision,
            bad.len()
        ),
        PutOutcome::Unchanged(d) => {
            println!(
                "{name}: already imported (as {} revision {}); nothing changed",
                d.name, d.revision
            )
        }
    }
    if table.header.is_empty() {
        eprintln!(
            "planwatch: expected a header row with {}",
            TEMPLATE_COLUMNS.join(", ")
        );
    }
    Ok(if bad.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
