-- Reporting (填报) with review (issue 10). Times are Unix seconds.
--
-- A department's reporter enters a value of a target (its FactId: document
-- key and ord, as assignments name it) for a period, on behalf of one unit
-- the target is assigned to. Status: draft → submitted → returned (with the
-- reviewer's comment) → draft/submitted again … → approved. An approved
-- value is stored as an actual fact of its own document (origin 'report'),
-- named by actual_document_id. Nothing is deleted: every change adds a row
-- to submission_versions (and a line to the audit trail).
CREATE TABLE submissions (
    id BIGINT PRIMARY KEY,
    document_id TEXT NOT NULL,
    ord BIGINT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    year BIGINT NOT NULL,
    quarter BIGINT CHECK (quarter BETWEEN 1 AND 4),
    month BIGINT CHECK (month BETWEEN 1 AND 12),
    value DOUBLE PRECISION NOT NULL,
    measure_unit TEXT,
    narrative TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
    version BIGINT NOT NULL,
    submitter TEXT NOT NULL,
    reviewer TEXT,
    review_comment TEXT,
    actual_document_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    submitted_at BIGINT,
    reviewed_at BIGINT,
    CHECK (quarter IS NULL OR month IS NULL),
    FOREIGN KEY (document_id, ord) REFERENCES facts (document_id, ord)
);

CREATE INDEX submissions_unit ON submissions (unit_id, status);
CREATE INDEX submissions_target ON submissions (document_id, ord);

-- Every state a submission has been in, in order: what changed it (action:
-- create, update, submit, return, approve), who, when, and the values then.
CREATE TABLE submission_versions (
    submission_id BIGINT NOT NULL REFERENCES submissions (id),
    version BIGINT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL,
    status TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    measure_unit TEXT,
    narrative TEXT NOT NULL,
    review_comment TEXT,
    PRIMARY KEY (submission_id, version)
);
