//! `planwatch bench`: extraction throughput.

use std::process::ExitCode;

/// Arguments of `planwatch bench`.
#[derive(clap::Args)]
pub struct Args {
    /// Files to extract repeatedly.
    files: Vec<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("bench is not built yet ({} files)", args.files.len())
}
