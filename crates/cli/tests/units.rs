//! `planwatch unit` and `planwatch assign` end to end, against SQLite and,
//! when PLANWATCH_TEST_PG is set, PostgreSQL: units from CSV and XLSX, bad
//! files refused in one line, targets assigned from the text and by hand.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The corpus implementation plan, which names who answers for its tasks.
const IMPL: &str = "004_b9baa1fb878a84dd.txt";
/// A corpus plan that names nobody.
const PLAN: &str = "001_cb27c06e08f47c2d.txt";

fn corpus(name: &str) -> String {
    format!("{}/../../samples/corpus/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// A store for one test: a SQLite file, or a fresh PostgreSQL database.
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

    fn postgres() -> Option<Db> {
        let Ok(base) = std::env::var("PLANWATCH_TEST_PG") else {
            eprintln!("note: PLANWATCH_TEST_PG is not set; skipping the PostgreSQL run");
            return None;
        };
        let url = runtime()
            .block_on(planwatch_store::testing::fresh_postgres(&base, "cli_units"))
            .expect("create test database");
        Some(Db {
            dir: tempfile::tempdir().expect("tempdir"),
            url,
            pg: Some(base),
        })
    }

    fn run(&self, args: &[&str]) -> Output {
        let index = self.dir.path().join("index").display().to_string();
        Command::new(env!("CARGO_BIN_EXE_planwatch"))
            .args(args)
            .args(["--db", &self.url, "--index", &index])
            .env_remove("PLANWATCH_DB")
            .env_remove("PLANWATCH_INDEX")
            .output()
            .expect("run planwatch")
    }

    /// Runs a command that only reads or writes the store (no --index).
    fn store(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_planwatch"))
            .args(args)
            .args(["--db", &self.url])
            .env_remove("PLANWATCH_DB")
            .output()
            .expect("run planwatch")
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write file");
        p
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Some(base) = &self.pg {
            let _ = runtime().block_on(planwatch_store::testing::drop_postgres(base, &self.url));
        }
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

/// The one error line of a refused command (exit 2, no panic).
fn refused(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("planwatch: "), "{err}");
    err
}

fn json(out: &Output) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(&ok(out))
        .expect("JSON output")
        .as_array()
        .cloned()
        .expect("an array")
}

fn names(units: &[serde_json::Value]) -> Vec<String> {
    units
        .iter()
        .map(|u| u["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn units_and_assignments(db: &Db) {
    ok(&db.run(&["ingest", &corpus(IMPL), &corpus(PLAN)]));

    // A CSV list, imported once.
    let csv = db.file(
        "units.csv",
        "名称,简称\n锦州市发展和改革委员会,市发展改革委\n市统计局,\n".as_bytes(),
    );
    let out = ok(&db.store(&["unit", "import", path(&csv)]));
    assert!(out.contains("2 unit(s) added, 0 already stored"), "{out}");
    let out = ok(&db.store(&["unit", "import", path(&csv)]));
    assert!(out.contains("0 unit(s) added, 2 already stored"), "{out}");
    // An XLSX list.
    let mut t = planwatch_store::export::Table::new(&["name", "short_name"]);
    t.push(vec!["锦州市财政局".into(), "市财政局".into()]);
    let xlsx = db.file("more.xlsx", &t.xlsx("单位").expect("xlsx"));
    let out = ok(&db.store(&["unit", "import", path(&xlsx)]));
    assert!(out.contains("1 unit(s) added"), "{out}");

    // Bad files: one line naming the file and the problem; nothing stored.
    let missing = db.dir.path().join("none.csv");
    let err = refused(&db.store(&["unit", "import", path(&missing)]));
    assert!(
        err.contains("none.csv") && err.contains("cannot read"),
        "{err}"
    );
    let binary = db.file("units.bin", b"\x00\x01\x02\x03binary");
    let err = refused(&db.store(&["unit", "import", path(&binary)]));
    assert!(err.contains("units.bin") && err.contains("binary"), "{err}");
    let headless = db.file("headless.csv", "市水务局\n市住建局\n".as_bytes());
    let err = refused(&db.store(&["unit", "import", path(&headless)]));
    assert!(
        err.contains("headless.csv") && err.contains("name[,short_name]"),
        "{err}"
    );
    let bad_row = db.file("bad.csv", "name\n市水务局\n甲局、乙局\n".as_bytes());
    let err = refused(&db.store(&["unit", "import", path(&bad_row)]));
    assert!(err.contains("bad.csv: row 3"), "{err}");
    let broken = db.file("broken.xlsx", b"PK\x03\x04 not a workbook");
    let err = refused(&db.store(&["unit", "import", path(&broken)]));
    assert!(err.contains("broken.xlsx") && err.contains("XLSX"), "{err}");
    let listed = json(&db.store(&["unit", "list", "--format", "json"]));
    assert_eq!(
        names(&listed),
        ["市统计局", "锦州市发展和改革委员会", "锦州市财政局"]
    );

    // From the text: 市水务局 is added, 市发展改革委 is the stored unit's short name.
    let out = ok(&db.store(&["unit", "assign-from-text"]));
    let assigned: usize = out
        .split(" target(s) assigned")
        .next()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{out}"));
    assert!(assigned > 10, "{out}");
    assert!(out.contains("市水务局"), "{out}");
    let listed = json(&db.store(&["unit", "list", "--format", "json"]));
    assert!(!names(&listed).contains(&"市发展改革委".to_string()));
    let ndrc = listed
        .iter()
        .find(|u| u["name"] == "锦州市发展和改革委员会")
        .expect("listed");
    assert!(ndrc["targets"].as_f64().is_some_and(|n| n > 0.0), "{ndrc}");
    let water = json(&db.store(&["unit", "targets", "市水务局", "--format", "json"]));
    assert!(!water.is_empty());
    assert!(water
        .iter()
        .all(|t| t["target"].as_str().is_some_and(|s| s.starts_with(IMPL))));
    let out = ok(&db.store(&["unit", "assign-from-text"]));
    assert!(out.starts_with("0 target(s) assigned"), "{out}");

    // By hand: a target of the plan, named as `planwatch facts` shows it.
    let targets = json(&db.store(&[
        "facts", "--doc", PLAN, "--kind", "target", "--format", "json",
    ]));
    let ord = targets[0]["ord"].as_f64().expect("ord") as i64;
    let target = format!("{PLAN}#{ord}");
    let out = ok(&db.store(&[
        "assign",
        &target,
        "--lead",
        "市统计局",
        "--partner",
        "市发展改革委",
    ]));
    assert!(
        out.contains("牵头 市统计局; 配合 锦州市发展和改革委员会"),
        "{out}"
    );
    let stats = json(&db.store(&["unit", "targets", "市统计局", "--format", "json"]));
    assert_eq!(stats.len(), 1);
    assert_eq!(stats[0]["target"], target.as_str());
    assert_eq!(stats[0]["role"], "lead");
    // Refused, each in one line: an unknown unit, an achieved value, a bad
    // or unknown target.
    let err = refused(&db.store(&["assign", &target, "--lead", "无此局"]));
    assert!(
        err.contains("no unit named 无此局") && err.contains("unit import"),
        "{err}"
    );
    let actuals = json(&db.store(&[
        "facts", "--doc", PLAN, "--kind", "actual", "--format", "json",
    ]));
    let actual = format!("{PLAN}#{}", actuals[0]["ord"].as_f64().expect("ord") as i64);
    let err = refused(&db.store(&["assign", &actual, "--lead", "市统计局"]));
    assert!(err.contains("not a target"), "{err}");
    let err = refused(&db.store(&["assign", PLAN, "--lead", "市统计局"]));
    assert!(err.contains("DOC#ORD"), "{err}");
    let err = refused(&db.store(&["assign", "nothing.txt#1", "--lead", "市统计局"]));
    assert!(err.contains("no stored document nothing.txt"), "{err}");
    let err = refused(&db.store(&["assign", &format!("{PLAN}#99999"), "--lead", "市统计局"]));
    assert!(err.contains("no fact"), "{err}");
    // Cleared.
    let out = ok(&db.store(&["assign", &target, "--clear"]));
    assert!(out.contains("assignment cleared"), "{out}");
    let out = ok(&db.store(&["assign", &target, "--clear"]));
    assert!(out.contains("had no assignment"), "{out}");

    // Retired: out of the list, still there with --all, refused for new targets.
    let out = ok(&db.store(&["unit", "retire", "市统计局"]));
    assert!(out.contains("retired"), "{out}");
    let listed = json(&db.store(&["unit", "list", "--format", "json"]));
    assert!(!names(&listed).contains(&"市统计局".to_string()));
    let all = json(&db.store(&["unit", "list", "--all", "--format", "json"]));
    assert!(all
        .iter()
        .any(|u| u["name"] == "市统计局" && u["retired"] == "retired"));
    let err = refused(&db.store(&["assign", &target, "--lead", "市统计局"]));
    assert!(err.contains("retired"), "{err}");
}

#[test]
fn units_and_assignments_on_sqlite() {
    units_and_assignments(&Db::sqlite());
}

#[test]
fn units_and_assignments_on_postgres() {
    if let Some(db) = Db::postgres() {
        units_and_assignments(&db);
    }
}

/// `planwatch submissions`: the values reported on the web, by status and
/// target, read by the operator.
#[test]
fn submissions_are_listed_by_status_and_target() {
    use planwatch_store::{NewSubmission, Role, Store, SubmissionInput};
    let db = Db::sqlite();
    ok(&db.run(&["ingest", &corpus(PLAN)]));
    let out = ok(&db.store(&["unit", "list"]));
    assert!(!out.contains("市统计局"), "{out}");
    let id = runtime().block_on(async {
        let store = Store::open(&db.url).await.expect("open");
        let doc = store
            .find_document(PLAN)
            .await
            .expect("find")
            .expect("stored");
        let target = store
            .facts(&planwatch_store::FactFilter {
                doc: Some(PLAN.into()),
                kind: Some(planwatch_core::Kind::Target),
                ..Default::default()
            })
            .await
            .expect("facts")
            .into_iter()
            .find(|f| f.fact.value.is_some())
            .expect("a numeric target");
        let fact = planwatch_catalog::FactId::new(doc.id.clone(), target.ord);
        store
            .add_units(&[planwatch_store::NewUnit::named("市统计局")], None)
            .await
            .expect("unit");
        store
            .assign(&fact, &["市统计局".to_string()], &[], None)
            .await
            .expect("assign");
        let li = store
            .add_user(
                "li",
                "li-password",
                Role::Reporter,
                &["市统计局".into()],
                None,
            )
            .await
            .expect("reporter");
        let zhao = store
            .add_user("zhao", "zhao-password", Role::Reviewer, &[], None)
            .await
            .expect("reviewer");
        let s = store
            .create_submission(
                &NewSubmission {
                    fact,
                    unit: "市统计局".into(),
                    input: SubmissionInput {
                        year: 2018,
                        quarter: None,
                        month: Some(6),
                        value: 12.5,
                        measure_unit: None,
                        narrative: "上半年".into(),
                    },
                },
                &li,
            )
            .await
            .expect("draft");
        store
            .submit_submission(s.id, &li, s.version, None)
            .await
            .expect("submit");
        store
            .return_submission(s.id, &zhao, "请补充数据来源")
            .await
            .expect("return");
        store.close().await;
        (s.id, target.ord)
    });
    let rows = json(&db.store(&["submissions", "--status", "returned", "--format", "json"]));
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["id"].as_f64(), Some(id.0 as f64));
    assert_eq!(rows[0]["period"], "2018年6月");
    assert_eq!(rows[0]["review_comment"], "请补充数据来源");
    assert_eq!(rows[0]["unit"], "市统计局");
    let target = format!("{PLAN}#{}", id.1);
    let rows = json(&db.store(&["submissions", "--target", &target, "--format", "json"]));
    assert_eq!(rows.len(), 1, "{rows:?}");
    let rows = json(&db.store(&["submissions", "--status", "approved", "--format", "json"]));
    assert!(rows.is_empty(), "{rows:?}");
    let err = refused(&db.store(&["submissions", "--status", "done"]));
    assert!(
        err.contains("draft, submitted, returned or approved"),
        "{err}"
    );
    let err = refused(&db.store(&["submissions", "--unit", "市水务局"]));
    assert!(err.contains("市水务局"), "{err}");
}
