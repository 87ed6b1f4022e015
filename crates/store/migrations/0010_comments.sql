-- Deputies' comments (人大代表, issue 10). Times are Unix seconds.
--
-- A deputy reads everything and comments on targets: each comment is one
-- row, by its author, on one target (a fact of a stored document). Comments
-- are only ever appended: never edited, never deleted.
CREATE TABLE comments (
    id BIGINT PRIMARY KEY,
    document_id TEXT NOT NULL,
    ord BIGINT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    FOREIGN KEY (document_id, ord) REFERENCES facts (document_id, ord)
);

CREATE INDEX comments_target ON comments (document_id, ord);
