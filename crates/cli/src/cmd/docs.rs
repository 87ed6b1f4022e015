//! `planwatch docs`: list stored documents (current revisions, or all with --all).

use std::path::PathBuf;
use std::process::ExitCode;

use super::common::{block_on, pick_format, StoreOpts, Table, TableFormat};

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
        // The columns of the server's documents download too.
        let t = Table::from(planwatch_store::export::documents(&docs));
        let format = pick_format(args.format, args.out.as_deref(), TableFormat::Table);
        t.emit(format, args.out.as_deref(), "documents")?;
        Ok(ExitCode::SUCCESS)
    })?
}
