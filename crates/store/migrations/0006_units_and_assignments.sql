-- Departments (单位) as managed data, and who answers for each target
-- (issue 10). Times are Unix seconds.
--
-- A unit is never deleted: one no longer in use is retired (retired_at set),
-- and the assignments naming it stay readable.
CREATE TABLE units (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    short_name TEXT,
    created_at BIGINT NOT NULL,
    retired_at BIGINT
);

-- Who answers for a target fact (its FactId: document key and ord): one row
-- per unit, role 'lead' (牵头单位, one or more) or 'partner' (配合单位), in the
-- order given (position). Replaced whole when a target is assigned again;
-- every change is in the audit trail with the assignment before and after.
CREATE TABLE assignments (
    document_id TEXT NOT NULL,
    ord BIGINT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'partner')),
    position BIGINT NOT NULL,
    assigned_by TEXT,
    assigned_at BIGINT NOT NULL,
    PRIMARY KEY (document_id, ord, unit_id),
    FOREIGN KEY (document_id, ord) REFERENCES facts (document_id, ord)
);

CREATE INDEX assignments_unit ON assignments (unit_id);
