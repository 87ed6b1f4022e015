//! `planwatch assess`: evaluate ad-hoc cases from JSON without a store.

use std::process::ExitCode;

/// Arguments of `planwatch assess`.
#[derive(clap::Args)]
pub struct Args {
    /// JSON file of cases, or `-` for standard input.
    #[arg(long)]
    input: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("assess is not built yet (input {})", args.input)
}
