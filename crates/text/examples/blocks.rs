//! Prints the blocks a text file is read into: `cargo run --example blocks FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: blocks FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    for b in planwatch_text::blocks(&text) {
        let s: String = text[b.start..b.end].chars().take(400).collect();
        println!("{:?}\t{}", b.kind, s.replace('\n', "⏎"));
    }
}
