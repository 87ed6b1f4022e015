//! Evidence files on submissions (佐证材料, issue 10): migration `0012_evidence.sql`.
//!
//! A reporter of a submission's unit attaches files to it while it is a
//! draft (or returned): PDF, images (PNG, JPEG, GIF, WebP) and office
//! documents (DOCX, XLSX, PPTX, ODT, ODS, and the older DOC, XLS, PPT), at
//! most [`MAX_EVIDENCE_BYTES`] each and [`MAX_FILES`] in force per
//! submission. The type is read from the content ([`sniff`]), never from
//! the name alone: anything else (HTML, SVG, scripts, archives) is refused,
//! and so is a name whose extension says another type than the content.
//!
//! The bytes are kept in the database, content-addressed by SHA-256 (table
//! `evidence_blobs`, one row per content), so SQLite and PostgreSQL
//! deployments keep files and records together, in one transaction and
//! one backup. Whoever may read the submission ([`Store::submission`]:
//! its unit's reporters, reviewers, admins) lists and reads its files; a
//! reporter of another unit finds none (as for the submission itself).
//! A file is never deleted: withdrawing it ([`Store::withdraw_evidence`])
//! marks it, and every change is a line of the audit trail.

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::accounts::{audit_in, now};
use crate::submissions::{must_be, must_report_for, submission_in};
use crate::{Result, Store, StoreError, SubmissionStatus, User};

/// Largest evidence file accepted, in bytes (10 MiB).
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;
/// Most files in force (not withdrawn) on one submission.
pub const MAX_FILES: i64 = 20;
/// Longest file name kept, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// A type of file accepted as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    /// The content type it is served with.
    pub content_type: &'static str,
    /// The extensions a name of it may have (first: the one given to a name without).
    pub extensions: &'static [&'static str],
}

const PDF: FileKind = FileKind {
    content_type: "application/pdf",
    extensions: &["pdf"],
};
const PNG: FileKind = FileKind {
    content_type: "image/png",
    extensions: &["png"],
};
const JPEG: FileKind = FileKind {
    content_type: "image/jpeg",
    extensions: &["jpg", "jpeg"],
};
const GIF: FileKind = FileKind {
    content_type: "image/gif",
    extensions: &["gif"],
};
const WEBP: FileKind = FileKind {
    content_type: "image/webp",
    extensions: &["webp"],
};
const DOCX: FileKind = FileKind {
    content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: &["docx"],
};
const XLSX: FileKind = FileKind {
    content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: &["xlsx"],
};
const PPTX: FileKind = FileKind {
    content_type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: &["pptx"],
};
const ODT: FileKind = FileKind {
    content_type: "application/vnd.oasis.opendocument.text",
    extensions: &["odt"],
};
const ODS: FileKind = FileKind {
    content_type: "application/vnd.oasis.opendocument.spreadsheet",
    extensions: &["ods"],
};
/// The older Office formats (OLE2 compound files: DOC, XLS, PPT).
const OLE: FileKind = FileKind {
    content_type: "application/octet-stream",
    extensions: &["doc", "xls", "ppt"],
};

fn find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The type of `bytes` by their content, if it is one accepted as evidence.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    let starts = |p: &[u8]| bytes.starts_with(p);
    if starts(b"%PDF-") {
        return Some(PDF);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Some(PNG);
    }
    if starts(b"\xff\xd8\xff") {
        return Some(JPEG);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Some(GIF);
    }
    if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some(WEBP);
    }
    if starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return Some(OLE);
    }
    if starts(b"PK\x03\x04") {
        // OpenDocument: its first entry, `mimetype`, stored uncompressed.
        let head = &bytes[..bytes.len().min(200)];
        if find(head, b"mimetypeapplication/vnd.oasis.opendocument.text") {
            return Some(ODT);
        }
        if find(
            head,
            b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
        ) {
            return Some(ODS);
        }
        // Office Open XML: a content-types part and the main part's folder
        // (entry names are stored uncompressed in the local headers).
        if find(bytes, b"[Content_Types].xml") {
            if find(bytes, b"word/document.xml") {
                return Some(DOCX);
            }
            if find(bytes, b"xl/workbook.xml") {
                return Some(XLSX);
            }
            if find(bytes, b"ppt/presentation.xml") {
                return Some(PPTX);
            }
        }
    }
    None
}

/// An uploaded name cleaned: its last path part, no control characters or
/// quotes, at most [`MAX_NAME_CHARS`] characters; `evidence` if nothing is left.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '\u{202e}'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        return "evidence".into();
    }
    let n = cleaned.chars().count();
    if n <= MAX_NAME_CHARS {
        return cleaned.to_string();
    }
    // Keep the extension of a long name.
    let ext = cleaned
        .rsplit_once('.')
        .map(|(_, e)| e)
        .filter(|e| e.chars().count() <= 8)
        .unwrap_or("");
    let keep = MAX_NAME_CHARS - ext.chars().count() - 1;
    let stem: String = cleaned.chars().take(keep).collect();
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

/// The name checked against its content's kind: a name without a known
/// extension gets the kind's; one with another kind's extension is refused.
fn named(name: &str, kind: FileKind) -> Result<String> {
    let name = clean_name(name);
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if kind.extensions.contains(&ext.as_str()) {
        return Ok(name);
    }
    if ext.is_empty() || !ext.chars().all(|c| c.is_ascii_alphanumeric()) || ext.len() > 5 {
        return Ok(format!("{name}.{}", kind.extensions[0]));
    }
    Err(StoreError::Evidence(format!(
        "the file's content is {} but its name ends in .{ext}",
        kind.extensions.join("/")
    )))
}

/// An evidence file's record (without its bytes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// Row id.
    pub id: i64,
    /// The submission it is attached to.
    pub submission_id: i64,
    /// SHA-256 of its content (hex).
    pub sha256: String,
    /// Its name as uploaded, cleaned.
    pub name: String,
    /// The type its content was read as.
    pub content_type: String,
    /// Its size in bytes.
    pub size: i64,
    /// Who attached it.
    pub uploaded_by: String,
    /// When (Unix seconds).
    pub uploaded_at: i64,
    /// Who withdrew it, if withdrawn.
    pub withdrawn_by: Option<String>,
    /// When it was withdrawn.
    pub withdrawn_at: Option<i64>,
}

impl Evidence {
    /// Whether it is in force (not withdrawn).
    pub fn active(&self) -> bool {
        self.withdrawn_at.is_none()
    }

    fn audit_json(&self) -> String {
        serde_json::json!({
            "submission": self.submission_id,
            "name": self.name,
            "content_type": self.content_type,
            "size": self.size,
            "sha256": self.sha256,
            "withdrawn_by": self.withdrawn_by,
        })
        .to_string()
    }
}

const EVIDENCE_COLUMNS: &str = "id, submission_id, sha256, name, content_type, size, \
     uploaded_by, uploaded_at, withdrawn_by, withdrawn_at";

fn evidence_from_row(r: &AnyRow) -> Result<Evidence> {
    Ok(Evidence {
        id: r.try_get("id")?,
        submission_id: r.try_get("submission_id")?,
        sha256: r.try_get("sha256")?,
        name: r.try_get("name")?,
        content_type: r.try_get("content_type")?,
        size: r.try_get("size")?,
        uploaded_by: r.try_get("uploaded_by")?,
        uploaded_at: r.try_get("uploaded_at")?,
        withdrawn_by: r.try_get("withdrawn_by")?,
        withdrawn_at: r.try_get("withdrawn_at")?,
    })
}

const EDITABLE: &[SubmissionStatus] = &[SubmissionStatus::Draft, SubmissionStatus::Returned];

impl Store {
    /// Attaches the file `bytes` named `name` to submission `id`: by a
    /// reporter of its unit, while it is a draft or returned. Refused with
    /// [`StoreError::Evidence`] when empty, larger than
    /// [`MAX_EVIDENCE_BYTES`], of no accepted type ([`sniff`]), named as
    /// another type, or over [`MAX_FILES`]. Audited (`evidence.add`).
    pub async fn attach_evidence(
        &self,
        id: i64,
        name: &str,
        bytes: &[u8],
        user: &User,
    ) -> Result<Evidence> {
        if bytes.is_empty() || bytes.len() > MAX_EVIDENCE_BYTES {
            return Err(StoreError::Evidence(format!(
                "an evidence file has 1 byte to {} MB",
                MAX_EVIDENCE_BYTES / (1024 * 1024)
            )));
        }
        let kind = sniff(bytes).ok_or_else(|| {
            StoreError::Evidence(
                "evidence is a PDF, an image (PNG, JPEG, GIF, WebP) or an office document \
                 (DOCX, XLSX, PPTX, ODT, ODS, DOC, XLS, PPT): the file's content is none of them"
                    .into(),
            )
        })?;
        let name = named(name, kind)?;
        let sha256: String = Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let mut tx = self.begin_write().await?;
        let s = submission_in(&mut tx, id).await?;
        must_report_for(&mut tx, user, &s).await?;
        must_be(&s, EDITABLE, "given evidence")?;
        let count: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM evidence WHERE submission_id = $1 AND withdrawn_at IS NULL",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?
        .try_get("n")?;
        if count >= MAX_FILES {
            return Err(StoreError::Evidence(format!(
                "submission {id} has {MAX_FILES} evidence files already: withdraw one first"
            )));
        }
        let stored = sqlx::query("SELECT 1 AS one FROM evidence_blobs WHERE sha256 = $1")
            .bind(sha256.clone())
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if !stored {
            sqlx::query("INSERT INTO evidence_blobs (sha256, size, bytes) VALUES ($1, $2, $3)")
                .bind(sha256.clone())
                .bind(bytes.len() as i64)
                .bind(bytes.to_vec())
                .execute(&mut *tx)
                .await?;
        }
        let eid: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM evidence")
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("m")?
            + 1;
        let e = Evidence {
            id: eid,
            submission_id: id,
            sha256,
            name,
            content_type: kind.content_type.to_string(),
            size: bytes.len() as i64,
            uploaded_by: user.name.clone(),
            uploaded_at: now(),
            withdrawn_by: None,
            withdrawn_at: None,
        };
        sqlx::query(
            "INSERT INTO evidence (id, submission_id, sha256, name, content_type, size, \
             uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(e.id)
        .bind(e.submission_id)
        .bind(e.sha256.clone())
        .bind(e.name.clone())
        .bind(e.content_type.clone())
        .bind(e.size)
        .bind(e.uploaded_by.clone())
        .bind(e.uploaded_at)
        .execute(&mut *tx)
        .await?;
        audit_in(
            &mut tx,
            Some(&user.name),
            "evidence.add",
            &format!("submission:{id}"),
            None,
            Some(e.audit_json()),
        )
        .await?;
        tx.commit().await?;
        Ok(e)
    }

    /// The evidence files of submission `id`, withdrawn ones too, oldest
    /// first: for whoever may read the submission ([`Store::submission`]).
    pub async fn evidence_of(&self, id: i64, user: &User) -> Result<Vec<Evidence>> {
        self.submission(id, user).await?;
        let sql =
            format!("SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE submission_id = $1 ORDER BY id");
        sqlx::query(&sql)
            .bind(id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(evidence_from_row)
            .collect()
    }

    /// Evidence file `id` and its bytes, for whoever may read its
    /// submission; anyone else (another unit's reporter included) finds
    /// none ([`StoreError::NoSuchEvidence`]) or is refused (another role).
    pub async fn evidence_file(&self, id: i64, user: &User) -> Result<(Evidence, Vec<u8>)> {
        let e = self.evidence_row(id).await?;
        match self.submission(e.submission_id, user).await {
            Ok(_) => {}
            Err(StoreError::NoSuchSubmission(_)) => return Err(StoreError::NoSuchEvidence(id)),
            Err(other) => return Err(other),
        }
        let bytes: Vec<u8> = sqlx::query("SELECT bytes FROM evidence_blobs WHERE sha256 = $1")
            .bind(e.sha256.clone())
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::Corrupt {
                column: "evidence.sha256",
                value: e.sha256.clone(),
            })?
            .try_get("bytes")?;
        Ok((e, bytes))
    }

    async fn evidence_row(&self, id: i64) -> Result<Evidence> {
        let sql = format!("SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NoSuchEvidence(id))?;
        evidence_from_row(&row)
    }

    /// Withdraws evidence file `id`: by a reporter of its submission's
    /// unit while the submission is a draft or returned. The file and its
    /// record stay, marked withdrawn; audited (`evidence.withdraw`).
    pub async fn withdraw_evidence(&self, id: i64, user: &User) -> Result<Evidence> {
        let mut tx = self.begin_write().await?;
        let sql = format!("SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE id = $1");
        let before = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NoSuchEvidence(id))?;
        let before = evidence_from_row(&before)?;
        let s = submission_in(&mut tx, before.submission_id).await?;
        match must_report_for(&mut tx, user, &s).await {
            Ok(()) => {}
            Err(StoreError::NoSuchSubmission(_)) => return Err(StoreError::NoSuchEvidence(id)),
            Err(other) => return Err(other),
        }
        must_be(&s, EDITABLE, "changed")?;
        if !before.active() {
            return Err(StoreError::Evidence(format!(
                "evidence file {id} was withdrawn already"
            )));
        }
        let after = Evidence {
            withdrawn_by: Some(user.name.clone()),
            withdrawn_at: Some(now()),
            ..before.clone()
        };
        sqlx::query("UPDATE evidence SET withdrawn_by = $1, withdrawn_at = $2 WHERE id = $3")
            .bind(after.withdrawn_by.clone())
            .bind(after.withdrawn_at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        audit_in(
            &mut tx,
            Some(&user.name),
            "evidence.withdraw",
            &format!("submission:{}", before.submission_id),
            Some(before.audit_json()),
            Some(after.audit_json()),
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
    fn types_are_read_from_the_content() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(PDF));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), Some(PNG));
        assert_eq!(sniff(b"\xff\xd8\xff\xe0"), Some(JPEG));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(WEBP));
        let docx = b"PK\x03\x04....[Content_Types].xml....PK\x03\x04word/document.xml";
        assert_eq!(sniff(docx), Some(DOCX));
        for bad in [
            &b"<html><script>alert(1)</script>"[..],
            b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            b"<svg onload=alert(1)>",
            b"MZ\x90\0",
            b"PK\x03\x04 just a zip",
            b"plain text",
        ] {
            assert_eq!(sniff(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn names_are_cleaned_and_must_agree_with_the_content() {
        assert_eq!(clean_name("C:\\fakepath\\统计表.pdf"), "统计表.pdf");
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("a\"b\r\n.pdf"), "ab.pdf");
        assert_eq!(clean_name("..."), "evidence");
        let long = format!("{}.pdf", "长".repeat(300));
        assert_eq!(clean_name(&long).chars().count(), MAX_NAME_CHARS);
        assert!(clean_name(&long).ends_with(".pdf"));
        assert_eq!(named("scan.PDF", PDF).ok().as_deref(), Some("scan.PDF"));
        assert_eq!(named("scan", PDF).ok().as_deref(), Some("scan.pdf"));
        assert!(named("page.html", PDF).is_err());
        assert!(named("photo.svg", PNG).is_err());
    }
}
