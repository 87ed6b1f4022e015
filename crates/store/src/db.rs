//! Opening a store (SQLite file, in-memory SQLite, or PostgreSQL) and migrating its schema.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;

use sqlx::any::AnyPoolOptions;
use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::AnyPool;

use crate::{Result, StoreError};

/// Which database a store lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file (or memory).
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// The schema, one entry per migration; the same SQL serves both backends.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "documents and facts",
        include_str!("../migrations/0001_documents_and_facts.sql"),
    ),
    (
        2,
        "document sequence index",
        include_str!("../migrations/0002_document_sequence.sql"),
    ),
    (
        3,
        "accounts, sessions and audit",
        include_str!("../migrations/0003_accounts.sql"),
    ),
    (
        4,
        "per-user API tokens",
        include_str!("../migrations/0004_api_tokens.sql"),
    ),
    (
        5,
        "who answers for a fact",
        include_str!("../migrations/0005_fact_responsible.sql"),
    ),
    (
        6,
        "units and assignments",
        include_str!("../migrations/0006_units_and_assignments.sql"),
    ),
    (
        7,
        "reported values (填报) and their review",
        include_str!("../migrations/0007_submissions.sql"),
    ),
    (
        8,
        "reminders and escalations (督办)",
        include_str!("../migrations/0008_supervision.sql"),
    ),
    (
        9,
        "the public portal: publications and feedback",
        include_str!("../migrations/0009_portal.sql"),
    ),
    (
        10,
        "deputies' comments on targets",
        include_str!("../migrations/0010_comments.sql"),
    ),
    (
        11,
        "reporting calendars of plans",
        include_str!("../migrations/0011_reporting_calendar.sql"),
    ),
    (
        12,
        "evidence files on submissions",
        include_str!("../migrations/0012_evidence.sql"),
    ),
];

#[derive(Debug)]
struct Embedded;

impl MigrationSource<'static> for Embedded {
    fn resolve(
        self,
    ) -> Pin<Box<dyn Future<Output = std::result::Result<Vec<Migration>, BoxDynError>> + Send>>
    {
        Box::pin(async move {
            Ok(MIGRATIONS
                .iter()
                .map(|(v, d, sql)| {
                    Migration::new(
                        *v,
                        Cow::Borrowed(d),
                        MigrationType::Simple,
                        Cow::Borrowed(sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

/// Documents and facts in SQLite or PostgreSQL, through one sqlx code path.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    backend: Backend,
    location: String,
}

/// Removes a password from a database URL for messages.
pub fn redact(location: &str) -> String {
    match (location.find("://"), location.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &location[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &location[..s + 3], &location[at..]),
                None => location.to_string(),
            }
        }
        _ => location.to_string(),
    }
}

impl Store {
    /// Opens (creating if needed) the store at `location` and migrates it:
    /// `postgres://…` is a PostgreSQL server, `:memory:` an in-memory SQLite
    /// database, `sqlite:…` a SQLite URL, and anything else a SQLite file path.
    pub async fn open(location: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let (backend, url) =
            if location.starts_with("postgres://") || location.starts_with("postgresql://") {
                (Backend::Postgres, location.to_string())
            } else if location == ":memory:" || location == "sqlite::memory:" {
                (Backend::Sqlite, "sqlite::memory:".to_string())
            } else if location.starts_with("sqlite:") {
                (Backend::Sqlite, location.to_string())
            } else {
                (Backend::Sqlite, format!("sqlite://{location}?mode=rwc"))
            };
        let memory = url == "sqlite::memory:";
        let mut options = AnyPoolOptions::new();
        options = match (backend, memory) {
            // One connection that never closes: each connection to :memory: is its own database.
            (Backend::Sqlite, true) => options
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None),
            // Writers waiting their turn for the write lock each hold a
            // connection: leave enough for readers (health, pages, snapshots).
            (Backend::Sqlite, false) => options.max_connections(8).after_connect(|conn, _| {
                Box::pin(async move {
                    sqlx::query("PRAGMA journal_mode = WAL")
                        .execute(&mut *conn)
                        .await?;
                    sqlx::query("PRAGMA busy_timeout = 10000")
                        .execute(&mut *conn)
                        .await?;
                    Ok(())
                })
            }),
            (Backend::Postgres, _) => options.max_connections(4),
        };
        let pool = options
            .connect(&url)
            .await
            .map_err(|source| StoreError::Open {
                location: redact(location),
                source,
            })?;
        let store = Store {
            pool,
            backend,
            location: redact(location),
        };
        store.migrate().await?;
        Ok(store)
    }

    /// A fresh in-memory SQLite store (for tests and dry runs).
    pub async fn in_memory() -> Result<Store> {
        Store::open(":memory:").await
    }

    /// Brings the schema up to date (idempotent, safe with several processes opening at once).
    pub async fn migrate(&self) -> Result<()> {
        let migrator = Migrator::new(Embedded).await?;
        match self.backend {
            // sqlx takes an advisory lock on PostgreSQL.
            Backend::Postgres => migrator.run(&self.pool).await?,
            // sqlx does not lock SQLite: two processes opening a new file would both
            // create the tables. Holding the write lock (each migration then runs in a
            // savepoint) makes the second wait and find the schema done.
            Backend::Sqlite => {
                let mut tx = self.begin_immediate().await?;
                // `run` over a transaction makes `Store::open`'s future not `Send`
                // (higher-ranked `Acquire`); `run_direct` is what `run` calls.
                migrator.run_direct(&mut *tx).await?;
                tx.commit().await?;
            }
        }
        Ok(())
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Where the store is, password removed.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("./planwatch.db"), "./planwatch.db");
    }
}
