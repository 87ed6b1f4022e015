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

/// A folder holding documents and a table of actuals: the table is imported
/// as `planwatch import` would, and its actuals meet the plan's targets.
#[test]
fn ingest_imports_a_table_of_actuals_beside_documents() {
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples");
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db").display().to_string();
    let out = planwatch(&["ingest", samples, "--db", &db, "--no-index", "--no-summary"]);
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = planwatch(&["docs", "--db", &db]);
    let listing = String::from_utf8_lossy(&docs.stdout);
    assert!(listing.contains("actuals-jinzhou-huludao.csv"), "{listing}");
    // The table's 2018 GDP of 葫芦岛 (a row no shipped text in samples/reports
    // states as plainly) is stored as an actual of that year.
    let facts = planwatch(&[
        "facts",
        "--db",
        &db,
        "--doc",
        "actuals-jinzhou-huludao.csv",
        "--format",
        "jsonl",
    ]);
    let rows = String::from_utf8_lossy(&facts.stdout);
    assert!(
        rows.lines().any(|l| l.contains("\"地区生产总值\"")
            && l.contains("\"葫芦岛市\"")
            && l.contains("\"year\":2018")
            && l.contains("812.8")),
        "{rows}"
    );
    // A CSV that is no actuals table is read as a document, not refused.
    let other = dir.path().join("notes.csv");
    std::fs::write(&other, "名称,说明\n甲,乙\n").expect("write");
    let out = planwatch(&[
        "ingest",
        &other.display().to_string(),
        "--db",
        &db,
        "--no-index",
        "--no-summary",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
