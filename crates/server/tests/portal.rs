//! The public portal (issue 10): an admin publishes a frozen snapshot of a
//! plan; anonymous visitors see published snapshots only (an unpublished
//! plan's indicator is absent); feedback is pending until a reviewer
//! approves it, a reporter cannot moderate, and a sixth message within ten
//! minutes is answered 429.

mod common;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::connect_info::ConnectInfo;
use axum::http::{Request, StatusCode};
use common::{call, csrf_only, form, get, login_as, pct, send, user_token, Reply};
use planwatch_server::AppState;
use planwatch_store::Role;
use serde_json::json;

const PLAN_A: &str = "锦州市国民经济和社会发展第十四个五年规划纲要\n\n\
第一章 发展目标\n\n\
2020年，全市地区生产总值达到800亿元。到2025年，全市地区生产总值达到1000亿元。\n";
const PLAN_B: &str = "葫芦岛市国民经济和社会发展第十四个五年规划纲要\n\n\
第一章 发展目标\n\n\
2020年，全市森林覆盖率达到35%。到2025年，全市森林覆盖率达到38%。\n";

struct Setup {
    state: AppState,
    admin: String,
    li: String,
}

async fn setup_over(store: planwatch_store::Store) -> Setup {
    setup_with(store, common::test_config()).await
}

async fn setup_with(store: planwatch_store::Store, config: planwatch_server::Config) -> Setup {
    planwatch_server::init_logging(false);
    let state = AppState::new(store, None, planwatch_catalog::Catalog::builtin(), config)
        .await
        .expect("state");
    for (name, text) in [("jz-plan.txt", PLAN_A), ("hld-plan.txt", PLAN_B)] {
        state
            .ingest(name, text.as_bytes(), false)
            .await
            .expect("ingest");
    }
    let admin = user_token(&state, "root", Role::Admin, &[]).await;
    let li = user_token(&state, "li", Role::Reporter, &[]).await;
    Setup { state, admin, li }
}

/// Posts a page's form with the visitor's CSRF cookie (and session, if any).
async fn post_form(
    state: &AppState,
    uri: &str,
    session: Option<&str>,
    fields: &[(&str, &str)],
    with_token: bool,
) -> Reply {
    let c = csrf_only(state).await;
    let cookie = match session {
        Some(s) => format!("{}; {s}", c.cookie),
        None => c.cookie.clone(),
    };
    let mut all: Vec<(&str, &str)> = Vec::new();
    if with_token {
        all.push(("csrf_token", c.token.as_str()));
    }
    all.extend_from_slice(fields);
    send(
        state,
        Request::post(uri)
            .header("cookie", cookie)
            .header("content-type", "multipart/form-data; boundary=b")
            .body(Body::from(form(&all)))
            .expect("request"),
    )
    .await
}

/// The indicators of a plan's assessed targets.
async fn indicators_of(state: &AppState, doc: &str) -> Vec<String> {
    let r = get(state, &format!("/api/v1/assessments?plan={doc}&limit=1000")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["indicator"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn only_published_snapshots_are_public_and_feedback_is_moderated() {
    let store = planwatch_store::Store::in_memory().await.expect("store");
    portal(setup_over(store).await).await;
}

#[tokio::test]
async fn only_published_snapshots_are_public_on_postgres() {
    let Some((base, url, store)) = common::postgres_store("server_portal", "the portal").await
    else {
        return;
    };
    portal(setup_over(store).await).await;
    common::drop_postgres(&base, &url).await;
}

async fn portal(s: Setup) {
    let st = &s.state;
    let a = indicators_of(st, "jz-plan.txt").await;
    let r = get(st, "/api/v1/facts?doc=hld-plan.txt&kind=target").await;
    let b: Vec<String> = r.json()["items"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["indicator"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let shown = a.first().expect("plan A has an assessed target").clone();
    let hidden = b
        .iter()
        .find(|i| !a.contains(i))
        .expect("plan B has an indicator plan A has not")
        .clone();

    // Nothing is public before publishing.
    let r = get(st, "/api/v1/public").await;
    assert_eq!(r.json(), json!([]));
    assert!(get(st, "/public").await.text().contains("还没有公开的规划"));

    // Only an admin publishes.
    let body = json!({ "document_id": "jz-plan.txt" });
    let r = call(
        st,
        "POST",
        "/api/v1/publications",
        Some(&s.li),
        Some(body.clone()),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = call(st, "POST", "/api/v1/publications", None, Some(body.clone())).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    let r = call(
        st,
        "POST",
        "/api/v1/publications",
        Some(&s.admin),
        Some(body),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    assert_eq!(r.json()["published_by"], "root");

    // Anonymous visitors see the published snapshot, and nothing of plan B.
    let r = get(st, "/api/v1/public").await;
    assert_eq!(r.status, StatusCode::OK);
    let j = r.json();
    assert_eq!(j.as_array().map(Vec::len), Some(1), "{j}");
    let targets = j[0]["snapshot"]["targets"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let t = targets
        .iter()
        .find(|t| t["indicator"] == shown.as_str())
        .unwrap_or_else(|| panic!("{shown} in the snapshot: {j}"));
    assert!(
        t["status_zh"].as_str().is_some_and(|z| !z.is_empty()),
        "{t}"
    );
    assert!(!r.text().contains(&hidden), "{}", r.text());
    assert!(!r.text().contains("hld-plan.txt"));
    let page = get(st, &format!("/public/plans/{id}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let html = page.text();
    assert!(html.contains(&shown), "{html}");
    assert!(html.contains(t["status_zh"].as_str().unwrap_or("?")));
    assert!(html.contains("id=\"chart-status-counts\""));
    assert!(html.contains("name=\"csrf_token\""));
    assert!(!html.contains(&hidden));
    let r = get(st, &format!("/public/indicators/{}", pct(&shown))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.text().contains("id=\"chart-data\""));
    let r = get(st, &format!("/public/indicators/{}", pct(&hidden))).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text());
    assert!(get(st, "/public")
        .await
        .text()
        .contains(&format!("/public/plans/{id}")));

    // Feedback: refused without the token; pending (not shown) with it.
    let words = "请公布各年度的实际完成值";
    let publication = id.to_string();
    let fields = [("publication", publication.as_str()), ("body", words)];
    let r = post_form(st, "/public/feedback", None, &fields, false).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = post_form(st, "/public/feedback", None, &fields, true).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        r.header("location"),
        Some(format!("/public/plans/{id}?feedback=sent"))
    );
    assert!(!get(st, &format!("/public/plans/{id}"))
        .await
        .text()
        .contains(words));
    assert!(!get(st, "/api/v1/public").await.text().contains(words));

    // Moderation: not for anonymous visitors or reporters; a reviewer approves.
    assert_eq!(get(st, "/feedback").await.status, StatusCode::UNAUTHORIZED);
    let reporter = login_as(st, "page-li", "a-long-password", Role::Reporter).await;
    assert_eq!(
        common::page(st, "/feedback", &reporter).await.status,
        StatusCode::FORBIDDEN
    );
    let r = post_form(
        st,
        "/feedback/1",
        Some(&reporter),
        &[("action", "approve")],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let reviewer = login_as(st, "page-zhao", "a-long-password", Role::Reviewer).await;
    let r = common::page(st, "/feedback", &reviewer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.text().contains(words));
    let r = post_form(
        st,
        "/feedback/1",
        Some(&reviewer),
        &[("action", "approve")],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(get(st, &format!("/public/plans/{id}"))
        .await
        .text()
        .contains(words));
    assert!(get(st, "/api/v1/public").await.text().contains(words));
    let audit = st.store().audit_entries(100).await.expect("audit");
    assert!(audit.iter().any(|e| e.action == "feedback.approve"));
    assert!(audit.iter().any(|e| e.action == "publication.publish"));

    // Five messages per ten minutes from one client: the sixth is 429.
    for n in 2..=5 {
        let r = post_form(st, "/public/feedback", None, &fields, true).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "message {n}: {}", r.text());
    }
    let r = post_form(st, "/public/feedback", None, &fields, true).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text());

    // Unpublished: gone from every public page, kept for the record.
    let unpublish = format!("/api/v1/publications/{id}/unpublish");
    let r = call(st, "POST", &unpublish, Some(&s.li), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = call(st, "POST", &unpublish, Some(&s.admin), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["published"], false);
    assert_eq!(get(st, "/api/v1/public").await.json(), json!([]));
    assert_eq!(
        get(st, &format!("/public/plans/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(st, &format!("/public/indicators/{}", pct(&shown)))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(st.store().publications(true).await.expect("all").len(), 1);

    // The admin's form on /public publishes again (CSRF token in the form).
    let admin = login_as(st, "page-root", "a-long-password", Role::Admin).await;
    let r = common::page(st, "/public", &admin).await;
    assert!(r.text().contains("id=\"publish-form\""), "{}", r.text());
    assert!(!get(st, "/public")
        .await
        .text()
        .contains("id=\"publish-form\""));
    let doc = st
        .store()
        .find_document("jz-plan.txt")
        .await
        .expect("find")
        .expect("stored")
        .id;
    let r = post_form(
        st,
        "/publish",
        Some(&reporter),
        &[("document", doc.as_str())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = post_form(
        st,
        "/publish",
        Some(&admin),
        &[("document", doc.as_str())],
        false,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = post_form(
        st,
        "/publish",
        Some(&admin),
        &[("document", doc.as_str())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let location = r.header("location").unwrap_or_default();
    assert!(location.starts_with("/public/plans/"), "{location}");
    assert_eq!(get(st, &location).await.status, StatusCode::OK);
}

/// The feedback form on publication `id`, sent from the socket peer `peer`
/// with `forwarded` as its `X-Forwarded-For`; its status.
async fn feedback_from(state: &AppState, id: &str, peer: &str, forwarded: &str) -> StatusCode {
    let c = csrf_only(state).await;
    let fields = [
        ("csrf_token", c.token.as_str()),
        ("publication", id),
        ("body", "请公布完成值"),
    ];
    let mut req = Request::post("/public/feedback")
        .header("cookie", c.cookie.as_str())
        .header("x-forwarded-for", forwarded)
        .header("content-type", "multipart/form-data; boundary=b")
        .body(Body::from(form(&fields)))
        .expect("request");
    let peer: SocketAddr = peer.parse().expect("peer");
    req.extensions_mut().insert(ConnectInfo(peer));
    let r = send(state, req).await;
    assert!(
        r.status == StatusCode::SEE_OTHER || r.status == StatusCode::TOO_MANY_REQUESTS,
        "{} {}",
        r.status,
        r.text()
    );
    r.status
}

/// Publishes plan A as the admin; the publication's id.
async fn publish(s: &Setup) -> String {
    let body = json!({ "document_id": "jz-plan.txt" });
    let r = call(
        &s.state,
        "POST",
        "/api/v1/publications",
        Some(&s.admin),
        Some(body),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    r.json()["id"].as_i64().expect("id").to_string()
}

/// The feedback limit counts the socket peer: `X-Forwarded-For` is not
/// read unless the peer is a configured proxy, and then only its right-most
/// entry that is no trusted proxy names the client.
#[tokio::test]
async fn feedback_is_counted_per_forwarded_client_only_behind_a_trusted_proxy() {
    const PROXY: &str = "10.0.0.9:5000";
    const OTHER: &str = "10.0.0.8:5000";
    let see_other = StatusCode::SEE_OTHER;
    let too_many = StatusCode::TOO_MANY_REQUESTS;

    // By default the header is never believed: one peer, one bucket,
    // whatever address each request claims.
    let store = planwatch_store::Store::in_memory().await.expect("store");
    let s = setup_over(store).await;
    let (st, id) = (&s.state, publish(&s).await);
    for n in 1..=5 {
        let claimed = format!("203.0.113.{n}");
        assert_eq!(
            feedback_from(st, &id, PROXY, &claimed).await,
            see_other,
            "{n}"
        );
    }
    assert_eq!(feedback_from(st, &id, PROXY, "203.0.113.6").await, too_many);
    assert_eq!(
        feedback_from(st, &id, OTHER, "203.0.113.6").await,
        see_other
    );

    // Behind the trusted proxy each forwarded client has a bucket of its own.
    let config = planwatch_server::Config {
        trusted_proxies: vec!["10.0.0.9".parse().expect("ip")],
        ..common::test_config()
    };
    let store = planwatch_store::Store::in_memory().await.expect("store");
    let s = setup_with(store, config).await;
    let (st, id) = (&s.state, publish(&s).await);
    for n in 1..=5 {
        assert_eq!(
            feedback_from(st, &id, PROXY, "203.0.113.1").await,
            see_other,
            "{n}"
        );
    }
    assert_eq!(feedback_from(st, &id, PROXY, "203.0.113.1").await, too_many);
    // Writing another address in front of its own does not help the client:
    // the proxy appended the one it saw.
    let forged = "198.51.100.1, 203.0.113.1";
    assert_eq!(feedback_from(st, &id, PROXY, forged).await, too_many);
    // Another client behind the same proxy is not held back.
    assert_eq!(
        feedback_from(st, &id, PROXY, "203.0.113.2").await,
        see_other
    );
    // A peer that is no trusted proxy is counted as itself, header or not.
    for n in 1..=5 {
        let claimed = format!("198.51.100.{n}");
        assert_eq!(
            feedback_from(st, &id, OTHER, &claimed).await,
            see_other,
            "{n}"
        );
    }
    assert_eq!(
        feedback_from(st, &id, OTHER, "198.51.100.6").await,
        too_many
    );
}
