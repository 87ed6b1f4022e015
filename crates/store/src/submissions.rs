//! Reporting (填报) with review (issue 10): migration `0007_submissions.sql`.
//!
//! A **submission** is one value a department reports for a target it is
//! assigned to ([`crate::units`]), for one period (a year, or a quarter or
//! a month of it), entered by a reporter who belongs to that unit
//! ([`User::units`], by the unit's name or short name):
//!
//! ```text
//! draft ─submit→ submitted ─approve→ approved (an actual fact, origin `report`)
//!   ↑ update        │
//!   └── returned ←──┘ return (with the reviewer's comment)
//! ```
//!
//! - Drafts (and returned submissions) are created, edited and submitted by
//!   a reporter of the unit only; reviewers and admins return (a comment is
//!   required) or approve submitted ones. Anyone else is refused
//!   ([`StoreError::Forbidden`]); a reporter reading another unit's
//!   submission finds none ([`StoreError::NoSuchSubmission`]).
//! - A value that would put its target off track or regressing must carry a
//!   narrative (说明) before it is submitted. Deciding that needs the
//!   evaluation, which the store does not know: the caller evaluates the
//!   target with the value added and passes what it found
//!   ([`Store::submit_submission`]'s `red`); the store refuses a red value
//!   without a narrative ([`StoreError::NeedsExplanation`]).
//! - Approving stores the value as an actual fact through the one ingest
//!   path of imported actuals ([`Store::ingest`]): a document of its own
//!   (origin [`Origin::Report`], named `填报-ID-vN`) holding one actual of the
//!   target's indicator and region, so linking and evaluation see it as any
//!   other actual. The submission's change, its version row and its audit
//!   line are written in that document's transaction.
//! - Nothing is deleted: each change bumps `version`, appends a row to
//!   `submission_versions` and a line to the audit trail, in one transaction.

use std::collections::{HashMap, HashSet};

use planwatch_catalog::FactId;
use planwatch_core::{DocType, DocumentInfo, Fact, Kind, Measure};
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::accounts::{audit_in, now};
use crate::calendar::{plan_years, target_periods, Deadline, DuePeriod, Period};
use crate::ingest::SameName;
use crate::read::{fact_from_row, FACT_COLUMNS};
use crate::units::UnitTarget;
use crate::write::Begin;
use crate::{NewDocument, Origin, Result, Role, Store, StoreError, StoredFact, Unit, User};

/// Longest narrative (说明) or review comment accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;
/// Longest unit of measure accepted, in characters.
pub const MAX_MEASURE_UNIT_CHARS: usize = 20;

/// Where a submission is in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SubmissionStatus {
    /// 草稿: being entered; only its reporters see it change.
    Draft,
    /// 已报送: waiting for a reviewer.
    Submitted,
    /// 已退回: the reviewer sent it back with a comment.
    Returned,
    /// 已通过: approved, stored as an actual.
    Approved,
}

impl SubmissionStatus {
    /// Every status, in the order of the review.
    pub const ALL: [SubmissionStatus; 4] = [
        SubmissionStatus::Draft,
        SubmissionStatus::Submitted,
        SubmissionStatus::Returned,
        SubmissionStatus::Approved,
    ];

    /// The stored spelling: `draft`, `submitted`, `returned`, `approved`.
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionStatus::Draft => "draft",
            SubmissionStatus::Submitted => "submitted",
            SubmissionStatus::Returned => "returned",
            SubmissionStatus::Approved => "approved",
        }
    }

    /// The status of a stored spelling.
    pub fn parse(s: &str) -> Option<SubmissionStatus> {
        SubmissionStatus::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
    }

    /// The status in Chinese: 草稿, 已报送, 已退回, 已通过.
    pub fn label_zh(self) -> &'static str {
        match self {
            SubmissionStatus::Draft => "草稿",
            SubmissionStatus::Submitted => "已报送",
            SubmissionStatus::Returned => "已退回",
            SubmissionStatus::Approved => "已通过",
        }
    }

    /// Whether its reporter may still edit and submit it.
    pub fn editable(self) -> bool {
        matches!(self, SubmissionStatus::Draft | SubmissionStatus::Returned)
    }
}

/// What a reporter enters: the period, the value and the explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmissionInput {
    /// Year of the value.
    pub year: i32,
    /// Quarter (1–4) of a quarterly value.
    pub quarter: Option<i64>,
    /// Month (1–12) of a monthly value.
    pub month: Option<i64>,
    /// The value.
    pub value: f64,
    /// Unit of measure as written (`亿元`, `%`); none: the target's.
    pub measure_unit: Option<String>,
    /// 说明: the explanation (needed for a value that puts its target off track).
    pub narrative: String,
}

/// A draft to create: the target, the unit reporting for it, what is entered.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSubmission {
    /// The target fact (as assignments name it).
    pub fact: FactId,
    /// The unit (name, short name or id) the reporter reports for.
    pub unit: String,
    /// Period, value, explanation.
    pub input: SubmissionInput,
}

/// A submission as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Submission {
    /// Row id.
    pub id: i64,
    /// The target's document key.
    pub document_id: String,
    /// The target's position in its document.
    pub ord: i64,
    /// The unit's id.
    pub unit_id: i64,
    /// The unit's name.
    pub unit: String,
    /// Year of the value.
    pub year: i32,
    /// Quarter of a quarterly value.
    pub quarter: Option<i64>,
    /// Month of a monthly value.
    pub month: Option<i64>,
    /// The value.
    pub value: f64,
    /// Unit of measure (none: the target's).
    pub measure_unit: Option<String>,
    /// 说明.
    pub narrative: String,
    /// Where it is in its review.
    pub status: SubmissionStatus,
    /// 1 when created, one more at each change.
    pub version: i64,
    /// Who created it.
    pub submitter: String,
    /// Who last returned or approved it.
    pub reviewer: Option<String>,
    /// The reviewer's last comment.
    pub review_comment: Option<String>,
    /// The document holding the approved actual.
    pub actual_document_id: Option<String>,
    /// Created (Unix seconds).
    pub created_at: i64,
    /// Last changed.
    pub updated_at: i64,
    /// Last submitted.
    pub submitted_at: Option<i64>,
    /// Last returned or approved.
    pub reviewed_at: Option<i64>,
}

impl Submission {
    /// The target it reports on.
    pub fn fact_id(&self) -> FactId {
        FactId::new(self.document_id.clone(), self.ord)
    }

    /// The period in Chinese: `2024年`, `2024年第2季度`, `2024年3月`.
    pub fn period_zh(&self) -> String {
        period_zh(self.year, self.quarter, self.month)
    }

    fn audit_json(&self) -> String {
        serde_json::json!({
            "target": self.fact_id().to_string(),
            "unit": self.unit,
            "period": self.period_zh(),
            "value": self.value,
            "measure_unit": self.measure_unit,
            "narrative": self.narrative,
            "status": self.status.as_str(),
            "version": self.version,
            "review_comment": self.review_comment,
        })
        .to_string()
    }
}

/// One state of a submission, as `submission_versions` keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubmissionVersion {
    /// 1, 2, 3…
    pub version: i64,
    /// What made it: `create`, `update`, `submit`, `return`, `approve`.
    pub action: String,
    /// Who.
    pub actor: String,
    /// When (Unix seconds).
    pub at: i64,
    /// The status then.
    pub status: SubmissionStatus,
    /// The value then.
    pub value: f64,
    /// The unit of measure then.
    pub measure_unit: Option<String>,
    /// The narrative then.
    pub narrative: String,
    /// The review comment then.
    pub review_comment: Option<String>,
}

/// Which submissions to list (all of them that the user may see when empty).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubmissionFilter {
    /// Of this unit (name, short name or id).
    pub unit: Option<String>,
    /// In this status.
    pub status: Option<SubmissionStatus>,
    /// About this target.
    pub fact: Option<FactId>,
}

/// A target a reporter reports on: the unit they report for, the target,
/// their unit's latest submission on it, and its open periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueTarget {
    /// The unit's name.
    pub unit: String,
    /// The target and its assignment.
    pub target: UnitTarget,
    /// The unit's latest submission on it, if any.
    pub latest: Option<Submission>,
    /// Its periods (of its plan's calendar) begun and with no approved
    /// value, each with its due date, by due date.
    pub periods: Vec<DuePeriod>,
}

/// `2024年`, `2024年第2季度`, `2024年3月`.
pub fn period_zh(year: i32, quarter: Option<i64>, month: Option<i64>) -> String {
    match (quarter, month) {
        (Some(q), _) => format!("{year}年第{q}季度"),
        (None, Some(m)) => format!("{year}年{m}月"),
        (None, None) => format!("{year}年"),
    }
}

/// Whether `user` reports for `unit`: a reporter naming it by name or short name.
pub fn reports_for(user: &User, unit: &Unit) -> bool {
    user.role == Role::Reporter
        && user
            .units
            .iter()
            .any(|u| *u == unit.name || unit.short_name.as_deref() == Some(u.as_str()))
}

/// Whether `user` may review: a reviewer or an admin.
pub fn reviews(user: &User) -> bool {
    matches!(user.role, Role::Reviewer | Role::Admin)
}

/// Whether `user` may read submissions of `unit`.
fn sees(user: &User, unit: &Unit) -> bool {
    reviews(user) || reports_for(user, unit)
}

/// `input` checked and trimmed.
fn checked(input: &SubmissionInput) -> Result<SubmissionInput> {
    let bad = |m: String| Err(StoreError::Submission(m));
    if !(1900..=2200).contains(&input.year) {
        return bad(format!("{} is not a year", input.year));
    }
    if input.quarter.is_some() && input.month.is_some() {
        return bad("a value is of a year, a quarter or a month, not both".into());
    }
    if input.quarter.is_some_and(|q| !(1..=4).contains(&q)) {
        return bad("a quarter is 1 to 4".into());
    }
    if input.month.is_some_and(|m| !(1..=12).contains(&m)) {
        return bad("a month is 1 to 12".into());
    }
    if !input.value.is_finite() {
        return bad("the value is not a number".into());
    }
    let measure_unit = input
        .measure_unit
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_string);
    if measure_unit.as_ref().is_some_and(|u| {
        u.chars().count() > MAX_MEASURE_UNIT_CHARS || u.chars().any(char::is_control)
    }) {
        return bad(format!(
            "a unit of measure has at most {MAX_MEASURE_UNIT_CHARS} characters"
        ));
    }
    let narrative = input.narrative.trim().to_string();
    if narrative.chars().count() > MAX_TEXT_CHARS {
        return bad(format!(
            "an explanation has at most {MAX_TEXT_CHARS} characters"
        ));
    }
    Ok(SubmissionInput {
        measure_unit,
        narrative,
        ..input.clone()
    })
}

const SUBMISSION_COLUMNS: &str = "s.id, s.document_id, s.ord, s.unit_id, u.name AS unit_name, s.year, s.quarter, \
     s.month, s.value, s.measure_unit, s.narrative, s.status, s.version, s.submitter, s.reviewer, \
     s.review_comment, s.actual_document_id, s.created_at, s.updated_at, s.submitted_at, s.reviewed_at";

fn status_of(s: String) -> Result<SubmissionStatus> {
    SubmissionStatus::parse(&s).ok_or(StoreError::Corrupt {
        column: "submissions.status",
        value: s,
    })
}

fn year_of(row: &AnyRow) -> Result<i32> {
    let y: i64 = row.try_get("year")?;
    i32::try_from(y).map_err(|_| StoreError::Corrupt {
        column: "submissions.year",
        value: y.to_string(),
    })
}

fn submission_from_row(row: &AnyRow) -> Result<Submission> {
    Ok(Submission {
        id: row.try_get("id")?,
        document_id: row.try_get("document_id")?,
        ord: row.try_get("ord")?,
        unit_id: row.try_get("unit_id")?,
        unit: row.try_get("unit_name")?,
        year: year_of(row)?,
        quarter: row.try_get("quarter")?,
        month: row.try_get("month")?,
        value: row.try_get("value")?,
        measure_unit: row.try_get("measure_unit")?,
        narrative: row.try_get("narrative")?,
        status: status_of(row.try_get("status")?)?,
        version: row.try_get("version")?,
        submitter: row.try_get("submitter")?,
        reviewer: row.try_get("reviewer")?,
        review_comment: row.try_get("review_comment")?,
        actual_document_id: row.try_get("actual_document_id")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        submitted_at: row.try_get("submitted_at")?,
        reviewed_at: row.try_get("reviewed_at")?,
    })
}

/// The unit of id `id`, read inside `tx` or from the pool.
async fn unit_by_id<'e, E>(executor: E, id: i64) -> Result<Unit>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let row = sqlx::query(
        "SELECT id, name, short_name, created_at, retired_at, email FROM units WHERE id = $1",
    )
    .bind(id)
    .fetch_one(executor)
    .await?;
    Ok(Unit {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        short_name: row.try_get("short_name")?,
        created_at: row.try_get("created_at")?,
        retired_at: row.try_get("retired_at")?,
        targets: 0,
        email: row.try_get("email")?,
    })
}

/// Submission `id`, read inside `tx`.
pub(crate) async fn submission_in(
    tx: &mut Transaction<'static, Any>,
    id: i64,
) -> Result<Submission> {
    let sql = format!(
        "SELECT {SUBMISSION_COLUMNS} FROM submissions s JOIN units u ON u.id = s.unit_id WHERE s.id = $1"
    );
    let row = sqlx::query(&sql)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NoSuchSubmission(id))?;
    submission_from_row(&row)
}

/// Writes `s` (its new version) over its row, appends the version row and
/// the audit line, all inside `tx`.
async fn record(
    tx: &mut Transaction<'static, Any>,
    before: Option<&Submission>,
    s: &Submission,
    action: &str,
    actor: &str,
) -> Result<()> {
    if before.is_some() {
        sqlx::query(
            "UPDATE submissions SET year = $1, quarter = $2, month = $3, value = $4, measure_unit = $5, \
             narrative = $6, status = $7, version = $8, reviewer = $9, review_comment = $10, \
             actual_document_id = $11, updated_at = $12, submitted_at = $13, reviewed_at = $14 WHERE id = $15",
        )
        .bind(i64::from(s.year))
        .bind(s.quarter)
        .bind(s.month)
        .bind(s.value)
        .bind(s.measure_unit.clone())
        .bind(s.narrative.clone())
        .bind(s.status.as_str())
        .bind(s.version)
        .bind(s.reviewer.clone())
        .bind(s.review_comment.clone())
        .bind(s.actual_document_id.clone())
        .bind(s.updated_at)
        .bind(s.submitted_at)
        .bind(s.reviewed_at)
        .bind(s.id)
        .execute(&mut **tx)
        .await?;
    } else {
        sqlx::query(
            "INSERT INTO submissions (id, document_id, ord, unit_id, year, quarter, month, value, measure_unit, \
             narrative, status, version, submitter, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(s.id)
        .bind(s.document_id.clone())
        .bind(s.ord)
        .bind(s.unit_id)
        .bind(i64::from(s.year))
        .bind(s.quarter)
        .bind(s.month)
        .bind(s.value)
        .bind(s.measure_unit.clone())
        .bind(s.narrative.clone())
        .bind(s.status.as_str())
        .bind(s.version)
        .bind(s.submitter.clone())
        .bind(s.created_at)
        .bind(s.updated_at)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO submission_versions (submission_id, version, action, actor, at, status, value, \
         measure_unit, narrative, review_comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(s.id)
    .bind(s.version)
    .bind(action.to_string())
    .bind(actor.to_string())
    .bind(s.updated_at)
    .bind(s.status.as_str())
    .bind(s.value)
    .bind(s.measure_unit.clone())
    .bind(s.narrative.clone())
    .bind(s.review_comment.clone())
    .execute(&mut **tx)
    .await?;
    audit_in(
        tx,
        Some(actor),
        &format!("submission.{action}"),
        &format!("submission:{}", s.id),
        before.map(Submission::audit_json),
        Some(s.audit_json()),
    )
    .await
}

/// Refuses unless `user` reports for the submission's unit (read in `tx`).
pub(crate) async fn must_report_for(
    tx: &mut Transaction<'static, Any>,
    user: &User,
    s: &Submission,
) -> Result<()> {
    let unit = unit_by_id(&mut **tx, s.unit_id).await?;
    if reports_for(user, &unit) {
        Ok(())
    } else if sees(user, &unit) {
        Err(StoreError::Forbidden(format!(
            "only a reporter of {} edits or submits its values",
            unit.name
        )))
    } else {
        // Another unit's submission is none of theirs: not even its existence.
        Err(StoreError::NoSuchSubmission(s.id))
    }
}

fn must_review(user: &User) -> Result<()> {
    if reviews(user) {
        Ok(())
    } else {
        Err(StoreError::Forbidden(format!(
            "user {} ({}) may not review: it needs a reviewer or an admin",
            user.name,
            user.role.as_str()
        )))
    }
}

pub(crate) fn must_be(s: &Submission, allowed: &[SubmissionStatus], step: &str) -> Result<()> {
    if allowed.contains(&s.status) {
        Ok(())
    } else {
        Err(StoreError::Submission(format!(
            "submission {} is {} ({}): it cannot be {step}",
            s.id,
            s.status.as_str(),
            s.status.label_zh()
        )))
    }
}

/// The actual fact an approved submission becomes, and its document (named
/// `填报-ID-vN`, origin [`Origin::Report`]): the target's indicator and
/// region, the submission's year, value and unit (else the target's), the
/// target's measure (a yearly growth for a 年均增长 target). A caller that
/// evaluates a value before it is approved builds the same fact.
pub fn reported_actual(s: &Submission, target: &Fact, reviewer: &str) -> (NewDocument, Fact) {
    let name = format!("填报-{}-v{}", s.id, s.version + 1);
    let measure_unit = s.measure_unit.clone().or_else(|| target.unit.clone());
    let measure = match target.measure {
        // A yearly value of a 年均增长 target is that year's growth.
        Measure::AvgGrowth => Measure::Growth,
        m => m,
    };
    let region = target.region.clone();
    let quote = format!(
        "{}填报：{}{} {}{}{}",
        s.unit,
        region.as_deref().unwrap_or(""),
        target.indicator,
        s.period_zh(),
        plain_number(s.value),
        measure_unit.as_deref().unwrap_or("")
    );
    let mut text = format!(
        "{quote}\n填报人：{}；审核人：{reviewer}；目标：{}#{}\n",
        s.submitter, s.document_id, s.ord
    );
    if !s.narrative.is_empty() {
        text.push_str(&format!("说明：{}\n", s.narrative));
    }
    let fact = Fact {
        doc: name.clone(),
        kind: Kind::Actual,
        indicator: target.indicator.clone(),
        region: region.clone(),
        year: Some(s.year),
        value: Some(s.value),
        value_max: None,
        unit: measure_unit,
        measure,
        comparator: planwatch_core::Comparator::Eq,
        attribute: None,
        text: None,
        start: Some(0),
        end: Some(quote.len()),
        quote,
        section: Some(format!("{}填报", s.unit)),
        responsible: None,
    };
    let doc = NewDocument {
        name: name.clone(),
        path: None,
        format: "text".into(),
        origin: Origin::Report,
        info: DocumentInfo {
            title: Some(format!(
                "{}填报：{} {}",
                s.unit,
                target.indicator,
                s.period_zh()
            )),
            region,
            doc_type: DocType::Other,
            period_start: None,
            period_end: None,
            year: Some(s.year),
            issuer: Some(s.unit.clone()),
            number: None,
        },
        text,
    };
    (doc, fact)
}

/// A value as written: no trailing zeros (`12.5`, `1000`).
fn plain_number(v: f64) -> String {
    let s = format!("{v}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

impl Store {
    /// The target fact `fact` with its document's name, if stored.
    async fn target_fact(&self, fact: &FactId) -> Result<StoredFact> {
        let sql = format!(
            "SELECT {FACT_COLUMNS}, d.name AS doc_name FROM facts f JOIN documents d ON d.id = f.document_id \
             WHERE f.document_id = $1 AND f.ord = $2"
        );
        let row = sqlx::query(&sql)
            .bind(fact.doc.clone())
            .bind(fact.ord)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NoSuchFact(fact.to_string()))?;
        let doc: String = row.try_get("doc_name")?;
        fact_from_row(&row, doc)
    }

    /// Creates a draft: `user` must be a reporter of `new.unit`, and the
    /// target assigned to that unit (lead or partner); one submission per
    /// target, unit and period.
    pub async fn create_submission(&self, new: &NewSubmission, user: &User) -> Result<Submission> {
        let input = checked(&new.input)?;
        let unit = self
            .find_unit(&new.unit)
            .await?
            .ok_or_else(|| StoreError::NoSuchUnit(new.unit.trim().to_string()))?;
        if !reports_for(user, &unit) {
            return Err(StoreError::Forbidden(format!(
                "user {} does not report for {}",
                user.name, unit.name
            )));
        }
        if unit.retired() {
            return Err(StoreError::Submission(format!(
                "unit {} is retired: it reports no new values",
                unit.name
            )));
        }
        let mut tx = self.begin_write().await?;
        let assigned = sqlx::query(
            "SELECT 1 AS one FROM assignments WHERE document_id = $1 AND ord = $2 AND unit_id = $3",
        )
        .bind(new.fact.doc.clone())
        .bind(new.fact.ord)
        .bind(unit.id)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
        if !assigned {
            return Err(StoreError::Submission(format!(
                "target {} is not assigned to {}: a unit reports on its own targets",
                new.fact, unit.name
            )));
        }
        let same = sqlx::query(
            "SELECT id, quarter, month FROM submissions \
             WHERE document_id = $1 AND ord = $2 AND unit_id = $3 AND year = $4",
        )
        .bind(new.fact.doc.clone())
        .bind(new.fact.ord)
        .bind(unit.id)
        .bind(i64::from(input.year))
        .fetch_all(&mut *tx)
        .await?;
        for r in &same {
            let q: Option<i64> = r.try_get("quarter")?;
            let m: Option<i64> = r.try_get("month")?;
            if q == input.quarter && m == input.month {
                let id: i64 = r.try_get("id")?;
                return Err(StoreError::Submission(format!(
                    "{} reports {} of this target already (submission {id}): edit that one",
                    unit.name,
                    period_zh(input.year, input.quarter, input.month)
                )));
            }
        }
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM submissions")
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("m")?
            + 1;
        let at = now();
        let s = Submission {
            id,
            document_id: new.fact.doc.clone(),
            ord: new.fact.ord,
            unit_id: unit.id,
            unit: unit.name.clone(),
            year: input.year,
            quarter: input.quarter,
            month: input.month,
            value: input.value,
            measure_unit: input.measure_unit,
            narrative: input.narrative,
            status: SubmissionStatus::Draft,
            version: 1,
            submitter: user.name.clone(),
            reviewer: None,
            review_comment: None,
            actual_document_id: None,
            created_at: at,
            updated_at: at,
            submitted_at: None,
            reviewed_at: None,
        };
        record(&mut tx, None, &s, "create", &user.name).await?;
        tx.commit().await?;
        Ok(s)
    }

    /// Changes a draft or a returned submission (which becomes a draft
    /// again): by a reporter of its unit only.
    pub async fn update_submission(
        &self,
        id: i64,
        input: &SubmissionInput,
        user: &User,
    ) -> Result<Submission> {
        let input = checked(input)?;
        let mut tx = self.begin_write().await?;
        let before = submission_in(&mut tx, id).await?;
        must_report_for(&mut tx, user, &before).await?;
        must_be(
            &before,
            &[SubmissionStatus::Draft, SubmissionStatus::Returned],
            "edited",
        )?;
        let period_moved =
            (input.year, input.quarter, input.month) != (before.year, before.quarter, before.month);
        if period_moved {
            let rows = sqlx::query(
                "SELECT id, quarter, month FROM submissions \
                 WHERE document_id = $1 AND ord = $2 AND unit_id = $3 AND year = $4 AND id <> $5",
            )
            .bind(before.document_id.clone())
            .bind(before.ord)
            .bind(before.unit_id)
            .bind(i64::from(input.year))
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            for r in &rows {
                let q: Option<i64> = r.try_get("quarter")?;
                let m: Option<i64> = r.try_get("month")?;
                if q == input.quarter && m == input.month {
                    let other: i64 = r.try_get("id")?;
                    return Err(StoreError::Submission(format!(
                        "submission {other} reports that period already"
                    )));
                }
            }
        }
        let s = Submission {
            year: input.year,
            quarter: input.quarter,
            month: input.month,
            value: input.value,
            measure_unit: input.measure_unit,
            narrative: input.narrative,
            status: SubmissionStatus::Draft,
            version: before.version + 1,
            updated_at: now(),
            ..before.clone()
        };
        record(&mut tx, Some(&before), &s, "update", &user.name).await?;
        tx.commit().await?;
        Ok(s)
    }

    /// Submits a draft or returned submission for review: by a reporter of
    /// its unit. `red` is what the caller's evaluation of the target with
    /// the value of `version` of the submission added found, when it puts
    /// the target off track or regressing (the status in words, e.g.
    /// `严重滞后`): such a value needs a narrative, else
    /// [`StoreError::NeedsExplanation`]. A submission changed since that
    /// version is refused (evaluate it again).
    pub async fn submit_submission(
        &self,
        id: i64,
        user: &User,
        version: i64,
        red: Option<&str>,
    ) -> Result<Submission> {
        let mut tx = self.begin_write().await?;
        let before = submission_in(&mut tx, id).await?;
        must_report_for(&mut tx, user, &before).await?;
        must_be(
            &before,
            &[SubmissionStatus::Draft, SubmissionStatus::Returned],
            "submitted",
        )?;
        if before.version != version {
            return Err(StoreError::Submission(format!(
                "submission {id} changed meanwhile (version {} now, {version} evaluated): submit it again",
                before.version
            )));
        }
        if let Some(status) = red {
            if before.narrative.trim().is_empty() {
                return Err(StoreError::NeedsExplanation(format!(
                    "with {} the target would be {status}: explain the value (说明) before submitting it",
                    plain_number(before.value)
                )));
            }
        }
        let at = now();
        let s = Submission {
            status: SubmissionStatus::Submitted,
            version: before.version + 1,
            updated_at: at,
            submitted_at: Some(at),
            ..before.clone()
        };
        record(&mut tx, Some(&before), &s, "submit", &user.name).await?;
        tx.commit().await?;
        Ok(s)
    }

    /// Returns a submitted value to its unit with `comment` (required): by a
    /// reviewer or an admin.
    pub async fn return_submission(
        &self,
        id: i64,
        user: &User,
        comment: &str,
    ) -> Result<Submission> {
        must_review(user)?;
        let comment = comment.trim();
        if comment.is_empty() || comment.chars().count() > MAX_TEXT_CHARS {
            return Err(StoreError::Submission(format!(
                "a return says why, in 1 to {MAX_TEXT_CHARS} characters"
            )));
        }
        let mut tx = self.begin_write().await?;
        let before = submission_in(&mut tx, id).await?;
        must_be(&before, &[SubmissionStatus::Submitted], "returned")?;
        let at = now();
        let s = Submission {
            status: SubmissionStatus::Returned,
            version: before.version + 1,
            reviewer: Some(user.name.clone()),
            review_comment: Some(comment.to_string()),
            updated_at: at,
            reviewed_at: Some(at),
            ..before.clone()
        };
        record(&mut tx, Some(&before), &s, "return", &user.name).await?;
        tx.commit().await?;
        Ok(s)
    }

    /// Approves a submitted value (by a reviewer or an admin, with an
    /// optional comment) and stores it as an actual fact: a document of its
    /// own through [`Store::ingest`]'s path, origin [`Origin::Report`], in
    /// the same transaction as the submission's change.
    pub async fn approve_submission(
        &self,
        id: i64,
        user: &User,
        comment: Option<&str>,
    ) -> Result<Submission> {
        must_review(user)?;
        let comment = comment.map(str::trim).filter(|c| !c.is_empty());
        if comment.is_some_and(|c| c.chars().count() > MAX_TEXT_CHARS) {
            return Err(StoreError::Submission(format!(
                "a comment has at most {MAX_TEXT_CHARS} characters"
            )));
        }
        let seen = self.submission_row(id).await?;
        must_be(&seen, &[SubmissionStatus::Submitted], "approved")?;
        let target = self.target_fact(&seen.fact_id()).await?;
        let (doc, fact) = reported_actual(&seen, &target.fact, &user.name);
        let mut w = match self.begin_as(&doc, SameName::Refuse).await {
            Ok(Begin::New(w)) => w,
            Ok(Begin::Unchanged(_)) | Err(StoreError::NameTaken { .. }) => {
                return Err(StoreError::Submission(format!(
                    "submission {id} changed meanwhile: read it again"
                )))
            }
            Err(e) => return Err(e),
        };
        // Under the write lock now: the submission is as read, or nothing is written.
        let before = submission_in(w.tx(), id).await?;
        if before.version != seen.version {
            return Err(StoreError::Submission(format!(
                "submission {id} changed meanwhile: read it again"
            )));
        }
        w.add_fact(&fact).await?;
        let at = now();
        let s = Submission {
            status: SubmissionStatus::Approved,
            version: before.version + 1,
            reviewer: Some(user.name.clone()),
            review_comment: comment
                .map(str::to_string)
                .or(before.review_comment.clone()),
            actual_document_id: Some(w.document().id.clone()),
            updated_at: at,
            reviewed_at: Some(at),
            ..before.clone()
        };
        record(w.tx(), Some(&before), &s, "approve", &user.name).await?;
        w.commit().await?;
        Ok(s)
    }

    /// Submission `id`, whoever asks (for the caller's own checks).
    async fn submission_row(&self, id: i64) -> Result<Submission> {
        let sql = format!(
            "SELECT {SUBMISSION_COLUMNS} FROM submissions s JOIN units u ON u.id = s.unit_id WHERE s.id = $1"
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NoSuchSubmission(id))?;
        submission_from_row(&row)
    }

    /// Submission `id` as `user` may see it: reviewers and admins see every
    /// one, a reporter those of their units; anyone else is refused
    /// ([`StoreError::Forbidden`]), and a reporter asking for another unit's
    /// finds none ([`StoreError::NoSuchSubmission`]).
    pub async fn submission(&self, id: i64, user: &User) -> Result<Submission> {
        let s = self.submission_row(id).await?;
        let unit = unit_by_id(&self.pool, s.unit_id).await?;
        if sees(user, &unit) {
            Ok(s)
        } else if user.role == Role::Reporter {
            Err(StoreError::NoSuchSubmission(id))
        } else {
            Err(StoreError::Forbidden(format!(
                "user {} ({}) does not read submissions",
                user.name,
                user.role.as_str()
            )))
        }
    }

    /// Every version of submission `id`, oldest first (as [`Store::submission`] allows).
    pub async fn submission_versions(
        &self,
        id: i64,
        user: &User,
    ) -> Result<Vec<SubmissionVersion>> {
        self.submission(id, user).await?;
        let rows = sqlx::query(
            "SELECT version, action, actor, at, status, value, measure_unit, narrative, review_comment \
             FROM submission_versions WHERE submission_id = $1 ORDER BY version",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SubmissionVersion {
                    version: r.try_get("version")?,
                    action: r.try_get("action")?,
                    actor: r.try_get("actor")?,
                    at: r.try_get("at")?,
                    status: status_of(r.try_get("status")?)?,
                    value: r.try_get("value")?,
                    measure_unit: r.try_get("measure_unit")?,
                    narrative: r.try_get("narrative")?,
                    review_comment: r.try_get("review_comment")?,
                })
            })
            .collect()
    }

    /// The submissions `user` may see that meet `filter`, newest first:
    /// reviewers and admins all, a reporter their units' (another unit in
    /// the filter gives none); other roles are refused.
    pub async fn submissions(
        &self,
        filter: &SubmissionFilter,
        user: &User,
    ) -> Result<Vec<Submission>> {
        if !reviews(user) && user.role != Role::Reporter {
            return Err(StoreError::Forbidden(format!(
                "user {} ({}) does not read submissions",
                user.name,
                user.role.as_str()
            )));
        }
        Ok(self
            .query_submissions(filter)
            .await?
            .into_iter()
            .filter(|(_, unit)| sees(user, unit))
            .map(|(s, _)| s)
            .collect())
    }

    /// Every submission that meets `filter`, newest first, whoever reported
    /// it: the operator's view (`planwatch submissions`), not a user's.
    pub async fn all_submissions(&self, filter: &SubmissionFilter) -> Result<Vec<Submission>> {
        Ok(self
            .query_submissions(filter)
            .await?
            .into_iter()
            .map(|(s, _)| s)
            .collect())
    }

    /// The submissions meeting `filter`, each with its unit.
    async fn query_submissions(
        &self,
        filter: &SubmissionFilter,
    ) -> Result<Vec<(Submission, Unit)>> {
        let unit = match &filter.unit {
            Some(key) => Some(
                self.find_unit(key)
                    .await?
                    .ok_or_else(|| StoreError::NoSuchUnit(key.trim().to_string()))?,
            ),
            None => None,
        };
        let mut sql = format!(
            "SELECT {SUBMISSION_COLUMNS}, u.short_name AS unit_short FROM submissions s \
             JOIN units u ON u.id = s.unit_id WHERE 1 = 1"
        );
        let mut n = 0;
        let mut next = || {
            n += 1;
            n
        };
        if unit.is_some() {
            sql.push_str(&format!(" AND s.unit_id = ${}", next()));
        }
        if filter.status.is_some() {
            sql.push_str(&format!(" AND s.status = ${}", next()));
        }
        if filter.fact.is_some() {
            let a = next();
            let b = next();
            sql.push_str(&format!(" AND s.document_id = ${a} AND s.ord = ${b}"));
        }
        sql.push_str(" ORDER BY s.id DESC");
        let mut q = sqlx::query(&sql);
        if let Some(u) = &unit {
            q = q.bind(u.id);
        }
        if let Some(st) = filter.status {
            q = q.bind(st.as_str());
        }
        if let Some(f) = &filter.fact {
            q = q.bind(f.doc.clone()).bind(f.ord);
        }
        let rows = q.fetch_all(&self.pool).await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let s = submission_from_row(r)?;
            let of = Unit {
                id: s.unit_id,
                name: s.unit.clone(),
                short_name: r.try_get("unit_short")?,
                created_at: 0,
                retired_at: None,
                targets: 0,
                email: None,
            };
            out.push((s, of));
        }
        Ok(out)
    }

    /// The targets `user` reports on: those of current documents assigned
    /// to each of their units (stored ones; a name of no unit gives none),
    /// each with that unit's latest submission on it and its periods open
    /// as of `at` (Unix seconds: begun, no value approved) with their due
    /// dates, from its plan's calendar ([`crate::calendar`]).
    pub async fn due_targets(&self, user: &User, at: i64) -> Result<Vec<DueTarget>> {
        if user.role != Role::Reporter {
            return Err(StoreError::Forbidden(format!(
                "user {} ({}) reports for no unit",
                user.name,
                user.role.as_str()
            )));
        }
        let mine = self.submissions(&SubmissionFilter::default(), user).await?;
        let approved = self.approved_periods().await?;
        let calendars = self.calendars().await?;
        let mut starts: HashMap<String, Option<i64>> = HashMap::new();
        let mut out = Vec::new();
        let mut seen: Vec<i64> = Vec::new();
        for name in &user.units {
            // (A name of no unit, or a short name several share, gives none.)
            let Some(unit) = self.find_unit(name).await.ok().flatten() else {
                continue;
            };
            if !reports_for(user, &unit) || seen.contains(&unit.id) {
                continue;
            }
            seen.push(unit.id);
            for t in self.unit_targets(&unit.name, false).await? {
                let latest = mine
                    .iter()
                    .find(|s| {
                        s.unit_id == unit.id
                            && s.document_id == t.fact.document_id
                            && s.ord == t.fact.ord
                    })
                    .cloned();
                let doc = t.fact.document_id.clone();
                let start = match starts.get(&doc) {
                    Some(s) => *s,
                    None => {
                        let s = self.plan_start(&doc).await?;
                        starts.insert(doc.clone(), s);
                        s
                    }
                };
                let deadlines = calendars
                    .get(&doc)
                    .map_or(&[Deadline::DEFAULT][..], Vec::as_slice);
                let periods = match t.fact.fact.year {
                    Some(end) => target_periods(deadlines, plan_years(start, end))
                        .into_iter()
                        .filter(|p| p.period.starts_at() <= at)
                        .filter(|p| !approved.contains(&(doc.clone(), t.fact.ord, p.period)))
                        .collect(),
                    None => Vec::new(),
                };
                out.push(DueTarget {
                    unit: unit.name.clone(),
                    target: t,
                    latest,
                    periods,
                });
            }
        }
        Ok(out)
    }

    /// The first year of the document `id`'s period, if it names one.
    async fn plan_start(&self, id: &str) -> Result<Option<i64>> {
        Ok(
            sqlx::query("SELECT period_start FROM documents WHERE id = $1")
                .bind(id.to_string())
                .fetch_optional(&self.pool)
                .await?
                .map(|r| r.try_get::<Option<i64>, _>("period_start"))
                .transpose()?
                .flatten(),
        )
    }

    /// Every (target document, ord, period) with an approved value.
    pub(crate) async fn approved_periods(&self) -> Result<HashSet<(String, i64, Period)>> {
        sqlx::query(
            "SELECT document_id, ord, year, quarter, month FROM submissions WHERE status = 'approved'",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            let year: i64 = r.try_get("year")?;
            let year = i32::try_from(year).map_err(|_| StoreError::Corrupt {
                column: "submissions.year",
                value: year.to_string(),
            })?;
            Ok((
                r.try_get("document_id")?,
                r.try_get("ord")?,
                Period {
                    year,
                    quarter: r.try_get("quarter")?,
                    month: r.try_get("month")?,
                },
            ))
        })
        .collect()
    }
}
