-- Accounts (issue 10): users with one role each, the 单位 a reporter belongs to,
-- login sessions, and an append-only audit trail. Times are Unix seconds.
CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'reporter', 'deputy')),
    disabled BIGINT NOT NULL DEFAULT 0,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    created_at BIGINT NOT NULL
);

-- The departments (单位) a reporter reports for.
CREATE TABLE user_units (
    user_id BIGINT NOT NULL REFERENCES users (id),
    unit TEXT NOT NULL,
    PRIMARY KEY (user_id, unit)
);

-- A session is found by the SHA-256 of its cookie's token: the table never holds a usable token.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);

-- Who changed what, when, with the value before and after (JSON): only ever appended to.
CREATE TABLE audit (
    id BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    before_value TEXT,
    after_value TEXT
);
