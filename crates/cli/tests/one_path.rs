//! One code path per job, checked from outside: a document ingested by
//! `planwatch ingest` and one uploaded to the server are stored alike; the
//! command line's tables (`docs`, `facts`, `export series`, `evaluate`) and
//! the server's downloads have the same columns and cells; and `planwatch serve --catalog`
//! links with that catalogue, as every other command does.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Documents shipped in the repository: the sample plan, and a work report
/// and a bulletin of the wide set.
const SHIPPED: [&str; 3] = [
    "samples/sample-city-plan.txt",
    "crates/extract/tests/wide/docs/u06_chongqing_report_2019.txt",
    "crates/extract/tests/wide/docs/h02_liaoning_bulletin_2022.txt",
];

/// A catalogue entry the shipped catalogue lacks, for a name the sample plan writes.
const EXTRA_INDICATOR: &str = "\n[[indicator]]\nname = \"5G基站新建数\"\ndomain = \"创新驱动\"\nunit = \"个\"\ndirection = \"higher\"\nsynonyms = [\"新建5G基站\"]\n";

fn shipped(name: &str) -> String {
    format!("{ROOT}/{name}")
}

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

/// The shipped catalogue plus [`EXTRA_INDICATOR`], written to `dir`.
fn custom_catalog(dir: &Path) -> String {
    let shipped = std::fs::read_to_string(format!("{ROOT}/crates/catalog/data/indicators.toml"))
        .expect("the shipped catalogue");
    let path = dir.join("catalog.toml");
    std::fs::write(&path, shipped + EXTRA_INDICATOR).expect("write catalogue");
    path.display().to_string()
}

/// Stops the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Status and body of one HTTP/1.1 GET.
fn get(port: u16, uri: &str) -> std::io::Result<(u16, Vec<u8>)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    let req = format!("GET {uri} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes())?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    assert!(
        !head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked"),
        "{head}"
    );
    let status = head
        .lines()
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((status, raw.get(split + 4..).unwrap_or_default().to_vec()))
}

/// A download's CSV as text, without the byte-order mark the web app adds for Excel.
fn download(port: u16, uri: &str) -> String {
    let (status, body) = get(port, uri).expect("download");
    let text = String::from_utf8(body).expect("UTF-8 CSV");
    assert_eq!(status, 200, "{uri}: {text}");
    text.strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("{uri}: no BOM"))
        .to_string()
}

/// `s` percent-encoded for a query string.
fn pct(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Header and rows of a CSV, the rows sorted (for tables whose order within
/// a tie is not part of the contract).
fn sorted(csv: &str) -> (String, Vec<String>) {
    let mut lines = csv.lines().map(str::to_string);
    let header = lines.next().unwrap_or_default();
    let mut rows: Vec<String> = lines.collect();
    rows.sort();
    (header, rows)
}

#[test]
fn cli_tables_and_server_downloads_match_and_serve_takes_the_catalog() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db").display().to_string();
    let index = dir.path().join("index").display().to_string();
    let catalog = custom_catalog(dir.path());
    let files: Vec<String> = SHIPPED.iter().map(|f| shipped(f)).collect();
    let mut args = vec!["ingest", "--db", &db, "--index", &index, "--no-summary"];
    args.extend(files.iter().map(String::as_str));
    ok(&planwatch(&args));
    // And a table of actuals, through the same ingest path.
    let template = format!("{ROOT}/crates/catalog/data/actuals-template.csv");
    ok(&planwatch(&[
        "import", &template, "--db", &db, "--index", &index,
    ]));

    let cli = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--db", &db, "--catalog", &catalog]);
        ok(&planwatch(&all))
    };
    let docs = ok(&planwatch(&["docs", "--db", &db, "--format", "csv"]));
    let facts = cli(&["facts", "--format", "csv"]);
    let chongqing = cli(&["facts", "--region", "重庆", "--format", "csv"]);
    let series_path = dir.path().join("series.csv");
    cli(&[
        "export",
        "series",
        "地区生产总值",
        "--out",
        &series_path.display().to_string(),
    ]);
    let series = std::fs::read_to_string(&series_path).expect("series written");
    let evaluation = cli(&[
        "evaluate",
        "--doc",
        "sample-city-plan.txt",
        "--format",
        "csv",
    ]);
    // The extra catalogue entry links the sample plan's 新建5G基站.
    assert!(facts.contains(",新建5G基站,5G基站新建数,"), "{facts}");

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port");
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_planwatch"))
            .args([
                "serve",
                "--db",
                &db,
                "--index",
                &index,
                "--catalog",
                &catalog,
                "--addr",
                &format!("127.0.0.1:{port}"),
            ])
            .env_remove("PLANWATCH_DB")
            .env_remove("PLANWATCH_INDEX")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start planwatch serve"),
    );
    let started = Instant::now();
    loop {
        match get(port, "/api/v1/health") {
            Ok((200, _)) => break,
            Ok(_) | Err(_) if started.elapsed() < Duration::from_secs(60) => {
                std::thread::sleep(Duration::from_millis(200));
            }
            other => panic!("the server did not answer: {other:?}"),
        }
    }

    // The same catalogue in the browser: the extra indicator is a catalogue one.
    let (status, body) = get(port, "/api/v1/indicators?catalogued=true&limit=1000").expect("list");
    let body = String::from_utf8_lossy(&body);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"name\":\"5G基站新建数\""), "{body}");

    // Same columns, same cells, same order.
    assert_eq!(download(port, "/download/documents.csv"), docs);
    assert_eq!(download(port, "/download/facts.csv"), facts);
    assert_eq!(
        download(port, &format!("/download/facts.csv?region={}", pct("重庆"))),
        chongqing
    );
    assert!(chongqing.lines().count() > 1, "{chongqing}");
    // A series: the same columns and points (ties within one document may
    // come in another order).
    let served = download(
        port,
        &format!("/download/series.csv?indicator={}", pct("地区生产总值")),
    );
    assert_eq!(sorted(&served), sorted(&series));
    assert!(series.lines().count() > 3, "{series}");
    // A plan's assessments: `planwatch evaluate` and the download agree.
    assert_eq!(
        download(port, "/download/assessments.csv?plan=sample-city-plan.txt"),
        evaluation
    );
    assert!(
        evaluation.starts_with("doc,indicator,domain,region,year,target,"),
        "{evaluation}"
    );
    assert!(evaluation.lines().count() > 5, "{evaluation}");
    assert!(
        evaluation.contains(",base ") || evaluation.contains(",actual "),
        "no sources: {evaluation}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_and_planwatch_ingest_store_the_same_document() {
    let path = shipped(SHIPPED[0]);
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db").display().to_string();
    ok(&planwatch(&[
        "ingest",
        &path,
        "--db",
        &db,
        "--no-index",
        "--no-summary",
    ]));
    let docs = ok(&planwatch(&["docs", "--db", &db, "--format", "csv"]));
    let facts = ok(&planwatch(&["facts", "--db", &db, "--format", "csv"]));
    let evaluation = ok(&planwatch(&[
        "evaluate",
        "--db",
        &db,
        "--doc",
        "sample-city-plan.txt",
        "--format",
        "csv",
    ]));

    let store = planwatch_store::Store::in_memory().await.expect("store");
    let state = planwatch_server::AppState::new(
        store,
        None,
        planwatch_catalog::Catalog::builtin(),
        planwatch_server::Config::default(),
    )
    .await
    .expect("state");
    let bytes = std::fs::read(&path).expect("read the sample");
    let up = state
        .ingest("sample-city-plan.txt", &bytes, false)
        .await
        .expect("upload");
    assert_eq!(up.outcome, "stored");
    let snap = state.snapshot().await.expect("snapshot");
    let q = planwatch_server::download::DownloadQuery::default();
    let table = |name: &str| {
        let t = planwatch_server::download::table(&snap, name, &q).expect("table");
        String::from_utf8(t.csv(false).expect("csv")).expect("utf8")
    };
    assert_eq!(table("documents"), docs);
    assert_eq!(table("facts"), facts);
    assert_eq!(table("assessments"), evaluation);
}
