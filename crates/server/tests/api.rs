//! API tests: `app(state).oneshot(...)` against an in-memory SQLite store holding
//! the corpus (and PostgreSQL when PLANWATCH_TEST_PG is set).

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;

fn assert_error(r: &Reply, status: StatusCode, code: &str) {
    assert_eq!(r.status, status, "{}", r.text());
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("application/json")),
        "error is not JSON: {:?}",
        r.header("content-type")
    );
    let j = r.json();
    assert_eq!(j["code"], code, "{j}");
    assert!(j["message"].as_str().is_some_and(|m| !m.is_empty()), "{j}");
}

#[tokio::test]
async fn health_and_openapi() {
    let state = corpus_state().await;
    let r = get(&state, "/api/v1/health").await;
    assert_eq!(r.status, StatusCode::OK);
    let j = r.json();
    assert_eq!(j["status"], "ok");
    assert_eq!(j["backend"], "sqlite");
    assert_eq!(j["documents"], corpus_files().len());
    let r = get(&state, "/api/v1/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let j = r.json();
    assert!(j["openapi"].as_str().is_some_and(|v| v.starts_with('3')));
    for path in [
        "/api/v1/documents",
        "/api/v1/facts",
        "/api/v1/indicators",
        "/api/v1/series/{name}",
        "/api/v1/assessments",
        "/api/v1/findings",
        "/api/v1/search",
    ] {
        assert!(j["paths"][path].is_object(), "missing {path}");
    }
    let r = get(&state, "/api/v1/docs/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("swagger"), "no swagger ui");
}

#[tokio::test]
async fn documents_are_paginated_in_a_stable_order() {
    let state = corpus_state().await;
    let all = get(&state, "/api/v1/documents").await.json();
    let n = corpus_files().len();
    assert_eq!(all["total"], n);
    let names: Vec<String> = all["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|d| d["name"].as_str().expect("name").to_string())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "ingestion order is file order");
    let p1 = get(&state, "/api/v1/documents?limit=2").await.json();
    let p2 = get(&state, "/api/v1/documents?limit=2&offset=2")
        .await
        .json();
    assert_eq!(p1["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(p1["items"][0]["name"], names[0].as_str());
    assert_eq!(p2["items"][0]["name"], names[2].as_str());
    assert_eq!(p2["offset"], 2);
    assert_eq!(p2["total"], n);
    assert_error(
        &get(&state, "/api/v1/documents?limit=0").await,
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    assert_error(
        &get(&state, "/api/v1/documents?limit=abc").await,
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    // One document by id, by name and by id prefix; its text and facts.
    let id = all["items"][0]["id"].as_str().expect("id").to_string();
    for key in [id.clone(), names[0].clone(), id[..8].to_string()] {
        let d = get(&state, &format!("/api/v1/documents/{key}")).await;
        assert_eq!(d.status, StatusCode::OK, "{key}: {}", d.text());
        assert_eq!(d.json()["id"], id.as_str());
    }
    let text = get(&state, &format!("/api/v1/documents/{id}/text")).await;
    assert!(text
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/plain")));
    let facts = get(&state, &format!("/api/v1/documents/{id}/facts?limit=1000"))
        .await
        .json();
    for f in facts["items"].as_array().expect("facts") {
        let (Some(s), Some(e)) = (f["start"].as_u64(), f["end"].as_u64()) else {
            continue;
        };
        let quote = text.text().as_bytes()[s as usize..e as usize].to_vec();
        assert_eq!(
            String::from_utf8(quote).expect("utf8"),
            f["quote"].as_str().expect("quote")
        );
    }
}

#[tokio::test]
async fn unknown_things_are_json_404s() {
    let state = corpus_state().await;
    for uri in [
        "/api/v1/documents/nosuchdoc.txt",
        "/api/v1/documents/ffffffffffffffff",
        "/api/v1/documents/nosuch/facts",
        "/api/v1/series/完全不存在的指标名称",
        "/api/v1/indicators/完全不存在的指标名称",
        "/api/v1/facts?doc=nosuch.txt",
        "/api/v1/assessments?plan=nosuch.txt",
        "/api/v1/no-such-endpoint",
    ] {
        assert_error(&get(&state, uri).await, StatusCode::NOT_FOUND, "not_found");
    }
    let page = get(&state, "/no/such/page").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.text().contains("未找到"));
}

#[tokio::test]
async fn facts_filter_like_the_cli() {
    let state = corpus_state().await;
    let targets = get(&state, "/api/v1/facts?kind=target&limit=1000")
        .await
        .json();
    assert!(
        targets["total"].as_u64().is_some_and(|n| n > 10),
        "{}",
        targets["total"]
    );
    assert!(targets["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|f| f["kind"] == "target"));
    // A synonym finds the canonical indicator's facts.
    let gdp = get(&state, "/api/v1/facts?indicator=GDP&limit=1000")
        .await
        .json();
    assert!(gdp["total"].as_u64().is_some_and(|n| n > 0));
    assert!(gdp["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|f| f["canonical"] == "地区生产总值"));
    let y = get(&state, "/api/v1/facts?year=2025&region=葫芦岛")
        .await
        .json();
    assert!(y["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|f| f["year"] == 2025));
    // Empty form fields mean "any".
    let empty = get(&state, "/api/v1/facts?year=&limit=&kind=&region=").await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.text());
    assert_error(
        &get(&state, "/api/v1/facts?kind=goal").await,
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    assert_error(
        &get(&state, "/api/v1/facts?year=twenty").await,
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
}

#[tokio::test]
async fn indicators_series_assessments_findings() {
    let state = corpus_state().await;
    let ind = get(&state, "/api/v1/indicators?limit=1000").await.json();
    assert!(ind["total"].as_u64().is_some_and(|n| n > 5));
    let one = get(&state, "/api/v1/indicators/GDP").await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.text());
    assert_eq!(one.json()["name"], "地区生产总值");
    let s = get(&state, "/api/v1/series/GDP?region=锦州").await.json();
    assert_eq!(s["indicator"], "地区生产总值");
    assert!(s["points"].as_array().is_some_and(|p| !p.is_empty()));
    let a = get(&state, "/api/v1/assessments?limit=1000").await.json();
    assert!(a["total"].as_u64().is_some_and(|n| n > 0));
    for x in a["items"].as_array().expect("items") {
        assert!(x["assessment"]["status"].is_string());
        assert!(x["assessment"]["explanation"]
            .as_str()
            .is_some_and(|e| !e.is_empty()));
    }
    let red = get(&state, "/api/v1/assessments?colour=red&limit=1000")
        .await
        .json();
    assert!(red["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|x| x["assessment"]["colour"] == "red"));
    let f = get(&state, "/api/v1/findings").await;
    assert_eq!(f.status, StatusCode::OK);
    assert!(f.json()["items"].is_array());
}

#[tokio::test]
async fn search_by_query_string_and_json() {
    let state = corpus_state().await;
    let r = get(&state, "/api/v1/search?q=地区生产总值&limit=5")
        .await
        .json();
    let hits = r["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    assert!(hits.len() <= 5);
    assert!(hits[0]["pieces"]
        .as_array()
        .expect("pieces")
        .iter()
        .any(|p| p["hit"] == true));
    let post = send(
        &state,
        Request::post("/api/v1/search")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"q": "森林覆盖率", "region": "锦州"}"#))
            .expect("request"),
    )
    .await;
    assert_eq!(post.status, StatusCode::OK, "{}", post.text());
    assert!(post.json()["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .all(|h| h["region"].as_str().is_some_and(|r| r.contains("锦州"))));
    // Malformed JSON, a wrong type, the wrong content type, a body too large.
    let bad = send(
        &state,
        Request::post("/api/v1/search")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"q": "森林"#))
            .expect("request"),
    )
    .await;
    assert_error(&bad, StatusCode::BAD_REQUEST, "bad_json");
    let wrong = send(
        &state,
        Request::post("/api/v1/search")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"q": 5}"#))
            .expect("request"),
    )
    .await;
    assert_error(&wrong, StatusCode::BAD_REQUEST, "bad_json");
    let ct = send(
        &state,
        Request::post("/api/v1/search")
            .header("content-type", "text/plain")
            .body(Body::from(r#"{"q": "森林"}"#))
            .expect("request"),
    )
    .await;
    assert_error(
        &ct,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    let big = format!(r#"{{"q": "{}"}}"#, "森".repeat(100_000));
    let too_big = send(
        &state,
        Request::post("/api/v1/search")
            .header("content-type", "application/json")
            .body(Body::from(big))
            .expect("request"),
    )
    .await;
    assert_error(&too_big, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

const SAMPLE: &str = "示例市国民经济和社会发展第十四个五年规划纲要（样例）\n\n第二章 发展目标\n到2025年，全市地区生产总值突破700亿元，年均增长6%左右。森林覆盖率达到39%。\n";

/// Reading and extraction run on the bounded blocking pool within a time
/// limit: an upload not read in time is answered 503, and nothing is stored.
#[tokio::test]
async fn an_upload_not_read_in_time_is_answered_busy() {
    let store = planwatch_store::Store::open(":memory:")
        .await
        .expect("open");
    let config = planwatch_server::Config {
        ingest_workers: 1,
        ingest_limit: std::time::Duration::from_nanos(1),
        ..test_config()
    };
    let state =
        planwatch_server::AppState::new(store, None, planwatch_catalog::Catalog::builtin(), config)
            .await
            .expect("state");
    let r = upload(
        &state,
        "/api/v1/documents",
        "sample-plan.txt",
        SAMPLE.as_bytes(),
    )
    .await;
    assert_error(&r, StatusCode::SERVICE_UNAVAILABLE, "busy");
    let h = get(&state, "/api/v1/health").await.json();
    assert_eq!(h["documents"], 0);
}

/// A multipart body with the file and a `revise` field.
fn upload_revising(file_name: &str, bytes: &[u8], revise: &str) -> (String, Vec<u8>) {
    let (ct, mut body) = multipart("file", file_name, bytes);
    let boundary = ct.rsplit('=').next().expect("boundary").to_string();
    let end = format!("--{boundary}--\r\n");
    body.truncate(body.len() - end.len());
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"revise\"\r\n\r\n{revise}\r\n{end}"
        )
        .as_bytes(),
    );
    (ct, body)
}

#[tokio::test]
async fn an_upload_replaces_a_stored_document_only_when_asked_to() {
    let state = corpus_state().await;
    let r = upload(
        &state,
        "/api/v1/documents",
        "sample-plan.txt",
        SAMPLE.as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let first = r.json()["document"]["id"].clone();
    // Same name, other content, no choice made: refused, the stored one stays.
    let changed = format!("{SAMPLE}森林覆盖率达到45%。\n");
    let r = upload(
        &state,
        "/api/v1/documents",
        "sample-plan.txt",
        changed.as_bytes(),
    )
    .await;
    assert_error(&r, StatusCode::CONFLICT, "document_exists");
    let r = upload(
        &state,
        "/documents/upload",
        "sample-plan.txt",
        changed.as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    assert!(r.text().contains("revise"), "{}", r.text());
    let doc = get(&state, "/api/v1/documents/sample-plan.txt")
        .await
        .json();
    assert_eq!(doc["id"], first);
    assert_eq!(doc["revision"], 1);
    // Named as the revision of that document: stored as revision 2.
    let (ct, body) = upload_revising("sample-plan.txt", changed.as_bytes(), "sample-plan.txt");
    let r = send(
        &state,
        post(&state, "/api/v1/documents")
            .await
            .header("content-type", ct)
            .body(Body::from(body))
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["document"]["revision"], 2);
    // Another name is a new document, whatever its content.
    let r = upload(
        &state,
        "/api/v1/documents",
        "sample-plan-2.txt",
        changed.as_bytes(),
    )
    .await;
    assert!(r.status.is_success(), "{}", r.text());
}

#[tokio::test]
async fn uploads_run_the_ingestion_and_refuse_bad_input() {
    let state = corpus_state().await;
    let before = get(&state, "/api/v1/documents").await;
    let etag = before.header("etag").expect("etag");
    let r = upload(
        &state,
        "/api/v1/documents",
        "sample-plan.txt",
        SAMPLE.as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let j = r.json();
    assert_eq!(j["outcome"], "stored");
    assert_eq!(j["document"]["name"], "sample-plan.txt");
    assert!(j["facts"].as_u64().is_some_and(|n| n >= 2), "{j}");
    // The new document is listed at once, under a new ETag.
    let after = get(&state, "/api/v1/documents").await;
    assert_eq!(after.json()["total"], corpus_files().len() + 1);
    let doc_page = get(&state, "/documents/sample-plan.txt").await;
    assert!(
        doc_page.text().contains("<mark class=\"fact"),
        "uploaded document highlighted"
    );
    assert_ne!(after.header("etag").expect("etag"), etag);
    let again = upload(
        &state,
        "/api/v1/documents",
        "sample-plan.txt",
        SAMPLE.as_bytes(),
    )
    .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["outcome"], "unchanged");
    // Searchable at once.
    let hits = get(&state, "/api/v1/search?q=示例市").await.json();
    assert!(hits["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .any(|h| h["doc"] == "sample-plan.txt"));
    // The page's upload form lands on the new document's page.
    let form = upload(
        &state,
        "/documents/upload",
        "form-plan.txt",
        format!("{SAMPLE}\n另一版本。\n").as_bytes(),
    )
    .await;
    assert_eq!(form.status, StatusCode::SEE_OTHER, "{}", form.text());
    let to = form.header("location").expect("redirect");
    assert!(to.starts_with("/documents/"), "{to}");
    assert_eq!(get(&state, &to).await.status, StatusCode::OK);
    // Path traversal in the file name.
    for name in [
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "a/../../b.txt",
    ] {
        let r = upload(&state, "/api/v1/documents", name, SAMPLE.as_bytes()).await;
        assert_error(&r, StatusCode::BAD_REQUEST, "bad_file_name");
    }
    // A folder in the name is dropped.
    let r = upload(
        &state,
        "/api/v1/documents",
        "uploads/sub/other.txt",
        b"\xe5\x88\xb0 2025\xe5\xb9\xb4\n",
    )
    .await;
    assert!(
        r.status.is_success() || r.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        r.text()
    );
    if r.status.is_success() {
        assert_eq!(r.json()["document"]["name"], "other.txt");
    }
    // Too large: a clear 413.
    let big = vec![b'a'; 600 * 1024];
    let r = upload(&state, "/api/v1/documents", "big.txt", &big).await;
    assert_error(&r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    // Too large without a Content-Length (streamed).
    let (ct, body) = multipart("file", "big.txt", &big);
    let r = send(
        &state,
        post(&state, "/api/v1/documents")
            .await
            .header("content-type", ct)
            .body(Body::from_stream(futures_stream(body)))
            .expect("request"),
    )
    .await;
    assert_error(&r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    // Wrong content types.
    let r = send(
        &state,
        post(&state, "/api/v1/documents")
            .await
            .header("content-type", "application/json")
            .body(Body::from("{}"))
            .expect("request"),
    )
    .await;
    assert_error(
        &r,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    let r = send(
        &state,
        post(&state, "/api/v1/documents")
            .await
            .body(Body::from("plain"))
            .expect("request"),
    )
    .await;
    assert_error(
        &r,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    // Binary garbage: refused by ingestion with its reason.
    let r = upload(
        &state,
        "/api/v1/documents",
        "x.bin",
        &[0u8, 1, 2, 3, 255, 254, 0, 0, 7, 8],
    )
    .await;
    assert_error(
        &r,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unprocessable_document",
    );
    // No file field.
    let (ct, body) = multipart("other", "a.txt", b"x");
    let r = send(
        &state,
        post(&state, "/api/v1/documents")
            .await
            .header("content-type", ct)
            .body(Body::from(body))
            .expect("request"),
    )
    .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "missing_file");
}

/// A body delivered in chunks, with no length known in advance.
fn futures_stream(
    body: Vec<u8>,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        body.chunks(16 * 1024).map(|c| Ok(c.to_vec())).collect();
    futures_util::stream::iter(chunks)
}

#[tokio::test]
async fn etags_and_last_modified() {
    let state = corpus_state().await;
    let r = get(&state, "/api/v1/indicators").await;
    let etag = r.header("etag").expect("etag");
    assert!(r.header("last-modified").is_some());
    let again = send(
        &state,
        Request::get("/api/v1/indicators")
            .header("if-none-match", &etag)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    // Another URL, another tag.
    let other = get(&state, "/api/v1/indicators?limit=5").await;
    assert_ne!(other.header("etag").expect("etag"), etag);
    // Pages too; a HEAD request first does not empty the cached page.
    let head = send(
        &state,
        Request::head("/").body(Body::empty()).expect("request"),
    )
    .await;
    assert_eq!(head.status, StatusCode::OK);
    let page = get(&state, "/").await;
    assert!(page.header("etag").is_some());
    assert!(
        page.text().contains("总览"),
        "page body after HEAD: {}",
        page.text()
    );
}

/// `If-None-Match: *` matches only a resource that exists: an unknown id answers 404.
#[tokio::test]
async fn if_none_match_star_is_not_modified_only_when_found() {
    let state = corpus_state().await;
    let star = |uri: &str| {
        Request::get(uri)
            .header("if-none-match", "*")
            .body(Body::empty())
            .expect("request")
    };
    for uri in [
        "/api/v1/documents/ffffffffffffffff",
        "/api/v1/series/完全不存在的指标名称",
        "/documents/ffffffffffffffff",
    ] {
        let r = send(&state, star(uri)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}: {}", r.text());
    }
    // Found: 304, whether rendered now or (after a plain GET) taken from the response cache.
    for cached in [false, true] {
        if cached {
            assert_eq!(
                get(&state, "/api/v1/indicators").await.status,
                StatusCode::OK
            );
        }
        let r = send(&state, star("/api/v1/indicators")).await;
        assert_eq!(r.status, StatusCode::NOT_MODIFIED, "cached: {cached}");
        assert!(r.header("etag").is_some());
        assert!(r.body.is_empty());
    }
}

#[tokio::test]
async fn pages_render_in_chinese() {
    let state = corpus_state().await;
    let dash = get(&state, "/").await;
    assert_eq!(dash.status, StatusCode::OK, "{}", dash.text());
    let html = dash.text();
    for w in [
        "总览",
        "红色预警清单",
        "按领域",
        "数据更新于",
        "lang=\"zh-CN\"",
    ] {
        assert!(html.contains(w), "dashboard lacks {w}");
    }
    let docs = get(&state, "/api/v1/documents").await.json();
    let id = docs["items"][2]["id"].as_str().expect("id").to_string();
    let doc = get(&state, &format!("/documents/{id}")).await;
    assert_eq!(doc.status, StatusCode::OK, "{}", doc.text());
    let html = doc.text();
    assert!(html.contains("<mark class=\"fact"), "no highlights");
    assert!(html.contains("id=\"f0\""), "no fact anchor");
    let ind = get(&state, "/indicators/地区生产总值?region=锦州市").await;
    assert_eq!(ind.status, StatusCode::OK, "{}", ind.text());
    assert!(ind.text().contains("id=\"chart-data\""));
    assert!(ind.text().contains("/assets/echarts.min.js"));
    for uri in [
        "/indicators",
        "/documents",
        "/search",
        "/search?q=森林覆盖率&region=锦州市&type=five_year_plan",
        "/search?q=地区生产总值&year=2020",
        "/check",
        "/report",
        "/report?status=off_track",
        "/report/full",
    ] {
        let r = get(&state, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
        assert!(r.text().contains("<html"), "{uri}");
    }
    let search = get(&state, "/search?q=地区生产总值").await.text();
    assert!(
        search.contains("<mark>"),
        "search shows no highlighted snippet"
    );
    let js = get(&state, "/assets/echarts.min.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js
        .header("content-type")
        .is_some_and(|c| c.contains("javascript")));
    assert!(js.body.len() > 500_000);
}

/// Markup in imported data (a unit, an indicator name) is text on every page the server renders.
#[tokio::test]
async fn imported_markup_is_escaped_in_pages() {
    let state = corpus_state().await;
    let id = import_hostile(&state).await;
    let page = get(&state, &format!("/indicators/{}", pct(HOSTILE_INDICATOR))).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let html = page.text();
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    // The chart's data, read by app.js (which escapes it in tooltips), has no markup either.
    let chart = html
        .split_once("id=\"chart-data\">")
        .and_then(|(_, rest)| rest.split_once("</script>"))
        .map(|(json, _)| json)
        .expect("chart data");
    assert!(
        !chart.contains('<') && chart.contains("\\u003cimg"),
        "{chart}"
    );
    for uri in [
        format!("/indicators/{}", pct(HOSTILE_INDICATOR)),
        "/indicators?catalogued=false".to_string(),
        format!("/documents/{id}"),
    ] {
        let r = get(&state, &uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.text());
        let html = r.text();
        assert!(!html.contains(HOSTILE_UNIT), "{uri} shows raw markup");
        assert!(!html.contains(HOSTILE_INDICATOR), "{uri} shows raw markup");
    }
}

#[tokio::test]
async fn downloads_as_csv_and_xlsx() {
    let state = corpus_state().await;
    for table in [
        "documents",
        "facts",
        "indicators",
        "assessments",
        "findings",
    ] {
        let csv = get(&state, &format!("/download/{table}.csv")).await;
        assert_eq!(csv.status, StatusCode::OK, "{table}: {}", csv.text());
        assert!(
            csv.body.starts_with("\u{feff}".as_bytes()),
            "{table}: no BOM"
        );
        assert!(csv
            .header("content-disposition")
            .is_some_and(|d| d.contains("attachment")));
        let xlsx = get(&state, &format!("/download/{table}.xlsx")).await;
        assert_eq!(xlsx.status, StatusCode::OK, "{table}");
        assert!(xlsx.body.starts_with(b"PK"), "{table}: not a zip");
    }
    let series = get(&state, "/download/series.csv?indicator=GDP").await;
    assert!(series.text().contains("地区生产总值"));
    assert_error(
        &get(&state, "/download/series.csv").await,
        StatusCode::BAD_REQUEST,
        "bad_query",
    );
    assert_error(
        &get(&state, "/download/passwords.csv").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &get(&state, "/download/facts.exe").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn internal_errors_do_not_leak() {
    let state = corpus_state().await;
    state.store().close().await;
    let r = get(&state, "/api/v1/health").await;
    assert_error(&r, StatusCode::INTERNAL_SERVER_ERROR, "internal");
    let text = r.text().to_lowercase();
    for leak in ["sqlx", "pool", "sqlite", "closed", "database"] {
        assert!(!text.contains(leak), "500 leaks {leak}: {text}");
    }
}

#[tokio::test]
async fn postgres_serves_the_same() {
    let Some(base) = std::env::var("PLANWATCH_TEST_PG")
        .ok()
        .filter(|s| !s.is_empty())
    else {
        eprintln!("note: PLANWATCH_TEST_PG is not set; skipping the PostgreSQL run");
        return;
    };
    let url = planwatch_store::testing::fresh_postgres(&base, "server_api")
        .await
        .expect("fresh database");
    let store = planwatch_store::Store::open(&url).await.expect("open");
    let state = state_over(store, test_config()).await;
    let h = get(&state, "/api/v1/health").await.json();
    assert_eq!(h["backend"], "postgres");
    assert_eq!(h["documents"], corpus_files().len());
    let r = upload(
        &state,
        "/api/v1/documents",
        "sample-plan.txt",
        SAMPLE.as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    // A second instance over the same database sees the upload.
    let store2 = planwatch_store::Store::open(&url).await.expect("open");
    let other = planwatch_server::AppState::new(
        store2,
        Some(planwatch_store::SearchIndex::in_ram().expect("index")),
        planwatch_catalog::Catalog::builtin(),
        test_config(),
    )
    .await
    .expect("second instance");
    let docs = get(&other, "/api/v1/documents").await.json();
    assert_eq!(docs["total"], corpus_files().len() + 1);
    let hits = get(&other, "/api/v1/search?q=示例市").await.json();
    assert!(!hits["hits"].as_array().expect("hits").is_empty());
    let a = get(&state, "/api/v1/assessments").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(get(&state, "/").await.status, StatusCode::OK);
    state.store().close().await;
    other.store().close().await;
    planwatch_store::testing::drop_postgres(&base, &url)
        .await
        .expect("drop");
}

fn search_finds(hits: &serde_json::Value, doc: &str) -> bool {
    hits["hits"]
        .as_array()
        .is_some_and(|a| a.iter().any(|h| h["doc"] == doc))
}

#[tokio::test]
async fn a_document_stored_but_not_indexed_is_found_after_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("t.db").display().to_string();
    let index_dir = dir.path().join("t.db.index");
    let first = planwatch_server::AppState::open(
        &db,
        Some(index_dir.clone()),
        planwatch_catalog::Catalog::builtin(),
        test_config(),
    )
    .await
    .expect("first start");
    let r = upload(&first, "/api/v1/documents", "first.txt", SAMPLE.as_bytes()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    // Committed to the store, then the process "dies" before the index write.
    let ex =
        planwatch_extract::extract_document("killed.txt", "2025年，绿水市森林覆盖率达到41%。\n");
    let doc = planwatch_store::NewDocument {
        name: "killed.txt".into(),
        path: None,
        format: "text".into(),
        origin: planwatch_store::Origin::Document,
        info: ex.info,
        text: ex.text,
    };
    first
        .store()
        .put_document(&doc, &ex.facts)
        .await
        .expect("commit without indexing");
    first.store().close().await;
    drop(first);
    let restarted = planwatch_server::AppState::open(
        &db,
        Some(index_dir),
        planwatch_catalog::Catalog::builtin(),
        test_config(),
    )
    .await
    .expect("restart");
    assert!(search_finds(
        &get(&restarted, "/api/v1/search?q=绿水市").await.json(),
        "killed.txt"
    ));
    assert!(search_finds(
        &get(&restarted, "/api/v1/search?q=示例市").await.json(),
        "first.txt"
    ));
    restarted.store().close().await;
}

/// Two servers over one store, each with its own index: an upload on A is found on B
/// after B's refresh; B's index catches up document by document, not by rebuilding.
async fn two_servers_share_uploads(url: &str) {
    let open = || async {
        planwatch_server::AppState::new(
            planwatch_store::Store::open(url).await.expect("open"),
            Some(planwatch_store::SearchIndex::in_ram().expect("index")),
            planwatch_catalog::Catalog::builtin(),
            test_config(),
        )
        .await
        .expect("state")
    };
    let a = open().await;
    let b = open().await;
    let r = upload(
        &a,
        "/api/v1/documents",
        "sample-plan.txt",
        SAMPLE.as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    b.refresh().await.expect("refresh B");
    let index = b.index().expect("B's index");
    assert_eq!(
        index.watermark().expect("watermark"),
        Some(b.store().last_seq().await.expect("last seq"))
    );
    assert!(search_finds(
        &get(&b, "/api/v1/search?q=示例市").await.json(),
        "sample-plan.txt"
    ));
    let r = upload(
        &a,
        "/api/v1/documents",
        "more.txt",
        "绿水市森林覆盖率达到41%。\n".as_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let done = b.catch_up_index().await.expect("catch up");
    assert_eq!((done.indexed, done.rebuilt), (1, false));
    a.store().close().await;
    b.store().close().await;
}

#[tokio::test]
async fn two_servers_on_one_sqlite_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    two_servers_share_uploads(&dir.path().join("t.db").display().to_string()).await;
}

#[tokio::test]
async fn two_servers_on_one_postgres() {
    let Ok(base) = std::env::var("PLANWATCH_TEST_PG") else {
        eprintln!("note: PLANWATCH_TEST_PG is not set; skipping two_servers_on_one_postgres");
        return;
    };
    let url = planwatch_store::testing::fresh_postgres(&base, "two_servers")
        .await
        .expect("fresh database");
    two_servers_share_uploads(&url).await;
    planwatch_store::testing::drop_postgres(&base, &url)
        .await
        .expect("drop");
}

// Cross-site writes (issue 9): every state-changing request needs a
// same-origin (or allowed) Origin/Referer, if it has one, and the CSRF token.

const HOST: &str = "127.0.0.1:8080";
const OWN: &str = "http://127.0.0.1:8080";

/// Documents stored now.
async fn stored(state: &planwatch_server::AppState) -> i64 {
    state.store().counts().await.expect("counts").documents
}

/// A multipart body of `(name, file name, value)` fields, in that order.
fn form(fields: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "planwatchFORMboundary41a7";
    let mut body = Vec::new();
    for (name, file, value) in fields {
        let file = file.map_or(String::new(), |f| format!("; filename=\"{f}\""));
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// POSTs `SAMPLE`, made its own by a line naming `name`, as `name` to
/// `uri` with `headers` (and Host) only.
async fn upload_with(
    state: &planwatch_server::AppState,
    uri: &str,
    name: &str,
    headers: &[(&str, &str)],
) -> Reply {
    let text = format!("{SAMPLE}{name}\n");
    let (ct, body) = multipart("file", name, text.as_bytes());
    let mut req = Request::post(uri)
        .header("host", HOST)
        .header("content-type", ct);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    send(state, req.body(Body::from(body)).expect("request")).await
}

#[tokio::test]
async fn cross_origin_writes_are_refused_and_store_nothing() {
    let state = corpus_state().await;
    let before = stored(&state).await;
    let t = csrf(&state).await;
    let (cookie, token) = (t.cookie.as_str(), t.token.as_str());
    // A valid token does not help a request from another site.
    for (header, value) in [
        ("origin", "https://evil.example"),
        ("origin", "http://127.0.0.1:8081"),
        ("origin", "https://127.0.0.1:8080"),
        ("origin", "null"),
        ("referer", "https://evil.example/documents"),
        ("referer", "not a url"),
    ] {
        let r = upload_with(
            &state,
            "/api/v1/documents",
            "evil.txt",
            &[(header, value), ("cookie", cookie), ("x-csrf-token", token)],
        )
        .await;
        assert_error(&r, StatusCode::FORBIDDEN, "cross_origin");
        // The page's form gets a page in Chinese.
        let r = upload_with(
            &state,
            "/documents/upload",
            "evil.txt",
            &[(header, value), ("cookie", cookie), ("x-csrf-token", token)],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{header}: {value}");
        assert!(
            r.header("content-type")
                .is_some_and(|c| c.starts_with("text/html")),
            "{:?}",
            r.header("content-type")
        );
        let html = r.text();
        assert!(
            html.contains("请求被拒绝") && html.contains("其他网站"),
            "{html}"
        );
        assert!(html.contains("cross_origin"), "{html}");
    }
    // Origin decides when both are sent.
    let r = upload_with(
        &state,
        "/api/v1/documents",
        "evil.txt",
        &[
            ("origin", "https://evil.example"),
            ("referer", "http://127.0.0.1:8080/documents"),
            ("cookie", cookie),
            ("x-csrf-token", token),
        ],
    )
    .await;
    assert_error(&r, StatusCode::FORBIDDEN, "cross_origin");
    assert_eq!(stored(&state).await, before, "nothing stored");
    assert!(get(&state, "/api/v1/documents/evil.txt").await.status == StatusCode::NOT_FOUND);

    // The server's own origin, by Origin or by Referer alone, with the token: stored.
    let r = upload_with(
        &state,
        "/api/v1/documents",
        "by-origin.txt",
        &[("origin", OWN), ("cookie", cookie), ("x-csrf-token", token)],
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = upload_with(
        &state,
        "/api/v1/documents",
        "by-referer.txt",
        &[
            ("referer", "http://127.0.0.1:8080/documents?region=x"),
            ("cookie", cookie),
            ("x-csrf-token", token),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    // Behind a TLS proxy that says so.
    let r = upload_with(
        &state,
        "/api/v1/documents",
        "by-proxy.txt",
        &[
            ("origin", "https://127.0.0.1:8080"),
            ("x-forwarded-proto", "https"),
            ("cookie", cookie),
            ("x-csrf-token", token),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(stored(&state).await, before + 3);
}

#[tokio::test]
async fn writes_need_the_cookies_token() {
    let state = corpus_state().await;
    let before = stored(&state).await;
    let a = csrf(&state).await;
    let b = csrf(&state).await;
    assert_ne!(
        a.token, b.token,
        "a client without the cookie gets a new token"
    );
    // A token made up, or another process's (another key), or changed by one digit.
    let other = corpus_free_state().await;
    let foreign = csrf(&other).await;
    let mut tampered = a.token.clone().into_bytes();
    tampered[5] = if tampered[5] == b'a' { b'b' } else { b'a' };
    let tampered = String::from_utf8(tampered).expect("hex");
    let tampered_cookie = format!("planwatch_csrf={tampered}");
    let made_up = "0".repeat(128);
    let made_up_cookie = format!("planwatch_csrf={made_up}");
    for headers in [
        // No token at all.
        vec![("origin", OWN)],
        // The header without its cookie, the cookie without the header.
        vec![("origin", OWN), ("x-csrf-token", a.token.as_str())],
        vec![("origin", OWN), ("cookie", a.cookie.as_str())],
        // Two good tokens that are not the same one.
        vec![
            ("origin", OWN),
            ("cookie", a.cookie.as_str()),
            ("x-csrf-token", b.token.as_str()),
        ],
        // Same value in both, but not signed by this server.
        vec![
            ("cookie", foreign.cookie.as_str()),
            ("x-csrf-token", foreign.token.as_str()),
        ],
        vec![
            ("cookie", tampered_cookie.as_str()),
            ("x-csrf-token", tampered.as_str()),
        ],
        vec![
            ("cookie", made_up_cookie.as_str()),
            ("x-csrf-token", made_up.as_str()),
        ],
    ] {
        let r = upload_with(&state, "/api/v1/documents", "no-token.txt", &headers).await;
        assert_error(&r, StatusCode::FORBIDDEN, "csrf");
    }
    // Other state-changing methods and paths are held to the same rule.
    for method in ["PUT", "PATCH", "DELETE"] {
        let r = send(
            &state,
            Request::builder()
                .method(method)
                .uri("/api/v1/documents/sample.txt")
                .body(Body::empty())
                .expect("request"),
        )
        .await;
        assert_error(&r, StatusCode::FORBIDDEN, "csrf");
    }
    assert_eq!(stored(&state).await, before, "nothing stored");
    // With the token and its cookie (another valid cookie beside it does no harm).
    let both = format!("{}; {}", foreign.cookie, a.cookie);
    let r = upload_with(
        &state,
        "/api/v1/documents",
        "with-token.txt",
        &[
            ("origin", OWN),
            ("cookie", &both),
            ("x-csrf-token", &a.token),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(stored(&state).await, before + 1);
    // A client that sends its valid cookie gets the same token back, and no new cookie.
    let again = send(
        &state,
        Request::get("/api/v1/csrf")
            .header("cookie", &a.cookie)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(again.json()["token"], a.token.as_str());
    assert_eq!(again.header("set-cookie"), None);
    assert_eq!(again.header("cache-control").as_deref(), Some("no-store"));
}

/// A state over an empty store (another server process, with its own key).
async fn corpus_free_state() -> planwatch_server::AppState {
    let store = planwatch_store::Store::open(":memory:")
        .await
        .expect("open");
    planwatch_server::AppState::new(
        store,
        None,
        planwatch_catalog::Catalog::builtin(),
        test_config(),
    )
    .await
    .expect("state")
}

#[tokio::test]
async fn the_upload_form_carries_its_token() {
    let state = corpus_state().await;
    let page = get(&state, "/documents").await;
    assert_eq!(page.status, StatusCode::OK);
    let set = page.header("set-cookie").expect("the page sets the cookie");
    for attr in ["Path=/", "SameSite=Strict", "HttpOnly"] {
        assert!(set.contains(attr), "{set}");
    }
    let cookie = set.split(';').next().expect("pair").to_string();
    let token = cookie.trim_start_matches("planwatch_csrf=").to_string();
    let html = page.text();
    assert!(
        html.contains(&format!(
            "<input type=\"hidden\" name=\"csrf_token\" value=\"{token}\">"
        )),
        "the form repeats the cookie's token"
    );
    // The visitor's own: never cached, never 304.
    assert_eq!(page.header("etag"), None);
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"));
    let second = get(&state, "/documents").await;
    assert_ne!(second.header("set-cookie"), page.header("set-cookie"));
    // With its cookie, the page keeps the token (other tabs stay valid).
    let same = send(
        &state,
        Request::get("/documents?region=x")
            .header("cookie", &cookie)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(same.header("set-cookie"), None);
    assert!(same.text().contains(&token));

    // The form as a browser sends it: the field before the file, no header
    // (by a logged-in admin: uploads need one).
    let cookie = format!("{cookie}; {}", common::admin_cookie(&state).await);
    let before = stored(&state).await;
    let send_form = |fields: Vec<(&'static str, Option<&'static str>, Vec<u8>)>| {
        let state = state.clone();
        let cookie = cookie.clone();
        async move {
            let fields: Vec<(&str, Option<&str>, &[u8])> = fields
                .iter()
                .map(|(n, f, v)| (*n, *f, v.as_slice()))
                .collect();
            let (ct, body) = form(&fields);
            send(
                &state,
                Request::post("/documents/upload")
                    .header("host", HOST)
                    .header("origin", OWN)
                    .header("cookie", cookie)
                    .header("content-type", ct)
                    .body(Body::from(body))
                    .expect("request"),
            )
            .await
        }
    };
    let file = SAMPLE.as_bytes().to_vec();
    let refused = [
        // No field.
        vec![("file", Some("form.txt"), file.clone())],
        // The field after the file.
        vec![
            ("file", Some("form.txt"), file.clone()),
            ("csrf_token", None, token.clone().into_bytes()),
        ],
        // Another value.
        vec![
            ("csrf_token", None, "0".repeat(128).into_bytes()),
            ("file", Some("form.txt"), file.clone()),
        ],
    ];
    for fields in refused {
        let r = send_form(fields).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
        assert!(
            r.text().contains("安全令牌") && r.text().contains("csrf"),
            "{}",
            r.text()
        );
    }
    assert_eq!(stored(&state).await, before);
    let r = send_form(vec![
        ("csrf_token", None, token.clone().into_bytes()),
        ("file", Some("form.txt"), file.clone()),
        ("revise", None, b"".to_vec()),
    ])
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(stored(&state).await, before + 1);
}

#[tokio::test]
async fn an_allowed_origin_may_write() {
    let store = planwatch_store::Store::open(":memory:")
        .await
        .expect("open");
    let config = planwatch_server::Config {
        allowed_origins: vec!["https://Plan.Example/".into(), "not an origin".into()],
        ..test_config()
    };
    let state =
        planwatch_server::AppState::new(store, None, planwatch_catalog::Catalog::builtin(), config)
            .await
            .expect("state");
    assert_eq!(state.allowed_origins(), ["https://plan.example"]);
    let t = csrf(&state).await;
    let with = |origin: &'static str| {
        [
            ("origin", origin),
            ("cookie", t.cookie.as_str()),
            ("x-csrf-token", t.token.as_str()),
        ]
    };
    let r = upload_with(
        &state,
        "/api/v1/documents",
        "a.txt",
        &with("https://plan.example"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = upload_with(
        &state,
        "/api/v1/documents",
        "b.txt",
        &with("https://other.example"),
    )
    .await;
    assert_error(&r, StatusCode::FORBIDDEN, "cross_origin");
    assert_eq!(stored(&state).await, 1);
}

#[tokio::test]
async fn search_by_post_needs_no_token() {
    let state = corpus_state().await;
    for origin in [None, Some("https://evil.example")] {
        let mut req = Request::post("/api/v1/search")
            .header("host", HOST)
            .header("content-type", "application/json");
        if let Some(o) = origin {
            req = req.header("origin", o);
        }
        let r = send(
            &state,
            req.body(Body::from(r#"{"q":"地区生产总值"}"#))
                .expect("request"),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert!(r.json()["hits"].as_array().is_some_and(|h| !h.is_empty()));
    }
}

#[tokio::test]
async fn openapi_tells_clients_about_the_token() {
    let state = corpus_state().await;
    let j = get(&state, "/api/v1/openapi.json").await.json();
    let csrf = &j["paths"]["/api/v1/csrf"]["get"];
    assert!(csrf["responses"]["200"].is_object(), "{csrf}");
    let upload = &j["paths"]["/api/v1/documents"]["post"];
    assert!(upload["responses"]["403"].is_object(), "{upload}");
    assert!(
        upload["parameters"].as_array().is_some_and(|p| p
            .iter()
            .any(|p| p["name"] == "X-CSRF-Token" && p["in"] == "header")),
        "{upload}"
    );
    assert!(j["components"]["schemas"]["CsrfToken"].is_object());
}

/// The corpus implementation plan names who answers for each task
/// (`（市水务局牵头，市发展改革委…负责）`): its facts carry them through the
/// store to the API and the document page.
#[tokio::test]
async fn facts_carry_the_departments_their_task_names() {
    let state = corpus_state().await;
    let r = get(
        &state,
        "/api/v1/facts?doc=004_b9baa1fb878a84dd.txt&limit=1000",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let j = r.json();
    let items = j["items"].as_array().expect("items");
    let led: Vec<&serde_json::Value> = items
        .iter()
        .filter(|f| f["lead_units"].as_array().is_some_and(|a| !a.is_empty()))
        .collect();
    assert!(
        led.len() * 2 > items.len(),
        "{} of {}",
        led.len(),
        items.len()
    );
    assert!(
        led.iter()
            .any(|f| f["lead_units"][0] == "市水务局" && f["partner_units"][0] == "市发展改革委"),
        "{led:?}"
    );
    // A plan that names nobody: no departments.
    let r = get(
        &state,
        "/api/v1/facts?doc=001_cb27c06e08f47c2d.txt&limit=50",
    )
    .await;
    let j = r.json();
    assert!(j["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|f| f["lead_units"].as_array().is_some_and(|a| a.is_empty())));
    let page = get(&state, "/documents/004_b9baa1fb878a84dd.txt").await;
    assert!(
        page.text().contains("牵头：市水务局"),
        "the document page shows them"
    );
}

/// The corpus implementation plan, which names who answers for its tasks.
const IMPL: &str = "004_b9baa1fb878a84dd.txt";
/// A corpus plan that names nobody.
const PLAN: &str = "001_cb27c06e08f47c2d.txt";

/// Percent-encodes a path segment (unit names are Chinese).
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `POST uri` of a multipart `form` with `Authorization: Bearer token`.
async fn bearer_form(
    state: &planwatch_server::AppState,
    uri: &str,
    token: &str,
    form: (String, Vec<u8>),
) -> Reply {
    send(
        state,
        Request::post(uri)
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", form.0)
            .body(Body::from(form.1))
            .expect("request"),
    )
    .await
}

/// A user of `role` and an API token of theirs.
async fn token_of(
    state: &planwatch_server::AppState,
    name: &str,
    role: planwatch_store::Role,
) -> String {
    state
        .store()
        .add_user(name, "a-long-password", role, &[], None)
        .await
        .expect("user");
    state
        .store()
        .create_api_token(name, "test", None)
        .await
        .expect("token")
}

/// The position of the first fact of `kind` in document `doc`.
async fn first_of(state: &planwatch_server::AppState, doc: &str, kind: &str) -> i64 {
    get(
        state,
        &format!("/api/v1/facts?doc={doc}&kind={kind}&limit=1"),
    )
    .await
    .json()["items"][0]["ord"]
        .as_i64()
        .expect("a fact of that kind")
}

#[tokio::test]
async fn units_are_managed_by_admins_and_read_by_members() {
    use planwatch_store::Role;
    let state = corpus_state().await;
    let admin = token_of(&state, "root", Role::Admin).await;
    let others = [
        token_of(&state, "li", Role::Reporter).await,
        token_of(&state, "wang", Role::Deputy).await,
        token_of(&state, "zhao", Role::Reviewer).await,
    ];
    let anonymous = csrf_only(&state).await;

    // Reading needs a login, of any role.
    let r = get(&state, "/api/v1/units").await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    for t in &others {
        let r = call(&state, "GET", "/api/v1/units", Some(t), None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(r.json()["total"], 0);
    }

    // Adding by name: an admin only.
    let list = serde_json::json!([
        "市统计局",
        {"name": "锦州市发展和改革委员会", "short_name": "市发展改革委"}
    ]);
    for t in &others {
        let r = call(&state, "POST", "/api/v1/units", Some(t), Some(list.clone())).await;
        assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    }
    let r = send(
        &state,
        anonymous
            .on(Request::post("/api/v1/units"))
            .header("content-type", "application/json")
            .body(Body::from(list.to_string()))
            .expect("request"),
    )
    .await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    let r = call(
        &state,
        "POST",
        "/api/v1/units",
        Some(&admin),
        Some(list.clone()),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["added"].as_array().map(Vec::len), Some(2));
    let r = call(&state, "POST", "/api/v1/units", Some(&admin), Some(list)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["known"].as_array().map(Vec::len), Some(2));
    for bad in [serde_json::json!(["甲局、乙局"]), serde_json::json!([])] {
        let r = call(&state, "POST", "/api/v1/units", Some(&admin), Some(bad)).await;
        assert_error(&r, StatusCode::BAD_REQUEST, "bad_unit");
    }

    // Importing a table: CSV or XLSX; a bad one is refused by name and row.
    let csv = "名称,简称\n锦州市财政局,市财政局\n".as_bytes();
    for t in &others {
        let r = bearer_form(
            &state,
            "/api/v1/units/import",
            t,
            multipart("file", "u.csv", csv),
        )
        .await;
        assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    }
    let r = bearer_form(
        &state,
        "/api/v1/units/import",
        &admin,
        multipart("file", "u.csv", csv),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["added"][0]["short_name"], "市财政局");
    let mut t = planwatch_store::export::Table::new(&["name"]);
    t.push(vec!["锦州市水务局".into()]);
    let xlsx = t.xlsx("units").expect("xlsx");
    let r = bearer_form(
        &state,
        "/api/v1/units/import",
        &admin,
        multipart("file", "u.xlsx", &xlsx),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = bearer_form(
        &state,
        "/api/v1/units/import",
        &admin,
        multipart("file", "bad.csv", "name\n市水务局\n\u{1}\n".as_bytes()),
    )
    .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_unit_table");
    assert!(r.json()["message"]
        .as_str()
        .is_some_and(|m| m.contains("bad.csv: row 3")));
    let r = call(&state, "GET", "/api/v1/units", Some(&others[0]), None).await;
    assert_eq!(r.json()["total"], 4);

    // From the text: an admin only.
    for t in &others {
        let r = call(
            &state,
            "POST",
            "/api/v1/units/assign-from-text",
            Some(t),
            None,
        )
        .await;
        assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    }
    let r = call(
        &state,
        "POST",
        "/api/v1/units/assign-from-text",
        Some(&admin),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let j = r.json();
    assert!(j["assigned"].as_u64().is_some_and(|n| n > 10), "{j}");
    // 市发展改革委 and 市财政局 are stored units' short names: not added again.
    let added: Vec<&str> = j["units_added"]
        .as_array()
        .expect("names")
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    assert!(added.contains(&"市水务局"), "{j}");
    assert!(
        !added.contains(&"市发展改革委") && !added.contains(&"市财政局"),
        "{j}"
    );
    let r = call(
        &state,
        "GET",
        &format!("/api/v1/units/{}/targets?limit=1000", enc("市发展改革委")),
        Some(&others[1]),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let items = r.json()["items"].as_array().cloned().expect("items");
    assert!(!items.is_empty());
    assert!(items.iter().all(|t| t["doc"] == IMPL));
    // It takes part in most, and leads some.
    assert!(items.iter().any(|t| t["role"] == "partner"));
    assert!(items.iter().all(|t| t["assignment"]["lead"]
        .as_array()
        .is_some_and(|l| !l.is_empty())));
    let r = get(
        &state,
        &format!("/api/v1/units/{}/targets", enc("市水务局")),
    )
    .await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    let r = call(
        &state,
        "GET",
        "/api/v1/units/nobody/targets",
        Some(&admin),
        None,
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");

    // Assigning one target: an admin only; members read it.
    let ord = first_of(&state, PLAN, "target").await;
    let uri = format!("/api/v1/documents/{PLAN}/facts/{ord}/assignment");
    let body = serde_json::json!({"lead": ["市统计局"], "partners": ["市发展改革委"]});
    for t in &others {
        for method in ["PUT", "DELETE"] {
            let r = call(&state, method, &uri, Some(t), Some(body.clone())).await;
            assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
        }
    }
    let r = send(
        &state,
        anonymous
            .on(Request::put(&uri))
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .expect("request"),
    )
    .await;
    assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    let r = call(&state, "GET", &uri, Some(&others[2]), None).await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = call(&state, "PUT", &uri, Some(&admin), Some(body.clone())).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["partners"][0], "锦州市发展和改革委员会");
    assert_eq!(r.json()["assigned_by"], "root");
    let r = call(&state, "GET", &uri, Some(&others[2]), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["lead"][0], "市统计局");
    assert_error(
        &get(&state, &uri).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    );
    // Refused: an unknown unit, an achieved value, no lead, a bad body.
    let r = call(
        &state,
        "PUT",
        &uri,
        Some(&admin),
        Some(serde_json::json!({"lead": ["无此局"]})),
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let actual = first_of(&state, PLAN, "actual").await;
    let r = call(
        &state,
        "PUT",
        &format!("/api/v1/documents/{PLAN}/facts/{actual}/assignment"),
        Some(&admin),
        Some(body.clone()),
    )
    .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_unit");
    let r = call(
        &state,
        "PUT",
        &uri,
        Some(&admin),
        Some(serde_json::json!({"lead": []})),
    )
    .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_unit");
    let r = call(
        &state,
        "PUT",
        &uri,
        Some(&admin),
        Some(serde_json::json!({"partners": []})),
    )
    .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_json");
    // A session needs the CSRF token as any write does.
    let c = csrf(&state).await;
    let r = send(
        &state,
        Request::put(&uri)
            .header("cookie", &c.cookie)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .expect("request"),
    )
    .await;
    assert_error(&r, StatusCode::FORBIDDEN, "csrf");
    let r = send(
        &state,
        c.on(Request::put(&uri))
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    // Hostile names and ids are the client's errors, never the server's.
    let r = call(
        &state,
        "PUT",
        &uri,
        Some(&admin),
        Some(serde_json::json!({"lead": ["\u{0}"]})),
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = call(
        &state,
        "POST",
        "/api/v1/units",
        Some(&admin),
        Some(serde_json::json!(["市\u{0}局"])),
    )
    .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_unit");
    for bad in ["%00", "..", "abcdef"] {
        let r = call(
            &state,
            "GET",
            &format!("/api/v1/documents/{bad}/facts/0/assignment"),
            Some(&admin),
            None,
        )
        .await;
        assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    }
    let r = call(
        &state,
        "GET",
        "/api/v1/units/%00/targets",
        Some(&admin),
        None,
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    // Cleared.
    let r = call(&state, "DELETE", &uri, Some(&admin), None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let r = call(&state, "DELETE", &uri, Some(&admin), None).await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");

    // Every change is audited with who made it.
    let trail = call(
        &state,
        "GET",
        "/api/v1/audit?limit=1000",
        Some(&admin),
        None,
    )
    .await
    .json();
    let lines: Vec<(String, String)> = trail["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|l| {
            (
                l["action"].as_str().unwrap_or_default().to_string(),
                l["actor"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    for action in [
        "unit.add",
        "assignment.from_text",
        "assignment.set",
        "assignment.clear",
    ] {
        assert!(
            lines
                .iter()
                .any(|(a, who)| a == action && (who == "root" || who == ADMIN.0)),
            "{action} by an admin: {lines:?}"
        );
    }

    // The OpenAPI document names the routes.
    let doc = get(&state, "/api/v1/openapi.json").await.json();
    for path in [
        "/api/v1/units",
        "/api/v1/units/import",
        "/api/v1/units/assign-from-text",
        "/api/v1/units/{unit}/targets",
        "/api/v1/documents/{id}/facts/{ord}/assignment",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} not in the OpenAPI document"
        );
    }
    for method in ["get", "put", "delete"] {
        assert!(doc["paths"]["/api/v1/documents/{id}/facts/{ord}/assignment"][method].is_object());
    }
}

/// A session of `role` and a CSRF token, as one cookie header and the token.
async fn session_with_token(
    state: &planwatch_server::AppState,
    name: &str,
    role: planwatch_store::Role,
) -> (String, String) {
    let session = login_as(state, name, "a-long-password", role).await;
    let c = csrf_only(state).await;
    (format!("{}; {session}", c.cookie), c.token)
}

/// POSTs a multipart `form` to `uri` with `cookie` only (as a browser's form).
async fn post_form(
    state: &planwatch_server::AppState,
    uri: &str,
    cookie: &str,
    form: (String, Vec<u8>),
) -> Reply {
    send(
        state,
        Request::post(uri)
            .header("cookie", cookie)
            .header("content-type", form.0)
            .body(Body::from(form.1))
            .expect("request"),
    )
    .await
}

/// GETs `uri` with `cookie`.
async fn get_as(state: &planwatch_server::AppState, uri: &str, cookie: &str) -> Reply {
    send(
        state,
        Request::get(uri)
            .header("cookie", cookie)
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

#[tokio::test]
async fn the_units_page_and_the_assignment_form_are_an_admins_and_need_the_token() {
    use planwatch_store::Role;
    let state = corpus_state().await;
    let (admin, token) = session_with_token(&state, "root", Role::Admin).await;
    let table = "name,short_name\n锦州市统计局,市统计局\n".as_bytes();

    // The page: admins only, with its forms' token.
    assert_eq!(get(&state, "/units").await.status, StatusCode::UNAUTHORIZED);
    for (name, role) in [
        ("li", Role::Reporter),
        ("wang", Role::Deputy),
        ("zhao", Role::Reviewer),
    ] {
        let (cookie, t) = session_with_token(&state, name, role).await;
        assert_eq!(
            get_as(&state, "/units", &cookie).await.status,
            StatusCode::FORBIDDEN
        );
        // Nor may they send its forms, token or not.
        let r = post_form(
            &state,
            "/units/import",
            &cookie,
            form(&[
                ("csrf_token", None, t.as_bytes()),
                ("file", Some("u.csv"), table),
            ]),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
        let r = post_form(
            &state,
            "/units/assign-from-text",
            &cookie,
            form(&[("csrf_token", None, t.as_bytes())]),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    }
    let page = get_as(&state, "/units", &admin).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let html = page.text();
    assert!(
        html.contains("<h1>责任单位</h1>") && html.contains("还没有单位"),
        "{html}"
    );
    assert!(
        html.contains(&format!("name=\"csrf_token\" value=\"{token}\"")),
        "{html}"
    );
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"));

    // Its forms need the token before the file, or in the form without a file.
    for fields in [
        vec![("file", Some("u.csv"), table)],
        vec![
            ("file", Some("u.csv"), table),
            ("csrf_token", None, token.as_bytes()),
        ],
        vec![
            ("csrf_token", None, "0".repeat(128).as_bytes()),
            ("file", Some("u.csv"), table),
        ],
    ] {
        let r = post_form(&state, "/units/import", &admin, form(&fields)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
        assert!(r.text().contains("csrf"), "{}", r.text());
    }
    let r = post_form(
        &state,
        "/units/assign-from-text",
        &admin,
        form(&[("x", None, b"1")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    assert!(state.store().units(true).await.expect("units").is_empty());
    assert_eq!(
        state
            .store()
            .document_assignments(&doc_id(&state, IMPL).await)
            .await
            .expect("read")
            .len(),
        0
    );
    // With it: imported, then assigned from the text, each answered on the page.
    let r = post_form(
        &state,
        "/units/import",
        &admin,
        form(&[
            ("csrf_token", None, token.as_bytes()),
            ("file", Some("u.csv"), table),
        ]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let to = r.header("location").expect("redirect");
    assert_eq!(to, "/units?added=1&known=0");
    assert!(get_as(&state, &to, &admin)
        .await
        .text()
        .contains("新增 1 个单位"));
    let r = post_form(
        &state,
        "/units/assign-from-text",
        &admin,
        form(&[("csrf_token", None, token.as_bytes())]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let to = r.header("location").expect("redirect");
    assert!(to.starts_with("/units?assigned="), "{to}");
    let html = get_as(&state, &to, &admin).await.text();
    assert!(
        html.contains("项目标已指派") && html.contains("市水务局"),
        "{html}"
    );

    // The document page: the public sees the text's departments (marked 文中)
    // from the cache; a member the assignments; an admin also the form.
    let doc_uri = format!("/documents/{IMPL}");
    let public = get(&state, &doc_uri).await;
    assert!(public.header("etag").is_some());
    let public = public.text();
    assert!(public.contains("（文中）") && !public.contains("assign-form"));
    let admin_page = get_as(&state, &doc_uri, &admin).await;
    assert_eq!(
        admin_page.header("cache-control").as_deref(),
        Some("no-store")
    );
    assert!(admin_page.header("etag").is_none(), "never from the cache");
    let admin_html = admin_page.text();
    assert!(
        admin_html.contains("id=\"assign-form\"") && admin_html.contains(&token),
        "{admin_html}"
    );
    assert!(
        admin_html.matches("（文中）").count() < public.matches("（文中）").count(),
        "assigned targets show their assignment"
    );
    // A deputy gets the comment form (with its token), not the assignment
    // form; a reviewer neither form nor token.
    let (deputy, _) = session_with_token(&state, "wang", Role::Deputy).await;
    let member = get_as(&state, &doc_uri, &deputy).await.text();
    assert!(!member.contains("assign-form") && member.contains("id=\"comment-form\""));
    let (reviewer, _) = session_with_token(&state, "zhao", Role::Reviewer).await;
    let reviewer = get_as(&state, &doc_uri, &reviewer).await.text();
    assert!(!reviewer.contains("assign-form") && !reviewer.contains("csrf_token"));
    assert!(!reviewer.contains("comment-form") && reviewer.contains("代表意见"));
    assert_eq!(
        member.matches("（文中）").count(),
        admin_html.matches("（文中）").count()
    );
    // The admin's page was not kept for the public.
    let again = get(&state, &doc_uri).await.text();
    assert!(!again.contains("assign-form") && !again.contains(&token));

    // The page's form assigns one target, and clears it; the token is needed.
    let ord = first_of(&state, PLAN, "target").await;
    let plan_id = doc_id(&state, PLAN).await;
    let assign_uri = format!("/documents/{PLAN}/assign");
    let ord_s = ord.to_string();
    let fields = |t: &str| {
        form(&[
            ("csrf_token", None, t.as_bytes()),
            ("ord", None, ord_s.as_bytes()),
            ("lead", None, "市统计局".as_bytes()),
            ("partners", None, "市水务局、市发展改革委".as_bytes()),
        ])
    };
    let r = post_form(&state, &assign_uri, &admin, fields("")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let fact = planwatch_catalog::FactId::new(plan_id.clone(), ord);
    assert!(state
        .store()
        .assignment(&fact)
        .await
        .expect("read")
        .is_none());
    let r = post_form(&state, &assign_uri, &admin, fields(&token)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        r.header("location"),
        Some(format!("/documents/{plan_id}#f{ord}"))
    );
    let a = state
        .store()
        .assignment(&fact)
        .await
        .expect("read")
        .expect("assigned");
    assert_eq!(a.lead, ["锦州市统计局"]);
    assert_eq!(a.partners, ["市水务局", "市发展改革委"]);
    assert_eq!(a.assigned_by.as_deref(), Some("root"));
    let page = get_as(&state, &format!("/documents/{PLAN}"), &admin)
        .await
        .text();
    assert!(
        page.contains("牵头：锦州市统计局<br>配合：市水务局、市发展改革委"),
        "{page}"
    );
    let r = post_form(
        &state,
        &assign_uri,
        &admin,
        form(&[
            ("csrf_token", None, token.as_bytes()),
            ("ord", None, ord_s.as_bytes()),
            ("clear", None, b"1"),
        ]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(state
        .store()
        .assignment(&fact)
        .await
        .expect("read")
        .is_none());
}

/// The id of the stored document named `name`.
async fn doc_id(state: &planwatch_server::AppState, name: &str) -> String {
    state
        .store()
        .find_document(name)
        .await
        .expect("find")
        .expect("stored")
        .id
}
