//! Server-rendered pages in Chinese (minijinja templates compiled into the
//! binary): 总览, 指标, 文档, 检索, 核查, 评估报告. Each handler is one call into
//! [`crate::views`] and one template.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Extension, Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::{context, Environment, Value};
use planwatch_core::{Comparator, Kind, Measure};
use planwatch_evaluate::{Method, Role, Status, TrendStatus};
use serde::Serialize;

use crate::api::Query;
use crate::auth::Viewer;
use crate::csrf::CsrfGate;
use crate::error::ApiError;
use crate::highlight::escape_into;
use crate::state::AppState;
use crate::views::{
    self, AssessQuery, DashQuery, DocQuery, FindingQuery, IndicatorQuery, Paging, RegionQuery,
    SearchQuery,
};

/// An error shown as an HTML page with the status [`ApiError`] decides.
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> PageError {
        PageError(e)
    }
}

impl From<planwatch_store::StoreError> for PageError {
    fn from(e: planwatch_store::StoreError) -> PageError {
        PageError(ApiError::Store(e))
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.0.log();
        let status = self.0.status();
        let body = self.0.body();
        let mut message = String::new();
        escape_into(&mut message, &body.message);
        let title = match status {
            StatusCode::NOT_FOUND => "未找到",
            StatusCode::BAD_REQUEST => "请求有误",
            StatusCode::PAYLOAD_TOO_LARGE => "文件过大",
            StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::UNPROCESSABLE_ENTITY => "无法读取",
            StatusCode::FORBIDDEN => "请求被拒绝",
            StatusCode::UNAUTHORIZED => "需要登录",
            StatusCode::TOO_MANY_REQUESTS => "尝试过多",
            _ => "服务器错误",
        };
        // Why a write was refused, said in Chinese before the API's sentence.
        let hint = match body.code.as_str() {
            "cross_origin" => "<p>这个请求来自其他网站或页面。为防止他人冒用您的浏览器改动数据，只接受从本站页面提交的操作。</p>",
            "csrf" => "<p>表单缺少有效的安全令牌（页面可能已过期，或服务已重启）。请重新打开“文档”页面后再上传。</p>",
            "unauthorized" => "<p>此操作会改动数据，需先以管理员身份<a href=\"/login\">登录</a>。</p>",
            "forbidden" => "<p>您的账户没有进行此操作的权限（需要管理员）。</p>",
            _ => "",
        };
        let html = format!(
            "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title} · 规划监测</title><link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body><main>\
             <h1>{title}（{}）</h1>{hint}<p>{message}</p><p class=\"muted\">code: {}</p><p><a href=\"/\">返回总览</a></p></main></body></html>",
            status.as_u16(),
            body.code
        );
        (status, Html(html)).into_response()
    }
}

type PageResult = Result<Html<String>, PageError>;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    (
        "dashboard.html",
        include_str!("../templates/dashboard.html"),
    ),
    (
        "indicators.html",
        include_str!("../templates/indicators.html"),
    ),
    (
        "indicator.html",
        include_str!("../templates/indicator.html"),
    ),
    (
        "documents.html",
        include_str!("../templates/documents.html"),
    ),
    ("document.html", include_str!("../templates/document.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("check.html", include_str!("../templates/check.html")),
    ("report.html", include_str!("../templates/report.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("audit.html", include_str!("../templates/audit.html")),
    ("units.html", include_str!("../templates/units.html")),
    ("fill.html", include_str!("../templates/fill.html")),
    ("review.html", include_str!("../templates/review.html")),
    ("remind.html", include_str!("../templates/remind.html")),
    ("public.html", include_str!("../templates/public.html")),
    (
        "public_plan.html",
        include_str!("../templates/public_plan.html"),
    ),
    (
        "public_indicator.html",
        include_str!("../templates/public_indicator.html"),
    ),
    ("feedback.html", include_str!("../templates/feedback.html")),
    ("users.html", include_str!("../templates/users.html")),
];

fn num(v: Value) -> String {
    match f64::try_from(v.clone()) {
        Ok(x) if x.is_finite() => {
            if x.fract() == 0.0 && x.abs() < 1e15 {
                format!("{x:.0}")
            } else {
                let s = format!("{x:.3}");
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            }
        }
        _ if v.is_none() || v.is_undefined() => "—".to_string(),
        _ => v.to_string(),
    }
}

fn pct(v: Value) -> String {
    match f64::try_from(v) {
        Ok(x) if x.is_finite() => format!("{:.1}%", x * 100.0),
        _ => "—".to_string(),
    }
}

/// Unix seconds as a civil date and the seconds into its day, in UTC
/// (Howard Hinnant's algorithm, from the days since 1970-01-01).
pub(crate) fn civil_time(unix: i64) -> (i64, i64, i64, i64) {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, secs)
}

/// Unix seconds as Beijing time, `YYYY-MM-DD HH:MM`.
pub fn beijing_time(unix: i64) -> String {
    let (y, m, d, secs) = civil_time(unix + 8 * 3600);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        secs / 3600,
        secs % 3600 / 60
    )
}

fn date(v: Value) -> String {
    match i64::try_from(v) {
        Ok(t) if t > 0 => beijing_time(t),
        _ => "—".to_string(),
    }
}

/// The string a filter was given, or "" for anything else.
fn word(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

// Each filter shows the one Chinese label of the enum that owns the word, so
// pages, printed reports and explanations never disagree.
fn status_zh(v: Value) -> &'static str {
    Status::parse(word(&v)).map_or("—", Status::label_zh)
}

fn trend_zh(v: Value) -> &'static str {
    TrendStatus::parse(word(&v)).map_or("—", TrendStatus::label_zh)
}

fn measure_zh(v: Value) -> &'static str {
    Measure::parse(word(&v)).map_or("—", Measure::label_zh)
}

fn method_zh(v: Value) -> &'static str {
    Method::parse(word(&v)).map_or("—", Method::label_zh)
}

fn comparator_zh(v: Value) -> &'static str {
    Comparator::parse(word(&v)).map_or("", Comparator::symbol)
}

/// A fact's kind, or its role in an assessment (target, base, actual).
fn kind_zh(v: Value) -> &'static str {
    let w = word(&v);
    Kind::parse(w)
        .map(Kind::label_zh)
        .or_else(|| Role::parse(w).map(Role::label_zh))
        .unwrap_or("—")
}

/// Percent-encodes a query or path component.
fn q(v: Value) -> String {
    let s = if v.is_none() || v.is_undefined() {
        String::new()
    } else {
        v.as_str().map_or_else(|| v.to_string(), str::to_string)
    };
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The template environment with every page and filter.
pub fn templates() -> Environment<'static> {
    let mut env = Environment::new();
    for (name, src) in TEMPLATES {
        if let Err(e) = env.add_template(name, src) {
            // Templates are compiled into the binary and covered by tests.
            tracing::error!(template = name, error = %e, "template does not compile");
        }
    }
    env.add_filter("num", num);
    env.add_filter("pct", pct);
    env.add_filter("date", date);
    env.add_filter("status_zh", status_zh);
    env.add_filter("trend_zh", trend_zh);
    env.add_filter("measure_zh", measure_zh);
    env.add_filter("method_zh", method_zh);
    env.add_filter("comparator_zh", comparator_zh);
    env.add_filter("kind_zh", kind_zh);
    env.add_filter("doc_type_zh", |v: Value| {
        views::doc_type_zh(v.as_str().unwrap_or(""))
    });
    env.add_filter("q", q);
    env
}

pub(crate) fn render(state: &AppState, name: &str, ctx: Value) -> PageResult {
    let tpl = state
        .templates()
        .get_template(name)
        .map_err(|e| ApiError::Internal(format!("template {name}: {e}")))?;
    let html = tpl
        .render(ctx)
        .map_err(|e| ApiError::Internal(format!("template {name}: {e:#}")))?;
    Ok(Html(html))
}

/// The page routes; uploads accept up to `max_upload` bytes.
pub fn routes(max_upload: usize) -> crate::routes::Routes {
    crate::routes::Routes::new()
        .route("/", get(dashboard))
        .route("/indicators", get(indicators))
        .route("/indicators/{name}", get(indicator))
        .route("/documents", get(documents))
        .route("/documents/{id}", get(document))
        .route(
            "/documents/upload",
            post(upload).layer(DefaultBodyLimit::max(max_upload.saturating_add(64 * 1024))),
        )
        .route("/search", get(search))
        .route("/check", get(check))
        .route("/report", get(report))
        .route("/report/full", get(full_report))
        .route("/report/full.docx", get(full_report_docx))
}

/// 404 for unknown paths: JSON under `/api/`, a page elsewhere.
pub async fn not_found(uri: Uri) -> Response {
    let e = ApiError::NotFound {
        what: "page",
        id: uri.path().chars().take(200).collect(),
    };
    if uri.path().starts_with("/api/") {
        e.into_response()
    } else {
        PageError(e).into_response()
    }
}

#[derive(Serialize)]
struct Nav {
    current: &'static str,
}

async fn dashboard(State(state): State<AppState>, Query(q): Query<DashQuery>) -> PageResult {
    let snap = state.snapshot().await?;
    let d = state.blocking(move |_| views::dashboard(&snap, &q)).await?;
    render(
        &state,
        "dashboard.html",
        context! { nav => Nav { current: "dashboard" }, d },
    )
}

async fn indicators(State(state): State<AppState>, Query(q): Query<IndicatorQuery>) -> PageResult {
    let snap = state.snapshot().await?;
    let list = views::indicators(&snap, &q, &Paging::all())?;
    render(
        &state,
        "indicators.html",
        context! { nav => Nav { current: "indicators" }, list, q => context!{ domain => q.domain, region => q.region }, regions => snap.regions.clone() },
    )
}

async fn indicator(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(q): Query<RegionQuery>,
) -> PageResult {
    let p = views::indicator_page(&*state.snapshot().await?, &name, &q)?;
    render(
        &state,
        "indicator.html",
        context! { nav => Nav { current: "indicators" }, p, region => q.region },
    )
}

/// The list and the upload form, which carries the visitor's CSRF token (so
/// this page is never cached: see `csrf::ISSUING`).
async fn documents(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Query(q): Query<DocQuery>,
) -> Result<Response, PageError> {
    let snap = state.snapshot().await?;
    let list = views::documents(&snap, &q, &Paging::all())?;
    let (csrf_token, cookie) = crate::csrf::token_for(&state, &headers, &uri)?;
    let page = render(
        &state,
        "documents.html",
        context! { nav => Nav { current: "documents" }, list, regions => snap.regions.clone(), q => context!{ region => q.region, doc_type => q.doc_type }, max_upload_mb => state.config().max_upload / (1024 * 1024), csrf_token },
    )?;
    let mut resp = page.into_response();
    crate::csrf::attach(&mut resp, cookie);
    Ok(resp)
}

/// A document's text with its facts highlighted, and its facts. A member
/// (logged in) sees whom each target is assigned to and deputies' comments
/// on its targets, an admin the form that assigns them and a deputy the
/// form that comments (each with their CSRF token): such answers are the visitor's own
/// and never cached (`auth::MEMBER_PAGES`); the public page shows the
/// departments the text names.
async fn document(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let snap = state.snapshot().await?;
    let doc = views::document(&snap, &id)?;
    let text = state.document_text(&doc.id).await?.unwrap_or_default();
    let doc_id = doc.id.clone();
    let p = state
        .blocking(move |_| views::document_page(&snap, &doc.id, &text))
        .await?;
    let ords = p.facts.iter().map(|f| f.ord).collect();
    let (assigned, unit_names) = crate::units::for_document(&state, &viewer, &doc_id, ords).await?;
    let comments = crate::comments::for_document(&state, &viewer, &doc_id).await?;
    let calendar = crate::calendar::for_document(&state, &viewer, &doc_id).await?;
    let deputy = viewer
        .user()
        .is_some_and(|u| u.role == planwatch_store::Role::Deputy);
    let forms = viewer.is_admin() || deputy;
    let (csrf_token, cookie) = if forms {
        let (token, cookie) = crate::csrf::token_for(&state, &headers, &uri)?;
        (Some(token), cookie)
    } else {
        (None, None)
    };
    let html = Value::from_safe_string(p.html.clone());
    let page = render(
        &state,
        "document.html",
        context! {
            nav => Nav { current: "documents" }, p, html, assigned, unit_names, csrf_token,
            admin => viewer.is_admin(), member => viewer.user().is_some(), deputy, comments,
            calendar,
        },
    )?;
    let mut resp = page.into_response();
    if forms {
        crate::csrf::attach(&mut resp, cookie);
    }
    Ok(resp)
}

async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    gate: Option<Extension<CsrfGate>>,
    viewer: crate::auth::Viewer,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Redirect, PageError> {
    let gate = gate.map(|Extension(g)| g);
    let actor = viewer.user().map(|u| u.name.clone());
    let outcome =
        crate::api::read_upload(&state, &headers, gate.as_ref(), actor, multipart).await?;
    Ok(Redirect::to(&format!("/documents/{}", outcome.document.id)))
}

async fn search(State(state): State<AppState>, Query(q): Query<SearchQuery>) -> PageResult {
    let snap = state.snapshot().await?;
    let r = {
        let (snap, q) = (snap.clone(), q.clone());
        state
            .blocking(move |s| views::search(&snap, s.index(), &q))
            .await?
    };
    render(
        &state,
        "search.html",
        context! { nav => Nav { current: "search" }, r, q => context!{ q => q.q, region => q.region, doc_type => q.doc_type, year => q.year }, regions => snap.regions.clone(), searched => !q.q.trim().is_empty() },
    )
}

async fn check(State(state): State<AppState>, Query(q): Query<FindingQuery>) -> PageResult {
    let snap = state.snapshot().await?;
    let list = {
        let (snap, q) = (snap.clone(), q.clone());
        state
            .blocking(move |_| views::findings(&snap, &q, &Paging::all()))
            .await?
    };
    render(
        &state,
        "check.html",
        context! { nav => Nav { current: "check" }, list, regions => snap.regions.clone(), region => q.region },
    )
}

async fn report(State(state): State<AppState>, Query(q): Query<AssessQuery>) -> PageResult {
    let snap = state.snapshot().await?;
    // Assessments are computed on first use per snapshot: off the async workers.
    let (d, list, q) = state
        .blocking(move |_| {
            let d = views::dashboard(
                &snap,
                &DashQuery {
                    region: q.region.clone(),
                    plan: q.plan.clone(),
                },
            )?;
            let q = AssessQuery {
                plan: d.plan.as_ref().map(|p| p.id.clone()),
                region: d.region.clone(),
                ..q
            };
            let list = views::assessments(&snap, &q, &Paging::all())?;
            Ok((d, list, q))
        })
        .await?;
    render(
        &state,
        "report.html",
        context! { nav => Nav { current: "report" }, d, list, status => q.status, colour => q.colour },
    )
}

/// Parameters of the full report.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct FullReportQuery {
    /// Plan document id or file name (default: the dashboard's plan).
    pub plan: Option<String>,
    /// Region (to choose the default plan).
    pub region: Option<String>,
    /// Evaluation year (default: this year).
    #[serde(default, deserialize_with = "views::opt")]
    pub as_of: Option<i32>,
}

fn this_year() -> i32 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    beijing_time(now)
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or(2025)
}

/// The evaluation report of crates/report for one plan.
fn build_report(
    snap: &crate::snapshot::Snapshot,
    q: &FullReportQuery,
) -> Result<planwatch_report::Report, ApiError> {
    let d = views::dashboard(
        snap,
        &DashQuery {
            region: q.region.clone(),
            plan: q.plan.clone(),
        },
    )?;
    let plan = d
        .plan
        .as_ref()
        .and_then(|p| snap.doc(&p.id))
        .ok_or(ApiError::NotFound {
            what: "plan",
            id: q.plan.clone().unwrap_or_default(),
        })?;
    let as_of = q.as_of.unwrap_or_else(this_year);
    if !(1949..=2100).contains(&as_of) {
        return Err(ApiError::bad_request("bad_query", "as_of must be a year"));
    }
    let items = planwatch_link::evaluate(
        snap.cases(&planwatch_link::Scope::Doc(plan.id.clone()), Some(as_of)),
    );
    let docs = snap.docs.iter().map(planwatch_store::doc_ref);
    Ok(planwatch_report::Report::new(
        planwatch_store::doc_ref(plan),
        as_of,
        items,
        docs,
    ))
}

async fn full_report(
    State(state): State<AppState>,
    Query(q): Query<FullReportQuery>,
) -> PageResult {
    let snap = state.snapshot().await?;
    let html = state
        .blocking(move |_| Ok(planwatch_report::render_html(&build_report(&snap, &q)?)))
        .await?;
    Ok(Html(html))
}

async fn full_report_docx(
    State(state): State<AppState>,
    Query(q): Query<FullReportQuery>,
) -> Result<Response, ApiError> {
    let snap = state.snapshot().await?;
    let bytes = state
        .blocking(move |_| {
            planwatch_report::render_docx(
                &build_report(&snap, &q)?,
                planwatch_report::DocxOptions { charts: true },
            )
            .map_err(|e| ApiError::Internal(format!("docx: {e}")))
        })
        .await?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"planwatch-report.docx\"",
            ),
        ],
        bytes,
    )
        .into_response())
}
