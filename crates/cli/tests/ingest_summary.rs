//! `planwatch ingest` ends with the evaluation of what the store now holds,
//! on documents shipped in the repository.

use std::process::{Command, Output};

const DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../extract/tests/wide/docs");

fn planwatch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(args)
        .env_remove("PLANWATCH_DB")
        .env_remove("PLANWATCH_INDEX")
        .output()
        .expect("run planwatch")
}

#[test]
fn ingest_prints_the_evaluation_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db").display().to_string();
    // A work report: the year's results and the next year's goals.
    let report = format!("{DOCS}/u06_chongqing_report_2019.txt");
    let out = planwatch(&["ingest", &report, "--db", &db, "--no-index"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout
        .lines()
        .find(|l| l.starts_with("evaluation: "))
        .unwrap_or_else(|| panic!("no evaluation line in:\n{stdout}"));
    // `evaluation: N target(s): …` with N > 0.
    let n: usize = line
        .trim_start_matches("evaluation: ")
        .split(' ')
        .next()
        .and_then(|w| w.parse().ok())
        .unwrap_or(0);
    assert!(n > 0, "{line}");
    assert!(stdout.contains("planwatch serve"), "{stdout}");

    let again = planwatch(&["ingest", &report, "--db", &db, "--no-index", "--no-summary"]);
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(again.status.success());
    assert!(stdout.contains("1 unchanged"), "{stdout}");
    assert!(!stdout.contains("evaluation:"), "{stdout}");
}
