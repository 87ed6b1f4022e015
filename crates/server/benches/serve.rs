//! Load benchmark of the server on loopback: the corpus replicated to 1,000
//! documents in a temporary SQLite store, then, for the dashboard, an
//! indicator page and an API list call, a bounded number of GET requests over
//! 200 concurrent keep-alive connections; prints requests per second and
//! latency percentiles.
//!
//! `cargo bench -p planwatch-server --bench serve` (release build). Bounds:
//! `PLANWATCH_BENCH_REQUESTS` requests per endpoint (default 20000),
//! `PLANWATCH_BENCH_SECONDS` seconds per endpoint at most (default 20),
//! `PLANWATCH_BENCH_CONNECTIONS` (default 200), `PLANWATCH_BENCH_DOCS` (default 1000).
//! Only 127.0.0.1 is ever contacted.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper_util::rt::TokioIo;
use planwatch_catalog::Catalog;
use planwatch_server::{AppState, Config};
use planwatch_store::{NewDocument, Origin, Store};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Stores the corpus `copies` times over (each copy's text differs by a last line).
async fn replicate(store: &Store, docs: usize) -> usize {
    let mut files: Vec<_> = std::fs::read_dir(CORPUS)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let extracted: Vec<_> = files
        .iter()
        .map(|f| {
            let loaded = planwatch_ingest::load_path(f).expect("load");
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
    elapsed: Duration,
    latencies: Vec<Duration>,
}

async fn load(
    addr: std::net::SocketAddr,
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
            let Ok(stream) = tokio::net::TcpStream::connect(addr).await else {
                return (lat, 1);
            };
            let _ = stream.set_nodelay(true);
            let Ok((mut send, conn)) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream)).await
            else {
                return (lat, 1);
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
                        let ok = resp.status().is_success();
                        let body = resp.into_body().collect().await;
                        if ok && body.is_ok() {
                            lat.push(t.elapsed());
                        } else {
                            errors += 1;
                        }
                    }
                    Err(_) => {
                        errors += 1;
                        break;
                    }
                }
            }
            (lat, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for t in tasks {
        if let Ok((l, e)) = t.await {
            latencies.extend(l);
            errors += e;
        }
    }
    let elapsed = start.elapsed();
    latencies.sort();
    Run {
        requests: latencies.len(),
        errors,
        elapsed,
        latencies,
    }
}

fn pct(l: &[Duration], p: f64) -> f64 {
    if l.is_empty() {
        return f64::NAN;
    }
    let i = ((l.len() as f64 - 1.0) * p).round() as usize;
    l[i.min(l.len() - 1)].as_secs_f64() * 1000.0
}

fn main() {
    let docs = env_usize("PLANWATCH_BENCH_DOCS", 1000);
    let max_requests = env_usize("PLANWATCH_BENCH_REQUESTS", 20_000);
    let max_time = Duration::from_secs(env_usize("PLANWATCH_BENCH_SECONDS", 20) as u64);
    let connections = env_usize("PLANWATCH_BENCH_CONNECTIONS", 200);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("bench.db");
        let store = Store::open(db.to_str().expect("path")).await.expect("store");
        let t = Instant::now();
        let n = replicate(&store, docs).await;
        let counts = store.counts().await.expect("counts");
        println!(
            "store: {n} documents, {} facts, written in {:.1}s",
            counts.facts,
            t.elapsed().as_secs_f64()
        );
        let t = Instant::now();
        let state = AppState::new(store, None, Catalog::builtin(), Config::default())
            .await
            .expect("state");
        println!("snapshot loaded in {:.1}s", t.elapsed().as_secs_f64());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
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
        println!(
            "\n{connections} connections, at most {max_requests} requests or {}s per endpoint, loopback",
            max_time.as_secs()
        );
        println!(
            "{:<16} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7}",
            "endpoint", "first ms", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors"
        );
        for (label, path) in &endpoints {
            // The first request computes (assessments, page) and fills the cache.
            let first = load(addr, path, 1, 1, max_time).await;
            let run = load(addr, path, connections, max_requests, max_time).await;
            println!(
                "{:<16} {:>10.1} {:>9.0} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>7}",
                label,
                pct(&first.latencies, 1.0),
                run.requests as f64 / run.elapsed.as_secs_f64(),
                pct(&run.latencies, 0.5),
                pct(&run.latencies, 0.9),
                pct(&run.latencies, 0.99),
                pct(&run.latencies, 1.0),
                run.errors + first.errors,
            );
        }
        let _ = stop.send(());
        let _ = server.await;
    });
}
