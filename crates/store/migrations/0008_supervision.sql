-- Reminders and 督办 (issue 10). Times are Unix seconds.
--
-- A unit's e-mail address, where reminders of its overdue targets go.
ALTER TABLE units ADD COLUMN email TEXT;

-- Each reminder sent: to which unit, about which target (its FactId), when,
-- by whom (a user name, or null for the command line) and to which address.
-- No unit is reminded of one target twice within 24 hours.
CREATE TABLE reminders (
    id BIGINT PRIMARY KEY,
    unit_id BIGINT NOT NULL REFERENCES units (id),
    document_id TEXT NOT NULL,
    ord BIGINT NOT NULL,
    sent_at BIGINT NOT NULL,
    sent_by TEXT,
    address TEXT NOT NULL,
    FOREIGN KEY (document_id, ord) REFERENCES facts (document_id, ord)
);

CREATE INDEX reminders_target ON reminders (unit_id, document_id, ord, sent_at);

-- Escalation marks on a target: 约谈 (kind 'interview') and 挂牌督办 (kind
-- 'listed'), who set each and when; lifting one records who and when.
-- Nothing is deleted; every change is also a line of the audit trail.
CREATE TABLE escalations (
    id BIGINT PRIMARY KEY,
    document_id TEXT NOT NULL,
    ord BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('interview', 'listed')),
    note TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    lifted_by TEXT,
    lifted_at BIGINT,
    lift_note TEXT,
    FOREIGN KEY (document_id, ord) REFERENCES facts (document_id, ord)
);

CREATE INDEX escalations_target ON escalations (document_id, ord);
