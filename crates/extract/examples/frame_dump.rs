//! Development helper (uncommitted): prints each file's frame and the rules that decided it.
fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        let (info, mut why) = planwatch_extract::frame::read(&text);
        let f = planwatch_extract::frame::time_frame(&info, &text, &mut why);
        if std::env::var("FRAME").is_ok() {
            eprintln!("{f:?}");
        }
        let rules: Vec<String> = why
            .iter()
            .map(|d| format!("{}={}:{}", d.field, d.value, d.rule))
            .collect();
        println!(
            "{}\t{:?}\t{:?}\t{:?}-{:?}\t{:?}\t{}",
            name,
            info.doc_type,
            info.year,
            info.period_start,
            info.period_end,
            info.region,
            rules.join(" ; ")
        );
    }
}
