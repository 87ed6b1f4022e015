//! `planwatch extract`: print every fact of each document.

use std::process::ExitCode;

/// Arguments of `planwatch extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Documents to read.
    files: Vec<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("extract is not built yet ({} files)", args.files.len())
}
