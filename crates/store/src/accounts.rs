//! Accounts: users with a role, the 单位 (departments) a reporter belongs
//! to, login sessions, lock-out after repeated wrong passwords, and the
//! append-only audit trail of changes to users.
//!
//! Passwords are kept as argon2id hashes in PHC strings (`$argon2id$v=19$…`),
//! salted with 16 random bytes each; hashing and checking run on tokio's
//! blocking pool. A session is a random 256-bit token given to the client;
//! the store keeps only its SHA-256, so reading the table gives no usable
//! session. After [`MAX_FAILED_LOGINS`] wrong passwords in a row an account
//! is locked for [`LOCK_SECONDS`]: even the right password is refused until
//! then. Every change to a user (created, password set, locked) is written to
//! the audit table in the same transaction as the change.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::{Result, Store, StoreError};

/// Wrong passwords in a row that lock an account.
pub const MAX_FAILED_LOGINS: i64 = 5;
/// How long a locked account stays locked, in seconds.
pub const LOCK_SECONDS: i64 = 15 * 60;
/// Shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password accepted, in bytes (hashing a huge one is work for nothing).
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// What a user may do; each user has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The planning office (发改委): uploads documents, manages users.
    Admin,
    /// Reviews what departments report.
    Reviewer,
    /// Reports values for the 单位 they belong to.
    Reporter,
    /// A deputy (人大代表): reads everything, comments.
    Deputy,
}

impl Role {
    /// Every role, most powerful first.
    pub const ALL: [Role; 4] = [Role::Admin, Role::Reviewer, Role::Reporter, Role::Deputy];

    /// The stored (and command-line) name: `admin`, `reviewer`, `reporter`, `deputy`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Reviewer => "reviewer",
            Role::Reporter => "reporter",
            Role::Deputy => "deputy",
        }
    }

    /// The role of a stored name, if it is one.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// The role's name in Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Role::Admin => "管理员",
            Role::Reviewer => "审核人",
            Role::Reporter => "填报人",
            Role::Deputy => "人大代表",
        }
    }
}

/// A stored user (never with the password hash).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct User {
    /// Row id.
    pub id: i64,
    /// Login name, unique.
    pub name: String,
    /// What the user may do.
    pub role: Role,
    /// The 单位 a reporter reports for, sorted.
    pub units: Vec<String>,
    /// A disabled user cannot log in (nothing is deleted).
    pub disabled: bool,
    /// Wrong passwords since the last good one or lock.
    pub failed_logins: i64,
    /// Locked until this time (Unix seconds), if locked at some point.
    pub locked_until: Option<i64>,
    /// When the user was created (Unix seconds).
    pub created_at: i64,
}

/// What checking a password found.
#[derive(Debug, Clone, PartialEq)]
pub enum Login {
    /// The right password of an enabled, unlocked user.
    Ok(User),
    /// No such user, or the wrong password (not told apart).
    Wrong,
    /// The account is locked until this time (Unix seconds), whatever the password.
    Locked {
        /// Unix seconds.
        until: i64,
    },
    /// The account is disabled.
    Disabled,
}

/// A live login session.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Whose.
    pub user: User,
    /// Created (Unix seconds).
    pub created_at: i64,
    /// Ends (Unix seconds).
    pub expires_at: i64,
}

/// An API token as listed: never the token itself.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ApiToken {
    /// The first 12 hex digits of the token's SHA-256: its name.
    pub hash_prefix: String,
    /// What it is for.
    pub label: String,
    /// Created (Unix seconds).
    pub created_at: i64,
    /// Revoked (Unix seconds), if it was.
    pub revoked_at: Option<i64>,
}

/// One line of the audit trail.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AuditEntry {
    /// Sequence number, in the order written.
    pub id: i64,
    /// When (Unix seconds).
    pub at: i64,
    /// Who did it (a user name), or none for the system or the command line.
    pub actor: Option<String>,
    /// What was done (`user.add`, `user.password`, `user.locked`).
    pub action: String,
    /// What it was done to (`user:NAME`).
    pub subject: String,
    /// The value before (JSON), if any.
    pub before: Option<String>,
    /// The value after (JSON), if any.
    pub after: Option<String>,
}

pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 64 {
        return Err(StoreError::Account(
            "a user name has 1 to 64 characters".into(),
        ));
    }
    if name.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(StoreError::Account(
            "a user name has no spaces or control characters".into(),
        ));
    }
    Ok(name.to_string())
}

fn check_password(password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(StoreError::Account(format!(
            "a password has at least {MIN_PASSWORD_CHARS} characters"
        )));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(StoreError::Account(format!(
            "a password has at most {MAX_PASSWORD_BYTES} bytes"
        )));
    }
    Ok(())
}

fn random_hex(bytes: usize) -> Result<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| StoreError::Account(format!("no random source: {e}")))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

/// How the audit trail names a token: the start of its hash, never the token.
fn token_prefix(token: &str) -> String {
    sha256_hex(token).chars().take(12).collect()
}

fn sha256_hex(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An argon2id PHC string of `password` under a fresh salt (slow: call off the async workers).
pub fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt)
        .map_err(|e| StoreError::Account(format!("no random source: {e}")))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|e| StoreError::Account(format!("password salt: {e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Account(format!("password hash: {e}")))
}

/// Whether `password` matches the PHC string `phc` (false for a damaged one).
pub fn password_matches(phc: &str, password: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| StoreError::Account(format!("password task failed: {e}")))
}

/// A hash to check against when the user does not exist, so that an unknown
/// name takes as long to refuse as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("planwatch decoy password").unwrap_or_default())
}

const USER_COLUMNS: &str =
    "u.id, u.name, u.role, u.disabled, u.failed_logins, u.locked_until, u.created_at";

fn user_from_row(row: &AnyRow) -> Result<User> {
    let role: String = row.try_get("role")?;
    Ok(User {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        role: Role::parse(&role).ok_or(StoreError::Corrupt {
            column: "users.role",
            value: role,
        })?,
        units: Vec::new(),
        disabled: row.try_get::<i64, _>("disabled")? != 0,
        failed_logins: row.try_get("failed_logins")?,
        locked_until: row.try_get("locked_until")?,
        created_at: row.try_get("created_at")?,
    })
}

fn user_json(u: &User) -> String {
    serde_json::json!({
        "name": u.name,
        "role": u.role.as_str(),
        "units": u.units,
        "disabled": u.disabled,
    })
    .to_string()
}

/// Appends one audit line inside `tx` (ids follow the write lock's order).
pub(crate) async fn audit_in(
    tx: &mut Transaction<'static, Any>,
    actor: Option<&str>,
    action: &str,
    subject: &str,
    before: Option<String>,
    after: Option<String>,
) -> Result<()> {
    let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM audit")
        .fetch_one(&mut **tx)
        .await?
        .try_get::<i64, _>("m")?
        + 1;
    sqlx::query(
        "INSERT INTO audit (id, at, actor, action, subject, before_value, after_value) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(now())
    .bind(actor.map(str::to_string))
    .bind(action.to_string())
    .bind(subject.to_string())
    .bind(before)
    .bind(after)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The id of user `name`, read inside `tx` (dropping `tx` on the error rolls it back).
async fn user_id_in(tx: &mut Transaction<'static, Any>, name: &str) -> Result<i64> {
    let row = sqlx::query("SELECT id FROM users WHERE name = $1")
        .bind(name.trim().to_string())
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| StoreError::NoSuchUser(name.trim().to_string()))?;
    Ok(row.try_get("id")?)
}

impl Store {
    async fn units_of(&self, user_id: i64) -> Result<Vec<String>> {
        let rows = sqlx::query("SELECT unit FROM user_units WHERE user_id = $1 ORDER BY unit")
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>("unit")?))
            .collect()
    }

    /// Creates a user with `password` (hashed), `role` and, for a reporter,
    /// the `units` (单位) they report for. `actor` is who did it (for the audit trail).
    pub async fn add_user(
        &self,
        name: &str,
        password: &str,
        role: Role,
        units: &[String],
        actor: Option<&str>,
    ) -> Result<User> {
        let name = check_name(name)?;
        check_password(password)?;
        let mut units: Vec<String> = units
            .iter()
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty())
            .collect();
        units.sort();
        units.dedup();
        let pw = password.to_string();
        let hash = blocking(move || hash_password(&pw)).await??;
        let mut tx = self.begin_write().await?;
        if sqlx::query("SELECT id FROM users WHERE name = $1")
            .bind(name.clone())
            .fetch_optional(&mut *tx)
            .await?
            .is_some()
        {
            tx.rollback().await?;
            return Err(StoreError::UserExists(name));
        }
        let id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM users")
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("m")?
            + 1;
        let created_at = now();
        sqlx::query(
            "INSERT INTO users (id, name, password_hash, role, disabled, failed_logins, created_at) \
             VALUES ($1, $2, $3, $4, 0, 0, $5)",
        )
        .bind(id)
        .bind(name.clone())
        .bind(hash)
        .bind(role.as_str())
        .bind(created_at)
        .execute(&mut *tx)
        .await?;
        for unit in &units {
            sqlx::query("INSERT INTO user_units (user_id, unit) VALUES ($1, $2)")
                .bind(id)
                .bind(unit.clone())
                .execute(&mut *tx)
                .await?;
        }
        let user = User {
            id,
            name,
            role,
            units,
            disabled: false,
            failed_logins: 0,
            locked_until: None,
            created_at,
        };
        audit_in(
            &mut tx,
            actor,
            "user.add",
            &format!("user:{}", user.name),
            None,
            Some(user_json(&user)),
        )
        .await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Sets a user's password (an admin's reset, or the user's own): clears
    /// the failure count and any lock, and ends the user's sessions.
    pub async fn set_password(
        &self,
        name: &str,
        password: &str,
        actor: Option<&str>,
    ) -> Result<()> {
        check_password(password)?;
        let pw = password.to_string();
        let hash = blocking(move || hash_password(&pw)).await??;
        let mut tx = self.begin_write().await?;
        let id = user_id_in(&mut tx, name).await?;
        sqlx::query(
            "UPDATE users SET password_hash = $1, failed_logins = 0, locked_until = NULL WHERE id = $2",
        )
        .bind(hash)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        audit_in(
            &mut tx,
            actor,
            "user.password",
            &format!("user:{}", name.trim()),
            None,
            Some(r#"{"password":"changed"}"#.into()),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Disables (or enables again) user `name`: a disabled user cannot log
    /// in, and their sessions end here (their API tokens are refused while
    /// disabled). Nothing is deleted. Returns the user as now; audited as
    /// `user.disable` or `user.enable` when it changes anything.
    pub async fn set_user_disabled(
        &self,
        name: &str,
        disabled: bool,
        actor: Option<&str>,
    ) -> Result<User> {
        let mut tx = self.begin_write().await?;
        let id = user_id_in(&mut tx, name).await?;
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
        let row = sqlx::query(&sql).bind(id).fetch_one(&mut *tx).await?;
        let mut user = user_from_row(&row)?;
        let units = sqlx::query("SELECT unit FROM user_units WHERE user_id = $1 ORDER BY unit")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
        user.units = units
            .iter()
            .map(|r| r.try_get::<String, _>("unit"))
            .collect::<std::result::Result<_, _>>()?;
        if user.disabled == disabled {
            tx.rollback().await?;
            return Ok(user);
        }
        let before = user_json(&user);
        sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
            .bind(i64::from(disabled))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if disabled {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        user.disabled = disabled;
        audit_in(
            &mut tx,
            actor,
            if disabled {
                "user.disable"
            } else {
                "user.enable"
            },
            &format!("user:{}", user.name),
            Some(before),
            Some(user_json(&user)),
        )
        .await?;
        tx.commit().await?;
        Ok(user)
    }

    /// The user of this name, if any.
    pub async fn find_user(&self, name: &str) -> Result<Option<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.name = $1");
        self.one_user(&sql, name.trim().to_string()).await
    }

    /// The user of the one row `sql` (selecting [`USER_COLUMNS`], with `$1`
    /// bound to `arg`) finds, with their 单位.
    async fn one_user(&self, sql: &str, arg: String) -> Result<Option<User>> {
        let Some(row) = sqlx::query(sql)
            .bind(arg)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let mut user = user_from_row(&row)?;
        user.units = self.units_of(user.id).await?;
        Ok(Some(user))
    }

    /// Every user, by name.
    pub async fn users(&self) -> Result<Vec<User>> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.name");
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        let mut users = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut u = user_from_row(row)?;
            u.units = self.units_of(u.id).await?;
            users.push(u);
        }
        Ok(users)
    }

    /// Checks a login: a locked or disabled account is refused whatever the
    /// password; a wrong password counts towards the lock
    /// ([`Store::record_failed_login`]); the right one clears the count.
    pub async fn verify_password(&self, name: &str, password: &str) -> Result<Login> {
        let sql = format!("SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.name = $1");
        let row = sqlx::query(&sql)
            .bind(name.trim().to_string())
            .fetch_optional(&self.pool)
            .await?;
        let pw = password
            .chars()
            .take(MAX_PASSWORD_BYTES)
            .collect::<String>();
        let Some(row) = row else {
            blocking(move || password_matches(decoy_hash(), &pw)).await?;
            return Ok(Login::Wrong);
        };
        let mut user = user_from_row(&row)?;
        if user.disabled {
            return Ok(Login::Disabled);
        }
        if let Some(until) = user.locked_until.filter(|&t| t > now()) {
            return Ok(Login::Locked { until });
        }
        let phc: String = row.try_get("password_hash")?;
        if blocking(move || password_matches(&phc, &pw)).await? {
            if user.failed_logins != 0 || user.locked_until.is_some() {
                sqlx::query(
                    "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1",
                )
                .bind(user.id)
                .execute(&self.pool)
                .await?;
                user.failed_logins = 0;
                user.locked_until = None;
            }
            user.units = self.units_of(user.id).await?;
            Ok(Login::Ok(user))
        } else {
            self.record_failed_login(user.id).await?;
            Ok(Login::Wrong)
        }
    }

    /// Counts one wrong password of user `user_id`; the
    /// [`MAX_FAILED_LOGINS`]th in a row locks the account for
    /// [`LOCK_SECONDS`] (audited). Returns the lock's end when it locked.
    pub async fn record_failed_login(&self, user_id: i64) -> Result<Option<i64>> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        let Some(row) = sqlx::query("SELECT name, failed_logins FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?
        else {
            tx.rollback().await?;
            return Ok(None);
        };
        let failed: i64 = row.try_get("failed_logins")?;
        let name: String = row.try_get("name")?;
        let mut locked = None;
        if failed >= MAX_FAILED_LOGINS {
            let until = now() + LOCK_SECONDS;
            sqlx::query("UPDATE users SET failed_logins = 0, locked_until = $1 WHERE id = $2")
                .bind(until)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            audit_in(
                &mut tx,
                None,
                "user.locked",
                &format!("user:{name}"),
                None,
                Some(
                    serde_json::json!({ "locked_until": until, "failed_logins": failed })
                        .to_string(),
                ),
            )
            .await?;
            locked = Some(until);
        }
        tx.commit().await?;
        Ok(locked)
    }

    /// Starts a session of user `user_id` lasting `seconds`; returns the
    /// token for the client's cookie (the store keeps only its hash). Ended
    /// sessions are swept on the way.
    pub async fn create_session(&self, user_id: i64, seconds: i64) -> Result<String> {
        let token = random_hex(32)?;
        let t = now();
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(t)
            .execute(&self.pool)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(sha256_hex(&token))
        .bind(user_id)
        .bind(t)
        .bind(t + seconds.max(1))
        .execute(&self.pool)
        .await?;
        Ok(token)
    }

    /// The live session of a cookie's token: not ended, of an enabled user.
    pub async fn lookup_session(&self, token: &str) -> Result<Option<Session>> {
        let token = token.trim();
        if token.is_empty() || token.len() > 256 {
            return Ok(None);
        }
        let sql = format!(
            "SELECT {USER_COLUMNS}, s.created_at AS s_created, s.expires_at AS s_expires \
             FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.id = $1 AND s.expires_at > $2 AND u.disabled = 0"
        );
        let Some(row) = sqlx::query(&sql)
            .bind(sha256_hex(token))
            .bind(now())
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let mut user = user_from_row(&row)?;
        user.units = self.units_of(user.id).await?;
        Ok(Some(Session {
            user,
            created_at: row.try_get("s_created")?,
            expires_at: row.try_get("s_expires")?,
        }))
    }

    /// Ends the session of a cookie's token (nothing if there is none).
    pub async fn delete_session(&self, token: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(sha256_hex(token.trim()))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Gives user `name` a new API token labelled `label` (what it is for);
    /// returns the token, shown once: the store keeps only its SHA-256, whose
    /// first 12 hex digits name it in [`Store::api_tokens`] and the audit trail.
    pub async fn create_api_token(
        &self,
        name: &str,
        label: &str,
        actor: Option<&str>,
    ) -> Result<String> {
        let label = label.trim();
        if label.chars().count() > 100 || label.chars().any(char::is_control) {
            return Err(StoreError::Account(
                "a token's label is at most 100 characters, without control characters".into(),
            ));
        }
        let token = format!("pwt_{}", random_hex(32)?);
        let mut tx = self.begin_write().await?;
        let user_id = user_id_in(&mut tx, name).await?;
        sqlx::query(
            "INSERT INTO api_tokens (id, user_id, label, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(sha256_hex(&token))
        .bind(user_id)
        .bind(label.to_string())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        audit_in(
            &mut tx,
            actor,
            "token.add",
            &format!("user:{}", name.trim()),
            None,
            Some(serde_json::json!({ "token": token_prefix(&token), "label": label }).to_string()),
        )
        .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The user of a live API token: not revoked, of an enabled user.
    pub async fn lookup_api_token(&self, token: &str) -> Result<Option<User>> {
        let token = token.trim();
        if !token.starts_with("pwt_") || token.len() > 256 {
            return Ok(None);
        }
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.id = $1 AND t.revoked_at IS NULL AND u.disabled = 0"
        );
        self.one_user(&sql, sha256_hex(token)).await
    }

    /// The API tokens of user `name` (live and revoked), oldest first.
    pub async fn api_tokens(&self, name: &str) -> Result<Vec<ApiToken>> {
        let rows = sqlx::query(
            "SELECT t.id, t.label, t.created_at, t.revoked_at FROM api_tokens t \
             JOIN users u ON u.id = t.user_id WHERE u.name = $1 ORDER BY t.created_at, t.id",
        )
        .bind(name.trim().to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ApiToken {
                    hash_prefix: r.try_get::<String, _>("id")?.chars().take(12).collect(),
                    label: r.try_get("label")?,
                    created_at: r.try_get("created_at")?,
                    revoked_at: r.try_get("revoked_at")?,
                })
            })
            .collect()
    }

    /// Revokes user `name`'s token whose hash starts with `hash_prefix` (as
    /// [`Store::api_tokens`] lists it) or that is `token` itself; an
    /// ambiguous or unknown prefix is an error. Returns whether it was live.
    pub async fn revoke_api_token(
        &self,
        name: &str,
        token_or_prefix: &str,
        actor: Option<&str>,
    ) -> Result<bool> {
        let given = token_or_prefix.trim();
        let prefix = if given.starts_with("pwt_") {
            sha256_hex(given)
        } else {
            given.to_ascii_lowercase()
        };
        if prefix.len() < 6 || !prefix.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(StoreError::Account(
                "name a token by at least 6 characters of its id (planwatch user tokens NAME)"
                    .into(),
            ));
        }
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(
            "SELECT t.id, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE u.name = $1",
        )
        .bind(name.trim().to_string())
        .fetch_all(&mut *tx)
        .await?;
        let mut hits = Vec::new();
        for r in &rows {
            let id: String = r.try_get("id")?;
            if id.starts_with(&prefix) {
                hits.push((id, r.try_get::<Option<i64>, _>("revoked_at")?));
            }
        }
        let (id, revoked) = match hits.as_slice() {
            [one] => one.clone(),
            [] => {
                tx.rollback().await?;
                return Err(StoreError::Account(format!(
                    "user {} has no token {prefix}",
                    name.trim()
                )));
            }
            _ => {
                tx.rollback().await?;
                return Err(StoreError::Account(format!(
                    "{prefix} names more than one token of {}; give more of it",
                    name.trim()
                )));
            }
        };
        if revoked.is_some() {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2")
            .bind(now())
            .bind(id.clone())
            .execute(&mut *tx)
            .await?;
        audit_in(
            &mut tx,
            actor,
            "token.revoke",
            &format!("user:{}", name.trim()),
            None,
            Some(
                serde_json::json!({ "token": id.chars().take(12).collect::<String>() }).to_string(),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Appends a line to the audit trail (in its own transaction).
    pub async fn audit(
        &self,
        actor: Option<&str>,
        action: &str,
        subject: &str,
        before: Option<String>,
        after: Option<String>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        audit_in(&mut tx, actor, action, subject, before, after).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The last `limit` audit lines, newest first.
    pub async fn audit_entries(&self, limit: i64) -> Result<Vec<AuditEntry>> {
        self.audit_before(None, limit).await
    }

    /// Up to `limit` audit lines older than line `before` (all, without
    /// it), newest first: one page of the trail, the next starting below
    /// its last id.
    pub async fn audit_before(&self, before: Option<i64>, limit: i64) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT id, at, actor, action, subject, before_value, after_value FROM audit \
             WHERE id < $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit.max(0))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.try_get("id")?,
                    at: r.try_get("at")?,
                    actor: r.try_get("actor")?,
                    action: r.try_get("action")?,
                    subject: r.try_get("subject")?,
                    before: r.try_get("before_value")?,
                    after: r.try_get("after_value")?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing;

    /// The account checks, run on one store.
    async fn accounts_work(store: &Store) {
        // Users: created with a role and units, audited, names unique.
        let units = vec![
            "市发改委".to_string(),
            "市统计局".to_string(),
            "市发改委".into(),
        ];
        let r = store
            .add_user("li", "reporter-pass", Role::Reporter, &units, Some("root"))
            .await
            .expect("add reporter");
        assert_eq!(r.units, ["市发改委", "市统计局"]);
        assert_eq!(r.role, Role::Reporter);
        let a = store
            .add_user("root", "admin-password", Role::Admin, &[], None)
            .await
            .expect("add admin");
        assert!(a.id > r.id);
        assert!(matches!(
            store
                .add_user("root", "another-password", Role::Deputy, &[], None)
                .await,
            Err(StoreError::UserExists(n)) if n == "root"
        ));
        assert!(matches!(
            store.add_user("x", "short", Role::Deputy, &[], None).await,
            Err(StoreError::Account(_))
        ));
        assert!(matches!(
            store
                .add_user("a b", "long enough", Role::Deputy, &[], None)
                .await,
            Err(StoreError::Account(_))
        ));
        let found = store.find_user("li").await.expect("find").expect("li");
        assert_eq!(found, r);
        assert!(store.find_user("nobody").await.expect("find").is_none());
        let names: Vec<String> = store
            .users()
            .await
            .expect("users")
            .into_iter()
            .map(|u| u.name)
            .collect();
        assert_eq!(names, ["li", "root"]);

        // The hash is argon2id in a PHC string, never the password.
        let phc: String = sqlx::query("SELECT password_hash FROM users WHERE name = 'root'")
            .fetch_one(&store.pool)
            .await
            .expect("hash")
            .try_get("password_hash")
            .expect("column");
        assert!(phc.starts_with("$argon2id$"), "{phc}");
        assert!(!phc.contains("admin-password"));

        // Passwords.
        assert!(matches!(
            store.verify_password("root", "admin-password").await.expect("verify"),
            Login::Ok(u) if u.name == "root"
        ));
        assert_eq!(
            store
                .verify_password("root", "wrong")
                .await
                .expect("verify"),
            Login::Wrong
        );
        assert_eq!(
            store
                .verify_password("nobody", "admin-password")
                .await
                .expect("verify"),
            Login::Wrong
        );
        // A good password clears the count.
        assert!(matches!(
            store.verify_password("root", "admin-password").await.expect("verify"),
            Login::Ok(u) if u.failed_logins == 0
        ));

        // Sessions: the token is not what is stored; ended by delete and by a new password.
        let token = store.create_session(r.id, 3600).await.expect("session");
        assert_eq!(token.len(), 64);
        let s = store
            .lookup_session(&token)
            .await
            .expect("lookup")
            .expect("live");
        assert_eq!(s.user.name, "li");
        assert_eq!(s.user.units, ["市发改委", "市统计局"]);
        assert!(s.expires_at > s.created_at);
        let stored: i64 = sqlx::query("SELECT COUNT(*) AS n FROM sessions WHERE id = $1")
            .bind(token.clone())
            .fetch_one(&store.pool)
            .await
            .expect("count")
            .try_get("n")
            .expect("n");
        assert_eq!(stored, 0, "the raw token is not stored");
        assert!(store
            .lookup_session("made-up")
            .await
            .expect("lookup")
            .is_none());
        store.delete_session(&token).await.expect("delete");
        assert!(store
            .lookup_session(&token)
            .await
            .expect("lookup")
            .is_none());
        let token = store.create_session(r.id, 3600).await.expect("session");
        store
            .set_password("li", "new-reporter-pass", Some("root"))
            .await
            .expect("reset");
        assert!(
            store
                .lookup_session(&token)
                .await
                .expect("lookup")
                .is_none(),
            "a new password ends the sessions"
        );
        assert_eq!(
            store
                .verify_password("li", "reporter-pass")
                .await
                .expect("verify"),
            Login::Wrong
        );
        assert!(matches!(
            store
                .verify_password("li", "new-reporter-pass")
                .await
                .expect("verify"),
            Login::Ok(_)
        ));
        assert!(matches!(
            store.set_password("nobody", "whatever-pass", None).await,
            Err(StoreError::NoSuchUser(_))
        ));

        // API tokens: only the hash is kept; revoked by the start of that hash;
        // a disabled or unknown user has none.
        let t = store
            .create_api_token("li", "统计局报送脚本", Some("root"))
            .await
            .expect("token");
        assert!(t.starts_with("pwt_") && t.len() == 68, "{t}");
        let u = store
            .lookup_api_token(&t)
            .await
            .expect("lookup")
            .expect("live");
        assert_eq!((u.name.as_str(), u.role), ("li", Role::Reporter));
        assert_eq!(u.units, ["市发改委", "市统计局"]);
        assert!(store
            .lookup_api_token("pwt_00")
            .await
            .expect("lookup")
            .is_none());
        assert!(store.lookup_session(&t).await.expect("lookup").is_none());
        let stored: i64 = sqlx::query("SELECT COUNT(*) AS n FROM api_tokens WHERE id = $1")
            .bind(t.clone())
            .fetch_one(&store.pool)
            .await
            .expect("count")
            .try_get("n")
            .expect("n");
        assert_eq!(stored, 0, "the raw token is not stored");
        let listed = store.api_tokens("li").await.expect("tokens");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].label, "统计局报送脚本");
        assert!(listed[0].revoked_at.is_none());
        let t2 = store
            .create_api_token("li", "second", None)
            .await
            .expect("token");
        assert!(matches!(
            store.revoke_api_token("li", "zz", None).await,
            Err(StoreError::Account(_))
        ));
        assert!(matches!(
            store.create_api_token("nobody", "x", None).await,
            Err(StoreError::NoSuchUser(_))
        ));
        assert!(store
            .revoke_api_token("li", &listed[0].hash_prefix, Some("root"))
            .await
            .expect("revoke"));
        assert!(!store
            .revoke_api_token("li", &t, Some("root"))
            .await
            .expect("revoke again"));
        assert!(store.lookup_api_token(&t).await.expect("lookup").is_none());
        assert!(store.lookup_api_token(&t2).await.expect("lookup").is_some());
        assert!(store
            .api_tokens("li")
            .await
            .expect("tokens")
            .iter()
            .any(|x| x.hash_prefix == listed[0].hash_prefix && x.revoked_at.is_some()));
        assert!(store
            .revoke_api_token("li", &t2, None)
            .await
            .expect("revoke"));

        // Lock-out: five wrong passwords lock the account, the right one is refused then.
        for _ in 0..MAX_FAILED_LOGINS {
            assert_eq!(
                store
                    .verify_password("root", "guess")
                    .await
                    .expect("verify"),
                Login::Wrong
            );
        }
        let locked = store
            .verify_password("root", "admin-password")
            .await
            .expect("verify");
        assert!(
            matches!(locked, Login::Locked { until } if until > now() + LOCK_SECONDS - 60),
            "{locked:?}"
        );
        // An admin's reset unlocks.
        store
            .set_password("root", "admin-password-2", None)
            .await
            .expect("reset");
        assert!(matches!(
            store
                .verify_password("root", "admin-password-2")
                .await
                .expect("verify"),
            Login::Ok(_)
        ));

        // The audit trail, newest first.
        let actions: Vec<String> = store
            .audit_entries(100)
            .await
            .expect("audit")
            .into_iter()
            .map(|e| format!("{} {} {}", e.action, e.subject, e.actor.unwrap_or_default()))
            .collect();
        assert_eq!(
            actions,
            [
                "user.password user:root ",
                "user.locked user:root ",
                "token.revoke user:li ",
                "token.revoke user:li root",
                "token.add user:li ",
                "token.add user:li root",
                "user.password user:li root",
                "user.add user:root ",
                "user.add user:li root",
            ]
        );
        let page = store
            .audit_before(Some(first_id(store).await), 2)
            .await
            .expect("page");
        assert_eq!(page.len(), 2);
        assert!(page[0].id > page[1].id && page[0].id < first_id(store).await);
        let first = store.audit_entries(100).await.expect("audit");
        let add = first.last().expect("an entry");
        assert!(add.before.is_none());
        assert!(add.after.as_deref().is_some_and(|a| a.contains("市统计局")));
    }

    /// The id of the newest audit line.
    async fn first_id(store: &Store) -> i64 {
        store.audit_entries(1).await.expect("audit")[0].id
    }

    #[tokio::test]
    async fn accounts_on_sqlite() {
        let store = Store::in_memory().await.expect("store");
        accounts_work(&store).await;
    }

    #[tokio::test]
    async fn accounts_on_postgres() {
        let Ok(base) = std::env::var("PLANWATCH_TEST_PG") else {
            eprintln!("note: PLANWATCH_TEST_PG is not set; skipping accounts_on_postgres");
            return;
        };
        let url = testing::fresh_postgres(&base, "accounts")
            .await
            .expect("create test database");
        let store = Store::open(&url).await.expect("open postgres");
        accounts_work(&store).await;
        store.close().await;
        testing::drop_postgres(&base, &url).await.expect("drop");
    }

    #[test]
    fn roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
