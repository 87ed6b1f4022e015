//! Reminders and 督办 (issue 10): migration `0008_supervision.sql`.
//!
//! - **E-mail of a unit.** Each unit may have an address
//!   ([`Store::set_unit_email`]) where reminders go.
//! - **Overdue.** Targets are reported in the periods of their plan's
//!   calendar ([`crate::calendar`]; yearly, due 31 March of the next year,
//!   where none was set). A target of a current document, assigned to lead
//!   units (牵头单位) not retired, is overdue for every period of its plan
//!   years whose due date has passed with no approved value of it for that
//!   period ([`Store::overdue`]). A reporter sees their units' only
//!   ([`Store::overdue_for`]).
//! - **Reminders.** Each e-mail sent about an overdue target is recorded
//!   (unit, target, when, by whom, to which address); a unit is reminded of
//!   one target at most once per [`REMINDER_GAP`]. Sending claims first
//!   ([`Store::claim_reminders`], under the write lock, so two senders never
//!   both send), and a claim whose mail could not be sent is released
//!   ([`Store::release_reminders`]).
//! - **Escalations** (约谈, 挂牌督办) are marks on a target with who set them
//!   and when; lifting one records who and when. Nothing is deleted; every
//!   change is a line of the audit trail.

use std::collections::HashMap;

use planwatch_catalog::FactId;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::accounts::{audit_in, now};
use crate::calendar::{plan_years, target_periods, Deadline, DuePeriod};
use crate::read::{fact_from_row, CURRENT, FACT_COLUMNS};
use crate::submissions::{reports_for, reviews};
use crate::{Result, Role, Store, StoreError, StoredFact, Unit, User};

/// Shortest time between two reminders to one unit about one target, in seconds.
pub const REMINDER_GAP: i64 = 24 * 3600;
/// Longest e-mail address accepted, in characters.
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest escalation note accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// A target with periods past due, for one of its lead units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overdue {
    /// The unit (lead) answering for it.
    pub unit: Unit,
    /// The target fact.
    pub fact: StoredFact,
    /// Its document's file name.
    pub doc: String,
    /// Its document's title, if known.
    pub title: Option<String>,
    /// The periods whose value is past due and not approved, by due date.
    pub periods: Vec<DuePeriod>,
    /// When the oldest of them was due (Unix seconds).
    pub due: i64,
    /// When this unit was last reminded of this target, if ever.
    pub last_reminded: Option<i64>,
}

impl Overdue {
    /// The target's id.
    pub fn fact_id(&self) -> FactId {
        FactId::new(self.fact.document_id.clone(), self.fact.ord)
    }

    /// Whether a reminder about it may be sent at `at` (none within [`REMINDER_GAP`]).
    pub fn may_remind(&self, at: i64) -> bool {
        self.last_reminded.is_none_or(|t| at - t >= REMINDER_GAP)
    }
}

/// A reminder sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reminder {
    /// Row id.
    pub id: i64,
    /// The unit's name.
    pub unit: String,
    /// The target's document key.
    pub document_id: String,
    /// The target's position.
    pub ord: i64,
    /// When (Unix seconds).
    pub sent_at: i64,
    /// Who sent it (a user name), or none for the command line.
    pub sent_by: Option<String>,
    /// The address it went to.
    pub address: String,
}

/// The kind of an escalation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EscalationKind {
    /// 约谈: the unit's head is summoned for a talk.
    Interview,
    /// 挂牌督办: the target is put under listed supervision.
    Listed,
}

impl EscalationKind {
    /// Both kinds.
    pub const ALL: [EscalationKind; 2] = [EscalationKind::Interview, EscalationKind::Listed];

    /// The stored spelling: `interview`, `listed`.
    pub fn as_str(self) -> &'static str {
        match self {
            EscalationKind::Interview => "interview",
            EscalationKind::Listed => "listed",
        }
    }

    /// The kind of a spelling: `interview` or 约谈, `listed` or 挂牌督办.
    pub fn parse(s: &str) -> Option<EscalationKind> {
        let s = s.trim();
        EscalationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s || k.label_zh() == s)
    }

    /// The kind in Chinese: 约谈, 挂牌督办.
    pub fn label_zh(self) -> &'static str {
        match self {
            EscalationKind::Interview => "约谈",
            EscalationKind::Listed => "挂牌督办",
        }
    }
}

/// An escalation mark on a target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Escalation {
    /// Row id.
    pub id: i64,
    /// The target's document key.
    pub document_id: String,
    /// The target's position.
    pub ord: i64,
    /// 约谈 or 挂牌督办.
    pub kind: EscalationKind,
    /// Why.
    pub note: String,
    /// Who set it.
    pub created_by: String,
    /// When (Unix seconds).
    pub created_at: i64,
    /// Who lifted it, if lifted.
    pub lifted_by: Option<String>,
    /// When it was lifted.
    pub lifted_at: Option<i64>,
    /// Why it was lifted.
    pub lift_note: Option<String>,
}

impl Escalation {
    /// Whether it is in force (not lifted).
    pub fn active(&self) -> bool {
        self.lifted_at.is_none()
    }

    fn audit_json(&self) -> String {
        serde_json::json!({
            "target": FactId::new(self.document_id.clone(), self.ord).to_string(),
            "kind": self.kind.as_str(),
            "note": self.note,
            "lifted_by": self.lifted_by,
            "lift_note": self.lift_note,
        })
        .to_string()
    }
}

/// An e-mail address trimmed, or why it is none (a plain `name@host`, no
/// display name, no spaces or control characters).
pub fn check_email(address: &str) -> std::result::Result<String, String> {
    let a = address.trim();
    let bad = || Err(format!("{a:?} is not an e-mail address (name@host)"));
    if a.is_empty() || a.chars().count() > MAX_EMAIL_CHARS {
        return bad();
    }
    if a.chars()
        .any(|c| c.is_control() || c.is_whitespace() || "<>()[]\\,;:\"".contains(c))
    {
        return bad();
    }
    match a.split_once('@') {
        Some((local, host))
            if !local.is_empty()
                && !host.is_empty()
                && !host.contains('@')
                && !host.starts_with('.')
                && !host.ends_with('.') =>
        {
            Ok(a.to_string())
        }
        _ => bad(),
    }
}

fn escalation_from_row(row: &AnyRow) -> Result<Escalation> {
    let kind: String = row.try_get("kind")?;
    Ok(Escalation {
        id: row.try_get("id")?,
        document_id: row.try_get("document_id")?,
        ord: row.try_get("ord")?,
        kind: EscalationKind::parse(&kind).ok_or(StoreError::Corrupt {
            column: "escalations.kind",
            value: kind,
        })?,
        note: row.try_get("note")?,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
        lifted_by: row.try_get("lifted_by")?,
        lifted_at: row.try_get("lifted_at")?,
        lift_note: row.try_get("lift_note")?,
    })
}

const ESCALATION_COLUMNS: &str =
    "id, document_id, ord, kind, note, created_by, created_at, lifted_by, lifted_at, lift_note";

fn checked_note(note: &str, required: bool) -> Result<String> {
    let note = note.trim();
    if (required && note.is_empty()) || note.chars().count() > MAX_NOTE_CHARS {
        return Err(StoreError::Unit(format!(
            "a note has {} to {MAX_NOTE_CHARS} characters",
            usize::from(required)
        )));
    }
    Ok(note.to_string())
}

impl Store {
    /// Sets (or, with `None`, clears) the e-mail address of the unit `key`
    /// names ([`Store::find_unit`]); audited.
    pub async fn set_unit_email(
        &self,
        key: &str,
        email: Option<&str>,
        actor: Option<&str>,
    ) -> Result<Unit> {
        let email = match email.map(str::trim).filter(|e| !e.is_empty()) {
            Some(e) => Some(check_email(e).map_err(StoreError::Unit)?),
            None => None,
        };
        let unit = self
            .find_unit(key)
            .await?
            .ok_or_else(|| StoreError::NoSuchUnit(key.trim().to_string()))?;
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE units SET email = $1 WHERE id = $2")
            .bind(email.clone())
            .bind(unit.id)
            .execute(&mut *tx)
            .await?;
        let after = Unit {
            email: email.clone(),
            ..unit.clone()
        };
        audit_in(
            &mut tx,
            actor,
            "unit.email",
            &format!("unit:{}", unit.name),
            Some(serde_json::json!({ "email": unit.email }).to_string()),
            Some(serde_json::json!({ "email": email }).to_string()),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Every overdue target as of `at` (Unix seconds), once per lead unit,
    /// by unit name then document and position.
    pub async fn overdue(&self, at: i64) -> Result<Vec<Overdue>> {
        let sql = format!(
            "SELECT {FACT_COLUMNS}, d.name AS doc_name, d.title AS doc_title, \
             d.period_start AS doc_start, a.unit_id \
             FROM assignments a JOIN facts f ON f.document_id = a.document_id AND f.ord = a.ord \
             JOIN documents d ON d.id = f.document_id \
             WHERE a.role = 'lead' AND f.kind = 'target' AND {CURRENT} \
             ORDER BY d.seq, f.ord"
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let units: HashMap<i64, Unit> = self
            .units(true)
            .await?
            .into_iter()
            .map(|u| (u.id, u))
            .collect();
        let approved = self.approved_periods().await?;
        let calendars = self.calendars().await?;
        let mut reminded: HashMap<(i64, String, i64), i64> = HashMap::new();
        for r in sqlx::query(
            "SELECT unit_id, document_id, ord, MAX(sent_at) AS last FROM reminders \
             GROUP BY unit_id, document_id, ord",
        )
        .fetch_all(&self.pool)
        .await?
        {
            reminded.insert(
                (
                    r.try_get("unit_id")?,
                    r.try_get("document_id")?,
                    r.try_get("ord")?,
                ),
                r.try_get("last")?,
            );
        }
        let mut out = Vec::new();
        for r in &rows {
            let unit_id: i64 = r.try_get("unit_id")?;
            // (A retired unit reports nothing new: it is not reminded.)
            let Some(unit) = units.get(&unit_id).filter(|u| !u.retired()) else {
                continue;
            };
            let doc: String = r.try_get("doc_name")?;
            let fact = fact_from_row(r, doc.clone())?;
            let Some(end) = fact.fact.year else {
                // A target of no year: no year's value is due.
                continue;
            };
            let start: Option<i64> = r.try_get("doc_start")?;
            let deadlines = calendars
                .get(&fact.document_id)
                .map_or(&[Deadline::DEFAULT][..], Vec::as_slice);
            let periods: Vec<DuePeriod> = target_periods(deadlines, plan_years(start, end))
                .into_iter()
                .filter(|p| p.due <= at)
                .filter(|p| !approved.contains(&(fact.document_id.clone(), fact.ord, p.period)))
                .collect();
            let Some(first) = periods.first() else {
                continue;
            };
            out.push(Overdue {
                due: first.due,
                last_reminded: reminded
                    .get(&(unit_id, fact.document_id.clone(), fact.ord))
                    .copied(),
                unit: unit.clone(),
                title: r.try_get("doc_title")?,
                doc,
                fact,
                periods,
            });
        }
        out.sort_by(|a, b| a.unit.name.cmp(&b.unit.name));
        Ok(out)
    }

    /// The overdue targets `user` may see as of `at`: reviewers and admins
    /// every one, a reporter their units'; other roles are refused.
    pub async fn overdue_for(&self, user: &User, at: i64) -> Result<Vec<Overdue>> {
        if !reviews(user) && user.role != Role::Reporter {
            return Err(StoreError::Forbidden(format!(
                "user {} ({}) does not follow overdue reports",
                user.name,
                user.role.as_str()
            )));
        }
        Ok(self
            .overdue(at)
            .await?
            .into_iter()
            .filter(|o| reviews(user) || reports_for(user, &o.unit))
            .collect())
    }

    /// Records reminders to `unit_id` at `address` about `targets`, sent at
    /// `at` by `actor`: those of them the unit was not reminded of within
    /// [`REMINDER_GAP`] (checked under the write lock); returns the
    /// reminders recorded (the ones to send). Audited.
    pub async fn claim_reminders(
        &self,
        unit_id: i64,
        targets: &[FactId],
        address: &str,
        actor: Option<&str>,
        at: i64,
    ) -> Result<Vec<Reminder>> {
        let mut tx = self.begin_write().await?;
        let unit: String = sqlx::query("SELECT name FROM units WHERE id = $1")
            .bind(unit_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NoSuchUnit(unit_id.to_string()))?
            .try_get("name")?;
        let mut next: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM reminders")
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("m")?
            + 1;
        let mut out = Vec::new();
        for t in targets {
            let recent = sqlx::query(
                "SELECT 1 AS one FROM reminders WHERE unit_id = $1 AND document_id = $2 AND ord = $3 \
                 AND sent_at > $4",
            )
            .bind(unit_id)
            .bind(t.doc.clone())
            .bind(t.ord)
            .bind(at - REMINDER_GAP)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
            if recent
                || out
                    .iter()
                    .any(|r: &Reminder| r.document_id == t.doc && r.ord == t.ord)
            {
                continue;
            }
            sqlx::query(
                "INSERT INTO reminders (id, unit_id, document_id, ord, sent_at, sent_by, address) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(next)
            .bind(unit_id)
            .bind(t.doc.clone())
            .bind(t.ord)
            .bind(at)
            .bind(actor.map(str::to_string))
            .bind(address.to_string())
            .execute(&mut *tx)
            .await?;
            out.push(Reminder {
                id: next,
                unit: unit.clone(),
                document_id: t.doc.clone(),
                ord: t.ord,
                sent_at: at,
                sent_by: actor.map(str::to_string),
                address: address.to_string(),
            });
            next += 1;
        }
        if !out.is_empty() {
            let targets: Vec<String> = out
                .iter()
                .map(|r| FactId::new(r.document_id.clone(), r.ord).to_string())
                .collect();
            audit_in(
                &mut tx,
                actor,
                "reminder.send",
                &format!("unit:{unit}"),
                None,
                Some(serde_json::json!({ "address": address, "targets": targets }).to_string()),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Removes reminders recorded by [`Store::claim_reminders`] whose e-mail
    /// could not be sent (they were never sent); audited.
    pub async fn release_reminders(
        &self,
        claimed: &[Reminder],
        actor: Option<&str>,
        why: &str,
    ) -> Result<()> {
        let Some(first) = claimed.first() else {
            return Ok(());
        };
        let mut tx = self.begin_write().await?;
        for r in claimed {
            sqlx::query("DELETE FROM reminders WHERE id = $1")
                .bind(r.id)
                .execute(&mut *tx)
                .await?;
        }
        audit_in(
            &mut tx,
            actor,
            "reminder.failed",
            &format!("unit:{}", first.unit),
            None,
            Some(serde_json::json!({ "address": first.address, "error": why }).to_string()),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The latest `limit` reminders sent, newest first.
    pub async fn reminders(&self, limit: i64) -> Result<Vec<Reminder>> {
        let rows = sqlx::query(
            "SELECT r.id, u.name, r.document_id, r.ord, r.sent_at, r.sent_by, r.address \
             FROM reminders r JOIN units u ON u.id = r.unit_id ORDER BY r.id DESC LIMIT $1",
        )
        .bind(limit.clamp(1, 10_000))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Reminder {
                    id: r.try_get("id")?,
                    unit: r.try_get("name")?,
                    document_id: r.try_get("document_id")?,
                    ord: r.try_get("ord")?,
                    sent_at: r.try_get("sent_at")?,
                    sent_by: r.try_get("sent_by")?,
                    address: r.try_get("address")?,
                })
            })
            .collect()
    }

    /// The escalation marks of target `fact`, oldest first, lifted ones too.
    pub async fn escalations(&self, fact: &FactId) -> Result<Vec<Escalation>> {
        let sql = format!(
            "SELECT {ESCALATION_COLUMNS} FROM escalations WHERE document_id = $1 AND ord = $2 ORDER BY id"
        );
        let rows = sqlx::query(&sql)
            .bind(fact.doc.clone())
            .bind(fact.ord)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(escalation_from_row).collect()
    }

    /// Marks target `fact` with an escalation of `kind` (a reviewer's or an
    /// admin's), with a `note` saying why; audited.
    pub async fn escalate(
        &self,
        fact: &FactId,
        kind: EscalationKind,
        note: &str,
        user: &User,
    ) -> Result<Escalation> {
        must_supervise(user)?;
        let note = checked_note(note, false)?;
        let mut tx = self.begin_write().await?;
        crate::units::must_be_target(&mut tx, fact, "escalated").await?;
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM escalations")
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("m")?
            + 1;
        let e = Escalation {
            id,
            document_id: fact.doc.clone(),
            ord: fact.ord,
            kind,
            note,
            created_by: user.name.clone(),
            created_at: now(),
            lifted_by: None,
            lifted_at: None,
            lift_note: None,
        };
        sqlx::query(
            "INSERT INTO escalations (id, document_id, ord, kind, note, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(e.id)
        .bind(e.document_id.clone())
        .bind(e.ord)
        .bind(e.kind.as_str())
        .bind(e.note.clone())
        .bind(e.created_by.clone())
        .bind(e.created_at)
        .execute(&mut *tx)
        .await?;
        audit_in(
            &mut tx,
            Some(&user.name),
            "escalation.add",
            &format!("escalation:{id}"),
            None,
            Some(e.audit_json()),
        )
        .await?;
        tx.commit().await?;
        Ok(e)
    }

    /// Lifts escalation `id` of target `fact` (a reviewer's or an admin's),
    /// recording who, when and why; the mark stays, lifted. Audited.
    pub async fn lift_escalation(
        &self,
        fact: &FactId,
        id: i64,
        note: &str,
        user: &User,
    ) -> Result<Escalation> {
        must_supervise(user)?;
        let note = checked_note(note, false)?;
        let mut tx = self.begin_write().await?;
        let sql = format!(
            "SELECT {ESCALATION_COLUMNS} FROM escalations WHERE id = $1 AND document_id = $2 AND ord = $3"
        );
        let before = sqlx::query(&sql)
            .bind(id)
            .bind(fact.doc.clone())
            .bind(fact.ord)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NoSuchEscalation(id))?;
        let before = escalation_from_row(&before)?;
        if !before.active() {
            return Err(StoreError::Unit(format!(
                "escalation {id} was lifted already"
            )));
        }
        let after = Escalation {
            lifted_by: Some(user.name.clone()),
            lifted_at: Some(now()),
            lift_note: Some(note),
            ..before.clone()
        };
        sqlx::query(
            "UPDATE escalations SET lifted_by = $1, lifted_at = $2, lift_note = $3 WHERE id = $4",
        )
        .bind(after.lifted_by.clone())
        .bind(after.lifted_at)
        .bind(after.lift_note.clone())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit_in(
            &mut tx,
            Some(&user.name),
            "escalation.lift",
            &format!("escalation:{id}"),
            Some(before.audit_json()),
            Some(after.audit_json()),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}

fn must_supervise(user: &User) -> Result<()> {
    if reviews(user) {
        Ok(())
    } else {
        Err(StoreError::Forbidden(format!(
            "user {} ({}) may not escalate: it needs a reviewer or an admin",
            user.name,
            user.role.as_str()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked() {
        assert_eq!(check_email(" tj@jz.gov.cn ").as_deref(), Ok("tj@jz.gov.cn"));
        for bad in [
            "",
            "tj",
            "@jz.gov.cn",
            "tj@",
            "a b@c.d",
            "<a@b.c>",
            "a@b@c",
            "a@b.c\r\nBcc: x@y.z",
        ] {
            assert!(check_email(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn kinds_read_in_both_languages() {
        assert_eq!(
            EscalationKind::parse("约谈"),
            Some(EscalationKind::Interview)
        );
        assert_eq!(
            EscalationKind::parse("listed"),
            Some(EscalationKind::Listed)
        );
        assert_eq!(EscalationKind::parse("x"), None);
    }
}
