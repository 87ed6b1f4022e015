//! `planwatch check`: plan consistency (规划衔接) findings, each with its quotes.

use std::io::Write;
use std::process::ExitCode;

use planwatch_catalog::{check, Finding};
use planwatch_store::FactFilter;

use super::common::{block_on, CatalogOpt, StoreOpts};

/// Output formats of `planwatch check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Findings with their quotes, for people.
    Text,
    /// One JSON array of findings.
    Json,
}

/// Arguments of `planwatch check`.
#[derive(clap::Args)]
pub struct Args {
    /// Only this region (锦州 matches 锦州市).
    #[arg(long)]
    region: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit with status 1 when there are findings.
    #[arg(long)]
    fail_on_findings: bool,
    #[command(flatten)]
    store: StoreOpts,
    #[command(flatten)]
    catalog: CatalogOpt,
}

fn write_text(out: &mut dyn Write, findings: &[Finding]) -> std::io::Result<()> {
    for (n, f) in findings.iter().enumerate() {
        writeln!(
            out,
            "{}. [{}] {} {}: {}",
            n + 1,
            f.kind.as_str(),
            f.region,
            f.indicator,
            f.message
        )?;
        for e in &f.evidence {
            let value = e
                .value
                .map(|v| format!("{v}"))
                .unwrap_or_else(|| "—".into());
            let unit = e.unit.as_deref().unwrap_or("");
            let year = e.year.map(|y| y.to_string()).unwrap_or_default();
            writeln!(
                out,
                "   {} ({} {} {year} = {value}{unit}):",
                e.doc,
                e.kind.as_str(),
                e.measure.as_str()
            )?;
            let quote: String = e
                .quote
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            writeln!(out, "      「{}」", quote.trim())?;
        }
    }
    writeln!(out, "{} finding(s)", findings.len())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::common::pipe_ok(run_inner(args))
}

fn run_inner(args: Args) -> anyhow::Result<ExitCode> {
    let catalog = args.catalog.load()?;
    let facts = block_on(async {
        let store = args.store.open_existing().await?;
        let facts = store.sourced_facts(&FactFilter::default()).await?;
        store.close().await;
        anyhow::Ok(facts)
    })??;
    let findings = check(&catalog, &facts, args.region.as_deref());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Text => write_text(&mut out, &findings)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &findings)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if args.fail_on_findings && !findings.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
