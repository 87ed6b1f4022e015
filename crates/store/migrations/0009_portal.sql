-- The public portal (issue 10). Times are Unix seconds.
--
-- A publication is an admin's frozen snapshot of one plan's evaluation
-- (JSON, as the portal shows it), who published it and when. Anonymous
-- visitors see published snapshots only. Unpublishing keeps the row, with
-- who unpublished it and when.
CREATE TABLE publications (
    id BIGINT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    title TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    unpublished_by TEXT,
    unpublished_at BIGINT
);

-- Visitors' feedback on a publication (or one of its indicators): pending
-- until a moderator (a reviewer or an admin) approves or rejects it; shown
-- publicly only when approved. Nothing is deleted.
CREATE TABLE feedback (
    id BIGINT PRIMARY KEY,
    publication_id BIGINT NOT NULL REFERENCES publications (id),
    indicator TEXT,
    author TEXT,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at BIGINT NOT NULL,
    moderated_by TEXT,
    moderated_at BIGINT
);

CREATE INDEX feedback_publication ON feedback (publication_id, status);
