//! Issue 10: the audit trail is append-only and nothing is hard-deleted.
//! The store's SQL is read for every `DELETE FROM` and `UPDATE`: rows are
//! deleted only from the tables that hold no record (sessions, a reminder
//! claim released when its mail failed, an assignment replaced whole with
//! its before in the audit line), and the record tables (the audit trail,
//! submission versions, deputies' comments) are never updated. A new
//! statement against either rule fails here.

use std::path::{Path, PathBuf};

/// Tables rows may be deleted from.
const DELETABLE: &[&str] = &["sessions", "reminders", "assignments"];
/// Tables whose rows are never changed once written.
const APPEND_ONLY: &[&str] = &["audit", "submission_versions", "comments"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs" || x == "sql") {
            out.push(p);
        }
    }
}

/// The table named after each `keyword` in `text` (case-insensitive).
fn tables_after(text: &str, keyword: &str) -> Vec<String> {
    let upper = text.to_ascii_uppercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = upper[from..].find(keyword) {
        let start = from + i + keyword.len();
        let name: String = text[start..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name.to_ascii_lowercase());
        }
        from = start;
    }
    out
}

#[test]
fn nothing_is_deleted_and_records_are_never_changed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    sources(&root.join("migrations"), &mut files);
    assert!(files.len() > 10, "the store's sources were not found");
    let mut wrong = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for t in tables_after(&text, "DELETE FROM ") {
            if !DELETABLE.contains(&t.as_str()) {
                wrong.push(format!("{}: DELETE FROM {t}", f.display()));
            }
        }
        for t in tables_after(&text, "UPDATE ") {
            if APPEND_ONLY.contains(&t.as_str()) {
                wrong.push(format!("{}: UPDATE {t}", f.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_reader_finds_statements() {
    let sql = "DELETE FROM audit WHERE id = 1; update comments SET body = ''";
    assert_eq!(tables_after(sql, "DELETE FROM "), ["audit"]);
    assert_eq!(tables_after(sql, "UPDATE "), ["comments"]);
}
