//! `planwatch docs`: list stored documents (current revisions, or all with --all).

use std::path::PathBuf;
use std::process::ExitCode;

use super::common::{block_on, pick_format, Cell, StoreOpts, Table, TableFormat};

/// Arguments of `planwatch docs`.
#[derive(clap::Args)]
pub struct Args {
    /// Show every revision, not only the current one of each name.
    #[arg(long)]
    all: bool,
    /// Output format [default: table, or from --out's extension].
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
    /// Write to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    store: StoreOpts,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::common::pipe_ok(run_inner(args))
}

fn run_inner(args: Args) -> anyhow::Result<ExitCode> {
    block_on(async {
        let store = args.store.open_existing().await?;
        let docs = store.documents(args.all).await?;
        store.close().await;
        let mut t = Table::new(&[
            "name",
            "revision",
            "current",
            "origin",
            "type",
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
        ]);
        for d in docs {
            let i = &d.info;
            t.push(vec![
                d.name.into(),
                Cell::Num(d.revision as f64),
                if d.current { "yes" } else { "no" }.into(),
                d.origin.into(),
                i.doc_type.as_str().into(),
                Cell::opt(i.region.clone()),
                Cell::int(i.year.map(i64::from)),
                Cell::int(i.period_start.map(i64::from)),
                Cell::int(i.period_end.map(i64::from)),
                Cell::Num(d.fact_count as f64),
                Cell::opt(i.title.clone()),
                Cell::opt(i.issuer.clone()),
                Cell::opt(i.number.clone()),
                Cell::opt(d.format),
                d.id.into(),
            ]);
        }
        let format = pick_format(args.format, args.out.as_deref(), TableFormat::Table);
        t.emit(format, args.out.as_deref(), "documents")?;
        Ok(ExitCode::SUCCESS)
    })?
}
