//! Reading: documents, revisions, facts by filter, indicator names and totals.

use planwatch_core::{DocumentInfo, Fact};
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::model::{
    parse_attribute, parse_comparator, parse_doc_type, parse_kind, parse_measure, Counts,
    FactFilter, StoredDocument, StoredFact,
};
use crate::{Result, Store};

pub(crate) const DOC_COLUMNS: &str = "d.id, d.name, d.revision, d.origin, d.path, d.format, d.title, d.region, d.doc_type, \
     d.period_start, d.period_end, d.year, d.issuer, d.number, d.fact_count, d.seq, d.ingested_at, \
     CASE WHEN d.revision = (SELECT MAX(d2.revision) FROM documents d2 WHERE d2.name = d.name) THEN 1 ELSE 0 END AS is_current";

/// The condition a current revision meets (documents as `d`).
pub(crate) const CURRENT: &str =
    "d.revision = (SELECT MAX(d2.revision) FROM documents d2 WHERE d2.name = d.name)";

/// The columns [`fact_from_row`] reads (facts as `f`; the document name comes apart).
pub(crate) const FACT_COLUMNS: &str =
    "f.document_id, f.ord, f.kind, f.indicator, f.region, f.year, f.value, f.value_max, f.unit, f.measure, \
     f.comparator, f.attribute, f.goal_text, f.quote, f.section, f.start_offset, f.end_offset, f.responsible";

fn opt_i32(row: &AnyRow, col: &str) -> Result<Option<i32>> {
    Ok(row
        .try_get::<Option<i64>, _>(col)?
        .and_then(|v| i32::try_from(v).ok()))
}

pub(crate) fn doc_from_row(row: &AnyRow) -> Result<StoredDocument> {
    let doc_type: String = row.try_get("doc_type")?;
    Ok(StoredDocument {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        revision: row.try_get("revision")?,
        origin: row.try_get("origin")?,
        path: row.try_get("path")?,
        format: row.try_get("format")?,
        info: DocumentInfo {
            title: row.try_get("title")?,
            region: row.try_get("region")?,
            doc_type: parse_doc_type(&doc_type)?,
            period_start: opt_i32(row, "period_start")?,
            period_end: opt_i32(row, "period_end")?,
            year: opt_i32(row, "year")?,
            issuer: row.try_get("issuer")?,
            number: row.try_get("number")?,
        },
        fact_count: row.try_get("fact_count")?,
        seq: row.try_get("seq")?,
        ingested_at: row.try_get("ingested_at")?,
        current: row.try_get::<i64, _>("is_current")? == 1,
    })
}

pub(crate) fn fact_from_row(row: &AnyRow, doc_name: String) -> Result<StoredFact> {
    let kind: String = row.try_get("kind")?;
    let measure: String = row.try_get("measure")?;
    let comparator: String = row.try_get("comparator")?;
    let offset = |c: &str| -> Result<Option<usize>> {
        Ok(row
            .try_get::<Option<i64>, _>(c)?
            .and_then(|v| usize::try_from(v).ok()))
    };
    Ok(StoredFact {
        document_id: row.try_get("document_id")?,
        ord: row.try_get("ord")?,
        fact: Fact {
            doc: doc_name,
            kind: parse_kind(&kind)?,
            indicator: row.try_get("indicator")?,
            region: row.try_get("region")?,
            year: opt_i32(row, "year")?,
            value: row.try_get("value")?,
            value_max: row.try_get("value_max")?,
            unit: row.try_get("unit")?,
            measure: parse_measure(&measure)?,
            comparator: parse_comparator(&comparator)?,
            attribute: parse_attribute(row.try_get("attribute")?)?,
            text: row.try_get("goal_text")?,
            quote: row.try_get("quote")?,
            section: row.try_get("section")?,
            start: offset("start_offset")?,
            end: offset("end_offset")?,
            // (A value this version cannot read is left out, not an error.)
            responsible: row
                .try_get::<Option<String>, _>("responsible")?
                .and_then(|j| serde_json::from_str(&j).ok()),
        },
    })
}

/// A region without its level suffix, so `锦州市` also finds facts saying `锦州`.
fn region_stem(r: &str) -> &str {
    let r = r.trim();
    match r.strip_suffix(['市', '省', '县', '区']) {
        Some(stem) if stem.chars().count() >= 2 => stem,
        _ => r,
    }
}

/// A bind value for dynamically built queries.
enum Arg {
    Text(String),
    Int(i64),
}

impl Store {
    /// The revision whose content hash is `id`.
    pub async fn document_by_id(&self, id: &str) -> Result<Option<StoredDocument>> {
        let sql = format!("SELECT {DOC_COLUMNS} FROM documents d WHERE d.id = $1");
        let row = sqlx::query(&sql)
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(doc_from_row).transpose()
    }

    /// The current revision of the document named `name`, or the revision whose id starts with it.
    pub async fn find_document(&self, name_or_id: &str) -> Result<Option<StoredDocument>> {
        let sql = format!(
            "SELECT {DOC_COLUMNS} FROM documents d WHERE (d.name = $1 AND {CURRENT}) OR (LENGTH($1) >= 6 AND d.id LIKE $2) \
             ORDER BY d.seq DESC"
        );
        let row = sqlx::query(&sql)
            .bind(name_or_id.to_string())
            .bind(format!("{name_or_id}%"))
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(doc_from_row).transpose()
    }

    /// Every document, in ingestion order; only current revisions unless `all_revisions`.
    pub async fn documents(&self, all_revisions: bool) -> Result<Vec<StoredDocument>> {
        let filter = if all_revisions {
            "1 = 1".to_string()
        } else {
            CURRENT.to_string()
        };
        let sql = format!("SELECT {DOC_COLUMNS} FROM documents d WHERE {filter} ORDER BY d.seq");
        sqlx::query(&sql)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(doc_from_row)
            .collect()
    }

    /// Every revision stored after sequence number `seq`, in sequence order, each
    /// marked current or not as of this one query.
    pub async fn documents_after(&self, seq: i64) -> Result<Vec<StoredDocument>> {
        let sql = format!("SELECT {DOC_COLUMNS} FROM documents d WHERE d.seq > $1 ORDER BY d.seq");
        sqlx::query(&sql)
            .bind(seq)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(doc_from_row)
            .collect()
    }

    /// The highest sequence number stored (0 for an empty store).
    pub async fn last_seq(&self) -> Result<i64> {
        Ok(
            sqlx::query("SELECT COALESCE(MAX(seq), 0) AS s FROM documents")
                .fetch_one(&self.pool)
                .await?
                .try_get::<i64, _>("s")?,
        )
    }

    /// Every revision stored under `name`, oldest first.
    pub async fn revisions(&self, name: &str) -> Result<Vec<StoredDocument>> {
        let sql =
            format!("SELECT {DOC_COLUMNS} FROM documents d WHERE d.name = $1 ORDER BY d.revision");
        sqlx::query(&sql)
            .bind(name.to_string())
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(doc_from_row)
            .collect()
    }

    /// The text a document's quotes refer to.
    pub async fn document_text(&self, id: &str) -> Result<Option<String>> {
        let row = sqlx::query("SELECT body FROM documents WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.try_get::<String, _>("body")).transpose()?)
    }

    /// Facts matching `filter`, by document ingestion order then position.
    pub async fn facts(&self, filter: &FactFilter) -> Result<Vec<StoredFact>> {
        let mut sql = format!(
            "SELECT {FACT_COLUMNS}, d.name AS doc_name \
             FROM facts f JOIN documents d ON d.id = f.document_id WHERE 1 = 1"
        );
        let mut args: Vec<Arg> = Vec::new();
        let mut push = |sql: &mut String, clause: &str, arg: Arg| {
            args.push(arg);
            sql.push_str(&clause.replace("$?", &format!("${}", args.len())));
        };
        if !filter.all_revisions {
            sql.push_str(&format!(" AND {CURRENT}"));
        }
        if let Some(doc) = &filter.doc {
            push(&mut sql, " AND (d.name = $?", Arg::Text(doc.clone()));
            if doc.len() >= 6 {
                push(&mut sql, " OR d.id LIKE $?", Arg::Text(format!("{doc}%")));
            }
            sql.push(')');
        }
        if let Some(names) = &filter.indicators {
            if names.is_empty() {
                return Ok(Vec::new());
            }
            sql.push_str(" AND f.indicator IN (");
            for (i, n) in names.iter().enumerate() {
                push(
                    &mut sql,
                    if i == 0 { "$?" } else { ", $?" },
                    Arg::Text(n.clone()),
                );
            }
            sql.push(')');
        }
        if let Some(r) = &filter.region {
            let like = format!("%{}%", region_stem(r));
            push(&mut sql, " AND (f.region LIKE $?", Arg::Text(like.clone()));
            push(
                &mut sql,
                " OR (f.region IS NULL AND d.region LIKE $?))",
                Arg::Text(like),
            );
        }
        if let Some(y) = filter.year {
            push(&mut sql, " AND f.year = $?", Arg::Int(i64::from(y)));
        }
        if let Some(k) = filter.kind {
            push(
                &mut sql,
                " AND f.kind = $?",
                Arg::Text(k.as_str().to_string()),
            );
        }
        sql.push_str(" ORDER BY d.seq, f.ord");
        let mut q = sqlx::query(&sql);
        for a in args {
            q = match a {
                Arg::Text(s) => q.bind(s),
                Arg::Int(i) => q.bind(i),
            };
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| fact_from_row(r, r.try_get("doc_name")?))
            .collect()
    }

    /// Every indicator name as written in current revisions, with its number of facts.
    pub async fn indicator_names(&self) -> Result<Vec<(String, i64)>> {
        let sql = format!(
            "SELECT f.indicator, COUNT(*) AS n FROM facts f JOIN documents d ON d.id = f.document_id \
             WHERE {CURRENT} GROUP BY f.indicator ORDER BY f.indicator"
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok((r.try_get("indicator")?, r.try_get("n")?)))
            .collect()
    }

    /// Totals.
    pub async fn counts(&self) -> Result<Counts> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(DISTINCT name) FROM documents) AS docs, (SELECT COUNT(*) FROM documents) AS revs, \
             (SELECT COUNT(*) FROM facts) AS facts",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(Counts {
            documents: row.try_get("docs")?,
            revisions: row.try_get("revs")?,
            facts: row.try_get("facts")?,
        })
    }

    /// Documents whose stored fact count differs from their facts rows (always empty:
    /// a document and its facts are written in one transaction).
    pub async fn incomplete_documents(&self) -> Result<Vec<String>> {
        let rows = sqlx::query(
            "SELECT d.name FROM documents d WHERE d.fact_count <> (SELECT COUNT(*) FROM facts f WHERE f.document_id = d.id)",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>("name")?))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::region_stem;

    #[test]
    fn region_stems() {
        assert_eq!(region_stem("锦州市"), "锦州");
        assert_eq!(region_stem(" 黑山县 "), "黑山");
        assert_eq!(region_stem("锦州"), "锦州");
        assert_eq!(region_stem("义县"), "义县");
    }
}
