//! `planwatch facts`: stored facts by document, indicator (any synonym), region, year and kind.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use planwatch_catalog::{normalize::keys, Catalog, Linker};
use planwatch_core::Kind;
use planwatch_store::{FactFilter, Store, StoredFact};

use super::common::{block_on, pick_format, CatalogOpt, Cell, StoreOpts, Table, TableFormat};

/// Target or actual, on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum KindArg {
    /// Goals.
    Target,
    /// Achieved values.
    Actual,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Target => Kind::Target,
            KindArg::Actual => Kind::Actual,
        }
    }
}

/// Arguments of `planwatch facts`.
#[derive(clap::Args)]
pub struct Args {
    /// Document file name (or id prefix).
    #[arg(long)]
    doc: Option<String>,
    /// Indicator: any name or synonym of a catalogue indicator, or a name as written.
    #[arg(long)]
    indicator: Option<String>,
    /// Region (锦州 matches 锦州市).
    #[arg(long)]
    region: Option<String>,
    /// Year the value refers to.
    #[arg(long)]
    year: Option<i32>,
    /// Target or actual.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// Include facts of superseded revisions.
    #[arg(long)]
    all_revisions: bool,
    /// Output format [default: table, or from --out's extension]; jsonl is the
    /// SCHEMA.md shape plus `canonical`.
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
    /// Write to this file instead of stdout (.csv, .xlsx, .json, .jsonl).
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    #[command(flatten)]
    store: StoreOpts,
    #[command(flatten)]
    catalog: CatalogOpt,
}

/// The stored indicator names that mean `wanted` (same canonical indicator, or same normalised name).
pub async fn names_for(
    store: &Store,
    catalog: &Catalog,
    wanted: &str,
) -> anyhow::Result<Vec<String>> {
    let canonical = catalog.canonical(wanted).map(str::to_string);
    let mut linker = Linker::new(catalog);
    let bare = keys(wanted).bare;
    Ok(store
        .indicator_names()
        .await?
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| match &canonical {
            Some(c) => linker.indicator(n).is_some_and(|i| i.name == *c),
            None => keys(n).bare == bare,
        })
        .collect())
}

/// `base` with its indicator set to every stored name meaning `indicator`.
pub async fn with_indicator(
    store: &Store,
    catalog: &Catalog,
    mut base: FactFilter,
    indicator: Option<&str>,
) -> anyhow::Result<FactFilter> {
    if let Some(i) = indicator {
        base.indicators = Some(names_for(store, catalog, i).await?);
    }
    Ok(base)
}

/// Facts as a table: the SCHEMA.md columns plus canonical indicator and document id.
pub fn facts_table(catalog: &Catalog, facts: &[StoredFact]) -> Table {
    let mut linker = Linker::new(catalog);
    let mut t = Table::new(&[
        "doc",
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
    ]);
    for sf in facts {
        let f = &sf.fact;
        t.push(vec![
            f.doc.clone().into(),
            f.kind.as_str().into(),
            f.indicator.clone().into(),
            Cell::opt(linker.indicator(&f.indicator).map(|i| i.name.clone())),
            Cell::opt(f.region.clone()),
            Cell::int(f.year.map(i64::from)),
            Cell::num(f.value),
            Cell::num(f.value_max),
            Cell::opt(f.unit.clone()),
            f.measure.as_str().into(),
            f.comparator.as_str().into(),
            Cell::opt(f.attribute.map(|a| a.as_str())),
            Cell::opt(f.text.clone()),
            f.quote.clone().into(),
            Cell::opt(f.section.clone()),
            sf.document_id.clone().into(),
        ]);
    }
    t
}

/// JSON lines in the SCHEMA.md shape plus `canonical`.
pub fn write_schema_jsonl(
    catalog: &Catalog,
    facts: &[StoredFact],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut linker = Linker::new(catalog);
    for sf in facts {
        let mut v = serde_json::to_value(&sf.fact)?;
        if let Some(obj) = v.as_object_mut() {
            let c = linker
                .indicator(&sf.fact.indicator)
                .map(|i| serde_json::Value::String(i.name.clone()));
            obj.insert("canonical".into(), c.unwrap_or(serde_json::Value::Null));
        }
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    }
    Ok(())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::common::pipe_ok(run_inner(args))
}

fn run_inner(args: Args) -> anyhow::Result<ExitCode> {
    let catalog = args.catalog.load()?;
    block_on(async {
        let store = args.store.open_existing().await?;
        let base = FactFilter {
            doc: args.doc.clone(),
            indicators: None,
            region: args.region.clone(),
            year: args.year,
            kind: args.kind.map(Kind::from),
            all_revisions: args.all_revisions,
        };
        let f = with_indicator(&store, &catalog, base, args.indicator.as_deref()).await?;
        let facts = store.facts(&f).await?;
        store.close().await;
        let format = pick_format(args.format, args.out.as_deref(), TableFormat::Table);
        if format == TableFormat::Jsonl {
            let mut out: Box<dyn Write> = match &args.out {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .with_context(|| format!("cannot create {}", p.display()))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            write_schema_jsonl(&catalog, &facts, &mut out)?;
            out.flush()?;
        } else {
            facts_table(&catalog, &facts).emit(format, args.out.as_deref(), "facts")?;
        }
        if facts.is_empty() {
            eprintln!("planwatch: no facts match");
        }
        Ok(ExitCode::SUCCESS)
    })?
}
