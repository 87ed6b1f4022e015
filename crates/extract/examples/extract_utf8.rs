//! Development helper: extracts UTF-8 text files and prints JSON lines,
//! without the CLI's format detection. `cargo run --release -p
//! planwatch-extract --example extract_utf8 -- FILE...`

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read as UTF-8");
            continue;
        };
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        let ex = planwatch_extract::extract_document(&name, &text);
        // EXPLAIN=1: the frame's decisions on stderr, to see why a year or region was chosen.
        if std::env::var_os("EXPLAIN").is_some() {
            for d in &ex.frame {
                eprintln!(
                    "{name}: {} = {} (line {}, {}: {})",
                    d.field, d.value, d.line, d.rule, d.source
                );
            }
        }
        for f in ex.facts {
            if let Ok(line) = serde_json::to_string(&f) {
                println!("{line}");
            }
        }
    }
}
