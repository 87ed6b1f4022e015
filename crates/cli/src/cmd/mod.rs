//! One module per subcommand; each has `Args` (clap) and `run`.

pub mod assess;
pub mod bench;
pub mod extract;
pub mod check;
pub mod common;
pub mod docs;
pub mod export;
pub mod facts;
pub mod import;
pub mod indicators;
pub mod ingest;
pub mod search;
pub mod series;
