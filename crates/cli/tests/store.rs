//! The store commands end to end (ingest, docs, facts, series, check, import, export, search),
//! against SQLite and, when PLANWATCH_TEST_PG is set, PostgreSQL.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The real documents of the wide set, shipped in the repository.
const WIDE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../extract/tests/wide/docs");

/// Real documents shipped in the repository: the sample plan and four of the
/// wide set (two work reports, a plan review citing 研究与试验发展(R&D)经费投入强度,
/// a bulletin).
fn shipped() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    [
        "samples/sample-city-plan.txt",
        "crates/extract/tests/wide/docs/b10_suzhou_report_2021.txt",
        "crates/extract/tests/wide/docs/ba01_sichuan_midterm_2019.txt",
        "crates/extract/tests/wide/docs/h02_liaoning_bulletin_2022.txt",
        "crates/extract/tests/wide/docs/u06_chongqing_report_2019.txt",
    ]
    .iter()
    .map(|p| format!("{root}/{p}"))
    .collect()
}

fn planwatch(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(args)
        .args(["--db", db])
        .env_remove("PLANWATCH_DB")
        .env_remove("PLANWATCH_INDEX")
        .output()
        .expect("run planwatch")
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

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_str(&ok(out)).expect("JSON output")
}

/// A SQLite store in a temporary folder.
struct Db {
    dir: tempfile::TempDir,
    url: String,
    pg: Option<String>,
}

impl Db {
    fn sqlite() -> Db {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = dir.path().join("t.db").display().to_string();
        Db { dir, url, pg: None }
    }

    fn postgres(label: &str) -> Option<Db> {
        let Ok(base) = std::env::var("PLANWATCH_TEST_PG") else {
            eprintln!("note: PLANWATCH_TEST_PG is not set; skipping the PostgreSQL run of {label}");
            return None;
        };
        let url = runtime()
            .block_on(planwatch_store::testing::fresh_postgres(&base, label))
            .expect("create test database");
        let dir = tempfile::tempdir().expect("tempdir");
        Some(Db {
            dir,
            url,
            pg: Some(base),
        })
    }

    fn run(&self, args: &[&str]) -> Output {
        let index = self.dir.path().join("index").display().to_string();
        let mut all: Vec<&str> = args.to_vec();
        if !matches!(args.first(), Some(&"export")) {
            all.extend(["--index", index.as_str()]);
        }
        planwatch(&self.url, &all)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Some(base) = &self.pg {
            let _ = runtime().block_on(planwatch_store::testing::drop_postgres(base, &self.url));
        }
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

fn totals_line(stdout: &str) -> String {
    stdout
        .lines()
        .find(|l| l.starts_with("store "))
        .unwrap_or_default()
        .to_string()
}

fn ingest_shipped_twice(db: Db) {
    let files = shipped();
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    let first = ok(&db.run(&args));
    let second = ok(&db.run(&args));
    assert!(
        totals_line(&first).contains("5 document(s), 5 revision(s)"),
        "{first}"
    );
    assert_eq!(totals_line(&first), totals_line(&second));
    assert!(
        second.contains("0 stored") && second.contains("5 unchanged"),
        "{second}"
    );
    let docs = json(&db.run(&["docs", "--format", "json"]));
    let docs = docs.as_array().expect("array");
    assert_eq!(docs.len(), 5);
    // Every document's fact count matches its stored facts.
    let facts = ok(&db.run(&["facts", "--format", "jsonl"]));
    for d in docs {
        let name = d["name"].as_str().expect("name");
        let n = facts
            .lines()
            .filter(|l| l.contains(&format!("\"doc\":\"{name}\"")))
            .count();
        assert_eq!(Some(n as f64), d["facts"].as_f64(), "{name}");
    }
    // jsonl is the SCHEMA.md shape plus the canonical indicator.
    if let Some(line) = facts.lines().next() {
        let v: serde_json::Value = serde_json::from_str(line).expect("jsonl");
        for key in [
            "doc",
            "kind",
            "indicator",
            "region",
            "year",
            "value",
            "unit",
            "measure",
            "quote",
            "canonical",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
    }
}

#[test]
fn sqlite_ingest_shipped_twice() {
    ingest_shipped_twice(Db::sqlite());
}

#[test]
fn postgres_ingest_shipped_twice() {
    if let Some(db) = Db::postgres("cli_corpus") {
        ingest_shipped_twice(db);
    }
}

#[test]
fn a_bad_file_is_reported_and_skipped_and_revisions_are_kept() {
    let db = Db::sqlite();
    let folder = db.path("docs");
    std::fs::create_dir_all(folder.join("sub")).expect("mkdir");
    std::fs::write(
        folder.join("good.txt"),
        "2024年锦州市政府工作报告\n地区生产总值增长5.4%。\n",
    )
    .expect("write");
    std::fs::write(folder.join("sub/empty.txt"), "").expect("write");
    let out = db.run(&["ingest", &folder.display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("empty.txt"), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 stored"));
    // A changed file with the same name is a new revision; the old one stays.
    std::fs::write(
        folder.join("good.txt"),
        "2024年锦州市政府工作报告\n地区生产总值增长6%。\n",
    )
    .expect("write");
    std::fs::remove_file(folder.join("sub/empty.txt")).expect("rm");
    let second = ok(&db.run(&["ingest", &folder.display().to_string()]));
    assert!(second.contains("1 new revision"), "{second}");
    let all = json(&db.run(&["docs", "--all", "--format", "json"]));
    let revs: Vec<f64> = all
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["revision"].as_f64())
        .collect();
    assert_eq!(revs, vec![1.0, 2.0]);
    assert_eq!(
        json(&db.run(&["docs", "--format", "json"]))
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

const ACTUALS: &str = "indicator,region,year,value,unit,measure,source\n\
研发经费投入强度,甲市,2019,1.5,%,level,公报2019\n\
,甲市,2020,1,%,level,\n\
R&D经费投入强度,甲市,2020,1.6,%,level,公报2020\n\
地区生产总值,甲市,二〇二〇,1,亿元,level,\n\
地区生产总值,甲市,2020,1850,亿元,speed,\n\
地区生产总值,甲市,2020,185000000,万元,level,公报2020\n";

fn import_reports_bad_rows_and_links_series(db: Db) {
    let csv = db.path("actuals.csv");
    std::fs::write(&csv, ACTUALS).expect("write");
    let out = db.run(&["import", &csv.display().to_string()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "bad rows make the exit status 1"
    );
    let err = stderr(&out);
    for row in ["row 3:", "row 5:", "row 6:"] {
        assert!(err.contains(row), "{row} not reported: {err}");
    }
    assert!(
        !err.contains("row 2:") && !err.contains("row 4:") && !err.contains("row 7:"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("3 row(s) imported"));
    // Importing the same file again changes nothing.
    let again = db.run(&["import", &csv.display().to_string()]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("already imported"));
    // The synonym merges two written names into one series.
    let s = json(&db.run(&[
        "series",
        "研究与试验发展经费投入强度",
        "--region",
        "甲市",
        "--format",
        "json",
    ]));
    let years: Vec<i64> = s["points"]
        .as_array()
        .expect("points")
        .iter()
        .filter_map(|p| p["year"].as_i64())
        .collect();
    assert_eq!(years, vec![2019, 2020]);
    assert_eq!(s["indicator"], "研究与试验发展经费投入强度");
    // Units convert to the catalogue's: 185000000 万元 = 18500 亿元.
    let g = json(&db.run(&["series", "GDP", "--region", "甲", "--format", "json"]));
    assert_eq!(g["points"][0]["value"].as_f64(), Some(18500.0));
    // Export and re-import through XLSX.
    let xlsx = db.path("facts.xlsx");
    ok(&db.run(&[
        "export",
        "facts",
        "--region",
        "甲市",
        "--out",
        &xlsx.display().to_string(),
    ]));
    let back = db.run(&["import", &xlsx.display().to_string()]);
    assert!(
        String::from_utf8_lossy(&back.stdout).contains("3 row(s) imported"),
        "{}",
        stderr(&back)
    );
    let csv_out = db.path("series.csv");
    ok(&db.run(&[
        "export",
        "series",
        "R&D经费投入强度",
        "--out",
        &csv_out.display().to_string(),
    ]));
    let text = std::fs::read_to_string(&csv_out).expect("csv");
    assert!(text.starts_with("indicator,year,kind,measure"), "{text}");
    assert_eq!(text.lines().count(), 1 + 4, "{text}");
}

#[test]
fn sqlite_import_reports_bad_rows_and_links_series() {
    import_reports_bad_rows_and_links_series(Db::sqlite());
}

#[test]
fn postgres_import_reports_bad_rows_and_links_series() {
    if let Some(db) = Db::postgres("cli_import") {
        import_reports_bad_rows_and_links_series(db);
    }
}

#[test]
fn imports_the_shipped_actuals_template() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../catalog/data/actuals-template.csv"
    );
    let db = Db::sqlite();
    let out = ok(&db.run(&["import", path]));
    assert!(out.contains("0 bad row(s)"), "{out}");
    let s = json(&db.run(&[
        "series",
        "地区生产总值",
        "--region",
        "锦州",
        "--format",
        "json",
    ]));
    assert_eq!(s["points"].as_array().map(Vec::len), Some(2), "{s}");
}

#[test]
fn check_flags_a_constructed_2020_gdp_disagreement() {
    let db = Db::sqlite();
    let a = db.path("outline.csv");
    let b = db.path("plan.csv");
    std::fs::write(&a, "indicator,region,year,value,unit,measure,kind,quote\n地区生产总值,锦州市,2020,2000,亿元,level,target,地区生产总值突破2000亿元\n").expect("write");
    std::fs::write(&b, "indicator,region,year,value,unit,measure,kind,quote\nGDP,锦州市,2020,1900,亿元,level,target,地区生产总值 (亿元)\t1357.5\t1900\n").expect("write");
    ok(&db.run(&["import", &a.display().to_string()]));
    ok(&db.run(&["import", &b.display().to_string()]));
    let findings = json(&db.run(&["check", "--region", "锦州", "--format", "json"]));
    let f = findings
        .as_array()
        .expect("array")
        .iter()
        .find(|f| f["kind"] == "target_conflict" && f["indicator"] == "地区生产总值")
        .expect("the 2020 GDP conflict");
    assert_eq!(f["year"], 2020);
    let quotes: Vec<&str> = f["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .filter_map(|e| e["quote"].as_str())
        .collect();
    assert_eq!(quotes.len(), 2);
    assert!(quotes.contains(&"地区生产总值突破2000亿元"), "{quotes:?}");
    let text = ok(&db.run(&["check"]));
    assert!(
        text.contains("地区生产总值突破2000亿元") && text.contains("1 finding(s)"),
        "{text}"
    );
    let failing = db.run(&["check", "--fail-on-findings"]);
    assert_eq!(failing.status.code(), Some(1));
}

#[test]
fn search_finds_synonyms_with_highlights() {
    let db = Db::sqlite();
    let files = shipped();
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    ok(&db.run(&args));
    let hits = json(&db.run(&["search", "研发经费投入强度", "--format", "json"]));
    let hits = hits.as_array().expect("array");
    assert!(!hits.is_empty());
    assert!(
        hits.iter().any(|h| h["snippet"]
            .as_str()
            .is_some_and(|s| s.contains("研究与试验发展"))),
        "{hits:?}"
    );
    assert!(hits
        .iter()
        .all(|h| !h["highlights"].as_array().is_some_and(Vec::is_empty)));
    let region = json(&db.run(&[
        "search",
        "地区生产总值",
        "--region",
        "重庆",
        "--format",
        "json",
    ]));
    let region = region.as_array().expect("array");
    assert!(!region.is_empty());
    assert!(region.iter().all(|h| h["region"] == "重庆市"), "{region:?}");
    let typed = json(&db.run(&[
        "search",
        "地区生产总值",
        "--type",
        "work_report",
        "--format",
        "json",
    ]));
    assert!(typed
        .as_array()
        .expect("array")
        .iter()
        .all(|h| h["doc_type"] == "work_report"));
    // A deleted index is rebuilt from the store.
    std::fs::remove_dir_all(db.path("index")).expect("rm index");
    let again = json(&db.run(&["search", "森林覆盖率", "--format", "json"]));
    assert!(!again.as_array().expect("array").is_empty());
}

/// The wide set's files, sorted by name.
fn wide_docs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(WIDE)
        .expect("wide documents")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// The token on the marker line of every document of the kill test.
const KILL_MARK: &str = "planwatchkill";

/// Arguments of `planwatch ingest` over `folder` (the caller adds `--db`/`--index`).
fn ingest_args(folder: &Path, index: bool) -> Vec<String> {
    let mut args = vec![
        "ingest".to_string(),
        folder.display().to_string(),
        "--no-summary".to_string(),
    ];
    if !index {
        args.push("--no-index".to_string());
    }
    args
}

/// Every revision stored in `db`, checked against the clean ingest `reference`
/// (each document's row and the multiset of its facts, by name) and against
/// itself (its fact count is its fact rows; no fact without its document).
/// Returns the stored names.
fn whole_documents(
    db: &Db,
    ref_docs: &std::collections::HashMap<String, serde_json::Value>,
    ref_facts: &std::collections::HashMap<String, Vec<String>>,
) -> Vec<String> {
    // A kill before the store file was made leaves nothing, which is whole.
    if db.pg.is_none() && !Path::new(&db.url).exists() {
        return Vec::new();
    }
    let docs = json(&db.run(&["docs", "--all", "--format", "json"]));
    let facts = facts_by_doc(&ok(&db.run(&[
        "facts",
        "--all-revisions",
        "--format",
        "jsonl",
    ])));
    let mut names = Vec::new();
    for d in docs.as_array().expect("array") {
        let name = d["name"].as_str().expect("name").to_string();
        let want = ref_docs
            .get(&name)
            .unwrap_or_else(|| panic!("{name} is not a document of the test"));
        assert_eq!(d, want, "{name}: row differs from a clean ingest's");
        let got = facts.get(&name).cloned().unwrap_or_default();
        assert_eq!(
            d["facts"].as_f64(),
            Some(got.len() as f64),
            "{name}: fact count and fact rows differ"
        );
        assert_eq!(
            Some(&got),
            ref_facts.get(&name).or(Some(&Vec::new())),
            "{name}: facts differ from a clean ingest's"
        );
        names.push(name);
    }
    for doc in facts.keys() {
        assert!(names.contains(doc), "facts of {doc} without its document");
    }
    names
}

/// Fact lines (`facts --format jsonl`) by document name, each list sorted.
fn facts_by_doc(jsonl: &str) -> std::collections::HashMap<String, Vec<String>> {
    let mut out: std::collections::HashMap<String, Vec<String>> = Default::default();
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("jsonl");
        let doc = v["doc"].as_str().expect("doc").to_string();
        out.entry(doc).or_default().push(line.to_string());
    }
    for lines in out.values_mut() {
        lines.sort();
    }
    out
}

/// The document names of the passages (not facts) `planwatch search query` finds.
fn hit_docs(db: &Db, query: &str) -> Vec<String> {
    let hits = json(&db.run(&["search", query, "--limit", "100000", "--format", "json"]));
    let mut docs: Vec<String> = hits
        .as_array()
        .expect("array")
        .iter()
        .filter(|h| h["kind"] == "text")
        .map(|h| h["doc"].as_str().expect("doc").to_string())
        .collect();
    docs.sort();
    docs
}

/// Kill -9 at 20 points spread over `planwatch ingest` runs (issue 9): every
/// document is whole or absent, and after a restart (`planwatch ingest` of
/// the same folder) the store holds each document once and the index agrees
/// with it.
///
/// One store takes 20 folders of 16 real documents of the wide set, each
/// document with a last paragraph of marker words (`planwatchkill`, then
/// `killtrialKK killdocKKxII`). A clean ingest of each folder into a
/// reference store gives every document's row and facts, and how long
/// storing that folder takes (D). Trial K ingests folder K, with the index
/// in 15 trials and `--no-index` in 5, and kills it (SIGKILL) after
/// 1.2 × D × a fraction, the fractions 0.025, 0.075, … 0.975 in a scrambled
/// order: most kills land while documents are stored, the last ones while
/// the index is written. After the kill, every stored revision's row and
/// facts are the clean ingest's (and its fact count its fact rows), the
/// earlier folders are all there, and folder K's stored documents are the
/// first of its sorted files. After the restart, which must have stored
/// exactly the rest (none twice, no new revision), the store holds every
/// document once and whole, and a search for `planwatchkill` finds each
/// stored document's marker passage exactly once, the document committed
/// last before the kill among them: the index holds what the store holds. At
/// least 5 trials must have killed an ingest with part of its folder stored.
#[test]
fn a_killed_ingest_leaves_whole_documents_only() {
    use std::collections::HashMap;
    use std::time::Instant;
    const TRIALS: usize = 20;
    const PER_TRIAL: usize = 16;
    let wide = wide_docs();
    assert!(wide.len() >= TRIALS * PER_TRIAL, "wide documents missing");
    let step = wide.len() / (TRIALS * PER_TRIAL);
    let db = Db::sqlite();
    let reference = Db::sqlite();
    let with_index = |k: usize| k % 4 != 3;
    // Trial K's folder and its file names (sorted, as ingest reads them).
    let folders: Vec<(PathBuf, Vec<String>)> = (0..TRIALS)
        .map(|k| {
            let folder = db.path(&format!("trial{k:02}"));
            std::fs::create_dir_all(&folder).expect("mkdir");
            let mut names = Vec::new();
            for i in 0..PER_TRIAL {
                let src = &wide[(k * PER_TRIAL + i) * step];
                let name = src
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned();
                let mut text = std::fs::read_to_string(src).expect("read");
                // A paragraph of its own: not joined to a last, unfinished line.
                text.push_str(&format!(
                    "\n\n{KILL_MARK} killtrial{k:02} killdoc{k:02}x{i:02}\n"
                ));
                std::fs::write(folder.join(&name), text).expect("write");
                names.push(name);
            }
            names.sort();
            (folder, names)
        })
        .collect();
    // The clean ingest: what each document must be, and how long storing
    // each folder takes (without the index, which is written after).
    let mut durations = Vec::new();
    for (folder, _) in &folders {
        let args = ingest_args(folder, false);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let t = Instant::now();
        ok(&reference.run(&args));
        durations.push(t.elapsed());
    }
    let ref_docs: HashMap<String, serde_json::Value> =
        json(&reference.run(&["docs", "--all", "--format", "json"]))
            .as_array()
            .expect("array")
            .iter()
            .map(|d| (d["name"].as_str().expect("name").to_string(), d.clone()))
            .collect();
    assert_eq!(ref_docs.len(), TRIALS * PER_TRIAL);
    let ref_facts = facts_by_doc(&ok(&reference.run(&["facts", "--format", "jsonl"])));
    let index = db.path("index").display().to_string();
    let mut expected: Vec<String> = Vec::new();
    let mut outcomes = Vec::new();
    let (mut partial, mut none, mut all, mut finished) = (0, 0, 0, 0);
    for (k, (folder, names)) in folders.iter().enumerate() {
        let frac = (((k * 7) % TRIALS) as f64 + 0.5) / TRIALS as f64;
        // Up to 1.2 times the storing: the last kills land after it, while
        // the index is written (or once the run is over, without the index).
        let delay = durations[k].mul_f64(1.2 * frac);
        let mut child = Command::new(env!("CARGO_BIN_EXE_planwatch"))
            .args(ingest_args(folder, with_index(k)))
            .args(["--db", db.url.as_str(), "--index", index.as_str()])
            .env_remove("PLANWATCH_DB")
            .env_remove("PLANWATCH_INDEX")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(delay);
        let killed = child.try_wait().expect("try_wait").is_none();
        if killed {
            child.kill().expect("kill");
        }
        let status = child.wait().expect("wait");
        assert!(
            killed || status.success(),
            "trial {k}: ingest failed: {status:?}"
        );
        // Whole or absent: every stored document as the clean ingest has it,
        // the earlier folders whole, and this folder's first files only.
        let stored = whole_documents(&db, &ref_docs, &ref_facts);
        let mut mine: Vec<String> = stored
            .iter()
            .filter(|n| names.contains(n))
            .cloned()
            .collect();
        mine.sort();
        assert_eq!(
            stored.len(),
            expected.len() + mine.len(),
            "trial {k}: {stored:?}"
        );
        assert!(expected.iter().all(|n| stored.contains(n)), "trial {k}");
        assert_eq!(mine, names[..mine.len()], "trial {k}: not a prefix");
        match mine.len() {
            _ if !killed => finished += 1,
            0 => none += 1,
            n if n == PER_TRIAL => all += 1,
            _ => partial += 1,
        }
        outcomes.push(format!(
            "#{k} {}{} after {:.0} ms: {}/{PER_TRIAL}",
            if killed { "killed" } else { "finished" },
            if with_index(k) { "" } else { " (--no-index)" },
            delay.as_secs_f64() * 1000.0,
            mine.len()
        ));
        // The restart stores exactly the rest, once.
        let out = ok(&db.run(&["ingest", &folder.display().to_string(), "--no-summary"]));
        let first = out.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!(
                "{PER_TRIAL} file(s): {} stored (0 new revision(s)), {} unchanged, 0 failed",
                PER_TRIAL - mine.len(),
                mine.len()
            )),
            "trial {k}: {out}"
        );
        expected.extend(names.iter().cloned());
        let facts: usize = expected
            .iter()
            .map(|n| ref_facts.get(n).map_or(0, Vec::len))
            .sum();
        let n = expected.len();
        assert!(
            totals_line(&out).ends_with(&format!(
                ": {n} document(s), {n} revision(s), {facts} fact(s)"
            )),
            "trial {k}: {out}"
        );
        let mut stored = whole_documents(&db, &ref_docs, &ref_facts);
        stored.sort();
        let mut want = expected.clone();
        want.sort();
        assert_eq!(stored, want, "trial {k}: after the restart");
        // The index agrees with the store: each document's marker line once,
        // the one committed just before the kill among them.
        let hits = hit_docs(&db, KILL_MARK);
        if let Some(last) = mine.last() {
            assert!(
                hits.contains(last),
                "trial {k}: {last}, stored last before the kill, is not found"
            );
        }
        assert_eq!(hits, want, "trial {k}: index and store differ");
    }
    eprintln!(
        "kill trials (delay, stored before the restart): {}\n\
         killed with part of the folder stored: {partial}, with none: {none}, \
         with all (while indexing or closing): {all}; finished before the kill: {finished}",
        outcomes.join("; ")
    );
    assert!(
        partial >= 5,
        "only {partial} of {TRIALS} kills landed while the folder was being stored: {outcomes:?}"
    );
}
#[test]
fn unmatched_indicators_are_listed_with_their_closest_entries() {
    let db = Db::sqlite();
    let csv = db.path("t.csv");
    std::fs::write(
        &csv,
        "indicator,region,year,value,unit,measure,source\n营商便利度指数,锦州市,2023,90,分,level,x\n规上工业增加值,锦州市,2023,5,%,growth,x\n",
    )
    .expect("write");
    ok(&db.run(&["import", &csv.display().to_string()]));
    let unmatched = json(&db.run(&["indicators", "--unmatched", "--format", "json"]));
    let rows = unmatched.as_array().expect("array");
    assert_eq!(rows.len(), 1, "{unmatched}");
    assert_eq!(rows[0]["indicator"], "营商便利度指数");
    assert!(
        rows[0]["closest"].as_str().is_some_and(|c| c.contains('(')),
        "{unmatched}"
    );
    let all = json(&db.run(&["indicators", "--format", "json"]));
    let gy = all
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["indicator"] == "规模以上工业增加值")
        .expect("catalogue entry");
    assert_eq!(gy["facts"].as_f64(), Some(1.0));
    assert!(all.as_array().expect("array").len() >= 60);
}

#[test]
fn reading_a_store_that_does_not_exist_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("none.db").display().to_string();
    let out = planwatch(&missing, &["docs"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no store at"), "{}", stderr(&out));
    assert!(!Path::new(&missing).exists());
}
