//! `planwatch unit email`, `planwatch overdue` and `planwatch remind`
//! (`--dry-run`, then for real to a local SMTP sink, then not again within
//! 24 hours), against a SQLite file.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

/// A plan (十四五, 2021–2025) with a target for 2025.
const PLAN: &str = "锦州市国民经济和社会发展第十四个五年规划纲要\n\n\
第一章 发展目标\n\n\
2020年，全市地区生产总值达到800亿元。到2025年，全市地区生产总值达到1000亿元。\n";
const PLAN_NAME: &str = "jz-plan.txt";
const UNIT: &str = "锦州市统计局";

struct Db {
    dir: tempfile::TempDir,
    url: String,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = dir.path().join("t.db").display().to_string();
        Db { dir, url }
    }

    fn run(&self, args: &[&str]) -> Output {
        let index = self.dir.path().join("index").display().to_string();
        Command::new(env!("CARGO_BIN_EXE_planwatch"))
            .args(args)
            .args(["--db", &self.url])
            .args(if args.first() == Some(&"ingest") {
                vec!["--index", index.as_str()]
            } else {
                Vec::new()
            })
            .env_remove("PLANWATCH_DB")
            .env_remove("PLANWATCH_INDEX")
            .env_remove("PLANWATCH_SMTP_HOST")
            .env_remove("PLANWATCH_SMTP_PORT")
            .env_remove("PLANWATCH_SMTP_FROM")
            .output()
            .expect("run planwatch")
    }
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

/// A one-thread SMTP sink: answers each command as a relay would and keeps
/// each message's recipients and data.
/// Each message's envelope recipients and data.
type Mails = Arc<Mutex<Vec<(Vec<String>, String)>>>;

fn smtp_sink() -> (u16, Mails) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let got: Mails = Arc::default();
    let kept = got.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut w) = stream else { return };
            let Ok(r) = w.try_clone() else { return };
            let mut lines = BufReader::new(r).lines();
            let _ = w.write_all(b"220 sink\r\n");
            let mut rcpt = Vec::new();
            while let Some(Ok(line)) = lines.next() {
                let upper = line.to_ascii_uppercase();
                if upper.starts_with("RCPT TO:") {
                    rcpt.push(line[8..].trim().to_string());
                } else if upper.starts_with("DATA") {
                    let _ = w.write_all(b"354 go on\r\n");
                    let mut data = String::new();
                    for l in lines.by_ref() {
                        let Ok(l) = l else { break };
                        if l == "." {
                            break;
                        }
                        data.push_str(&l);
                        data.push('\n');
                    }
                    if let Ok(mut k) = kept.lock() {
                        k.push((std::mem::take(&mut rcpt), data));
                    }
                } else if upper.starts_with("QUIT") {
                    let _ = w.write_all(b"221 bye\r\n");
                    break;
                }
                let _ = w.write_all(b"250 OK\r\n");
            }
        }
    });
    (port, got)
}

#[test]
fn overdue_and_reminders_from_the_command_line() {
    let db = Db::new();
    let plan = db.dir.path().join(PLAN_NAME);
    std::fs::write(&plan, PLAN).expect("write plan");
    ok(&db.run(&["ingest", plan.to_str().expect("utf-8")]));
    let csv = db.dir.path().join("units.csv");
    std::fs::write(&csv, format!("name\n{UNIT}\n")).expect("write units");
    ok(&db.run(&["unit", "import", csv.to_str().expect("utf-8")]));
    let facts: serde_json::Value = serde_json::from_str(&ok(&db.run(&[
        "facts", "--doc", PLAN_NAME, "--kind", "target", "--format", "json",
    ])))
    .expect("JSON");
    let ord = facts
        .as_array()
        .and_then(|a| a.iter().find(|f| f["value"] == 1000.0))
        .and_then(|f| f["ord"].as_f64())
        .expect("the target") as i64;
    let target = format!("{PLAN_NAME}#{ord}");

    // Nothing is overdue before the target is assigned.
    let out = db.run(&["overdue", "--format", "json"]);
    assert_eq!(ok(&out).trim(), "[]");
    ok(&db.run(&["assign", &target, "--lead", UNIT]));

    // Overdue: the years of the plan, 2021 to 2025, all past 31 March of the next year.
    let rows: serde_json::Value =
        serde_json::from_str(&ok(&db.run(&["overdue", "--format", "json"]))).expect("JSON");
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{rows}");
    assert_eq!(rows[0]["unit"], UNIT);
    assert_eq!(rows[0]["target"], target.as_str());
    assert!(
        rows[0]["periods_overdue"]
            .as_str()
            .is_some_and(|y| y.ends_with("2025年")),
        "{rows}"
    );
    assert_eq!(rows[0]["due"], "2022年3月31日", "{rows}");
    let table = ok(&db.run(&["overdue"]));
    assert!(
        table.contains(UNIT) && table.contains("地区生产总值"),
        "{table}"
    );

    // A dry run without an address: nothing to send.
    let out = ok(&db.run(&["remind", "--dry-run"]));
    assert!(
        out.contains("not reminded") && out.contains("no_email"),
        "{out}"
    );
    // Sending without a relay is refused in one line.
    let out = db.run(&["remind"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--smtp-host"));

    // With an address: the dry run shows the e-mail, and records nothing.
    let out = ok(&db.run(&["unit", "email", UNIT, "tj@jz.example"]));
    assert!(out.contains("tj@jz.example"), "{out}");
    let bad = db.run(&["unit", "email", UNIT, "not an address"]);
    assert_eq!(bad.status.code(), Some(2));
    let out = ok(&db.run(&["remind", "--dry-run"]));
    assert!(
        out.contains("would send to 锦州市统计局 <tj@jz.example>"),
        "{out}"
    );
    assert!(
        out.contains("地区生产总值") && out.contains("2025年"),
        "{out}"
    );
    let out = ok(&db.run(&["remind", "--dry-run"]));
    assert!(
        out.contains("would send"),
        "a dry run records nothing: {out}"
    );

    // For real, to a local sink; then not again within 24 hours.
    let (port, got) = smtp_sink();
    let port = port.to_string();
    let smtp = [
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        port.as_str(),
        "--smtp-from",
        "planwatch@test.example",
    ];
    let out = ok(&db.run(&[&["remind"][..], &smtp[..]].concat()));
    assert!(
        out.contains("sent to 锦州市统计局 <tj@jz.example>: 1 target(s)"),
        "{out}"
    );
    let mails = got.lock().expect("sink").clone();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].0, vec!["<tj@jz.example>".to_string()]);
    let out = ok(&db.run(&[&["remind"][..], &smtp[..]].concat()));
    assert!(out.contains("recent"), "{out}");
    assert_eq!(got.lock().expect("sink").len(), 1);
    let rows: serde_json::Value =
        serde_json::from_str(&ok(&db.run(&["overdue", "--format", "json"]))).expect("JSON");
    assert!(rows[0]["last_reminded"].as_f64().is_some(), "{rows}");
}
