//! The public portal (issue 10): migration `0009_portal.sql`.
//!
//! - A **publication** is an admin's frozen snapshot of one plan's
//!   evaluation: the JSON the caller made of it at publish time (the store
//!   does not evaluate), who published it and when. Unpublishing keeps the
//!   row with who and when; only published ones are shown publicly
//!   ([`Store::publications`] with `all = false`).
//! - **Feedback** is a visitor's comment on a published snapshot (or one of
//!   its indicators): stored pending, shown publicly only after a moderator
//!   (a reviewer or an admin) approves it. Nothing is deleted; publishing,
//!   unpublishing and moderating are audited.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::accounts::{audit_in, now};
use crate::submissions::reviews;
use crate::{Result, Store, StoreError, User};

/// Longest feedback text accepted, in characters.
pub const MAX_FEEDBACK_CHARS: usize = 2000;
/// Longest author name (or indicator name) accepted, in characters.
pub const MAX_AUTHOR_CHARS: usize = 50;
/// Longest publication title accepted, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// A published (or unpublished) snapshot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Publication {
    /// Row id.
    pub id: i64,
    /// The plan's document key.
    pub document_id: String,
    /// Title shown.
    pub title: String,
    /// The frozen evaluation (JSON text, as published).
    pub snapshot: String,
    /// Who published it.
    pub published_by: String,
    /// When (Unix seconds).
    pub published_at: i64,
    /// Who unpublished it.
    pub unpublished_by: Option<String>,
    /// When.
    pub unpublished_at: Option<i64>,
}

impl Publication {
    /// Whether it is shown publicly.
    pub fn published(&self) -> bool {
        self.unpublished_at.is_none()
    }
}

/// Where feedback is in its moderation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedbackStatus {
    /// 待审核.
    Pending,
    /// 已公开.
    Approved,
    /// 未采纳 (not shown).
    Rejected,
}

impl FeedbackStatus {
    /// Every status.
    pub const ALL: [FeedbackStatus; 3] = [
        FeedbackStatus::Pending,
        FeedbackStatus::Approved,
        FeedbackStatus::Rejected,
    ];

    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackStatus::Pending => "pending",
            FeedbackStatus::Approved => "approved",
            FeedbackStatus::Rejected => "rejected",
        }
    }

    /// The status of a stored spelling.
    pub fn parse(s: &str) -> Option<FeedbackStatus> {
        FeedbackStatus::ALL
            .into_iter()
            .find(|x| x.as_str() == s.trim())
    }

    /// In Chinese: 待审核, 已公开, 未采纳.
    pub fn label_zh(self) -> &'static str {
        match self {
            FeedbackStatus::Pending => "待审核",
            FeedbackStatus::Approved => "已公开",
            FeedbackStatus::Rejected => "未采纳",
        }
    }
}

/// A visitor's feedback.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feedback {
    /// Row id.
    pub id: i64,
    /// The publication it is on.
    pub publication_id: i64,
    /// The indicator it is on, if one.
    pub indicator: Option<String>,
    /// The name the visitor gave, if any.
    pub author: Option<String>,
    /// The text.
    pub body: String,
    /// Where it is in its moderation.
    pub status: FeedbackStatus,
    /// When it was sent (Unix seconds).
    pub created_at: i64,
    /// Who moderated it.
    pub moderated_by: Option<String>,
    /// When.
    pub moderated_at: Option<i64>,
}

const PUBLICATION_COLUMNS: &str =
    "id, document_id, title, snapshot, published_by, published_at, unpublished_by, unpublished_at";
const FEEDBACK_COLUMNS: &str =
    "id, publication_id, indicator, author, body, status, created_at, moderated_by, moderated_at";

fn publication_from_row(r: &AnyRow) -> Result<Publication> {
    Ok(Publication {
        id: r.try_get("id")?,
        document_id: r.try_get("document_id")?,
        title: r.try_get("title")?,
        snapshot: r.try_get("snapshot")?,
        published_by: r.try_get("published_by")?,
        published_at: r.try_get("published_at")?,
        unpublished_by: r.try_get("unpublished_by")?,
        unpublished_at: r.try_get("unpublished_at")?,
    })
}

fn feedback_from_row(r: &AnyRow) -> Result<Feedback> {
    let status: String = r.try_get("status")?;
    Ok(Feedback {
        id: r.try_get("id")?,
        publication_id: r.try_get("publication_id")?,
        indicator: r.try_get("indicator")?,
        author: r.try_get("author")?,
        body: r.try_get("body")?,
        status: FeedbackStatus::parse(&status).ok_or(StoreError::Corrupt {
            column: "feedback.status",
            value: status,
        })?,
        created_at: r.try_get("created_at")?,
        moderated_by: r.try_get("moderated_by")?,
        moderated_at: r.try_get("moderated_at")?,
    })
}

/// `s` trimmed, refused if longer than `max` characters or holding control
/// characters (new lines allowed where `lines`); empty is none.
fn text(s: Option<&str>, max: usize, lines: bool, what: &str) -> Result<Option<String>> {
    let Some(s) = s.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let bad_char = |c: char| c.is_control() && !(lines && (c == '\n' || c == '\r' || c == '\t'));
    if s.chars().count() > max || s.chars().any(bad_char) {
        return Err(StoreError::Portal(format!(
            "{what} has at most {max} characters and no control characters"
        )));
    }
    Ok(Some(s.to_string()))
}

fn must_moderate(user: &User) -> Result<()> {
    if reviews(user) {
        Ok(())
    } else {
        Err(StoreError::Forbidden(format!(
            "user {} ({}) may not moderate feedback: it needs a reviewer or an admin",
            user.name,
            user.role.as_str()
        )))
    }
}

impl Store {
    /// Publishes `snapshot` (the frozen evaluation, JSON) of the plan
    /// `document_id` under `title`, by `actor`; audited.
    pub async fn publish(
        &self,
        document_id: &str,
        title: &str,
        snapshot: &str,
        actor: &str,
    ) -> Result<Publication> {
        let title = text(Some(title), MAX_TITLE_CHARS, false, "a title")?
            .ok_or_else(|| StoreError::Portal("a publication has a title".into()))?;
        if serde_json::from_str::<serde_json::Value>(snapshot).is_err() {
            return Err(StoreError::Portal("the snapshot is no JSON".into()));
        }
        let mut tx = self.begin_write().await?;
        let known = sqlx::query("SELECT 1 AS one FROM documents WHERE id = $1")
            .bind(document_id.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if !known {
            return Err(StoreError::Portal(format!(
                "no stored document {document_id}"
            )));
        }
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM publications")
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("m")?
            + 1;
        let p = Publication {
            id,
            document_id: document_id.to_string(),
            title,
            snapshot: snapshot.to_string(),
            published_by: actor.to_string(),
            published_at: now(),
            unpublished_by: None,
            unpublished_at: None,
        };
        sqlx::query(
            "INSERT INTO publications (id, document_id, title, snapshot, published_by, published_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(p.id)
        .bind(p.document_id.clone())
        .bind(p.title.clone())
        .bind(p.snapshot.clone())
        .bind(p.published_by.clone())
        .bind(p.published_at)
        .execute(&mut *tx)
        .await?;
        audit_in(
            &mut tx,
            Some(actor),
            "publication.publish",
            &format!("publication:{id}"),
            None,
            Some(serde_json::json!({ "document": p.document_id, "title": p.title }).to_string()),
        )
        .await?;
        tx.commit().await?;
        Ok(p)
    }

    /// Unpublishes publication `id` (kept, no longer shown), by `actor`;
    /// audited. Refused if it was unpublished already.
    pub async fn unpublish(&self, id: i64, actor: &str) -> Result<Publication> {
        let mut tx = self.begin_write().await?;
        let sql = format!("SELECT {PUBLICATION_COLUMNS} FROM publications WHERE id = $1");
        let before = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NoSuchPublication(id))?;
        let before = publication_from_row(&before)?;
        if !before.published() {
            return Err(StoreError::Portal(format!(
                "publication {id} was unpublished already"
            )));
        }
        let after = Publication {
            unpublished_by: Some(actor.to_string()),
            unpublished_at: Some(now()),
            ..before.clone()
        };
        sqlx::query(
            "UPDATE publications SET unpublished_by = $1, unpublished_at = $2 WHERE id = $3",
        )
        .bind(after.unpublished_by.clone())
        .bind(after.unpublished_at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit_in(
            &mut tx,
            Some(actor),
            "publication.unpublish",
            &format!("publication:{id}"),
            Some(serde_json::json!({ "published": true }).to_string()),
            Some(serde_json::json!({ "published": false }).to_string()),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Publications, newest first: published ones only, or `all` of them.
    pub async fn publications(&self, all: bool) -> Result<Vec<Publication>> {
        let sql = format!(
            "SELECT {PUBLICATION_COLUMNS} FROM publications {} ORDER BY id DESC",
            if all {
                ""
            } else {
                "WHERE unpublished_at IS NULL"
            }
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter().map(publication_from_row).collect()
    }

    /// Publication `id`, published or not.
    pub async fn publication(&self, id: i64) -> Result<Option<Publication>> {
        let sql = format!("SELECT {PUBLICATION_COLUMNS} FROM publications WHERE id = $1");
        sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(publication_from_row)
            .transpose()
    }

    /// Stores a visitor's feedback on the published `publication_id` (on
    /// `indicator`, if one), pending moderation.
    pub async fn add_feedback(
        &self,
        publication_id: i64,
        indicator: Option<&str>,
        author: Option<&str>,
        body: &str,
    ) -> Result<Feedback> {
        let body = text(Some(body), MAX_FEEDBACK_CHARS, true, "feedback")?
            .ok_or_else(|| StoreError::Portal("feedback needs some words".into()))?;
        let author = text(author, MAX_AUTHOR_CHARS, false, "a name")?;
        let indicator = text(indicator, MAX_TITLE_CHARS, false, "an indicator")?;
        let mut tx = self.begin_write().await?;
        let published = sqlx::query(
            "SELECT 1 AS one FROM publications WHERE id = $1 AND unpublished_at IS NULL",
        )
        .bind(publication_id)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
        if !published {
            return Err(StoreError::NoSuchPublication(publication_id));
        }
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM feedback")
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("m")?
            + 1;
        let f = Feedback {
            id,
            publication_id,
            indicator,
            author,
            body,
            status: FeedbackStatus::Pending,
            created_at: now(),
            moderated_by: None,
            moderated_at: None,
        };
        sqlx::query(
            "INSERT INTO feedback (id, publication_id, indicator, author, body, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(f.id)
        .bind(f.publication_id)
        .bind(f.indicator.clone())
        .bind(f.author.clone())
        .bind(f.body.clone())
        .bind(f.status.as_str())
        .bind(f.created_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(f)
    }

    /// Feedback, newest first: of one status (all when `None`), on one
    /// publication (all when `None`).
    pub async fn feedback(
        &self,
        status: Option<FeedbackStatus>,
        publication_id: Option<i64>,
    ) -> Result<Vec<Feedback>> {
        let mut sql = format!("SELECT {FEEDBACK_COLUMNS} FROM feedback WHERE 1 = 1");
        let mut n = 0;
        if status.is_some() {
            n += 1;
            sql.push_str(&format!(" AND status = ${n}"));
        }
        if publication_id.is_some() {
            n += 1;
            sql.push_str(&format!(" AND publication_id = ${n}"));
        }
        sql.push_str(" ORDER BY id DESC");
        let mut q = sqlx::query(&sql);
        if let Some(s) = status {
            q = q.bind(s.as_str());
        }
        if let Some(p) = publication_id {
            q = q.bind(p);
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter().map(feedback_from_row).collect()
    }

    /// Approves (shown publicly) or rejects pending feedback `id`: by a
    /// reviewer or an admin; audited.
    pub async fn moderate_feedback(&self, id: i64, approve: bool, user: &User) -> Result<Feedback> {
        must_moderate(user)?;
        let mut tx = self.begin_write().await?;
        let sql = format!("SELECT {FEEDBACK_COLUMNS} FROM feedback WHERE id = $1");
        let before = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NoSuchFeedback(id))?;
        let before = feedback_from_row(&before)?;
        if before.status != FeedbackStatus::Pending {
            return Err(StoreError::Portal(format!(
                "feedback {id} is {} already",
                before.status.label_zh()
            )));
        }
        let after = Feedback {
            status: if approve {
                FeedbackStatus::Approved
            } else {
                FeedbackStatus::Rejected
            },
            moderated_by: Some(user.name.clone()),
            moderated_at: Some(now()),
            ..before.clone()
        };
        sqlx::query(
            "UPDATE feedback SET status = $1, moderated_by = $2, moderated_at = $3 WHERE id = $4",
        )
        .bind(after.status.as_str())
        .bind(after.moderated_by.clone())
        .bind(after.moderated_at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit_in(
            &mut tx,
            Some(&user.name),
            if approve {
                "feedback.approve"
            } else {
                "feedback.reject"
            },
            &format!("feedback:{id}"),
            Some(serde_json::json!({ "status": before.status.as_str() }).to_string()),
            Some(serde_json::json!({ "status": after.status.as_str() }).to_string()),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_checked() {
        assert_eq!(text(Some("  "), 10, false, "x").ok(), Some(None));
        assert_eq!(
            text(Some(" 好 "), 10, false, "x").ok(),
            Some(Some("好".to_string()))
        );
        assert!(text(Some("一\n二"), 10, false, "x").is_err());
        assert!(text(Some("一\n二"), 10, true, "x").is_ok());
        assert!(text(Some("一二三"), 2, true, "x").is_err());
        assert!(text(Some("a\u{0}b"), 10, true, "x").is_err());
    }

    #[test]
    fn statuses_read_back() {
        for s in FeedbackStatus::ALL {
            assert_eq!(FeedbackStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(FeedbackStatus::parse("deleted"), None);
    }
}
