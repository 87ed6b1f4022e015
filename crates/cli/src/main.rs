//! `planwatch`: the command-line edge. Parses arguments, calls the stage
//! crates, prints results and maps errors to exit codes. No domain logic here.

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Follow Chinese development plans from their documents.
#[derive(Parser)]
#[command(name = "planwatch", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print every quantitative fact of each document.
    Extract(cmd::extract::Args),
    /// Measure extraction throughput on documents.
    Bench(cmd::bench::Args),
    /// Evaluate ad-hoc targets against actuals (JSON in, JSON out), no store needed.
    Assess(cmd::assess::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Assess(a) => cmd::assess::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("planwatch: {e:#}");
            ExitCode::from(2)
        }
    }
}
