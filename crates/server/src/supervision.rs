//! Reminders and 督办 (issue 10), over [`planwatch_store::supervision`]:
//!
//! - API: `PUT /api/v1/units/{unit}/email` (admins: where a unit's
//!   reminders go); `GET /api/v1/overdue` (reporters their units', reviewers
//!   and admins all: targets whose yearly value is past due, 31 March of the
//!   next year, and not approved); `POST /api/v1/reminders` (admins: e-mail
//!   each unit its overdue targets, `{"dry_run": true}` to see what would be
//!   sent); `GET` (members) and `POST` (reviewers and admins)
//!   `/api/v1/targets/{id}/escalations` and `POST …/{eid}/lift`: the marks
//!   约谈 and 挂牌督办 on a target (`{id}` is `DOCUMENT#ORD`, the `#` sent as
//!   `%23`, or `DOCUMENT:ORD`).
//! - Page: `/units/remind` (reporters, reviewers, admins): the overdue
//!   targets by department; for admins a button (`POST /units/remind`, with
//!   the CSRF token) that sends the reminders.
//!
//! [`remind`] is the one way reminders are sent, for the server and
//! `planwatch remind` alike: no unit is reminded of a target twice within
//! 24 hours, and each reminder sent is recorded and audited.

use std::collections::{BTreeMap, HashMap};

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post, put};
use axum::Json;
use minijinja::context;
use planwatch_catalog::FactId;
use planwatch_store::supervision::REMINDER_GAP;
use planwatch_store::{Escalation, EscalationKind, Overdue, Store, StoreError, Unit, User};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::{ApiJson, Query};
use crate::auth::Viewer;
use crate::csrf::{self, CsrfGate};
use crate::error::{id_from_path, ApiError, ApiResult, ErrorBody};
use crate::mail::{self, Mail, SmtpConfig};
use crate::pages::{render, PageError};
use crate::state::AppState;
use crate::units::UnitView;
use crate::views::{self, Page, Paging};

/// The routes of reminders and escalations.
pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new()
        .route("/api/v1/units/{unit}/email", put(put_email))
        .route("/api/v1/overdue", get(overdue))
        .route("/api/v1/reminders", post(send_reminders))
        .route(
            "/api/v1/targets/{id}/escalations",
            get(escalations).post(escalate),
        )
        .route("/api/v1/targets/{id}/escalations/{eid}/lift", post(lift))
        .route("/units/remind", get(remind_page).post(remind_form))
}

/// A unit's e-mail address (null or empty: none).
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct EmailBody {
    /// `name@host`, or null to clear it.
    #[serde(default)]
    pub email: Option<String>,
}

/// A target whose yearly values are past due, for one of its lead units.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OverdueView {
    /// The lead unit (牵头单位) answering for it.
    pub unit: String,
    /// The unit's e-mail address, if set.
    pub unit_email: Option<String>,
    /// Document key.
    pub document_id: String,
    /// Document file name.
    pub doc: String,
    /// Document title.
    pub title: Option<String>,
    /// Position in the document.
    pub ord: i64,
    /// `DOCUMENT#ORD`.
    pub target: String,
    /// Where the target is highlighted on its document page.
    pub link: String,
    /// Indicator as written.
    pub indicator: String,
    /// Year of the target.
    pub target_year: Option<i32>,
    /// Target value as written.
    pub value: Option<f64>,
    /// Unit of the target value.
    pub measure_unit: Option<String>,
    /// The document's words.
    pub quote: String,
    /// Periods (of its plan's calendar) past due and not approved, by due date.
    pub periods: Vec<crate::calendar::DuePeriodView>,
    /// The due date of the oldest, in Chinese (`2025年3月31日`).
    pub due_date: String,
    /// The same as Unix seconds (the end of that day, Beijing time).
    pub due_at: i64,
    /// When the unit was last reminded of it (Unix seconds), if ever.
    pub last_reminded: Option<i64>,
    /// Whether a reminder may be sent now (none in the last 24 hours).
    pub may_remind: bool,
}

impl OverdueView {
    fn of(o: &Overdue, at: i64) -> OverdueView {
        let f = &o.fact;
        OverdueView {
            unit: o.unit.name.clone(),
            unit_email: o.unit.email.clone(),
            document_id: f.document_id.clone(),
            doc: o.doc.clone(),
            title: o.title.clone(),
            ord: f.ord,
            target: o.fact_id().to_string(),
            link: format!("/documents/{}#f{}", f.document_id, f.ord),
            indicator: f.fact.indicator.clone(),
            target_year: f.fact.year,
            value: f.fact.value,
            measure_unit: f.fact.unit.clone(),
            quote: f.fact.quote.clone(),
            due_date: o
                .periods
                .first()
                .map(|p| p.due_date.clone())
                .unwrap_or_default(),
            periods: o.periods.iter().map(Into::into).collect(),
            due_at: o.due,
            last_reminded: o.last_reminded,
            may_remind: o.may_remind(at),
        }
    }
}

/// Paging of the overdue list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OverdueQuery {
    /// As at the end of this day (`YYYY-MM-DD`, Beijing time); default now.
    #[serde(default, deserialize_with = "views::opt")]
    pub as_of: Option<String>,
    /// Items to skip.
    #[serde(default, deserialize_with = "views::opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "views::opt")]
    pub limit: Option<usize>,
}

/// What to do: send (default) or only say what would be sent.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct RemindBody {
    /// Send nothing, record nothing: list what would be sent.
    #[serde(default)]
    pub dry_run: bool,
}

/// One e-mail sent (or, in a dry run, to send).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SentMail {
    /// The unit.
    pub unit: String,
    /// Its address.
    pub address: String,
    /// The targets it names (`DOCUMENT#ORD`).
    pub targets: Vec<String>,
    /// Subject line.
    pub subject: String,
    /// The text.
    pub body: String,
}

/// An overdue target no reminder went out for, and why.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SkippedReminder {
    /// The unit.
    pub unit: String,
    /// The target (`DOCUMENT#ORD`).
    pub target: String,
    /// `no_email` (the unit has no address), `recent` (reminded within 24
    /// hours) or `failed` (the relay refused or could not be reached).
    pub reason: String,
    /// The reason in words.
    pub message: String,
}

/// What a round of reminders did.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReminderRun {
    /// Whether nothing was sent (a dry run).
    pub dry_run: bool,
    /// One e-mail per unit.
    pub sent: Vec<SentMail>,
    /// Overdue targets left out.
    pub skipped: Vec<SkippedReminder>,
}

/// An escalation mark.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EscalationView {
    /// Row id.
    pub id: i64,
    /// The target (`DOCUMENT#ORD`).
    pub target: String,
    /// `interview` (约谈) or `listed` (挂牌督办).
    pub kind: String,
    /// The kind in Chinese.
    pub kind_zh: String,
    /// Why.
    pub note: String,
    /// Who set it.
    pub created_by: String,
    /// When (Unix seconds).
    pub created_at: i64,
    /// Whether it is in force.
    pub active: bool,
    /// Who lifted it.
    pub lifted_by: Option<String>,
    /// When.
    pub lifted_at: Option<i64>,
    /// Why.
    pub lift_note: Option<String>,
}

impl From<&Escalation> for EscalationView {
    fn from(e: &Escalation) -> EscalationView {
        EscalationView {
            id: e.id,
            target: FactId::new(e.document_id.clone(), e.ord).to_string(),
            kind: e.kind.as_str().to_string(),
            kind_zh: e.kind.label_zh().to_string(),
            note: e.note.clone(),
            created_by: e.created_by.clone(),
            created_at: e.created_at,
            active: e.active(),
            lifted_by: e.lifted_by.clone(),
            lifted_at: e.lifted_at,
            lift_note: e.lift_note.clone(),
        }
    }
}

/// A mark to set.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct EscalateBody {
    /// `interview` (约谈) or `listed` (挂牌督办); the Chinese words work too.
    pub kind: String,
    /// Why.
    #[serde(default)]
    pub note: Option<String>,
}

/// Why a mark is lifted.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct LiftBody {
    /// Why.
    #[serde(default)]
    pub note: Option<String>,
}

/// The answer a store error gets.
fn store_error(e: StoreError) -> ApiError {
    match e {
        StoreError::NoSuchUnit(id) => ApiError::NotFound { what: "unit", id },
        StoreError::NoSuchFact(id) => ApiError::NotFound { what: "target", id },
        StoreError::NoSuchEscalation(id) => ApiError::NotFound {
            what: "escalation",
            id: id.to_string(),
        },
        StoreError::Forbidden(message) => ApiError::Forbidden {
            code: "forbidden",
            message,
        },
        StoreError::Unit(m) => ApiError::bad_request("bad_request", m),
        other => ApiError::Store(other),
    }
}

pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The e-mail telling `unit` of its overdue targets `list`.
pub fn reminder_mail(unit: &Unit, address: &str, list: &[&Overdue]) -> Mail {
    let mut body = format!(
        "{}：\n\n以下目标的数据已过报送期限，尚未报送并通过审核，请尽快登录 planwatch 填报：\n\n",
        unit.name
    );
    for (i, o) in list.iter().enumerate() {
        let f = &o.fact.fact;
        let doc = o.title.clone().unwrap_or_else(|| o.doc.clone());
        let target = match (f.year, f.value) {
            (Some(y), Some(v)) => format!(
                "，目标：{y}年{}{}",
                plain(v),
                f.unit.as_deref().unwrap_or("")
            ),
            (Some(y), None) => format!("，目标年份：{y}年"),
            _ => String::new(),
        };
        let periods: Vec<String> = o.periods.iter().map(|p| p.label_zh()).collect();
        body.push_str(&format!(
            "{}. {}（《{doc}》第{}项{target}）\n   未报期次：{}（最早一项应于{}前报送）\n   原文：{}\n   编号：{}\n\n",
            i + 1,
            f.indicator,
            o.fact.ord,
            periods.join("、"),
            o.periods
                .first()
                .map(|p| p.due_date.clone())
                .unwrap_or_default(),
            f.quote,
            o.fact_id(),
        ));
    }
    body.push_str("此邮件由 planwatch 自动发送；同一目标 24 小时内不重复提醒。\n");
    Mail {
        to: address.to_string(),
        subject: format!(
            "【督办提醒】{}：{}项目标的数据逾期未报",
            unit.name,
            list.len()
        ),
        body,
    }
}

/// A value as written: no trailing zeros.
fn plain(v: f64) -> String {
    let s = format!("{v}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

fn skipped(o: &Overdue, reason: &str, message: String) -> SkippedReminder {
    SkippedReminder {
        unit: o.unit.name.clone(),
        target: o.fact_id().to_string(),
        reason: reason.to_string(),
        message,
    }
}

/// Reminds every unit with overdue targets as of `at` by e-mail through
/// `smtp` (sent by `actor`, none for the command line): one e-mail per
/// unit naming its targets not reminded of within 24 hours, each reminder
/// claimed in the store before the mail goes out (and released if it
/// cannot be sent). With `dry_run`, nothing is sent or recorded; without
/// `smtp`, nothing is sent and each unit's targets are skipped as `failed`.
pub async fn remind(
    store: &Store,
    smtp: Option<&SmtpConfig>,
    actor: Option<&str>,
    dry_run: bool,
    at: i64,
) -> Result<ReminderRun, StoreError> {
    let overdue = store.overdue(at).await?;
    let mut by_unit: BTreeMap<String, Vec<&Overdue>> = BTreeMap::new();
    for o in &overdue {
        by_unit.entry(o.unit.name.clone()).or_default().push(o);
    }
    let mut run = ReminderRun {
        dry_run,
        sent: Vec::new(),
        skipped: Vec::new(),
    };
    for list in by_unit.values() {
        let Some(unit) = list.first().map(|o| o.unit.clone()) else {
            continue;
        };
        let Some(address) = unit.email.clone() else {
            run.skipped.extend(list.iter().map(|o| {
                skipped(
                    o,
                    "no_email",
                    format!("{} 未设置邮箱（planwatch unit email）", unit.name),
                )
            }));
            continue;
        };
        let (due, recent): (Vec<&Overdue>, Vec<&Overdue>) =
            list.iter().partition(|o| o.may_remind(at));
        run.skipped.extend(
            recent
                .iter()
                .map(|o| skipped(o, "recent", "24 小时内已提醒过".to_string())),
        );
        if due.is_empty() {
            continue;
        }
        if dry_run {
            let mail = reminder_mail(&unit, &address, &due);
            run.sent.push(SentMail {
                unit: unit.name.clone(),
                address,
                targets: due.iter().map(|o| o.fact_id().to_string()).collect(),
                subject: mail.subject,
                body: mail.body,
            });
            continue;
        }
        let Some(smtp) = smtp else {
            run.skipped.extend(
                due.iter()
                    .map(|o| skipped(o, "failed", "未配置 SMTP 服务器".to_string())),
            );
            continue;
        };
        let ids: Vec<FactId> = due.iter().map(|o| o.fact_id()).collect();
        let claimed = store
            .claim_reminders(unit.id, &ids, &address, actor, at)
            .await?;
        // Another sender may have reminded of some meanwhile.
        let (now_due, gone): (Vec<&Overdue>, Vec<&Overdue>) = due.iter().partition(|o| {
            claimed
                .iter()
                .any(|r| r.document_id == o.fact.document_id && r.ord == o.fact.ord)
        });
        run.skipped.extend(
            gone.iter()
                .map(|o| skipped(o, "recent", "24 小时内已提醒过".to_string())),
        );
        if now_due.is_empty() {
            continue;
        }
        let mail = reminder_mail(&unit, &address, &now_due);
        match mail::send(smtp, &mail).await {
            Ok(()) => {
                tracing::info!(unit = %unit.name, address = %address, targets = now_due.len(), "reminder sent");
                run.sent.push(SentMail {
                    unit: unit.name.clone(),
                    address,
                    targets: now_due.iter().map(|o| o.fact_id().to_string()).collect(),
                    subject: mail.subject,
                    body: mail.body,
                });
            }
            Err(e) => {
                tracing::warn!(unit = %unit.name, error = %e, "reminder not sent");
                store
                    .release_reminders(&claimed, actor, &e.to_string())
                    .await?;
                run.skipped.extend(
                    now_due
                        .iter()
                        .map(|o| skipped(o, "failed", format!("发送失败：{e}"))),
                );
            }
        }
    }
    Ok(run)
}

/// The target `{id}` of a path: `DOCUMENT#ORD` or `DOCUMENT:ORD`, the
/// document by id, file name or id prefix.
pub(crate) async fn target_of(state: &AppState, raw: &str) -> ApiResult<FactId> {
    let not_found = || ApiError::NotFound {
        what: "target",
        id: raw.chars().take(200).collect(),
    };
    let (doc, ord) = raw
        .rsplit_once('#')
        .or_else(|| raw.rsplit_once(':'))
        .ok_or_else(not_found)?;
    let ord = ord.trim().parse::<i64>().map_err(|_| not_found())?;
    crate::units::target(state, doc.trim(), ord).await
}

/// Sets (or clears, with a null or empty `email`) the e-mail address
/// reminders of a unit go to.
#[utoipa::path(put, path = "/api/v1/units/{unit}/email",
    params(("unit" = String, Path, description = "name, short name or id"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body = EmailBody,
    responses(
        (status = 200, body = UnitView),
        (status = 400, body = ErrorBody, description = "`bad_request`: not an e-mail address"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such unit"), (status = 415, body = ErrorBody)))]
pub async fn put_email(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(unit): Path<String>,
    ApiJson(body): ApiJson<EmailBody>,
) -> ApiResult<Json<UnitView>> {
    let actor = viewer.user().map(|u| u.name.clone());
    let u = state
        .on_store(store_error, move |s| async move {
            s.set_unit_email(&unit, body.email.as_deref(), actor.as_deref())
                .await
        })
        .await?;
    Ok(Json(UnitView::from(&u)))
}

async fn overdue_of(state: &AppState, user: User, at: i64) -> ApiResult<Vec<Overdue>> {
    state
        .on_store(store_error, move |s| async move {
            s.overdue_for(&user, at).await
        })
        .await
}

/// Targets with periods past due (by their plan's calendar; yearly by 31
/// March of the next year where none was set) and not approved, by lead unit: a reporter sees their units', reviewers
/// and admins every one.
#[utoipa::path(get, path = "/api/v1/overdue", params(OverdueQuery), responses(
    (status = 200, body = Page<OverdueView>),
    (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
    (status = 403, body = ErrorBody, description = "a deputy")))]
pub async fn overdue(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<OverdueQuery>,
) -> ApiResult<Json<Page<OverdueView>>> {
    let user = viewer.required()?;
    let at = crate::calendar::as_of(q.as_of.as_deref())?;
    let list = overdue_of(&state, user, at).await?;
    let all = list.iter().map(|o| OverdueView::of(o, at)).collect();
    Ok(Json(views::page(all, &Paging::new(q.offset, q.limit))?))
}

async fn run_reminders(state: &AppState, viewer: &Viewer, dry_run: bool) -> ApiResult<ReminderRun> {
    let smtp = state.config().smtp.clone();
    if smtp.is_none() && !dry_run {
        return Err(ApiError::Conflict {
            code: "no_smtp",
            message: "no SMTP relay is configured (planwatch serve --smtp-host …, --smtp-from …)"
                .into(),
        });
    }
    let actor = viewer.user().map(|u| u.name.clone());
    state
        .on_store(store_error, move |s| async move {
            remind(&s, smtp.as_ref(), actor.as_deref(), dry_run, now()).await
        })
        .await
}

/// E-mails each unit with overdue targets (to its address, `PUT
/// /api/v1/units/{unit}/email`) the ones it was not reminded of in the
/// last 24 hours; each reminder is recorded and audited. `{"dry_run": true}`
/// sends and records nothing.
#[utoipa::path(post, path = "/api/v1/reminders",
    params(("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body(content = Option<RemindBody>, description = "optional `dry_run`"),
    responses(
        (status = 200, body = ReminderRun),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "`no_smtp`: the server has no SMTP relay")))]
pub async fn send_reminders(
    State(state): State<AppState>,
    viewer: Viewer,
    body: axum::body::Bytes,
) -> ApiResult<Json<ReminderRun>> {
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        RemindBody::default()
    } else {
        serde_json::from_slice::<RemindBody>(&body).map_err(|e| {
            ApiError::bad_request(
                "bad_json",
                format!("the body is no {{\"dry_run\": …}}: {e}"),
            )
        })?
    };
    Ok(Json(run_reminders(&state, &viewer, body.dry_run).await?))
}

/// The escalation marks (约谈, 挂牌督办) of a target, oldest first, lifted ones too.
#[utoipa::path(get, path = "/api/v1/targets/{id}/escalations",
    params(("id" = String, Path, description = "`DOCUMENT#ORD` (`#` as `%23`) or `DOCUMENT:ORD`")),
    responses(
        (status = 200, body = Vec<EscalationView>),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such document")))]
pub async fn escalations(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<EscalationView>>> {
    let fact = target_of(&state, &id).await?;
    let list = state
        .on_store(
            store_error,
            move |s| async move { s.escalations(&fact).await },
        )
        .await?;
    Ok(Json(list.iter().map(EscalationView::from).collect()))
}

/// Marks a target 约谈 (`interview`) or 挂牌督办 (`listed`), with a note;
/// audited.
#[utoipa::path(post, path = "/api/v1/targets/{id}/escalations",
    params(("id" = String, Path, description = "`DOCUMENT#ORD` (`#` as `%23`) or `DOCUMENT:ORD`"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body = EscalateBody,
    responses(
        (status = 201, body = EscalationView),
        (status = 400, body = ErrorBody, description = "`bad_request`: an unknown kind, a fact that is no target"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody, description = "not a reviewer or an admin"),
        (status = 404, body = ErrorBody, description = "no such document or target"), (status = 415, body = ErrorBody)))]
pub async fn escalate(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<EscalateBody>,
) -> ApiResult<(StatusCode, Json<EscalationView>)> {
    let user = viewer.required()?;
    let fact = target_of(&state, &id).await?;
    let kind = EscalationKind::parse(&body.kind).ok_or_else(|| {
        ApiError::bad_request(
            "bad_request",
            "kind is interview (约谈) or listed (挂牌督办)",
        )
    })?;
    let note = body.note.unwrap_or_default();
    let e = state
        .on_store(store_error, move |s| async move {
            s.escalate(&fact, kind, &note, &user).await
        })
        .await?;
    Ok((StatusCode::CREATED, Json(EscalationView::from(&e))))
}

/// Lifts an escalation mark (kept, with who lifted it, when and why); audited.
#[utoipa::path(post, path = "/api/v1/targets/{id}/escalations/{eid}/lift",
    params(("id" = String, Path, description = "`DOCUMENT#ORD` (`#` as `%23`) or `DOCUMENT:ORD`"),
        ("eid" = i64, Path, description = "the mark's id"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body(content = Option<LiftBody>, description = "an optional `note`"),
    responses(
        (status = 200, body = EscalationView),
        (status = 400, body = ErrorBody, description = "`bad_request`: lifted already"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such target or mark")))]
pub async fn lift(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, eid)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> ApiResult<Json<EscalationView>> {
    let user = viewer.required()?;
    let fact = target_of(&state, &id).await?;
    let eid = id_from_path(&eid, "escalation")?;
    let note = if body.iter().all(u8::is_ascii_whitespace) {
        String::new()
    } else {
        serde_json::from_slice::<LiftBody>(&body)
            .map_err(|e| {
                ApiError::bad_request("bad_json", format!("the body is no {{\"note\": …}}: {e}"))
            })?
            .note
            .unwrap_or_default()
    };
    let e = state
        .on_store(store_error, move |s| async move {
            s.lift_escalation(&fact, eid, &note, &user).await
        })
        .await?;
    Ok(Json(EscalationView::from(&e)))
}

/// What the page says after the button: `?sent=N&skipped=M`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default, deserialize_with = "views::opt")]
    sent: Option<usize>,
    #[serde(default, deserialize_with = "views::opt")]
    skipped: Option<usize>,
}

/// The 督办 page: overdue targets by department, and for admins the
/// button that sends the reminders.
async fn remind_page(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    uri: Uri,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let user = viewer.required()?;
    let at = now();
    let list = overdue_of(&state, user, at).await?;
    let mut groups: Vec<(String, Option<String>, Vec<OverdueView>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for o in &list {
        let i = *index.entry(o.unit.name.clone()).or_insert_with(|| {
            groups.push((o.unit.name.clone(), o.unit.email.clone(), Vec::new()));
            groups.len() - 1
        });
        if let Some(g) = groups.get_mut(i) {
            g.2.push(OverdueView::of(o, at));
        }
    }
    let units: Vec<_> = groups
        .into_iter()
        .map(|(name, email, rows)| context! { name, email, rows })
        .collect();
    let (csrf_token, cookie) = csrf::token_for(&state, &headers, &uri)?;
    let done = q
        .sent
        .map(|sent| context! { sent, skipped => q.skipped.unwrap_or(0) });
    let html = render(
        &state,
        "remind.html",
        context! {
            nav => context! { current => "remind" }, units, csrf_token, done,
            admin => viewer.is_admin(), smtp => state.config().smtp.is_some(),
            gap_hours => REMINDER_GAP / 3600,
        },
    )?;
    let mut resp = html.into_response();
    csrf::attach(&mut resp, cookie);
    Ok(resp)
}

/// The page's button: sends the reminders (admins, with the CSRF token).
async fn remind_form(
    State(state): State<AppState>,
    viewer: Viewer,
    req: Request,
) -> Result<Redirect, PageError> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    let run = run_reminders(&state, &viewer, false).await?;
    Ok(Redirect::to(&format!(
        "/units/remind?sent={}&skipped={}",
        run.sent.len(),
        run.skipped.len()
    )))
}
