//! One module per subcommand; each has `Args` (clap) and `run`.

pub mod assess;
pub mod bench;
pub mod extract;
