//! A plan's reporting calendar (issue 10): an admin sets it through the
//! API or the document page's form (CSRF token needed); other roles are
//! refused, anonymous visitors too; the due list and the overdue list
//! follow it, asked about explicit days (`as_of`). On SQLite and (when
//! `PLANWATCH_TEST_PG` is set) PostgreSQL.

mod common;

use axum::http::StatusCode;
use common::{bare_state, browser, call, fixture, page, post_form, Fixture, PLAN_NAME};
use planwatch_server::AppState;
use planwatch_store::Role;
use serde_json::{json, Value};

#[tokio::test]
async fn admins_set_the_calendar_and_the_lists_follow_it_on_sqlite() {
    let store = planwatch_store::Store::in_memory().await.expect("store");
    calendar(bare_state(store).await).await;
}

#[tokio::test]
async fn admins_set_the_calendar_and_the_lists_follow_it_on_postgres() {
    let Some((base, url, store)) =
        common::postgres_store("server_calendar", "reporting calendars").await
    else {
        return;
    };
    calendar(bare_state(store).await).await;
    common::drop_postgres(&base, &url).await;
}

fn items(r: &common::Reply) -> Vec<Value> {
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()["items"].as_array().cloned().unwrap_or_default()
}

/// The periods of `target` in an overdue or due list, as `(period, due_date)`.
fn periods(list: &[Value], target: &str, ord: i64) -> Option<Vec<(String, String)>> {
    list.iter()
        .find(|o| o["document_id"] == target && o["ord"] == ord)
        .map(|o| {
            o["periods"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|p| {
                            (
                                p["period"].as_str().unwrap_or_default().to_string(),
                                p["due_date"].as_str().unwrap_or_default().to_string(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
}

/// Posts the calendar form: monthly (1 month, day 10) and yearly (3, 31)
/// ticked, quarterly filled in but not ticked.
async fn post_calendar(st: &AppState, uri: &str, cookie: &str, token: &str) -> common::Reply {
    let fields = [
        ("csrf_token", token),
        ("monthly", "1"),
        ("monthly_months", "1"),
        ("monthly_day", "10"),
        ("yearly", "1"),
        ("yearly_months", "3"),
        ("yearly_day", "31"),
        ("quarterly_months", "1"),
        ("quarterly_day", "15"),
    ];
    post_form(st, uri, cookie, &fields).await
}

async fn calendar(st: AppState) {
    let st = &st;
    let f: Fixture = fixture(st).await;
    let uri = format!("/api/v1/documents/{PLAN_NAME}/calendar");

    // Members read the default; anonymous visitors may not.
    let r = call(st, "GET", &uri, Some(&f.li), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["default"], true);
    assert_eq!(r.json()["deadlines"][0]["frequency"], "yearly");
    assert_eq!(r.json()["deadlines"][0]["rule"], "次年3月31日前");
    let r = call(st, "GET", &uri, None, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());

    // The plan runs 2021–2025: by the yearly default nothing is overdue in April 2021.
    let overdue = |day: &'static str| {
        let admin = f.admin.clone();
        async move {
            items(
                &call(
                    st,
                    "GET",
                    &format!("/api/v1/overdue?as_of={day}"),
                    Some(&admin),
                    None,
                )
                .await,
            )
        }
    };
    assert_eq!(
        periods(&overdue("2021-04-16").await, &f.doc_id, f.ord),
        None
    );

    // Only an admin sets it.
    let quarterly =
        json!({"deadlines": [{"frequency": "quarterly", "due_months": 1, "due_day": 15}]});
    for (who, status) in [
        (Some(&f.li), StatusCode::FORBIDDEN),
        (Some(&f.zhao), StatusCode::FORBIDDEN),
        (Some(&f.wang), StatusCode::FORBIDDEN),
        (None, StatusCode::UNAUTHORIZED),
    ] {
        let r = call(
            st,
            "PUT",
            &uri,
            who.map(String::as_str),
            Some(quarterly.clone()),
        )
        .await;
        assert_eq!(r.status, status, "{}", r.text());
    }
    for bad in [
        json!({"deadlines": []}),
        json!({"deadlines": [{"frequency": "weekly", "due_months": 1, "due_day": 15}]}),
        json!({"deadlines": [{"frequency": "quarterly", "due_months": 1, "due_day": 40}]}),
    ] {
        let r = call(st, "PUT", &uri, Some(&f.admin), Some(bad)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
        assert_eq!(r.json()["code"], "bad_calendar");
    }
    let r = call(st, "PUT", &uri, Some(&f.admin), Some(quarterly)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["default"], false);
    assert_eq!(r.json()["set_by"], "root");
    assert_eq!(r.json()["deadlines"][0]["rule"], "季度结束后次月15日前");

    // Quarterly: Q1 2021 is due by the end of 15 April 2021 — not overdue
    // on that day, overdue the day after.
    assert_eq!(
        periods(&overdue("2021-04-15").await, &f.doc_id, f.ord),
        None
    );
    assert_eq!(
        periods(&overdue("2021-04-16").await, &f.doc_id, f.ord),
        Some(vec![("2021年第1季度".into(), "2021年4月15日".into())])
    );
    // The reporter sees it among their unit's overdue targets, the other unit's not.
    let mine = items(
        &call(
            st,
            "GET",
            "/api/v1/overdue?as_of=2021-04-16",
            Some(&f.li),
            None,
        )
        .await,
    );
    assert!(periods(&mine, &f.doc_id, f.ord).is_some());
    let theirs = items(
        &call(
            st,
            "GET",
            "/api/v1/overdue?as_of=2021-04-16",
            Some(&f.wu),
            None,
        )
        .await,
    );
    assert!(periods(&theirs, &f.doc_id, f.ord).is_none());
    let r = call(
        st,
        "GET",
        "/api/v1/overdue?as_of=2021-02-30",
        Some(&f.li),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());

    // The due list: the quarters begun, with their due dates.
    let due = items(
        &call(
            st,
            "GET",
            "/api/v1/reporting/targets?as_of=2021-04-16",
            Some(&f.li),
            None,
        )
        .await,
    );
    assert_eq!(
        periods(&due, &f.doc_id, f.ord),
        Some(vec![
            ("2021年第1季度".into(), "2021年4月15日".into()),
            ("2021年第2季度".into(), "2021年7月15日".into()),
        ])
    );

    // The document page: members see the calendar, the admin its form,
    // which needs the page's CSRF token; others may not post it.
    let doc_page = format!("/documents/{}", f.doc_id);
    let (root, root_token) = browser(st, "cal-admin", Role::Admin).await;
    let r = page(st, &doc_page, &root).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("id=\"calendar-form\""), "{}", r.text());
    assert!(r.text().contains("季度结束后次月15日前"));
    let (li, li_token) = browser(st, "cal-reporter", Role::Reporter).await;
    let r = page(st, &doc_page, &li).await;
    assert!(r.text().contains("报送日历") && !r.text().contains("id=\"calendar-form\""));
    let form = format!("{doc_page}/calendar");
    let r = post_calendar(st, &form, &root, "").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = post_calendar(st, &form, &li, &li_token).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = post_calendar(st, &form, &root, &root_token).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let r = call(st, "GET", &uri, Some(&f.li), None).await;
    let body = r.json();
    let kinds: Vec<&str> = body["deadlines"]
        .as_array()
        .map(|a| a.iter().filter_map(|d| d["frequency"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(kinds, ["monthly", "yearly"]);

    // Every change is in the audit trail.
    let r = call(st, "GET", "/api/v1/audit?limit=100", Some(&f.admin), None).await;
    let set = r.text().matches("calendar.set").count();
    assert_eq!(set, 2, "{}", r.text());
}
