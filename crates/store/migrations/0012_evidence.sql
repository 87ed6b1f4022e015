-- Evidence files on submissions (填报佐证材料, issue 10). Times are Unix seconds.
--
-- The bytes live in the database, so SQLite and PostgreSQL deployments
-- alike keep them in one place, in one backup, written in the same
-- transaction as their record. Each content is stored once, under its
-- SHA-256 (content-addressed: the same file attached twice is one blob).
-- BYTEA is PostgreSQL's binary type; SQLite stores the blob as given.
CREATE TABLE evidence_blobs (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    bytes BYTEA NOT NULL
);

-- A file attached to a submission: its name as uploaded (cleaned), the
-- type its content was sniffed as, who attached it and when. A removed
-- file is marked withdrawn (by whom, when) and kept: nothing is deleted.
CREATE TABLE evidence (
    id BIGINT PRIMARY KEY,
    submission_id BIGINT NOT NULL REFERENCES submissions (id),
    sha256 TEXT NOT NULL REFERENCES evidence_blobs (sha256),
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL,
    withdrawn_by TEXT,
    withdrawn_at BIGINT
);

CREATE INDEX evidence_submission ON evidence (submission_id);
