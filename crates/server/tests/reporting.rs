//! Reporting (填报) with review (issue 10), through the API and the pages:
//! the whole loop from an assignment to an evaluation that uses the approved
//! value, the rule that a red value needs an explanation, who may do what
//! (deputies, anonymous visitors, a reporter of another unit), and the
//! forms' CSRF token.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{browser, call, csrf_only, get, page, post_form, send, Reply, PLAN_NAME};
use planwatch_server::AppState;
use planwatch_store::Role;
use serde_json::{json, Value};

fn assert_error(r: &Reply, status: StatusCode, code: &str) {
    assert_eq!(r.status, status, "{}", r.text());
    let j = r.json();
    assert_eq!(j["code"], code, "{j}");
    assert!(j["message"].as_str().is_some_and(|m| !m.is_empty()), "{j}");
}

/// A state over an empty store holding the plan, its target assigned to
/// 锦州市统计局, and API tokens: an admin, a reporter of the unit (li), a
/// reporter of another unit (wu), a reviewer (zhao) and a deputy (wang).
struct Setup {
    state: AppState,
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
    let state = AppState::new(
        store,
        None,
        planwatch_catalog::Catalog::builtin(),
        common::test_config(),
    )
    .await
    .expect("state");
    let fixture = common::fixture(&state).await;
    Setup { state, fixture }
}

/// The plan's target as the assessments list shows it.
async fn assessed(s: &Setup) -> Value {
    let r = get(
        &s.state,
        &format!("/api/v1/assessments?doc={PLAN_NAME}&limit=1000"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()["items"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["ord"] == s.ord).cloned())
        .unwrap_or_else(|| panic!("target {} assessed: {}", s.ord, r.text()))
}

#[tokio::test]
async fn a_value_goes_from_draft_to_the_evaluation() {
    the_whole_loop(setup().await).await;
}

#[tokio::test]
async fn a_value_goes_from_draft_to_the_evaluation_on_postgres() {
    let Some((base, url, store)) = common::postgres_store("server_reporting", "reporting").await
    else {
        return;
    };
    the_whole_loop(setup_over(store).await).await;
    common::drop_postgres(&base, &url).await;
}

async fn the_whole_loop(s: Setup) {
    let st = &s.state;
    let before = assessed(&s).await;
    assert!(
        before["sources"]
            .as_array()
            .is_some_and(|a| !a.iter().any(|x| x["value"] == 950.0)),
        "{before}"
    );

    // The reporter sees the unit's target; the other unit's reporter does not.
    let r = call(st, "GET", "/api/v1/reporting/targets", Some(&s.li), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["total"], 1, "{}", r.text());
    assert_eq!(r.json()["items"][0]["ord"], s.ord);
    assert_eq!(r.json()["items"][0]["unit"], "锦州市统计局");
    let r = call(st, "GET", "/api/v1/reporting/targets", Some(&s.wu), None).await;
    assert_eq!(r.json()["total"], 0, "{}", r.text());

    // A draft: a value below the base, so the target would be regressing.
    let draft = json!({
        "document_id": PLAN_NAME, "ord": s.ord, "unit": "锦州市统计局",
        "year": 2023, "value": 700, "measure_unit": "亿元"
    });
    let r = call(
        st,
        "POST",
        "/api/v1/submissions",
        Some(&s.li),
        Some(draft.clone()),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    assert_eq!(r.json()["status"], "draft");
    assert_eq!(r.json()["indicator"], "地区生产总值");
    // Once per target, unit and period.
    let r = call(st, "POST", "/api/v1/submissions", Some(&s.li), Some(draft)).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_submission");

    // Red without an explanation: refused, and still a draft.
    let submit = format!("/api/v1/submissions/{id}/submit");
    let r = call(st, "POST", &submit, Some(&s.li), None).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "needs_explanation");
    assert!(
        r.text().contains("倒退") || r.text().contains("严重滞后"),
        "{}",
        r.text()
    );
    let one = format!("/api/v1/submissions/{id}");
    let r = call(st, "GET", &one, Some(&s.li), None).await;
    assert_eq!(r.json()["submission"]["status"], "draft");
    // Explained: submitted.
    let explained = json!({"year": 2023, "value": 700, "measure_unit": "亿元",
        "narrative": "受重点企业停产影响，生产总值回落"});
    let r = call(st, "PUT", &one, Some(&s.li), Some(explained)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let r = call(st, "POST", &submit, Some(&s.li), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["status"], "submitted");
    // Submitted: the reporter can no longer change it.
    let r = call(
        st,
        "PUT",
        &one,
        Some(&s.li),
        Some(json!({"year": 2023, "value": 1})),
    )
    .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_submission");

    // The reviewer returns it, saying why (a return without words is refused).
    let ret = format!("/api/v1/submissions/{id}/return");
    let r = call(st, "POST", &ret, Some(&s.zhao), Some(json!({}))).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_submission");
    let r = call(
        st,
        "POST",
        &ret,
        Some(&s.zhao),
        Some(json!({"comment": "请核对统计口径"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["status"], "returned");
    let r = call(
        st,
        "GET",
        "/api/v1/submissions?status=returned",
        Some(&s.li),
        None,
    )
    .await;
    assert_eq!(r.json()["total"], 1, "{}", r.text());
    assert_eq!(r.json()["items"][0]["review_comment"], "请核对统计口径");
    // Listed by unit and by target too.
    let by_target = format!("/api/v1/submissions?document_id={PLAN_NAME}&ord={}", s.ord);
    let r = call(st, "GET", &by_target, Some(&s.zhao), None).await;
    assert_eq!(r.json()["total"], 1, "{}", r.text());
    let r = call(
        st,
        "GET",
        "/api/v1/submissions?unit=市水务局",
        Some(&s.zhao),
        None,
    )
    .await;
    assert_eq!(r.json()["total"], 0, "{}", r.text());
    let r = call(
        st,
        "GET",
        "/api/v1/submissions?unit=锦州市统计局",
        Some(&s.zhao),
        None,
    )
    .await;
    assert_eq!(r.json()["total"], 1, "{}", r.text());
    let r = call(st, "GET", "/api/v1/submissions?ord=0", Some(&s.zhao), None).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_target");
    let r = call(
        st,
        "GET",
        "/api/v1/submissions?status=done",
        Some(&s.zhao),
        None,
    )
    .await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_status");

    // Fixed and submitted again (not red now: no explanation needed), approved.
    let fixed = json!({"year": 2023, "value": 950, "measure_unit": "亿元"});
    let r = call(st, "PUT", &one, Some(&s.li), Some(fixed)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["status"], "draft");
    let r = call(st, "POST", &submit, Some(&s.li), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let approve = format!("/api/v1/submissions/{id}/approve");
    let r = call(
        st,
        "POST",
        &approve,
        Some(&s.zhao),
        Some(json!({"comment": "同意"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["status"], "approved");
    let actual_doc = r.json()["actual_document_id"]
        .as_str()
        .expect("the actual's document")
        .to_string();
    let r = call(st, "POST", &approve, Some(&s.zhao), None).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_submission");

    // The evaluation of the target now uses the approved value.
    let after = assessed(&s).await;
    let used = after["sources"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["doc_id"] == actual_doc.as_str()))
        .unwrap_or_else(|| panic!("the approved actual is a source: {after}"));
    assert_eq!(used["value"], 950.0);
    assert_eq!(used["year"], 2023);
    assert_ne!(before["latest_words"], after["latest_words"]);
    assert!(
        after["latest_words"]
            .as_str()
            .is_some_and(|w| w.contains("950")),
        "{after}"
    );

    // Every step is a version, and in the audit trail.
    let r = call(st, "GET", &one, Some(&s.zhao), None).await;
    let actions: Vec<String> = r.json()["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| v["action"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        actions,
        ["create", "update", "submit", "return", "update", "submit", "approve"]
    );
    let r = call(st, "GET", "/api/v1/audit?limit=1000", Some(&s.admin), None).await;
    let subject = format!("submission:{id}");
    let audited = r.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["subject"] == subject.as_str())
        .count();
    assert_eq!(audited, 7, "{}", r.text());
    let r = call(st, "GET", "/audit", Some(&s.admin), None).await;
    assert!(
        r.text().contains("退回填报") && r.text().contains("通过填报"),
        "{}",
        r.text()
    );
    // The target's document is unchanged; the actual is a document of its
    // own (origin report, in the store), with a page like any other.
    assert_ne!(actual_doc, s.doc_id);
    let r = get(st, &format!("/api/v1/documents/{actual_doc}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(
        r.json()["name"]
            .as_str()
            .is_some_and(|n| n.starts_with("填报-")),
        "{}",
        r.text()
    );
    assert_eq!(r.json()["issuer"], "锦州市统计局", "{}", r.text());
    let r = get(st, &format!("/documents/{actual_doc}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("锦州市统计局填报"), "{}", r.text());
}

#[tokio::test]
async fn other_units_deputies_and_visitors_are_refused() {
    let s = setup().await;
    let st = &s.state;
    let draft = json!({
        "document_id": PLAN_NAME, "ord": s.ord, "unit": "锦州市统计局",
        "year": 2023, "value": 900
    });
    let r = call(
        st,
        "POST",
        "/api/v1/submissions",
        Some(&s.li),
        Some(draft.clone()),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    let one = format!("/api/v1/submissions/{id}");
    let submit = format!("/api/v1/submissions/{id}/submit");

    // A reporter of another unit: cannot report for this unit, and finds
    // (and changes) none of its submissions, by id or in the list.
    let r = call(
        st,
        "POST",
        "/api/v1/submissions",
        Some(&s.wu),
        Some(draft.clone()),
    )
    .await;
    assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    let mut theirs = draft.clone();
    theirs["unit"] = json!("市水务局");
    let r = call(st, "POST", "/api/v1/submissions", Some(&s.wu), Some(theirs)).await;
    assert_error(&r, StatusCode::BAD_REQUEST, "bad_submission");
    let r = call(st, "GET", &one, Some(&s.wu), None).await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = call(
        st,
        "PUT",
        &one,
        Some(&s.wu),
        Some(json!({"year": 2023, "value": 1})),
    )
    .await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = call(st, "POST", &submit, Some(&s.wu), None).await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    let r = call(st, "GET", "/api/v1/submissions", Some(&s.wu), None).await;
    assert_eq!(r.json()["total"], 0, "{}", r.text());

    // A deputy: nothing of reporting.
    for (method, uri, body) in [
        ("GET", "/api/v1/submissions".to_string(), None),
        ("GET", one.clone(), None),
        ("GET", "/api/v1/reporting/targets".to_string(), None),
        (
            "POST",
            "/api/v1/submissions".to_string(),
            Some(draft.clone()),
        ),
        ("POST", submit.clone(), None),
        ("POST", format!("{one}/approve"), None),
    ] {
        let r = call(st, method, &uri, Some(&s.wang), body.clone()).await;
        assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
        // Anonymous: 401 (writes carry a CSRF token, so the refusal is the login's).
        let c = csrf_only(st).await;
        let mut req = c.on(Request::builder().method(method).uri(&uri));
        if body.is_some() {
            req = req.header("content-type", "application/json");
        }
        let body = body.map(|b| Body::from(b.to_string())).unwrap_or_default();
        let r = send(st, req.body(body).expect("request")).await;
        assert_error(&r, StatusCode::UNAUTHORIZED, "unauthorized");
    }
    // A reviewer reviews, but neither reports nor submits; a reporter does not review.
    let r = call(
        st,
        "POST",
        "/api/v1/submissions",
        Some(&s.zhao),
        Some(draft),
    )
    .await;
    assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    let r = call(st, "POST", &submit, Some(&s.zhao), None).await;
    assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    let r = call(st, "POST", &format!("{one}/approve"), Some(&s.li), None).await;
    assert_error(&r, StatusCode::FORBIDDEN, "forbidden");
    // The draft is untouched by all of that.
    let r = call(st, "GET", &one, Some(&s.li), None).await;
    assert_eq!(r.json()["submission"]["version"], 1, "{}", r.text());
    assert_eq!(r.json()["submission"]["status"], "draft");
    // An unknown id is a 404 too.
    let r = call(st, "GET", "/api/v1/submissions/999", Some(&s.zhao), None).await;
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
    // The API is described.
    let doc = get(st, "/api/v1/openapi.json").await.json();
    for path in [
        "/api/v1/reporting/targets",
        "/api/v1/submissions",
        "/api/v1/submissions/{id}",
        "/api/v1/submissions/{id}/submit",
        "/api/v1/submissions/{id}/return",
        "/api/v1/submissions/{id}/approve",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} not in the OpenAPI document"
        );
    }
}

#[tokio::test]
async fn the_fill_and_review_pages_work_with_their_token() {
    let s = setup().await;
    let st = &s.state;
    let (li, li_token) = browser(st, "li", Role::Reporter).await;
    let (zhao, zhao_token) = browser(st, "zhao", Role::Reviewer).await;
    let (wang, _) = browser(st, "wang", Role::Deputy).await;

    // The 填报 page: the unit's target and a form with the token.
    let r = page(st, "/fill", &li).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let html = r.text();
    assert!(
        html.contains("<h1>填报</h1>") && html.contains("地区生产总值"),
        "{html}"
    );
    assert!(html.contains("aria-current=\"page\">填报</a>"), "{html}");
    assert!(
        html.contains("name=\"csrf_token\"") && html.contains("报送审核"),
        "{html}"
    );
    assert!(r
        .header("cache-control")
        .is_none_or(|c| !c.contains("public")));
    let ord = s.ord.to_string();
    let new = [
        ("document_id", PLAN_NAME),
        ("ord", ord.as_str()),
        ("unit", "锦州市统计局"),
        ("year", "2023"),
        ("quarter", ""),
        ("value", "960"),
        ("measure_unit", "亿元"),
        ("narrative", ""),
        ("action", "save"),
    ];
    // Without the token: refused, nothing stored.
    let r = post_form(st, "/fill", &li, &new).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    assert!(
        r.text().contains("csrf") || r.text().contains("CSRF"),
        "{}",
        r.text()
    );
    let r = call(st, "GET", "/api/v1/submissions", Some(&s.zhao), None).await;
    assert_eq!(r.json()["total"], 0);
    // With it: saved, then submitted from the same form.
    let mut with = vec![("csrf_token", li_token.as_str())];
    with.extend_from_slice(&new);
    let r = post_form(st, "/fill", &li, &with).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        r.header("location").as_deref(),
        Some("/fill?done=saved&id=1")
    );
    let r = page(st, "/fill?done=saved&id=1", &li).await;
    assert!(r.text().contains("第 1 号填报已保存为草稿"), "{}", r.text());
    assert!(
        r.text().contains("name=\"id\" value=\"1\""),
        "the draft is edited in place"
    );
    let r = post_form(
        st,
        "/fill",
        &li,
        &[
            ("csrf_token", li_token.as_str()),
            ("id", "1"),
            ("year", "2023"),
            ("value", "960"),
            ("action", "submit"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());

    // Other roles do not get the page; visitors must log in.
    assert_eq!(page(st, "/fill", &wang).await.status, StatusCode::FORBIDDEN);
    assert_eq!(page(st, "/fill", &zhao).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(st, "/fill").await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(page(st, "/review", &li).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(st, "/review").await.status, StatusCode::UNAUTHORIZED);

    // The 审核 page lists it with the approve and return forms.
    let r = page(st, "/review", &zhao).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let html = r.text();
    assert!(
        html.contains("<h1>审核</h1>") && html.contains("第 1 号"),
        "{html}"
    );
    assert!(html.contains("action=\"/review/1\"") && html.contains("name=\"csrf_token\""));
    let r = post_form(st, "/review/1", &zhao, &[("action", "approve")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = post_form(
        st,
        "/review/1",
        &zhao,
        &[
            ("csrf_token", zhao_token.as_str()),
            ("action", "return"),
            ("comment", ""),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    let r = post_form(
        st,
        "/review/1",
        &zhao,
        &[
            ("csrf_token", zhao_token.as_str()),
            ("action", "approve"),
            ("comment", ""),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let r = call(st, "GET", "/api/v1/submissions/1", Some(&s.zhao), None).await;
    assert_eq!(r.json()["submission"]["status"], "approved", "{}", r.text());
    let r = page(st, "/review?done=approved&id=1", &zhao).await;
    assert!(r.text().contains("已审核通过") && r.text().contains("没有待审核的填报"));
    // The reporter sees the outcome.
    let r = page(st, "/fill", &li).await;
    assert!(r.text().contains("已通过"), "{}", r.text());

    // A red value (the latest, below the base) submitted from the form
    // without an explanation: saved as a draft, not submitted, and the page
    // says why.
    let red = [
        ("csrf_token", li_token.as_str()),
        ("document_id", PLAN_NAME),
        ("ord", ord.as_str()),
        ("unit", "锦州市统计局"),
        ("year", "2024"),
        ("value", "700"),
        ("narrative", ""),
        ("action", "submit"),
    ];
    let r = post_form(st, "/fill", &li, &red).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        r.header("location").as_deref(),
        Some("/fill?done=explain&id=2")
    );
    let r = page(st, "/fill?done=explain&id=2", &li).await;
    assert!(r.text().contains("请在“说明”中写明原因"), "{}", r.text());
    let r = call(st, "GET", "/api/v1/submissions/2", Some(&s.li), None).await;
    assert_eq!(r.json()["submission"]["status"], "draft", "{}", r.text());
}
