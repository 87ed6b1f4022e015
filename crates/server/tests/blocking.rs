//! Uploads never stall the server (issue 9, item 2): reading, extraction, the
//! store write, indexing and snapshot reloads run off the async workers, and
//! an upload past its time limit really stops.
//!
//! The server runs on a `current_thread` runtime, so any of that work left on
//! the async thread would hold every other request; the clients are plain
//! threads speaking HTTP/1.1 over `std::net`, timing each answer from outside.
//!
//! This file is its own test binary because one test puts a stand-in
//! `pdftotext` first on `PATH` for the whole process.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use planwatch_catalog::Catalog;
use planwatch_server::{AppState, Config};
use planwatch_store::{SearchIndex, Store};

/// The real documents of the wide set.
const WIDE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../extract/tests/wide/docs");

/// A running server on its own thread and `current_thread` runtime.
struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl Server {
    fn start(config: Config) -> Server {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("planwatch.db");
        let index = dir.path().join("index");
        let (ready_tx, ready_rx) = mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                planwatch_server::init_logging(false);
                let store = Store::open(&db.display().to_string()).await.expect("store");
                // Uploads need an admin's session (issue 10).
                common::add_admin(&store).await;
                let index = SearchIndex::open(&index).expect("index");
                let state = AppState::new(store, Some(index), Catalog::builtin(), config)
                    .await
                    .expect("state");
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind");
                ready_tx
                    .send(listener.local_addr().expect("address"))
                    .expect("send address");
                planwatch_server::serve_on(state, listener, async {
                    let _ = stop_rx.await;
                })
                .await
                .expect("serve");
            });
        });
        let addr = ready_rx
            .recv_timeout(Duration::from_secs(120))
            .expect("server started");
        Server {
            addr,
            stop: Some(stop_tx),
            thread: Some(thread),
            _dir: dir,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// An HTTP answer: status, headers (lower-case names) and body.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One request on a fresh connection (`Connection: close`), read to its end.
fn request(addr: SocketAddr, head: &str, body: &[u8]) -> Answer {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(600)))
        .expect("timeout");
    let mut out = head.as_bytes().to_vec();
    out.extend_from_slice(body);
    s.write_all(&out).expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

fn get(addr: SocketAddr, path: &str) -> Answer {
    request(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
        b"",
    )
}

/// Uploads a file through `POST /api/v1/documents` with a fresh CSRF token.
fn upload(addr: SocketAddr, name: &str, bytes: &[u8]) -> Answer {
    let csrf = get(addr, "/api/v1/csrf");
    assert_eq!(csrf.status, 200, "{}", csrf.text());
    let json: serde_json::Value = serde_json::from_slice(&csrf.body).expect("json");
    let token = json["token"].as_str().expect("token").to_string();
    let cookie = csrf
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("cookie")
        .to_string();
    // Log in as the admin `Server::start` made; uploads need the session.
    let form = format!("name={}&password={}", common::ADMIN.0, common::ADMIN.1);
    let login = request(
        addr,
        &format!(
            "POST /login HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Cookie: {cookie}\r\nX-CSRF-Token: {token}\r\n\r\n",
            form.len()
        ),
        form.as_bytes(),
    );
    assert_eq!(login.status, 200, "{}", login.text());
    let session = login
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("session cookie");
    let cookie = format!("{cookie}; {session}");
    let boundary = "planwatchBLOCKINGboundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    request(
        addr,
        &format!(
            "POST /api/v1/documents HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
             Content-Type: multipart/form-data; boundary={boundary}\r\n\
             Content-Length: {}\r\nCookie: {cookie}\r\nX-CSRF-Token: {token}\r\n\r\n",
            body.len()
        ),
        &body,
    )
}

fn wide_docs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(WIDE)
        .expect("wide documents")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// A big text of real documents: the wide set from the `k`-th of `n` parts
/// on, repeated until `size` bytes; each `k` gives other content.
fn big_text(docs: &[String], k: usize, n: usize, size: usize) -> String {
    let mut out = format!("第{k}份合集\n\n");
    let start = docs.len() * k / n;
    for d in docs.iter().cycle().skip(start) {
        if out.len() >= size {
            break;
        }
        out.push_str(d);
        out.push_str("\n\n");
    }
    out
}

/// Latency of `/health` and `/documents` while four large uploads (384 KB of
/// real documents each) are read, extracted, stored, indexed and loaded into
/// the snapshot, one at a time: the 95th percentile of the answers measured
/// while uploads ran within 100 ms (250 ms in a debug build), and the slowest
/// within 1 s. Work left on the (single) async thread would hold a probe for
/// a whole stage of an upload (extracting one of these texts alone takes
/// 1.5–2 s in a debug build), so the slowest answer is what catches it; the
/// percentile bounds everything else. The uploads are checked to be still
/// running while it is measured.
///
/// Not one maximum of 100 ms as before: on a 2-core machine, in a debug build
/// or beside another build, the extraction, indexing and snapshot threads
/// outnumber the cores and an odd answer (about 1 in 2,000 alone, more under
/// load) takes 100–300 ms with no work on the async thread at all. The texts
/// are smaller than before (1.5 MB each) so that the last of the queued
/// uploads is answered well within the server's 60 s request timeout on a
/// loaded machine.
#[test]
fn health_and_pages_answer_while_four_large_uploads_are_processed() {
    let docs: Vec<String> = wide_docs()
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read document"))
        .collect();
    assert!(docs.len() > 100, "wide documents missing");
    const UPLOADS: usize = 4;
    let size = 384 * 1024;
    let texts: Vec<String> = (0..UPLOADS)
        .map(|k| big_text(&docs, k, UPLOADS, size))
        .collect();
    let server = Server::start(Config {
        max_upload: 8 * 1024 * 1024,
        // Page views use the snapshot they have; the uploads reload it.
        refresh: Duration::from_secs(600),
        cache_responses: false,
        // One job at a time (the others queue): on a small machine more
        // CPU-bound jobs than cores would slow every thread, async ones too.
        ingest_workers: 1,
        ingest_limit: Duration::from_secs(1200),
        ..Config::default()
    });
    let addr = server.addr;
    // Warm up: the first page renders compile nothing, but connect once.
    assert_eq!(get(addr, "/health").status, 200);
    assert_eq!(get(addr, "/documents").status, 200);

    let finished = Arc::new(AtomicUsize::new(0));
    let uploads: Vec<_> = texts
        .into_iter()
        .enumerate()
        .map(|(k, text)| {
            let finished = finished.clone();
            std::thread::spawn(move || {
                let start = Instant::now();
                let r = upload(addr, &format!("big-{k}.txt"), text.as_bytes());
                let took = start.elapsed();
                finished.fetch_add(1, Ordering::SeqCst);
                (r.status, r.text(), took)
            })
        })
        .collect();

    // Probe until every upload is answered; count the rounds measured while
    // none had finished yet.
    let mut probes: Vec<(Duration, &str, Duration)> = Vec::new();
    let mut rounds_before_any_finished = 0;
    let mut rounds = 0;
    let began = Instant::now();
    std::thread::sleep(Duration::from_millis(200));
    while finished.load(Ordering::SeqCst) < UPLOADS {
        let before = finished.load(Ordering::SeqCst);
        for path in ["/health", "/documents"] {
            let t = Instant::now();
            let r = get(addr, path);
            let took = t.elapsed();
            assert_eq!(r.status, 200, "{path}: {}", r.text());
            probes.push((took, path, began.elapsed()));
        }
        rounds += 1;
        if before == 0 && finished.load(Ordering::SeqCst) == 0 {
            rounds_before_any_finished += 1;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut took = Vec::new();
    for u in uploads {
        let (status, text, t) = u.join().expect("upload thread");
        assert_eq!(status, 201, "{text}");
        took.push(t);
    }
    probes.sort();
    let p95 = probes[(probes.len() - 1) * 95 / 100].0;
    let (worst, worst_path, worst_at) = *probes.last().expect("probes");
    let quickest = *took.iter().min().expect("uploads");
    eprintln!(
        "uploads took {took:?}; {rounds} probe rounds, {rounds_before_any_finished} before any upload finished; \
         answers p50 {:?}, p95 {p95:?}, max {worst:?} ({worst_path} at {worst_at:?})",
        probes[(probes.len() - 1) / 2].0
    );
    assert!(
        rounds_before_any_finished >= 5,
        "the uploads finished too soon to measure anything ({rounds_before_any_finished} rounds)"
    );
    let p95_limit = Duration::from_millis(if cfg!(debug_assertions) { 250 } else { 100 });
    assert!(
        p95 <= p95_limit,
        "95% of answers within {p95:?} while uploads ran, over {p95_limit:?}"
    );
    assert!(
        worst <= Duration::from_secs(1),
        "{worst_path} took {worst:?} at {worst_at:?} while uploads ran (each took at least {quickest:?}): \
         something holds the async thread"
    );
    let h = get(addr, "/api/v1/health");
    let h: serde_json::Value = serde_json::from_slice(&h.body).expect("json");
    assert_eq!(h["documents"], UPLOADS);
}

/// Puts a `pdftotext` that records its pid and sleeps first on `PATH`.
#[cfg(target_os = "linux")]
fn slow_pdftotext(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let pid_file = dir.join("pdftotext.pid");
    let exe = dir.join("pdftotext");
    std::fs::write(
        &exe,
        format!(
            "#!/bin/sh\necho $$ > '{}'\nexec sleep 120\n",
            pid_file.display()
        ),
    )
    .expect("write script");
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![dir.to_path_buf()];
    dirs.extend(std::env::split_paths(&path));
    std::env::set_var("PATH", std::env::join_paths(dirs).expect("PATH"));
    pid_file
}

/// An upload past its time limit is answered 503 and really ends: the
/// `pdftotext` it started is killed (its process is gone), nothing is
/// stored, and its pool slot is free for the next upload.
#[cfg(target_os = "linux")]
#[test]
fn an_upload_past_its_limit_kills_pdftotext_and_stores_nothing() {
    let tools = tempfile::tempdir().expect("tempdir");
    let pid_file = slow_pdftotext(tools.path());
    let limit = Duration::from_secs(2);
    let server = Server::start(Config {
        ingest_workers: 1,
        ingest_limit: limit,
        refresh: Duration::from_millis(0),
        ..Config::default()
    });
    let addr = server.addr;
    // Not a PDF the built-in parser can read: the reader falls back on pdftotext.
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";
    let start = Instant::now();
    let r = upload(addr, "slow.pdf", pdf);
    let took = start.elapsed();
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.text().contains("\"busy\""), "{}", r.text());
    assert!(
        took < limit + Duration::from_secs(3),
        "answered after {took:?}"
    );
    let pid = std::fs::read_to_string(&pid_file).expect("pdftotext was started");
    let pid = pid.trim().to_string();
    assert!(!pid.is_empty());
    let proc_dir = PathBuf::from(format!("/proc/{pid}"));
    let gone_by = Instant::now() + Duration::from_secs(3);
    while proc_dir.exists() && Instant::now() < gone_by {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !proc_dir.exists(),
        "pdftotext (pid {pid}) still runs after the limit"
    );
    let h = get(addr, "/api/v1/health");
    let h: serde_json::Value = serde_json::from_slice(&h.body).expect("json");
    assert_eq!(h["documents"], 0, "{h}");
    // The one slot is free again: a text upload goes through at once.
    let sample = "示例市国民经济和社会发展第十四个五年规划纲要（样例）\n\n第二章 发展目标\n到2025年，全市地区生产总值突破700亿元，年均增长6%左右。\n";
    let r = upload(addr, "sample-plan.txt", sample.as_bytes());
    assert_eq!(r.status, 201, "{}", r.text());
    let h = get(addr, "/api/v1/health");
    let h: serde_json::Value = serde_json::from_slice(&h.body).expect("json");
    assert_eq!(h["documents"], 1, "{h}");
}
