//! `planwatch search`: ranked full-text hits over documents and facts, synonyms included.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use planwatch_store::search::alternatives;
use planwatch_store::SearchFilter;

use super::common::{block_on, CatalogOpt, StoreOpts};

/// Output formats of `planwatch search`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Hits with highlighted snippets.
    Text,
    /// One JSON array of hits.
    Json,
}

/// Arguments of `planwatch search`.
#[derive(clap::Args)]
pub struct Args {
    /// Words to find (an indicator name also finds its synonyms).
    #[arg(required_unless_present = "reindex")]
    query: Option<String>,
    /// Only documents of this region (锦州 matches 锦州市).
    #[arg(long)]
    region: Option<String>,
    /// Only documents of this type (outline, five_year_plan, implementation_plan,
    /// work_report, statistical_bulletin, other).
    #[arg(long = "type", value_name = "TYPE")]
    doc_type: Option<String>,
    /// Number of hits.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Rebuild the index from the store first.
    #[arg(long)]
    reindex: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
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
    let index = args.store.open_index()?;
    block_on(async {
        let store = args.store.open_existing().await?;
        // The index follows the store as everywhere (rebuilt when it has no
        // watermark); --reindex rebuilds it whatever it holds.
        let done = if args.reindex {
            index.rebuild_from(&store).await?
        } else {
            index.catch_up(&store).await?
        };
        if done.rebuilt {
            eprintln!("planwatch: index rebuilt: {} entries", index.len());
        }
        store.close().await;
        anyhow::Ok(())
    })??;
    let Some(query) = args.query else {
        return Ok(ExitCode::SUCCESS);
    };
    let alts = alternatives(&catalog, &query);
    let filter = SearchFilter {
        region: args.region.clone(),
        doc_type: args.doc_type.clone(),
    };
    let hits = index.search(&alts, &filter, args.limit)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &hits)?;
            writeln!(out)?;
        }
        Format::Text => {
            let (open, close) = if std::io::stdout().is_terminal() {
                ("\x1b[1;31m", "\x1b[0m")
            } else {
                ("【", "】")
            };
            if alts.len() > 1 {
                writeln!(out, "# also searched: {}", alts[1..].join(" | "))?;
            }
            for (n, h) in hits.iter().enumerate() {
                let title = h.title.as_deref().unwrap_or("");
                let section = h
                    .section
                    .as_deref()
                    .map(|s| format!(" § {s}"))
                    .unwrap_or_default();
                let line = h.line.map(|l| format!(" line {l}")).unwrap_or_default();
                let region = h.region.as_deref().unwrap_or("-");
                writeln!(
                    out,
                    "{}. {} {title} [{} {region}]{section}{line} ({}, score {:.2})",
                    n + 1,
                    h.doc,
                    h.doc_type,
                    h.kind,
                    h.score
                )?;
                writeln!(
                    out,
                    "   {}",
                    h.marked(open, close).replace(['\n', '\t'], " ")
                )?;
            }
            writeln!(out, "{} hit(s)", hits.len())?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
