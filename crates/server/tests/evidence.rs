//! Evidence files on submissions (issue 10): a reporter attaches files to
//! a draft through the API or the 填报 page's form (CSRF token needed);
//! the type is read from the content; a reviewer downloads them as
//! attachments (nosniff, sandboxed); a reporter of another unit cannot
//! read them by id (IDOR), deputies and visitors neither; a withdrawn
//! file stays, marked. On SQLite and (when `PLANWATCH_TEST_PG` is set)
//! PostgreSQL.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{bare_state, browser, call, fixture, page, send, Fixture, Reply, PLAN_NAME};
use planwatch_server::AppState;
use planwatch_store::Role;
use serde_json::json;

#[tokio::test]
async fn reporters_attach_and_reviewers_download_evidence_on_sqlite() {
    let store = planwatch_store::Store::in_memory().await.expect("store");
    evidence(bare_state(store).await).await;
}

#[tokio::test]
async fn reporters_attach_and_reviewers_download_evidence_on_postgres() {
    let Some((base, url, store)) =
        common::postgres_store("server_evidence", "evidence files").await
    else {
        return;
    };
    evidence(bare_state(store).await).await;
    common::drop_postgres(&base, &url).await;
}

/// A multipart body: the field `csrf_token` (if any), then `file`.
fn multipart(token: Option<&str>, name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let b = "evidenceBOUNDARY42";
    let mut body = Vec::new();
    if let Some(t) = token {
        body.extend_from_slice(
            format!("--{b}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{t}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={b}"), body)
}

/// Uploads `bytes` as `name` to `uri` with an API token (or none).
async fn upload(st: &AppState, uri: &str, token: Option<&str>, name: &str, bytes: &[u8]) -> Reply {
    let (ct, body) = multipart(None, name, bytes);
    let mut req = Request::post(uri).header("content-type", ct);
    match token {
        Some(t) => req = req.header("authorization", format!("Bearer {t}")),
        None => req = common::csrf_only(st).await.on(req),
    }
    send(st, req.body(Body::from(body)).expect("request")).await
}

/// Uploads through the 填报 page's form: browser cookies and the form's token.
async fn upload_form(st: &AppState, uri: &str, cookie: &str, token: &str, bytes: &[u8]) -> Reply {
    let token = Some(token).filter(|t| !t.is_empty());
    let (ct, body) = multipart(token, "现场照片.png", bytes);
    let req = Request::post(uri)
        .header("cookie", cookie)
        .header("content-type", ct)
        .body(Body::from(body))
        .expect("request");
    send(st, req).await
}

fn pdf() -> Vec<u8> {
    let mut v = b"%PDF-1.4\n".to_vec();
    v.extend((0..=255u8).cycle().take(3000));
    v.extend_from_slice(b"\n%%EOF\n");
    v
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

async fn evidence(st: AppState) {
    let st = &st;
    let f: Fixture = fixture(st).await;
    // A reporter's draft.
    let r = call(
        st,
        "POST",
        "/api/v1/submissions",
        Some(&f.li),
        Some(json!({"document_id": PLAN_NAME, "ord": f.ord, "unit": common::UNIT, "year": 2023, "value": 900.0, "narrative": "按计划推进"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let sub = r.json()["id"].as_i64().expect("id");
    let files = format!("/api/v1/submissions/{sub}/evidence");

    // The reporter attaches a PDF.
    let pdf = pdf();
    let r = upload(st, &files, Some(&f.li), "统计报表.pdf", &pdf).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let e = r.json();
    assert_eq!(e["name"], "统计报表.pdf");
    assert_eq!(e["content_type"], "application/pdf");
    let id = e["id"].as_i64().expect("evidence id");
    let file = format!("/api/v1/evidence/{id}");

    // The reviewer downloads it: an attachment, never sniffed, sandboxed.
    let r = call(st, "GET", &file, Some(&f.zhao), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.body, pdf);
    assert_eq!(r.header("content-type").as_deref(), Some("application/pdf"));
    let cd = r.header("content-disposition").unwrap_or_default();
    assert!(cd.starts_with("attachment;"), "{cd}");
    assert!(cd.contains("filename*=UTF-8''%E7%BB%9F"), "{cd}");
    assert_eq!(
        r.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert!(r
        .header("content-security-policy")
        .is_some_and(|c| c.contains("sandbox")));
    let list = call(st, "GET", &files, Some(&f.zhao), None).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text());
    assert_eq!(list.json().as_array().map(Vec::len), Some(1));
    let r = call(st, "GET", &file, Some(&f.li), None).await;
    assert_eq!(r.status, StatusCode::OK);

    // IDOR: a reporter of another unit finds neither the file nor the list,
    // and can neither attach nor withdraw; a deputy is refused, a visitor too.
    for uri in [&file, &files] {
        let r = call(st, "GET", uri, Some(&f.wu), None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}: {}", r.text());
        let r = call(st, "GET", uri, Some(&f.wang), None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{uri}: {}", r.text());
        let r = call(st, "GET", uri, None, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{uri}: {}", r.text());
    }
    let r = upload(st, &files, Some(&f.wu), "x.pdf", &pdf).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text());
    let r = call(st, "POST", &format!("{file}/withdraw"), Some(&f.wu), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text());
    let r = upload(st, &files, Some(&f.zhao), "x.pdf", &pdf).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = upload(st, &files, None, "x.pdf", &pdf).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    let r = call(st, "GET", "/api/v1/evidence/999999", Some(&f.zhao), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // Types come from the content: HTML or SVG under any name, a PNG named
    // .html, are refused; so is a file over 10 MB.
    for (name, bytes) in [
        ("report.pdf", &b"<html><script>alert(1)</script></html>"[..]),
        (
            "chart.png",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
        ),
        ("page.html", PNG),
    ] {
        let r = upload(st, &files, Some(&f.li), name, bytes).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{name}: {}", r.text());
        assert_eq!(r.json()["code"], "bad_evidence");
    }
    let mut big = pdf.clone();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let r = upload(st, &files, Some(&f.li), "big.pdf", &big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text());

    // Withdrawn: kept and marked, still readable by the reviewer.
    let r = call(st, "POST", &format!("{file}/withdraw"), Some(&f.li), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["withdrawn"], true);
    let list = call(st, "GET", &files, Some(&f.zhao), None).await.json();
    assert_eq!(list[0]["withdrawn"], true);
    assert_eq!(
        call(st, "GET", &file, Some(&f.zhao), None).await.status,
        StatusCode::OK
    );

    // The 填报 page: the draft's files and the upload form, which needs
    // the page's token.
    st.store()
        .add_user(
            "li-web",
            "a-long-password",
            Role::Reporter,
            &[common::UNIT.to_string()],
            None,
        )
        .await
        .expect("reporter");
    let (li, li_token) = browser(st, "li-web", Role::Reporter).await;
    let r = page(st, "/fill", &li).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.text()
            .contains(&format!("action=\"/fill/{sub}/evidence\"")),
        "{}",
        r.text()
    );
    assert!(r.text().contains("统计报表.pdf"));
    let form = format!("/fill/{sub}/evidence");
    let r = upload_form(st, &form, &li, "", PNG).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = upload_form(st, &form, &li, &li_token, PNG).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let list = call(st, "GET", &files, Some(&f.li), None).await.json();
    assert_eq!(list[1]["name"], "现场照片.png");
    assert_eq!(list[1]["content_type"], "image/png");

    // Submitted: the reviewer's page links the files; no more are attached.
    let r = call(
        st,
        "POST",
        &format!("/api/v1/submissions/{sub}/submit"),
        Some(&f.li),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let (zhao, _) = browser(st, "zhao-web", Role::Reviewer).await;
    let r = page(st, "/review", &zhao).await;
    // (Templates escape `/` in attributes.)
    let link = format!(
        "evidence&#x2f;{}\" download>现场照片.png</a>",
        list[1]["id"]
    );
    assert!(r.text().contains(&link), "{}", r.text());
    let r = upload(st, &files, Some(&f.li), "late.pdf", &pdf).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());

    // Every change is in the audit trail.
    let r = call(st, "GET", "/api/v1/audit?limit=200", Some(&f.admin), None).await;
    assert_eq!(r.text().matches("evidence.add").count(), 2, "{}", r.text());
    assert_eq!(r.text().matches("evidence.withdraw").count(), 1);
}
