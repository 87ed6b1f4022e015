-- Per-user API tokens (issue 10): a script or another system calls the REST
-- API as a user with `Authorization: Bearer TOKEN`. As with sessions, only
-- the SHA-256 of a token is kept. A token is revoked, never deleted.
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);
