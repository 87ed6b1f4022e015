//! Prints the detected format and text of each file given: `cargo run -p planwatch-ingest --example dump -- FILE...`.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut failed = false;
    for arg in std::env::args_os().skip(1) {
        match planwatch_ingest::load_path(Path::new(&arg)) {
            Ok(loaded) => {
                println!("== {} ({})", loaded.name, loaded.format);
                print!("{}", loaded.text);
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
