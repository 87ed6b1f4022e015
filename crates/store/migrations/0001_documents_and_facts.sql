-- Documents keyed by the hash of their text; a changed file with the same name is a new revision.
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    revision BIGINT NOT NULL,
    origin TEXT NOT NULL,
    path TEXT,
    format TEXT,
    title TEXT,
    region TEXT,
    doc_type TEXT NOT NULL,
    period_start BIGINT,
    period_end BIGINT,
    year BIGINT,
    issuer TEXT,
    number TEXT,
    body TEXT NOT NULL,
    fact_count BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    ingested_at BIGINT NOT NULL,
    UNIQUE (name, revision)
);

CREATE INDEX documents_name ON documents (name);

-- One row per fact, in document order; written in the same transaction as its document.
CREATE TABLE facts (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord BIGINT NOT NULL,
    kind TEXT NOT NULL,
    indicator TEXT NOT NULL,
    region TEXT,
    year BIGINT,
    value DOUBLE PRECISION,
    value_max DOUBLE PRECISION,
    unit TEXT,
    measure TEXT NOT NULL,
    comparator TEXT NOT NULL,
    attribute TEXT,
    goal_text TEXT,
    quote TEXT NOT NULL,
    section TEXT,
    start_offset BIGINT,
    end_offset BIGINT,
    PRIMARY KEY (document_id, ord)
);

CREATE INDEX facts_indicator ON facts (indicator);
CREATE INDEX facts_region_year ON facts (region, year);
