//! The audit trail, for admins: who changed what and when (users, passwords,
//! lock-outs, API tokens), newest first, a page at a time, and the whole
//! trail as CSV. Reading it needs an admin ([`crate::auth::ADMIN_READS`]):
//! it names accounts and when they were locked.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Json;
use minijinja::context;
use planwatch_store::export::{Cell, Table};
use planwatch_store::AuditEntry;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::Query;
use crate::error::{ApiError, ApiResult};
use crate::pages::{render, PageError};
use crate::state::AppState;

/// Most lines on one page or answer.
pub const MAX_PAGE: i64 = 1000;
/// Most lines in one CSV download.
pub const MAX_CSV: i64 = 100_000;

/// The audit routes.
pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new()
        .route("/audit", get(page))
        .route("/audit.csv", get(csv))
        .route("/api/v1/audit", get(list))
}

/// Which lines: those older than `before` (an id), at most `limit`.
#[derive(Debug, Default, Deserialize, IntoParams)]
pub struct AuditQuery {
    /// Only lines with a smaller id (the next page starts below the last id shown).
    #[serde(default, deserialize_with = "crate::views::opt")]
    pub before: Option<i64>,
    /// How many (1–1000, default 100).
    #[serde(default, deserialize_with = "crate::views::opt")]
    pub limit: Option<i64>,
}

/// One line of the trail.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditLine {
    /// Sequence number.
    pub id: i64,
    /// When (Unix seconds).
    pub at: i64,
    /// When, as UTC `YYYY-MM-DD HH:MM:SS`.
    pub time: String,
    /// Who (a user name), or null for the command line.
    pub actor: Option<String>,
    /// What was done (`user.add`, `token.revoke`, `document.ingest`, `assignment.set`, …).
    pub action: String,
    /// To what (`user:NAME`).
    pub subject: String,
    /// The value before (JSON), if any.
    pub before: Option<String>,
    /// The value after (JSON), if any.
    pub after: Option<String>,
}

/// A page of the trail and where the next starts.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    /// Newest first.
    pub items: Vec<AuditLine>,
    /// `before` for the next page, if there may be one.
    pub next_before: Option<i64>,
}

/// Unix seconds as UTC `YYYY-MM-DD HH:MM:SS`.
fn time(at: i64) -> String {
    let (year, month, day, secs) = crate::pages::civil_time(at);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

fn line(e: AuditEntry) -> AuditLine {
    AuditLine {
        id: e.id,
        at: e.at,
        time: time(e.at),
        actor: e.actor,
        action: e.action,
        subject: e.subject,
        before: e.before,
        after: e.after,
    }
}

async fn fetch(state: &AppState, q: &AuditQuery) -> ApiResult<AuditPage> {
    let limit = q.limit.unwrap_or(100);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::bad_request(
            "bad_limit",
            format!("limit must be 1–{MAX_PAGE}"),
        ));
    }
    let items: Vec<AuditLine> = state
        .store()
        .audit_before(q.before, limit)
        .await?
        .into_iter()
        .map(line)
        .collect();
    let next_before = if items.len() as i64 == limit {
        items.last().map(|l| l.id)
    } else {
        None
    };
    Ok(AuditPage { items, next_before })
}

/// The audit trail (admins only), newest first.
#[utoipa::path(get, path = "/api/v1/audit", params(AuditQuery), responses(
    (status = 200, body = AuditPage),
    (status = 400, body = crate::error::ErrorBody, description = "`bad_limit`"),
    (status = 401, body = crate::error::ErrorBody, description = "not logged in"),
    (status = 403, body = crate::error::ErrorBody, description = "not an admin")))]
pub async fn list(
    State(state): State<AppState>,
    Query(q): Query<AuditQuery>,
) -> ApiResult<Json<AuditPage>> {
    Ok(Json(fetch(&state, &q).await?))
}

/// What each action is, in the page's words.
fn action_zh(action: &str) -> &'static str {
    match action {
        "user.add" => "新建账户",
        "user.password" => "设置密码",
        "user.locked" => "账户锁定",
        "user.disable" => "停用账户",
        "user.enable" => "启用账户",
        "comment.add" => "代表意见",
        "token.add" => "新建 API 令牌",
        "token.revoke" => "吊销 API 令牌",
        "unit.add" => "新增单位",
        "unit.retire" => "停用单位",
        "assignment.set" => "指派目标",
        "assignment.clear" => "取消指派",
        "assignment.from_text" => "按原文指派",
        "submission.create" => "新建填报",
        "submission.update" => "修改填报",
        "submission.submit" => "报送填报",
        "submission.return" => "退回填报",
        "submission.approve" => "通过填报",
        "document.ingest" => "文档入库",
        "unit.email" => "设置单位邮箱",
        "reminder.send" => "发送催报",
        "reminder.failed" => "催报未送达",
        "escalation.add" => "督办标记",
        "escalation.lift" => "解除督办",
        "publication.publish" => "公开发布",
        "publication.unpublish" => "撤回公开",
        "feedback.approve" => "通过留言",
        "feedback.reject" => "驳回留言",
        "calendar.set" => "设置报送日历",
        "evidence.add" => "上传佐证材料",
        "evidence.withdraw" => "撤回佐证材料",
        _ => "其他",
    }
}

async fn page(
    State(state): State<AppState>,
    Query(q): Query<AuditQuery>,
) -> Result<axum::response::Html<String>, PageError> {
    let p = fetch(&state, &q).await?;
    let rows: Vec<_> = p
        .items
        .iter()
        .map(|l| {
            context! {
                id => l.id, time => l.time, actor => l.actor, action => l.action,
                action_zh => action_zh(&l.action), subject => l.subject,
                before => l.before, after => l.after,
            }
        })
        .collect();
    render(
        &state,
        "audit.html",
        context! { nav => context! { current => "audit" }, rows, next_before => p.next_before },
    )
}

/// The whole trail (up to [`MAX_CSV`] lines) as CSV, cells that a
/// spreadsheet would read as a formula quoted as text.
async fn csv(State(state): State<AppState>) -> ApiResult<Response> {
    let entries = state.store().audit_before(None, MAX_CSV).await?;
    let bytes = state
        .blocking(move |_| {
            let mut t = Table::new(&[
                "id", "time_utc", "actor", "action", "subject", "before", "after",
            ]);
            for e in entries {
                let l = line(e);
                t.push(vec![
                    Cell::int(Some(l.id)),
                    Cell::Text(l.time),
                    Cell::opt(l.actor),
                    Cell::Text(l.action),
                    Cell::Text(l.subject),
                    Cell::opt(l.before),
                    Cell::opt(l.after),
                ]);
            }
            t.csv(true)
                .map_err(|e| ApiError::Internal(format!("audit CSV: {e}")))
        })
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"planwatch-audit.csv\"".to_string(),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_plain_utc() {
        assert_eq!(time(0), "1970-01-01 00:00:00");
        assert_eq!(time(1_796_520_465), "2026-12-06 01:27:45");
        assert_eq!(time(951_782_400), "2000-02-29 00:00:00");
        assert_eq!(time(-1), "1969-12-31 23:59:59");
    }
}
