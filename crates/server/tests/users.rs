//! Accounts managed on the web (issue 10): the admin's 账户 page lists
//! users and adds one with a role and units, resets a password and
//! disables and enables a user, each form with its CSRF token and each
//! change in the audit trail; other roles and anonymous visitors are refused.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{browser, csrf_only, empty_state, login_as, page, post_form, send};
use planwatch_server::AppState;
use planwatch_store::{NewUnit, Role};

/// Logs in through the API: the status only.
async fn login_status(state: &AppState, name: &str, password: &str) -> StatusCode {
    let c = csrf_only(state).await;
    send(
        state,
        c.on(Request::post("/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!("name={name}&password={password}")))
            .expect("request"),
    )
    .await
    .status
}

#[tokio::test]
async fn admins_add_reset_disable_and_enable_users_on_the_users_page() {
    let state = empty_state().await;
    let store = state.store().clone();
    store
        .add_units(
            &[NewUnit {
                name: "锦州市统计局".into(),
                short_name: Some("市统计局".into()),
            }],
            None,
        )
        .await
        .expect("unit");
    let (admin, token) = browser(&state, common::ADMIN.0, Role::Admin).await;

    // The page: the form and every user.
    let r = page(&state, "/users", &admin).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let html = r.text();
    assert!(html.contains("<h1>账户</h1>") && html.contains("id=\"user-add\""));
    assert!(html.contains(common::ADMIN.0) && html.contains("（本人）"));
    assert!(html.contains(&format!("name=\"csrf_token\" value=\"{token}\"")));
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));

    // Without the token nothing is added.
    let add = [
        ("name", "li"),
        ("password", "li-password-1"),
        ("role", "reporter"),
        ("units", "市统计局"),
    ];
    let r = post_form(&state, "/users", &admin, &add).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    assert!(store.find_user("li").await.expect("find").is_none());

    // A reporter with their unit (by its short name, stored by its name).
    let mut with_token = vec![("csrf_token", token.as_str())];
    with_token.extend_from_slice(&add);
    let r = post_form(&state, "/users", &admin, &with_token).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let li = store.find_user("li").await.expect("find").expect("added");
    assert_eq!(li.role, Role::Reporter);
    assert_eq!(li.units, ["锦州市统计局"]);
    let done = r.header("location").expect("to the page");
    assert_eq!(done, format!("/users?done=added&id={}", li.id));
    let html = page(&state, &done, &admin).await.text();
    assert!(html.contains("账户 li已创建"), "{html}");
    assert!(
        html.contains("填报人") && html.contains("锦州市统计局"),
        "{html}"
    );
    assert_eq!(
        login_status(&state, "li", "li-password-1").await,
        StatusCode::OK
    );

    // Refused: a name taken, a reporter of no unit or of an unknown one, a
    // short password, no role.
    for (fields, status, says) in [
        (
            vec![
                ("name", "li"),
                ("password", "another-password"),
                ("role", "deputy"),
            ],
            StatusCode::CONFLICT,
            "user_exists",
        ),
        (
            vec![
                ("name", "wu"),
                ("password", "wu-password-1"),
                ("role", "reporter"),
            ],
            StatusCode::BAD_REQUEST,
            "填报人须属于至少一个单位",
        ),
        (
            vec![
                ("name", "wu"),
                ("password", "wu-password-1"),
                ("role", "reporter"),
                ("units", "市水务局"),
            ],
            StatusCode::BAD_REQUEST,
            "市水务局",
        ),
        (
            vec![("name", "wu"), ("password", "short"), ("role", "deputy")],
            StatusCode::BAD_REQUEST,
            "bad_account",
        ),
        (
            vec![
                ("name", "wu"),
                ("password", "wu-password-1"),
                ("role", "boss"),
            ],
            StatusCode::BAD_REQUEST,
            "请选择角色",
        ),
    ] {
        let mut f = vec![("csrf_token", token.as_str())];
        f.extend(fields);
        let r = post_form(&state, "/users", &admin, &f).await;
        assert_eq!(r.status, status, "{f:?}: {}", r.text());
        assert!(r.text().contains(says), "{f:?}: {}", r.text());
    }
    assert!(store.find_user("wu").await.expect("find").is_none());

    // A reviewer: no unit needed.
    let r = post_form(
        &state,
        "/users",
        &admin,
        &[
            ("csrf_token", &token),
            ("name", "zhao"),
            ("password", "zhao-password-1"),
            ("role", "reviewer"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());

    // Resetting a password ends the user's sessions and takes the new one.
    let li_session = login_as(&state, "li", "li-password-1", Role::Reporter).await;
    let user_uri = format!("/users/{}", li.id);
    let r = post_form(
        &state,
        &user_uri,
        &admin,
        &[
            ("csrf_token", &token),
            ("action", "password"),
            ("password", "li-password-2"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let me = page(&state, "/api/v1/me", &li_session).await.json();
    assert_eq!(me["authenticated"], false, "{me}");
    assert_eq!(
        login_status(&state, "li", "li-password-1").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login_status(&state, "li", "li-password-2").await,
        StatusCode::OK
    );
    let html = page(&state, &r.header("location").expect("back"), &admin)
        .await
        .text();
    assert!(html.contains("账户 li的密码已重置"), "{html}");

    // Disabled: cannot log in, shown as such; enabled again: can.
    let r = post_form(
        &state,
        &user_uri,
        &admin,
        &[("csrf_token", &token), ("action", "disable")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        login_status(&state, "li", "li-password-2").await,
        StatusCode::FORBIDDEN
    );
    let html = page(&state, "/users", &admin).await.text();
    assert!(
        html.contains("已停用") && html.contains("value=\"enable\""),
        "{html}"
    );
    let r = post_form(
        &state,
        &user_uri,
        &admin,
        &[("csrf_token", &token), ("action", "enable")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        login_status(&state, "li", "li-password-2").await,
        StatusCode::OK
    );

    // An admin does not disable themselves; an unknown user or action is an error.
    let me_id = store
        .find_user(common::ADMIN.0)
        .await
        .expect("find")
        .expect("admin")
        .id;
    let r = post_form(
        &state,
        &format!("/users/{me_id}"),
        &admin,
        &[("csrf_token", &token), ("action", "disable")],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    let r = post_form(
        &state,
        "/users/999",
        &admin,
        &[("csrf_token", &token), ("action", "disable")],
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text());
    let r = post_form(
        &state,
        &user_uri,
        &admin,
        &[("csrf_token", &token), ("action", "delete")],
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());

    // Every change is in the audit trail, with the admin as its actor.
    let trail: Vec<(String, String, Option<String>)> = store
        .audit_entries(100)
        .await
        .expect("audit")
        .into_iter()
        .rev()
        .filter(|e| e.subject == "user:li" || e.subject == "user:zhao")
        .map(|e| (e.action, e.subject, e.actor))
        .collect();
    let by_admin = Some(common::ADMIN.0.to_string());
    let expected: Vec<(String, String, Option<String>)> = [
        ("user.add", "user:li"),
        ("user.add", "user:zhao"),
        ("user.password", "user:li"),
        ("user.disable", "user:li"),
        ("user.enable", "user:li"),
    ]
    .iter()
    .map(|(a, s)| (a.to_string(), s.to_string(), by_admin.clone()))
    .collect();
    assert_eq!(trail, expected);
    let html = page(&state, "/audit", &admin).await.text();
    assert!(
        html.contains("停用账户") && html.contains("启用账户"),
        "{html}"
    );
}

#[tokio::test]
async fn only_admins_see_or_use_the_users_page() {
    let state = empty_state().await;
    let store = state.store().clone();
    let (_, _) = browser(&state, common::ADMIN.0, Role::Admin).await;
    let before = store.users().await.expect("users").len();
    let target = store
        .find_user(common::ADMIN.0)
        .await
        .expect("find")
        .expect("admin")
        .id;
    let change = format!("/users/{target}");
    for role in [Role::Reviewer, Role::Reporter, Role::Deputy] {
        let (cookie, token) = browser(&state, &format!("u-{}", role.as_str()), role).await;
        let r = page(&state, "/users", &cookie).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?}: {}", r.text());
        let r = post_form(
            &state,
            "/users",
            &cookie,
            &[
                ("csrf_token", &token),
                ("name", "mallory"),
                ("password", "mallory-password"),
                ("role", "admin"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?}: {}", r.text());
        let r = post_form(
            &state,
            &change,
            &cookie,
            &[
                ("csrf_token", &token),
                ("action", "password"),
                ("password", "taken-over-1"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?}: {}", r.text());
        let r = post_form(
            &state,
            &change,
            &cookie,
            &[("csrf_token", &token), ("action", "disable")],
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?}: {}", r.text());
    }
    // Anonymous: asked to log in.
    let c = csrf_only(&state).await;
    assert_eq!(
        common::get(&state, "/users").await.status,
        StatusCode::UNAUTHORIZED
    );
    let r = post_form(
        &state,
        "/users",
        &c.cookie,
        &[
            ("csrf_token", &c.token),
            ("name", "mallory"),
            ("password", "mallory-password"),
            ("role", "admin"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    let r = post_form(
        &state,
        &change,
        &c.cookie,
        &[("csrf_token", &c.token), ("action", "disable")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    // Nothing changed: no user added (besides the three logged in), the admin enabled.
    assert!(store.find_user("mallory").await.expect("find").is_none());
    assert_eq!(store.users().await.expect("users").len(), before + 3);
    assert!(
        !store
            .find_user(common::ADMIN.0)
            .await
            .expect("find")
            .expect("admin")
            .disabled
    );
    assert_eq!(
        login_status(&state, common::ADMIN.0, "a-long-password").await,
        StatusCode::OK
    );
}
