//! Reminders and 督办 (issue 10): the overdue list, reminder e-mails that
//! reach a local SMTP sink (and are not sent twice within 24 hours),
//! escalation marks set and lifted, and who may do each (reporters,
//! deputies, anonymous visitors, requests without the CSRF token).

mod common;

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{call, csrf_only, form, get, login_as, page, send, Reply, PLAN_NAME, UNIT};
use planwatch_server::mail::SmtpConfig;
use planwatch_server::{AppState, Config};
use planwatch_store::Role;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

const ADDRESS: &str = "tj@jz.example";

/// One message the sink took: its envelope recipients and its data.
#[derive(Debug, Clone, Default)]
struct Received {
    rcpt: Vec<String>,
    data: String,
}

/// A tiny SMTP server: 220, EHLO/HELO → 250, MAIL/RCPT → 250, DATA → 354,
/// `.` → 250, QUIT → 221; every message kept.
async fn smtp_sink() -> (u16, Arc<Mutex<Vec<Received>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind sink");
    let port = listener.local_addr().expect("addr").port();
    let got: Arc<Mutex<Vec<Received>>> = Arc::default();
    let kept = got.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let kept = kept.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                if write.write_all(b"220 sink ESMTP\r\n").await.is_err() {
                    return;
                }
                let mut current = Received::default();
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    let answer: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        current.rcpt.push(line[8..].trim().to_string());
                        b"250 OK\r\n"
                    } else if upper.starts_with("DATA") {
                        if write.write_all(b"354 go on\r\n").await.is_err() {
                            return;
                        }
                        let mut data = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            data.push_str(&l);
                            data.push('\n');
                        }
                        current.data = data;
                        if let Ok(mut k) = kept.lock() {
                            k.push(std::mem::take(&mut current));
                        }
                        b"250 OK queued\r\n"
                    } else if upper.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        b"250 OK\r\n"
                    };
                    if write.write_all(answer).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, got)
}

/// Base64 (standard alphabet) decoded, other characters skipped.
fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// Quoted-printable decoded.
fn quoted_printable(s: &str) -> Vec<u8> {
    let s = s.replace("=\n", "");
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' && i + 2 < b.len() + 1 {
            if let Some(v) = std::str::from_utf8(&b[i + 1..(i + 3).min(b.len())])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// The text of a message's body, decoded from its transfer encoding.
fn body_text(data: &str) -> String {
    let (head, body) = data.split_once("\n\n").unwrap_or((data, ""));
    let head = head.to_ascii_lowercase();
    let bytes = if head.contains("content-transfer-encoding: base64") {
        base64(body)
    } else if head.contains("content-transfer-encoding: quoted-printable") {
        quoted_printable(body)
    } else {
        body.as_bytes().to_vec()
    };
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A state holding the plan, its target assigned to [`UNIT`] (lead), mail
/// sent to the sink, and API tokens: an admin, a reporter of the unit (li),
/// a reporter of another unit (wu), a reviewer (zhao) and a deputy (wang).
struct Setup {
    state: AppState,
    sink: Arc<Mutex<Vec<Received>>>,
    fixture: common::Fixture,
}

impl std::ops::Deref for Setup {
    type Target = common::Fixture;

    fn deref(&self) -> &common::Fixture {
        &self.fixture
    }
}

async fn setup() -> Setup {
    setup_over(planwatch_store::Store::in_memory().await.expect("store")).await
}

async fn setup_over(store: planwatch_store::Store) -> Setup {
    planwatch_server::init_logging(false);
    let (port, sink) = smtp_sink().await;
    let config = Config {
        smtp: Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            from: "planwatch@test.example".into(),
        }),
        ..common::test_config()
    };
    let state = AppState::new(store, None, planwatch_catalog::Catalog::builtin(), config)
        .await
        .expect("state");
    let fixture = common::fixture(&state).await;
    Setup {
        state,
        sink,
        fixture,
    }
}

fn sunk(s: &Setup) -> Vec<Received> {
    s.sink.lock().expect("sink").clone()
}

fn items(r: &Reply) -> Vec<Value> {
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()["items"].as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_reach_the_unit_once_a_day() {
    reminders(setup().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_reach_the_unit_once_a_day_on_postgres() {
    let Some((base, url, store)) = common::postgres_store("server_supervision", "reminders").await
    else {
        return;
    };
    let s = setup_over(store).await;
    reminders(s).await;
    common::drop_postgres(&base, &url).await;
}

async fn reminders(s: Setup) {
    let st = &s.state;
    let target = format!("{}#{}", s.doc_id, s.ord);

    // Who sees the overdue list.
    assert_eq!(
        call(st, "GET", "/api/v1/overdue", None, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        call(st, "GET", "/api/v1/overdue", Some(&s.wang), None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let all = items(&call(st, "GET", "/api/v1/overdue", Some(&s.admin), None).await);
    let row = all
        .iter()
        .find(|o| o["target"] == target.as_str())
        .unwrap_or_else(|| panic!("the target is overdue: {all:?}"))
        .clone();
    assert_eq!(row["unit"], UNIT);
    let years: Vec<i64> = row["periods"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["year"].as_i64()).collect())
        .unwrap_or_default();
    assert_eq!(years.last(), Some(&2025), "{row}");
    assert_eq!(row["may_remind"], true);
    assert_eq!(row["last_reminded"], Value::Null);
    let mine = items(&call(st, "GET", "/api/v1/overdue", Some(&s.li), None).await);
    assert!(mine.iter().any(|o| o["target"] == target.as_str()));
    let theirs = items(&call(st, "GET", "/api/v1/overdue", Some(&s.wu), None).await);
    assert!(theirs.is_empty(), "another unit's reporter: {theirs:?}");

    // Without an address nothing is sent.
    let r = call(st, "POST", "/api/v1/reminders", Some(&s.admin), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let j = r.json();
    assert_eq!(j["sent"], json!([]), "{j}");
    assert!(
        j["skipped"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x["reason"] == "no_email")),
        "{j}"
    );

    // Only an admin sets the address, and only an address.
    let email_uri = format!("/api/v1/units/{}/email", common::pct(UNIT));
    let r = call(
        st,
        "PUT",
        &email_uri,
        Some(&s.li),
        Some(json!({ "email": ADDRESS })),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = call(
        st,
        "PUT",
        &email_uri,
        Some(&s.admin),
        Some(json!({ "email": "tj@jz.example\r\nBcc: x@y.z" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    let r = call(
        st,
        "PUT",
        &email_uri,
        Some(&s.admin),
        Some(json!({ "email": ADDRESS })),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["email"], ADDRESS);

    // Reporters and reviewers may not send reminders.
    for who in [&s.li, &s.zhao, &s.wang] {
        let r = call(st, "POST", "/api/v1/reminders", Some(who), None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    }
    assert_eq!(
        call(st, "POST", "/api/v1/reminders", None, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );

    // A dry run says what would go, and sends nothing.
    let r = call(
        st,
        "POST",
        "/api/v1/reminders",
        Some(&s.admin),
        Some(json!({ "dry_run": true })),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let j = r.json();
    assert_eq!(j["dry_run"], true);
    assert_eq!(j["sent"][0]["address"], ADDRESS, "{j}");
    assert!(sunk(&s).is_empty());

    // The reminder reaches the sink: the unit's address, the target named.
    let r = call(st, "POST", "/api/v1/reminders", Some(&s.admin), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let j = r.json();
    assert_eq!(j["sent"].as_array().map(Vec::len), Some(1), "{j}");
    assert_eq!(j["sent"][0]["targets"], json!([target]), "{j}");
    let got = sunk(&s);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].rcpt, vec![format!("<{ADDRESS}>")]);
    let text = body_text(&got[0].data);
    assert!(text.contains("地区生产总值"), "{text}");
    assert!(text.contains(&target), "{text}");
    assert!(text.contains(UNIT), "{text}");

    // Not again within 24 hours.
    let r = call(st, "POST", "/api/v1/reminders", Some(&s.admin), None).await;
    let j = r.json();
    assert_eq!(j["sent"], json!([]), "{j}");
    assert!(
        j["skipped"].as_array().is_some_and(|a| a
            .iter()
            .any(|x| x["reason"] == "recent" && x["target"] == target.as_str())),
        "{j}"
    );
    assert_eq!(sunk(&s).len(), 1);
    let all = items(&call(st, "GET", "/api/v1/overdue", Some(&s.admin), None).await);
    let row = all
        .iter()
        .find(|o| o["target"] == target.as_str())
        .expect("still overdue");
    assert_eq!(row["may_remind"], false, "{row}");
    assert!(row["last_reminded"].as_i64().is_some(), "{row}");

    // Recorded: the reminder, and the audit trail.
    let sent = st.store().reminders(10).await.expect("reminders");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].address, ADDRESS);
    assert_eq!(sent[0].sent_by.as_deref(), Some("root"));
    let audit = st.store().audit_entries(100).await.expect("audit");
    assert!(audit.iter().any(|a| a.action == "reminder.send"));
    assert!(audit.iter().any(|a| a.action == "unit.email"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn escalations_are_set_and_lifted_by_reviewers() {
    let s = setup().await;
    let st = &s.state;
    let uri = format!("/api/v1/targets/{}%23{}/escalations", s.doc_id, s.ord);
    let by_name = format!("/api/v1/targets/{PLAN_NAME}:{}/escalations", s.ord);

    // Reporters, deputies and anonymous visitors may not escalate.
    let body = json!({ "kind": "约谈", "note": "连续两年未报" });
    for who in [&s.li, &s.wang] {
        let r = call(st, "POST", &uri, Some(who), Some(body.clone())).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    }
    let r = call(st, "POST", &uri, None, Some(body.clone())).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    assert_eq!(
        call(st, "GET", &uri, None, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let r = call(
        st,
        "POST",
        &uri,
        Some(&s.zhao),
        Some(json!({ "kind": "罚款" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());

    // A reviewer marks the target 约谈, an admin 挂牌督办.
    let r = call(st, "POST", &uri, Some(&s.zhao), Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let e = r.json();
    assert_eq!(e["kind"], "interview");
    assert_eq!(e["kind_zh"], "约谈");
    assert_eq!(e["created_by"], "zhao");
    assert_eq!(e["active"], true);
    let r = call(
        st,
        "POST",
        &by_name,
        Some(&s.admin),
        Some(json!({ "kind": "listed" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let listed = r.json()["id"].as_i64().expect("id");

    // Members read them.
    let r = call(st, "GET", &uri, Some(&s.wang), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json().as_array().map(Vec::len), Some(2));

    // Lifting: a reporter may not; a reviewer may, once; the mark stays.
    let lift = format!(
        "/api/v1/targets/{}%23{}/escalations/{listed}/lift",
        s.doc_id, s.ord
    );
    let r = call(st, "POST", &lift, Some(&s.li), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = call(
        st,
        "POST",
        &lift,
        Some(&s.zhao),
        Some(json!({ "note": "已整改" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let j = r.json();
    assert_eq!(j["active"], false);
    assert_eq!(j["lifted_by"], "zhao");
    assert_eq!(j["lift_note"], "已整改");
    assert!(j["lifted_at"].as_i64().is_some());
    let r = call(st, "POST", &lift, Some(&s.zhao), None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    let r = call(
        st,
        "POST",
        &format!(
            "/api/v1/targets/{}%23{}/escalations/99/lift",
            s.doc_id, s.ord
        ),
        Some(&s.zhao),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text());
    let all = call(st, "GET", &by_name, Some(&s.li), None).await.json();
    assert_eq!(all.as_array().map(Vec::len), Some(2), "{all}");
    assert_eq!(all[1]["active"], false);

    let audit = st.store().audit_entries(100).await.expect("audit");
    assert!(audit.iter().any(|a| a.action == "escalation.add"));
    assert!(audit.iter().any(|a| a.action == "escalation.lift"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_remind_page_and_its_button() {
    let s = setup().await;
    let st = &s.state;
    st.store()
        .set_unit_email(UNIT, Some(ADDRESS), None)
        .await
        .expect("email");
    let admin = login_as(st, "page-admin", "a-long-password", Role::Admin).await;
    let reporter = {
        st.store()
            .add_user(
                "page-li",
                "a-long-password",
                Role::Reporter,
                &[UNIT.to_string()],
                None,
            )
            .await
            .expect("reporter");
        login_as(st, "page-li", "a-long-password", Role::Reporter).await
    };

    // Anonymous visitors are refused the page; deputies too.
    assert_eq!(
        get(st, "/units/remind").await.status,
        StatusCode::UNAUTHORIZED
    );

    // An admin sees the overdue target under its unit, and the button.
    let c = csrf_only(st).await;
    let r = page(st, "/units/remind", &format!("{}; {admin}", c.cookie)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let html = r.text();
    assert!(html.contains(UNIT), "{html}");
    assert!(html.contains("地区生产总值"), "{html}");
    assert!(html.contains("id=\"remind-form\""), "{html}");
    // A reporter sees the list without the button.
    let r = page(st, "/units/remind", &reporter).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.text().contains(UNIT));
    assert!(!r.text().contains("id=\"remind-form\""));

    // The button without the CSRF token: refused, nothing sent.
    let r = send(
        st,
        Request::post("/units/remind")
            .header("cookie", &admin)
            .header("content-type", "multipart/form-data; boundary=b")
            .body(Body::from("--b--\r\n"))
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    // The API with a session but no token: refused.
    let r = send(
        st,
        Request::post("/api/v1/reminders")
            .header("cookie", format!("{}; {admin}", c.cookie))
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    assert_eq!(r.json()["code"], "csrf");
    // A reporter with the token: refused.
    let r = send(
        st,
        Request::post("/units/remind")
            .header("cookie", format!("{}; {reporter}", c.cookie))
            .header("content-type", "multipart/form-data; boundary=b")
            .body(Body::from(form(&[("csrf_token", &c.token)])))
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    assert!(sunk(&s).is_empty());

    // The admin's form with the token in the field: sent, back to the page.
    let r = send(
        st,
        Request::post("/units/remind")
            .header("cookie", format!("{}; {admin}", c.cookie))
            .header("content-type", "multipart/form-data; boundary=b")
            .body(Body::from(form(&[("csrf_token", &c.token)])))
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        r.header("location").as_deref(),
        Some("/units/remind?sent=1&skipped=0")
    );
    let got = sunk(&s);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].rcpt, vec![format!("<{ADDRESS}>")]);
}
