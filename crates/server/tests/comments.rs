//! Deputies' comments on targets (人大代表, issue 10): a deputy comments
//! through the API or the document page's form; the comment is stored,
//! audited and shown on the target's document page to logged-in users;
//! other roles may read but not post, anonymous visitors neither. On SQLite
//! and (when `PLANWATCH_TEST_PG` is set) PostgreSQL.

mod common;

use axum::http::StatusCode;
use common::{
    bare_state, browser, call, csrf_only, fixture, get, page, post_form, Fixture, PLAN_NAME,
};
use planwatch_server::AppState;
use planwatch_store::Role;
use serde_json::json;

#[tokio::test]
async fn deputies_comment_and_members_read_on_sqlite() {
    let store = planwatch_store::Store::in_memory().await.expect("store");
    comments(bare_state(store).await).await;
}

#[tokio::test]
async fn deputies_comment_and_members_read_on_postgres() {
    let Some((base, url, store)) =
        common::postgres_store("server_comments", "deputies' comments").await
    else {
        return;
    };
    comments(bare_state(store).await).await;
    common::drop_postgres(&base, &url).await;
}

async fn comments(st: AppState) {
    let st = &st;
    let f: Fixture = fixture(st).await;
    let target = format!("/api/v1/targets/{}:{}/comments", f.doc_id, f.ord);

    // Nobody has commented yet; anonymous visitors may not even read.
    let r = call(st, "GET", &target, Some(&f.zhao), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json(), json!([]));
    let r = call(st, "GET", &target, None, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());

    // A deputy comments through the API.
    let said = "请说明2023年增速放缓的原因。";
    let r = call(
        st,
        "POST",
        &target,
        Some(&f.wang),
        Some(json!({ "body": said })),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let c = r.json();
    assert_eq!(c["author"], "wang");
    assert_eq!(c["body"], said);
    assert_eq!(c["ord"], f.ord);
    assert_eq!(c["link"], format!("/documents/{}#f{}", f.doc_id, f.ord));

    // Nobody else may post: other roles 403, anonymous 401.
    for token in [&f.admin, &f.li, &f.zhao] {
        let r = call(
            st,
            "POST",
            &target,
            Some(token),
            Some(json!({ "body": "我也说一句" })),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    }
    let r = call(st, "POST", &target, None, Some(json!({ "body": "匿名" }))).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());

    // Bad comments: empty, on no target, on an achieved value.
    let r = call(
        st,
        "POST",
        &target,
        Some(&f.wang),
        Some(json!({ "body": "  " })),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    assert!(r.text().contains("bad_comment"), "{}", r.text());
    let nowhere = format!("/api/v1/targets/{}:999/comments", f.doc_id);
    let r = call(
        st,
        "POST",
        &nowhere,
        Some(&f.wang),
        Some(json!({ "body": "没有" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text());
    let facts = get(st, &format!("/api/v1/facts?doc={PLAN_NAME}&kind=actual"))
        .await
        .json();
    let base = facts["items"][0]["ord"].as_i64().expect("the plan's base");
    let on_base = format!("/api/v1/targets/{}:{base}/comments", f.doc_id);
    let r = call(
        st,
        "POST",
        &on_base,
        Some(&f.wang),
        Some(json!({ "body": "基期" })),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());

    // Every member reads it.
    for token in [&f.admin, &f.li, &f.wu, &f.zhao, &f.wang] {
        let r = call(st, "GET", &target, Some(token), None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let list = r.json();
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
        assert_eq!(list[0]["body"], said);
    }

    // The document page: a deputy gets the form and comments through it…
    let doc_page = format!("/documents/{PLAN_NAME}");
    let (wang, wang_token) = browser(st, "wang", Role::Deputy).await;
    let html = page(st, &doc_page, &wang).await.text();
    assert!(
        html.contains("id=\"comment-form\"") && html.contains(said),
        "{html}"
    );
    let ord = f.ord.to_string();
    let second = "建议公开分季度数据。";
    let fields = [("ord", ord.as_str()), ("body", second)];
    let r = post_form(st, &format!("{doc_page}/comment"), &wang, &fields).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no token: {}", r.text());
    let with_token = [
        ("csrf_token", wang_token.as_str()),
        ("ord", ord.as_str()),
        ("body", second),
    ];
    let r = post_form(st, &format!("{doc_page}/comment"), &wang, &with_token).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        r.header("location"),
        Some(format!("/documents/{}#comment-2", f.doc_id))
    );
    // …which every member sees on the target's page, without the form.
    let (zhao, zhao_token) = browser(st, "zhao", Role::Reviewer).await;
    let html = page(st, &doc_page, &zhao).await.text();
    assert!(html.contains(said) && html.contains(second), "{html}");
    assert!(
        html.contains("id=\"comment-2\"") && html.contains("— wang"),
        "{html}"
    );
    assert!(!html.contains("id=\"comment-form\""), "{html}");
    let r = post_form(
        st,
        &format!("{doc_page}/comment"),
        &zhao,
        &[
            ("csrf_token", zhao_token.as_str()),
            ("ord", ord.as_str()),
            ("body", "审核人"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    // Anonymous visitors see no comments and may not post.
    let html = get(st, &doc_page).await.text();
    assert!(!html.contains(said) && !html.contains("代表意见"), "{html}");
    let c = csrf_only(st).await;
    let r = post_form(
        st,
        &format!("{doc_page}/comment"),
        &c.cookie,
        &[
            ("csrf_token", c.token.as_str()),
            ("ord", ord.as_str()),
            ("body", "匿名"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());

    // Two comments stored, each audited with its author.
    let r = call(st, "GET", &target, Some(&f.li), None).await;
    assert_eq!(r.json().as_array().map(Vec::len), Some(2));
    let audited: Vec<(Option<String>, String)> = st
        .store()
        .audit_entries(1000)
        .await
        .expect("audit")
        .into_iter()
        .filter(|e| e.action == "comment.add")
        .map(|e| (e.actor, e.subject))
        .collect();
    let subject = format!("target:{}#{}", f.doc_id, f.ord);
    assert_eq!(
        audited,
        vec![
            (Some("wang".to_string()), subject.clone()),
            (Some("wang".to_string()), subject)
        ]
    );
    // The OpenAPI document describes the endpoints.
    let doc = get(st, "/api/v1/openapi.json").await.json();
    let path = &doc["paths"]["/api/v1/targets/{id}/comments"];
    assert!(
        path["get"].is_object() && path["post"].is_object(),
        "{path}"
    );
}
