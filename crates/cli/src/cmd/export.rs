//! `planwatch export`: facts or a series to a CSV, XLSX or JSON file.

use std::process::ExitCode;

/// What to export.
#[derive(clap::Subcommand)]
pub enum What {
    /// Facts (same filters as `planwatch facts`).
    Facts(super::facts::Args),
    /// One indicator's series (same arguments as `planwatch series`).
    Series(super::series::Args),
}

/// Arguments of `planwatch export`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Facts(a) => {
            anyhow::ensure!(
                a.out.is_some(),
                "export needs --out FILE (.csv, .xlsx, .json or .jsonl)"
            );
            super::facts::run(a)
        }
        What::Series(a) => {
            anyhow::ensure!(
                a.out.is_some(),
                "export needs --out FILE (.csv, .xlsx or .json)"
            );
            super::series::run(a)
        }
    }
}
