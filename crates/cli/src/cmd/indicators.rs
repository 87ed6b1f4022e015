//! `planwatch indicators`: the catalogue with stored fact counts, or the names it does not match.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use super::common::{block_on, pick_format, CatalogOpt, Cell, StoreOpts, Table, TableFormat};

/// Arguments of `planwatch indicators`.
#[derive(clap::Args)]
pub struct Args {
    /// List stored indicator names the catalogue does not match, with its closest entries.
    #[arg(long)]
    unmatched: bool,
    /// How many closest entries to show per unmatched name.
    #[arg(long, default_value_t = 3)]
    closest: usize,
    /// Output format [default: table, or from --out's extension].
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
    /// Write to this file instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    store: StoreOpts,
    #[command(flatten)]
    catalog: CatalogOpt,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::common::pipe_ok(run_inner(args))
}

fn run_inner(args: Args) -> anyhow::Result<ExitCode> {
    let catalog = args.catalog.load()?;
    let names = block_on(async {
        let store = args.store.open_existing().await?;
        let names = store.indicator_names().await?;
        store.close().await;
        anyhow::Ok(names)
    })??;
    let table = if args.unmatched {
        let mut t = Table::new(&["indicator", "facts", "closest"]);
        for (name, n) in &names {
            if catalog.resolve(name).is_some() {
                continue;
            }
            let close: Vec<String> = catalog
                .closest(name, args.closest)
                .into_iter()
                .map(|(i, s)| format!("{} ({s:.2})", i.name))
                .collect();
            t.push(vec![
                name.clone().into(),
                Cell::Num(*n as f64),
                close.join("; ").into(),
            ]);
        }
        t
    } else {
        let mut counts: BTreeMap<&str, (i64, Vec<&str>)> = BTreeMap::new();
        for (name, n) in &names {
            if let Some(c) = catalog.canonical(name) {
                let e = counts.entry(c).or_default();
                e.0 += n;
                e.1.push(name);
            }
        }
        let mut t = Table::new(&[
            "indicator",
            "domain",
            "unit",
            "direction",
            "facts",
            "names_seen",
            "synonyms",
        ]);
        for i in catalog.indicators() {
            let (n, seen) = counts.get(i.name.as_str()).cloned().unwrap_or_default();
            t.push(vec![
                i.name.clone().into(),
                i.domain.clone().into(),
                i.unit.clone().into(),
                i.direction.as_str().into(),
                Cell::Num(n as f64),
                seen.join("; ").into(),
                i.synonyms.join("; ").into(),
            ]);
        }
        t
    };
    let format = pick_format(args.format, args.out.as_deref(), TableFormat::Table);
    table.emit(format, args.out.as_deref(), "indicators")?;
    Ok(ExitCode::SUCCESS)
}
