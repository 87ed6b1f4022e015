//! `planwatch bench`: extraction throughput on documents, measured in-process.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `planwatch bench`.
#[derive(clap::Args)]
pub struct Args {
    /// Documents to extract repeatedly (read once, extracted from memory).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Rounds over all documents.
    #[arg(long, default_value_t = 20)]
    rounds: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut docs = Vec::new();
    for p in &args.files {
        match planwatch_ingest::load_path(p) {
            Ok(l) => docs.push(l),
            Err(e) => anyhow::bail!("{e}"),
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut facts = 0;
    let mut best = f64::INFINITY;
    let mut total = 0.0;
    for _ in 0..args.rounds.max(1) {
        let t = Instant::now();
        facts = 0;
        for d in &docs {
            facts += planwatch_extract::extract_document(&d.name, &d.text)
                .facts
                .len();
        }
        let s = t.elapsed().as_secs_f64();
        best = best.min(s);
        total += s;
    }
    let mean = total / args.rounds.max(1) as f64;
    println!("documents {}  bytes {}  facts {}", docs.len(), bytes, facts);
    println!(
        "per round: best {:.2} ms, mean {:.2} ms  throughput (best): {:.2} MB/s",
        best * 1e3,
        mean * 1e3,
        bytes as f64 / best / 1e6
    );
    Ok(ExitCode::SUCCESS)
}
