//! Deputies' comments (人大代表, issue 10): migration `0010_comments.sql`.
//!
//! A deputy reads everything and comments on targets. A comment is one
//! row on one target (a fact of kind target, by its `FactId`), with its
//! author and time; only a deputy may write one, anyone the caller lets read
//! may read them (the server shows them to logged-in users). Comments are
//! appended, never changed or deleted, and each is a line of the audit trail.

use planwatch_catalog::FactId;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::accounts::{audit_in, now};
use crate::{Result, Role, Store, StoreError, User};

/// Longest comment accepted, in characters.
pub const MAX_COMMENT_CHARS: usize = 2000;

/// A deputy's comment on a target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    /// Row id, in the order written.
    pub id: i64,
    /// The target's document key.
    pub document_id: String,
    /// The target's position in its document.
    pub ord: i64,
    /// Who wrote it (a user name).
    pub author: String,
    /// The text.
    pub body: String,
    /// When (Unix seconds).
    pub created_at: i64,
}

impl Comment {
    /// The target it is on.
    pub fn fact_id(&self) -> FactId {
        FactId::new(self.document_id.clone(), self.ord)
    }
}

const COMMENT_COLUMNS: &str = "id, document_id, ord, author, body, created_at";

fn comment_from_row(r: &AnyRow) -> Result<Comment> {
    Ok(Comment {
        id: r.try_get("id")?,
        document_id: r.try_get("document_id")?,
        ord: r.try_get("ord")?,
        author: r.try_get("author")?,
        body: r.try_get("body")?,
        created_at: r.try_get("created_at")?,
    })
}

/// `body` trimmed: 1 to [`MAX_COMMENT_CHARS`] characters, no control
/// characters but new lines and tabs.
fn checked_body(body: &str) -> Result<String> {
    let body = body.trim();
    let bad = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if body.is_empty() || body.chars().count() > MAX_COMMENT_CHARS || body.chars().any(bad) {
        return Err(StoreError::Comment(format!(
            "a comment has 1 to {MAX_COMMENT_CHARS} characters and no control characters"
        )));
    }
    Ok(body.to_string())
}

impl Store {
    /// The comments on target `fact`, oldest first.
    pub async fn comments(&self, fact: &FactId) -> Result<Vec<Comment>> {
        let sql = format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE document_id = $1 AND ord = $2 ORDER BY id"
        );
        let rows = sqlx::query(&sql)
            .bind(fact.doc.clone())
            .bind(fact.ord)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(comment_from_row).collect()
    }

    /// The comments on every target of document `document_id`, oldest first.
    pub async fn document_comments(&self, document_id: &str) -> Result<Vec<Comment>> {
        let sql =
            format!("SELECT {COMMENT_COLUMNS} FROM comments WHERE document_id = $1 ORDER BY id");
        let rows = sqlx::query(&sql)
            .bind(document_id.to_string())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(comment_from_row).collect()
    }

    /// Adds `user`'s comment `body` on target `fact`: deputies only
    /// ([`StoreError::Forbidden`] for other roles), on a stored target
    /// ([`StoreError::NoSuchFact`], or [`StoreError::Unit`] for an achieved
    /// value); audited as `comment.add`.
    pub async fn add_comment(&self, fact: &FactId, body: &str, user: &User) -> Result<Comment> {
        if user.role != Role::Deputy {
            return Err(StoreError::Forbidden(format!(
                "user {} ({}) may not comment on targets: it needs a deputy",
                user.name,
                user.role.as_str()
            )));
        }
        let body = checked_body(body)?;
        let mut tx = self.begin_write().await?;
        crate::units::must_be_target(&mut tx, fact, "commented on").await?;
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM comments")
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("m")?
            + 1;
        let c = Comment {
            id,
            document_id: fact.doc.clone(),
            ord: fact.ord,
            author: user.name.clone(),
            body,
            created_at: now(),
        };
        sqlx::query(
            "INSERT INTO comments (id, document_id, ord, author, body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(c.id)
        .bind(c.document_id.clone())
        .bind(c.ord)
        .bind(c.author.clone())
        .bind(c.body.clone())
        .bind(c.created_at)
        .execute(&mut *tx)
        .await?;
        audit_in(
            &mut tx,
            Some(&user.name),
            "comment.add",
            &format!("target:{fact}"),
            None,
            Some(serde_json::json!({ "comment": c.id, "body": c.body }).to_string()),
        )
        .await?;
        tx.commit().await?;
        Ok(c)
    }
}
