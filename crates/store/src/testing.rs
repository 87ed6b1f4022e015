//! Test support: a fresh PostgreSQL database per test, so suites can run in parallel.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;

use crate::Result;

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// `base` with its database name replaced by `db`.
pub fn with_database(base: &str, db: &str) -> String {
    let (main, query) = match base.split_once('?') {
        Some((m, q)) => (m, Some(q)),
        None => (base, None),
    };
    let host_start = main.find("://").map_or(0, |i| i + 3);
    let prefix = match main[host_start..].find('/') {
        Some(slash) => &main[..host_start + slash],
        None => main,
    };
    match query {
        Some(q) => format!("{prefix}/{db}?{q}"),
        None => format!("{prefix}/{db}"),
    }
}

/// Creates an empty database on the server of `base` (a PostgreSQL URL) and
/// returns its URL. The name starts with `pw_` and the given label.
pub async fn fresh_postgres(base: &str, label: &str) -> Result<String> {
    let clean: String = label
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .take(30)
        .collect();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let name = format!(
        "pw_{}_{}_{}_{}",
        clean.to_lowercase(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos % 100_000
    );
    let mut conn = sqlx::PgConnection::connect(base).await?;
    sqlx::query(&format!("CREATE DATABASE \"{name}\""))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(with_database(base, &name))
}

/// Drops a database made by [`fresh_postgres`] (ignores one that is gone).
pub async fn drop_postgres(base: &str, url: &str) -> Result<()> {
    let name = url
        .split('?')
        .next()
        .and_then(|m| m.rsplit('/').next())
        .unwrap_or_default();
    if !name.starts_with("pw_") {
        return Ok(());
    }
    let mut conn = sqlx::PgConnection::connect(base).await?;
    sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            with_database("postgres://u@h:5432/planwatch_test", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(
            with_database("postgres://u@h/db?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
    }
}
