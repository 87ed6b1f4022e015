//! `planwatch series`: one indicator in one region, every year's actuals and targets with sources.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use planwatch_catalog::{series, Series};
use planwatch_store::FactFilter;

use planwatch_store::export::PointLine;

use super::common::{block_on, pick_format, CatalogOpt, StoreOpts, Table, TableFormat};

/// Arguments of `planwatch series`.
#[derive(clap::Args)]
pub struct Args {
    /// Indicator: canonical name or any synonym (研发经费投入强度, GDP, …).
    indicator: String,
    /// Region (锦州 matches 锦州市).
    #[arg(long)]
    region: Option<String>,
    /// Output format [default: table, or from --out's extension]; json is the series object.
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
    /// Write to this file instead of stdout (.csv, .xlsx, .json).
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    #[command(flatten)]
    store: StoreOpts,
    #[command(flatten)]
    catalog: CatalogOpt,
}

/// A series as rows: the columns of the server's series download.
pub fn series_table(s: &Series) -> Table {
    planwatch_store::export::series(s.points.iter().map(|p| PointLine {
        indicator: &s.indicator,
        year: p.year,
        kind: p.kind.as_str(),
        measure: p.measure.as_str(),
        comparator: p.comparator.as_str(),
        value: p.value,
        value_max: p.value_max,
        unit: p.unit.as_deref(),
        written_value: p.written_value,
        written_unit: p.written_unit.as_deref(),
        text: p.text.as_deref(),
        region: p.region.as_deref(),
        as_written: &p.indicator_as_written,
        doc: &p.doc,
        doc_title: p.doc_title.as_deref(),
        quote: &p.quote,
    }))
    .into()
}

/// Builds the series from the store.
pub fn load(
    store: &super::common::StoreOpts,
    catalog: &planwatch_catalog::Catalog,
    indicator: &str,
    region: Option<&str>,
) -> anyhow::Result<Series> {
    block_on(async {
        let st = store.open_existing().await?;
        let base = FactFilter {
            region: region.map(str::to_string),
            ..Default::default()
        };
        let f = super::facts::with_indicator(&st, catalog, base, Some(indicator)).await?;
        let facts = st.sourced_facts(&f).await?;
        st.close().await;
        anyhow::Ok(series(catalog, &facts, indicator, region))
    })?
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::common::pipe_ok(run_inner(args))
}

fn run_inner(args: Args) -> anyhow::Result<ExitCode> {
    let catalog = args.catalog.load()?;
    let s = load(
        &args.store,
        &catalog,
        &args.indicator,
        args.region.as_deref(),
    )?;
    let format = pick_format(args.format, args.out.as_deref(), TableFormat::Table);
    if format == TableFormat::Json {
        let text = serde_json::to_string_pretty(&s)?;
        match &args.out {
            Some(p) => std::fs::write(p, text + "\n")
                .with_context(|| format!("cannot write {}", p.display()))?,
            None => println!("{text}"),
        }
    } else {
        if format == TableFormat::Table && args.out.is_none() {
            let unit = s
                .unit
                .as_deref()
                .map(|u| format!(", canonical unit {u}"))
                .unwrap_or_default();
            let known = if s.in_catalogue {
                ""
            } else {
                " (not in the catalogue)"
            };
            println!(
                "# {}{known}{unit}, region {}",
                s.indicator,
                s.region.as_deref().unwrap_or("any")
            );
        }
        series_table(&s).emit(format, args.out.as_deref(), "series")?;
    }
    if s.points.is_empty() {
        eprintln!("planwatch: no facts for {} in the store", s.indicator);
    }
    Ok(ExitCode::SUCCESS)
}
