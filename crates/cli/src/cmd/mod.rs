//! One module per subcommand; each has `Args` (clap) and `run`.

pub mod assess;
pub mod assign;
pub mod bench;
pub mod check;
pub mod common;
pub mod docs;
pub mod evaluate;
pub mod export;
pub mod extract;
pub mod facts;
pub mod import;
pub mod indicators;
pub mod ingest;
pub mod remind;
pub mod report;
pub mod search;
pub mod series;
pub mod serve;
pub mod submissions;
pub mod unit;
pub mod user;
