//! `planwatch evaluate` and `planwatch report` end to end: the sample plan
//! shipped in the repository (`samples/sample-city-plan.txt`) plus imported
//! actuals.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The repository's sample plan folder.
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples");
const PLAN: &str = "sample-city-plan.txt";

/// 示例市 GDP, values chosen for the test (as a statistical bulletin would print them).
const ACTUALS: &str = "\
indicator,region,year,value,unit,measure,source_title,quote
地区生产总值,示例市,2021,-2.5,%,growth,2021年示例市国民经济和社会发展统计公报,地区生产总值比上年下降2.5%
地区生产总值,示例市,2022,3.0,%,growth,2022年示例市国民经济和社会发展统计公报,地区生产总值比上年增长3.0%
地区生产总值,示例市,2023,5.0,%,growth,2023年示例市国民经济和社会发展统计公报,地区生产总值比上年增长5.0%
地区生产总值,示例市,2024,6.0,%,growth,2024年示例市国民经济和社会发展统计公报,地区生产总值比上年增长6.0%
地区生产总值,示例市,2025,0.5,%,growth,2025年示例市国民经济和社会发展统计公报,地区生产总值比上年增长0.5%
地区生产总值,示例市,2025,5000000,万元,level,2025年示例市国民经济和社会发展统计公报,全年地区生产总值5000000万元
";

fn planwatch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(args)
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

/// A temporary store holding the sample plan and the imported actuals.
struct Store {
    dir: tempfile::TempDir,
    db: String,
    index: String,
}

impl Store {
    fn new() -> Store {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("t.db").display().to_string();
        let index = dir.path().join("index").display().to_string();
        let store = Store { dir, db, index };
        ok(&store.run(&["ingest", &format!("{SAMPLES}/{PLAN}")]));
        let csv = store.path("sample-actuals.csv");
        std::fs::write(&csv, ACTUALS).expect("write csv");
        ok(&store.run(&["import", &csv.display().to_string()]));
        store
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut all = args.to_vec();
        all.extend(["--db", self.db.as_str()]);
        if matches!(args.first(), Some(&"ingest" | &"import")) {
            all.extend(["--index", self.index.as_str()]);
        }
        planwatch(&all)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn evaluate(&self, as_of: &str) -> Vec<serde_json::Value> {
        let out = ok(&self.run(&[
            "evaluate", "--doc", PLAN, "--as-of", as_of, "--format", "json",
        ]));
        serde_json::from_str(&out).expect("JSON array")
    }
}

/// The evaluated GDP target of `measure` (`level` or `avg_growth`) from the plan's table row.
fn gdp<'a>(rows: &'a [serde_json::Value], measure: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| {
            r["indicator"] == "地区生产总值"
                && r["target"]["measure"] == measure
                && r["target"]["year"] == 2025
                && r["target"]["attribute"] == "预期性"
        })
        .unwrap_or_else(|| panic!("no GDP {measure} target in {rows:#?}"))
}

fn num(v: &serde_json::Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

#[test]
fn final_evaluation_of_the_sample_plan_gdp() {
    let store = Store::new();
    let rows = store.evaluate("2025");

    // 年均增长 6% from 2020: F = 0.975 × 1.03 × 1.05 × 1.06 × 1.005 = 1.123319;
    // required 1.06⁵ − 1 = 0.338226; p = 0.123319/0.338226 = 0.3646. The
    // average 1.123319^(1/5) − 1 = 2.35% misses 6% and the target year is
    // reached: off_track, red.
    let growth = gdp(&rows, "avg_growth");
    assert_eq!(growth["status"], "off_track", "{growth:#}");
    assert_eq!(growth["colour"], "red");
    assert_eq!(growth["method"], "average_growth");
    assert!(
        (num(&growth["progress"]) - 0.3646).abs() < 5e-4,
        "{growth:#}"
    );
    assert_eq!(growth["elapsed"], 1.0);
    assert_eq!(growth["base_year"], 2020);
    assert_eq!(growth["latest_year"], 2025);
    let used: Vec<&str> = growth["used"]
        .as_array()
        .expect("used")
        .iter()
        .filter_map(|s| s["doc"].as_str())
        .collect();
    assert!(used.contains(&"sample-actuals.csv"), "{used:?}");
    assert!(used.contains(&PLAN), "the plan's base column: {used:?}");

    // Level 700 亿元 from 520.3: the 2025 bulletin gives 5,000,000 万元 =
    // 500 亿元; p = (500 − 520.3)/(700 − 520.3) = −0.1130 < 0: regressing.
    let level = gdp(&rows, "level");
    assert_eq!(level["status"], "regressing", "{level:#}");
    assert_eq!(level["colour"], "red");
    assert!((num(&level["progress"]) + 0.1130).abs() < 5e-4, "{level:#}");
    assert_eq!(level["base_words"], "2020年 520.3亿元");
    assert_eq!(level["latest_words"], "2025年 500亿元（原文5000000万元）");

    // Qualitative goals are listed for review.
    assert!(rows
        .iter()
        .any(|r| r["status"] == "qualitative" && r["target"]["text"] == "与经济发展同步增长"));
}

#[test]
fn mid_term_evaluation_ignores_later_years() {
    let store = Store::new();
    let rows = store.evaluate("2023");

    // As of 2023 the 2024–2025 rows do not count. Level: no level actual after
    // 2020, so the engine chains the growth rates: 520.3 × 1.0544625 =
    // 548.64 亿元; p = 28.34/179.7 = 0.1577, τ = 3/5 = 0.6, gap 0.44 > 0.30:
    // off_track. Required rate (700/548.64)^(1/2) − 1 = 12.96%.
    let level = gdp(&rows, "level");
    assert_eq!(level["status"], "off_track", "{level:#}");
    assert!((num(&level["progress"]) - 0.1577).abs() < 5e-4, "{level:#}");
    assert!((num(&level["elapsed"]) - 0.6).abs() < 1e-9);
    assert!(
        (num(&level["required_rate"]) - 0.1296).abs() < 5e-4,
        "{level:#}"
    );
    assert_eq!(level["latest_year"], 2023);

    // 年均增长 6%: F = 1.0544625, p = 0.0544625/0.338226 = 0.1610, gap 0.44: off_track.
    let growth = gdp(&rows, "avg_growth");
    assert_eq!(growth["status"], "off_track", "{growth:#}");
    assert!(
        (num(&growth["progress"]) - 0.1610).abs() < 5e-4,
        "{growth:#}"
    );

    // The table and CSV formats carry the same statuses.
    let csv = ok(&store.run(&[
        "evaluate", "--doc", PLAN, "--as-of", "2023", "--format", "csv",
    ]));
    assert!(
        csv.starts_with("doc,indicator,domain,region,year,target,"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .any(|l| l.contains("地区生产总值") && l.contains(",off_track,")),
        "{csv}"
    );
    let table = ok(&store.run(&["evaluate", "--region", "示例", "--as-of", "2023"]));
    assert!(
        table.contains("off_track") && table.contains(PLAN),
        "{table}"
    );
}

#[test]
fn reports_in_html_docx_and_pdf() {
    let store = Store::new();
    let html_path = store.path("report.html");
    let out = ok(&store.run(&[
        "report",
        "--doc",
        PLAN,
        "--as-of",
        "2023",
        "--out",
        &html_path.display().to_string(),
    ]));
    assert!(out.contains("中期评估"), "{out}");
    let html = std::fs::read_to_string(&html_path).expect("html written");
    assert!(html.contains("示例市国民经济和社会发展第十四个五年规划纲要"));
    assert!(html.contains("红色预警指标"));
    assert!(html.contains("<svg"));
    assert!(!html.contains("<script"));
    let red = &html[html.find("id=\"red-list\"").expect("red list")..];
    let red = &red[..red.find("</section>").expect("end")];
    assert!(red.contains("地区生产总值"), "{red}");

    let docx_path = store.path("report.docx");
    ok(&store.run(&[
        "report",
        "--doc",
        PLAN,
        "--as-of",
        "2025",
        "--out",
        &docx_path.display().to_string(),
    ]));
    let docx = std::fs::read(&docx_path).expect("docx written");
    assert!(docx.starts_with(b"PK\x03\x04"), "a zip");

    // PDF without LibreOffice: a clear error, nothing written.
    let pdf_path = store.path("report.pdf");
    let empty = store.path("no-tools");
    std::fs::create_dir_all(&empty).expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(["report", "--doc", PLAN, "--as-of", "2023", "--out"])
        .arg(&pdf_path)
        .args(["--db", &store.db])
        .env("PATH", &empty)
        .env_remove("PLANWATCH_SOFFICE")
        .output()
        .expect("run planwatch");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("PDF output needs LibreOffice"), "{err}");
    assert!(!pdf_path.exists());

    // With LibreOffice on PATH, a real PDF.
    let has_soffice = std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("soffice").is_file()));
    if has_soffice {
        ok(&store.run(&[
            "report",
            "--doc",
            PLAN,
            "--as-of",
            "2023",
            "--out",
            &pdf_path.display().to_string(),
        ]));
        let pdf = std::fs::read(&pdf_path).expect("pdf written");
        assert!(pdf.starts_with(b"%PDF"), "a PDF");
    } else {
        eprintln!("note: soffice not on PATH; skipping the PDF conversion");
    }

    // Unknown documents and formats are errors.
    let out = store.run(&[
        "report", "--doc", "nope.txt", "--as-of", "2023", "--out", "x.html",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let out = store.run(&["report", "--doc", PLAN, "--as-of", "2023", "--out", "x.odt"]);
    assert_eq!(out.status.code(), Some(2));
}
