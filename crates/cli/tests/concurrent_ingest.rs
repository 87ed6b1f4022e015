//! Two `planwatch ingest` processes on one new SQLite store at once: both succeed,
//! every document gets its own revision, and the shared index holds them all.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

const FILES: usize = 25;

fn spawn(db: &str, index: &str, folder: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(["ingest", "--no-summary", "--db", db, "--index", index])
        .arg(folder)
        .env_remove("PLANWATCH_DB")
        .env_remove("PLANWATCH_INDEX")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn planwatch ingest")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(db: &str, index: &str, args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(args)
        .args(["--db", db, "--index", index, "--format", "json"])
        .env_remove("PLANWATCH_DB")
        .env_remove("PLANWATCH_INDEX")
        .output()
        .expect("run planwatch");
    serde_json::from_str(&ok(&out)).expect("JSON output")
}

/// A folder of `FILES` small work reports of `city`, plus `shared.txt` (same name in both folders).
fn folder(root: &Path, city: &str) -> std::path::PathBuf {
    let dir = root.join(city);
    std::fs::create_dir_all(&dir).expect("mkdir");
    for i in 0..FILES {
        let text = format!(
            "2024年{city}第{i}区政府工作报告\n\n一、2023年工作回顾\n地区生产总值增长{}.{i}%，{city}森林覆盖率达到{}%。\n",
            i % 9 + 1,
            20 + i
        );
        std::fs::write(dir.join(format!("{city}-{i:02}.txt")), text).expect("write");
    }
    std::fs::write(
        dir.join("shared.txt"),
        format!("2024年{city}政府工作报告\n城镇化率达到60%。\n"),
    )
    .expect("write");
    dir
}

#[test]
fn two_ingests_on_one_sqlite_store_both_succeed() {
    let root = tempfile::tempdir().expect("tempdir");
    let db = root.path().join("t.db").display().to_string();
    let index = root.path().join("t.db.index").display().to_string();
    let a = folder(root.path(), "甲市");
    let b = folder(root.path(), "乙市");
    let first = spawn(&db, &index, &a);
    let second = spawn(&db, &index, &b);
    let first = first.wait_with_output().expect("wait");
    let second = second.wait_with_output().expect("wait");
    for out in [&first, &second] {
        let stdout = ok(out);
        assert!(
            stdout.contains(&format!("{} stored", FILES + 1)),
            "{stdout}"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("not updated"), "{stderr}");
    }
    let all = json(&db, &index, &["docs", "--all"]);
    let all = all.as_array().expect("array");
    assert_eq!(all.len(), 2 * FILES + 2);
    // Numbers come out as JSON floats.
    let mut shared: Vec<f64> = all
        .iter()
        .filter(|d| d["name"] == "shared.txt")
        .filter_map(|d| d["revision"].as_f64())
        .collect();
    shared.sort_by(f64::total_cmp);
    assert_eq!(shared, vec![1.0, 2.0], "no duplicate revision");
    // Both processes' documents reached the shared index.
    for city in ["甲市", "乙市"] {
        let hits = json(&db, &index, &["search", city, "--limit", "500"]);
        let docs: BTreeSet<&str> = hits
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|h| h["doc"].as_str())
            .filter(|d| d.starts_with(city))
            .collect();
        assert_eq!(docs.len(), FILES, "{city}: {docs:?}");
    }
}
