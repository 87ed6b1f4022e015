//! Load benchmark of the server on loopback: the shipped corpus
//! (`samples/corpus`) replicated to 200 documents in a temporary SQLite
//! store with a search index, then, for the dashboard, an indicator page and
//! an API list call, GET requests over 200 concurrent keep-alive connections,
//! first idle, then while uploads run: 4 clients posting documents in a loop
//! through `POST /api/v1/documents` as a browser's form would (logged in as
//! an admin through `POST /login`, with the CSRF cookie and token of
//! `GET /api/v1/csrf` and the server's own `Origin`), each
//! stored, indexed and reloaded into the snapshot as any upload. Prints, per
//! endpoint, requests, errors, requests per second and latency percentiles
//! of both phases and the uploads completed; panics if any request failed.
//!
//! `cargo bench -p planwatch-server --bench serve` (release build). Bounds:
//! `PLANWATCH_BENCH_REQUESTS` requests per endpoint while idle (default
//! 20000), `PLANWATCH_BENCH_SECONDS` seconds per endpoint while idle at most
//! (default 15), `PLANWATCH_BENCH_UPLOAD_SECONDS` seconds per endpoint while
//! uploads run (default 10), `PLANWATCH_BENCH_UPLOADERS` (default 4),
//! `PLANWATCH_BENCH_CONNECTIONS` (default 200), `PLANWATCH_BENCH_DOCS`
//! (default 200: the whole run takes about a minute and a half on 2 cores;
//! at 1000 the first dashboard alone takes 20 s and an upload reloads 190,000
//! facts). Only 127.0.0.1 is ever contacted.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Empty, Full};
use hyper_util::rt::TokioIo;
use planwatch_catalog::Catalog;
use planwatch_server::{AppState, Config};
use planwatch_store::{NewDocument, Origin, SearchIndex, Store};

/// The admin the uploaders log in as (name, password).
const ADMIN: (&str, &str) = ("bench-admin", "bench-admin-password");

/// The real documents shipped in the repository.
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/corpus");

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The corpus files (name, bytes), sorted.
fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(CORPUS)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .txt document in {CORPUS}");
    files
        .iter()
        .map(|f| {
            (
                f.file_name().expect("name").to_string_lossy().into_owned(),
                std::fs::read_to_string(f).expect("read"),
            )
        })
        .collect()
}

/// Stores the corpus over and over until `docs` documents (each copy's text
/// differs by a last line).
async fn replicate(store: &Store, files: &[(String, String)], docs: usize) -> usize {
    let extracted: Vec<_> = files
        .iter()
        .map(|(name, text)| {
            let loaded = planwatch_ingest::load_bytes(name, text.as_bytes()).expect("load");
            let ex = planwatch_extract::extract_document(&loaded.name, &loaded.text);
            (loaded, ex)
        })
        .collect();
    let mut stored = 0;
    'outer: for copy in 0.. {
        for (loaded, ex) in &extracted {
            if stored >= docs {
                break 'outer;
            }
            let name = if copy == 0 {
                loaded.name.clone()
            } else {
                format!("copy{copy:03}-{}", loaded.name)
            };
            let text = if copy == 0 {
                ex.text.clone()
            } else {
                format!("{}\n（副本 {copy}）\n", ex.text)
            };
            let facts: Vec<_> = ex
                .facts
                .iter()
                .cloned()
                .map(|mut f| {
                    f.doc = name.clone();
                    f
                })
                .collect();
            let doc = NewDocument {
                name,
                path: None,
                format: loaded.format.as_str().to_string(),
                origin: Origin::Document,
                info: ex.info.clone(),
                text,
            };
            store.put_document(&doc, &facts).await.expect("store");
            stored += 1;
        }
    }
    stored
}

struct Run {
    requests: usize,
    errors: usize,
    /// What the first failed request got.
    first_error: Option<String>,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Run {
    fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }
}

/// GETs `path` over `connections` keep-alive connections until `max_requests`
/// are sent or `max_time` has passed.
async fn load(
    addr: SocketAddr,
    path: &str,
    connections: usize,
    max_requests: usize,
    max_time: Duration,
) -> Run {
    let issued = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let deadline = start + max_time;
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let issued = issued.clone();
        let uri = format!("http://{addr}{path}");
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut errors = 0usize;
            let mut first: Option<String> = None;
            let Ok(stream) = tokio::net::TcpStream::connect(addr).await else {
                return (lat, 1, Some("connect".to_string()));
            };
            let _ = stream.set_nodelay(true);
            let Ok((mut send, conn)) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream)).await
            else {
                return (lat, 1, Some("handshake".to_string()));
            };
            tokio::spawn(conn);
            while issued.fetch_add(1, Ordering::Relaxed) < max_requests && Instant::now() < deadline
            {
                let req = hyper::Request::get(&uri)
                    .header("host", addr.to_string())
                    .body(Empty::<Bytes>::new())
                    .expect("request");
                let t = Instant::now();
                match send.send_request(req).await {
                    Ok(resp) => {
                        let status = resp.status();
                        match resp.into_body().collect().await {
                            Ok(_) if status.is_success() => lat.push(t.elapsed()),
                            Ok(b) => {
                                errors += 1;
                                let b = b.to_bytes();
                                first.get_or_insert_with(|| {
                                    format!(
                                        "{status} after {:?}: {}",
                                        t.elapsed(),
                                        String::from_utf8_lossy(&b[..b.len().min(300)])
                                    )
                                });
                            }
                            Err(e) => {
                                errors += 1;
                                first.get_or_insert_with(|| format!("{status}, body: {e}"));
                            }
                        }
                    }
                    Err(e) => {
                        errors += 1;
                        first.get_or_insert_with(|| format!("after {:?}: {e}", t.elapsed()));
                        break;
                    }
                }
            }
            (lat, errors, first)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    let mut first_error = None;
    for t in tasks {
        match t.await {
            Ok((l, e, f)) => {
                latencies.extend(l);
                errors += e;
                if first_error.is_none() {
                    first_error = f;
                }
            }
            Err(e) => {
                errors += 1;
                first_error.get_or_insert(e.to_string());
            }
        }
    }
    let elapsed = start.elapsed();
    latencies.sort();
    Run {
        requests: latencies.len(),
        errors,
        first_error,
        elapsed,
        latencies,
    }
}

/// What the uploaders did.
#[derive(Default)]
struct Uploads {
    stored: usize,
    errors: usize,
    latencies: Vec<Duration>,
    first_error: Option<String>,
}

/// One client uploading documents in a loop on one keep-alive connection,
/// as the upload form does, until `stop`. Each upload is a corpus document
/// under a new name with a last line of its own, so each is stored.
async fn uploader(
    addr: SocketAddr,
    files: Arc<Vec<(String, String)>>,
    serial: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
) -> Uploads {
    let mut out = Uploads::default();
    let fail = |out: &mut Uploads, what: String| {
        out.errors += 1;
        out.first_error.get_or_insert(what);
    };
    let Ok(stream) = tokio::net::TcpStream::connect(addr).await else {
        fail(&mut out, "connect".into());
        return out;
    };
    let _ = stream.set_nodelay(true);
    let Ok((mut send, conn)) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await
    else {
        fail(&mut out, "handshake".into());
        return out;
    };
    tokio::spawn(conn);
    // The token and its cookie, as a page with the upload form gets them.
    let req = hyper::Request::get(format!("http://{addr}/api/v1/csrf"))
        .header("host", addr.to_string())
        .body(Full::new(Bytes::new()))
        .expect("request");
    let Ok(resp) = send.send_request(req).await else {
        fail(&mut out, "GET /api/v1/csrf".into());
        return out;
    };
    let cookie = resp
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.split(';').next())
        .map(str::to_string);
    let body = resp.into_body().collect().await.map(|b| b.to_bytes());
    let token = body
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| v["token"].as_str().map(str::to_string));
    let (Some(cookie), Some(token)) = (cookie, token) else {
        fail(&mut out, "no CSRF token".into());
        return out;
    };
    // Uploads need an admin's session: log in as the admin `main` made.
    let form = format!("name={}&password={}", ADMIN.0, ADMIN.1);
    let req = hyper::Request::post(format!("http://{addr}/login"))
        .header("host", addr.to_string())
        .header("origin", format!("http://{addr}"))
        .header("cookie", &cookie)
        .header("x-csrf-token", &token)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Full::new(Bytes::from(form)))
        .expect("request");
    let session = match send.send_request(req).await {
        Ok(resp) if resp.status() == hyper::StatusCode::OK => {
            let session = resp
                .headers()
                .get("set-cookie")
                .and_then(|v| v.to_str().ok())
                .and_then(|c| c.split(';').next())
                .map(str::to_string);
            let _ = resp.into_body().collect().await;
            session
        }
        Ok(resp) => {
            let status = resp.status();
            let body = resp.into_body().collect().await.map(|b| b.to_bytes());
            fail(
                &mut out,
                format!(
                    "POST /login: {status} {}",
                    body.map(|b| String::from_utf8_lossy(&b).into_owned())
                        .unwrap_or_default()
                ),
            );
            return out;
        }
        Err(e) => {
            fail(&mut out, format!("POST /login: {e}"));
            return out;
        }
    };
    let Some(session) = session else {
        fail(&mut out, "POST /login set no session cookie".into());
        return out;
    };
    let cookie = format!("{cookie}; {session}");
    let boundary = "planwatchBENCHboundary";
    while !stop.load(Ordering::Relaxed) {
        let n = serial.fetch_add(1, Ordering::Relaxed);
        let (name, text) = &files[n % files.len()];
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload{n:05}-{name}\"\r\nContent-Type: text/plain\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(text.as_bytes());
        body.extend_from_slice(format!("\n（上传 {n}）\n\r\n--{boundary}--\r\n").as_bytes());
        let req = hyper::Request::post(format!("http://{addr}/api/v1/documents"))
            .header("host", addr.to_string())
            .header("origin", format!("http://{addr}"))
            .header("cookie", &cookie)
            .header("x-csrf-token", &token)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Full::new(Bytes::from(body)))
            .expect("request");
        let t = Instant::now();
        match send.send_request(req).await {
            Ok(resp) => {
                let status = resp.status();
                let body = resp.into_body().collect().await.map(|b| b.to_bytes());
                match body {
                    Ok(_) if status == hyper::StatusCode::CREATED => {
                        out.stored += 1;
                        out.latencies.push(t.elapsed());
                    }
                    Ok(b) => fail(
                        &mut out,
                        format!("{status}: {}", String::from_utf8_lossy(&b)),
                    ),
                    Err(e) => fail(&mut out, format!("{status}: {e}")),
                }
            }
            Err(e) => {
                fail(&mut out, format!("POST: {e}"));
                break;
            }
        }
    }
    out
}

fn pct(l: &[Duration], p: f64) -> f64 {
    if l.is_empty() {
        return f64::NAN;
    }
    let i = ((l.len() as f64 - 1.0) * p).round() as usize;
    l[i.min(l.len() - 1)].as_secs_f64() * 1000.0
}

fn main() {
    let docs = env_usize("PLANWATCH_BENCH_DOCS", 200);
    let max_requests = env_usize("PLANWATCH_BENCH_REQUESTS", 20_000);
    let max_time = Duration::from_secs(env_usize("PLANWATCH_BENCH_SECONDS", 15) as u64);
    let upload_time = Duration::from_secs(env_usize("PLANWATCH_BENCH_UPLOAD_SECONDS", 10) as u64);
    let uploaders = env_usize("PLANWATCH_BENCH_UPLOADERS", 4);
    let connections = env_usize("PLANWATCH_BENCH_CONNECTIONS", 200);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let files = Arc::new(corpus());
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("bench.db");
        let store = Store::open(db.to_str().expect("path")).await.expect("store");
        let t = Instant::now();
        let n = replicate(&store, &files, docs).await;
        let counts = store.counts().await.expect("counts");
        println!(
            "store: {n} documents ({} files of {CORPUS} over and over), {} facts, written in {:.1}s",
            files.len(),
            counts.facts,
            t.elapsed().as_secs_f64()
        );
        store
            .add_user(ADMIN.0, ADMIN.1, planwatch_store::Role::Admin, &[], None)
            .await
            .expect("admin");
        let t = Instant::now();
        let index = SearchIndex::open(&dir.path().join("index")).expect("index");
        let state = AppState::new(store, Some(index), Catalog::builtin(), Config::default())
            .await
            .expect("state");
        println!(
            "snapshot loaded and index built in {:.1}s",
            t.elapsed().as_secs_f64()
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let watch = state.clone();
        let server = tokio::spawn(planwatch_server::serve_on(state, listener, async {
            let _ = stopped.await;
        }));
        let endpoints = [
            ("dashboard", "/".to_string()),
            (
                "indicator page",
                "/indicators/%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC?region=%E9%94%A6%E5%B7%9E%E5%B8%82"
                    .to_string(),
            ),
            ("API facts list", "/api/v1/facts?kind=target&limit=100".to_string()),
        ];
        // Idle: the server only answers page views.
        let mut idle = Vec::new();
        for (_, path) in &endpoints {
            // The first request computes (assessments, page) and fills the cache.
            let first = load(addr, path, 1, 1, max_time).await;
            let run = load(addr, path, connections, max_requests, max_time).await;
            idle.push((first, run));
        }
        // The same views while uploads are read, extracted, stored, indexed
        // and reloaded into the snapshot (each one empties the response cache).
        let serial = Arc::new(AtomicUsize::new(0));
        let mut busy = Vec::new();
        for (_, path) in &endpoints {
            let halt = Arc::new(AtomicBool::new(false));
            let clients: Vec<_> = (0..uploaders)
                .map(|_| {
                    tokio::spawn(uploader(addr, files.clone(), serial.clone(), halt.clone()))
                })
                .collect();
            let run = load(addr, path, connections, usize::MAX, upload_time).await;
            halt.store(true, Ordering::Relaxed);
            let mut up = Uploads::default();
            for c in clients {
                match c.await {
                    Ok(u) => {
                        up.stored += u.stored;
                        up.errors += u.errors;
                        up.latencies.extend(u.latencies);
                        if up.first_error.is_none() {
                            up.first_error = u.first_error;
                        }
                    }
                    Err(e) => {
                        up.errors += 1;
                        up.first_error.get_or_insert(e.to_string());
                    }
                }
            }
            up.latencies.sort();
            busy.push((run, up));
        }
        let counts = watch.counts().await.expect("counts");
        println!(
            "\n{connections} connections, loopback; idle: at most {max_requests} requests or {}s per endpoint; \
             with uploads: {}s per endpoint while {uploaders} clients upload corpus documents in a loop",
            max_time.as_secs(),
            upload_time.as_secs()
        );
        println!(
            "{:<16} {:>8} | {:>8} {:>7} {:>8} {:>8} | {:>8} {:>7} {:>8} {:>8} | {:>7} {:>9} | {:>6}",
            "endpoint", "first ms", "idle req", "req/s", "p50 ms", "p99 ms", "busy req", "req/s",
            "p50 ms", "p99 ms", "uploads", "up p50 ms", "errors"
        );
        let mut errors = 0;
        for (((label, _), (first, run)), (brun, up)) in endpoints.iter().zip(&idle).zip(&busy) {
            let e = first.errors + run.errors + brun.errors + up.errors;
            errors += e;
            println!(
                "{:<16} {:>8.1} | {:>8} {:>7.0} {:>8.2} {:>8.2} | {:>8} {:>7.0} {:>8.2} {:>8.2} | {:>7} {:>9.0} | {:>6}",
                label,
                pct(&first.latencies, 1.0),
                run.requests,
                run.per_second(),
                pct(&run.latencies, 0.5),
                pct(&run.latencies, 0.99),
                brun.requests,
                brun.per_second(),
                pct(&brun.latencies, 0.5),
                pct(&brun.latencies, 0.99),
                up.stored,
                pct(&up.latencies, 0.5),
                e,
            );
            for (what, err) in [
                ("first request error", &first.first_error),
                ("first page error while idle", &run.first_error),
                ("first page error with uploads", &brun.first_error),
                ("first upload error", &up.first_error),
            ] {
                if let Some(err) = err {
                    println!("  {what}: {err}");
                }
            }
        }
        println!(
            "store after the uploads: {} documents, {} facts",
            counts.documents, counts.facts
        );
        let _ = stop.send(());
        let _ = server.await;
        assert_eq!(errors, 0, "{errors} request(s) failed");
        for (_, up) in &busy {
            assert!(up.stored > 0, "no upload completed while pages were read");
        }
    });
}
