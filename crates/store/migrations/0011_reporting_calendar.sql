-- A plan's reporting calendar (issue 10). Times are Unix seconds.
--
-- Each row is one kind of period a plan (a document) is reported in:
-- frequency 'monthly', 'quarterly' or 'yearly', due on day due_day of the
-- month due_months after the period's last month (yearly by 31 March of
-- the next year: 3 and 31; quarterly by the 15th of the month after the
-- quarter: 1 and 15). A day past the month's end is its last day.
-- Setting a calendar replaces it whole: the rows in force get replaced_at,
-- the new ones are added; nothing is deleted. A plan with no rows in force
-- is reported yearly, due 31 March of the next year.
CREATE TABLE reporting_calendars (
    id BIGINT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    frequency TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
    due_months BIGINT NOT NULL CHECK (due_months BETWEEN 0 AND 12),
    due_day BIGINT NOT NULL CHECK (due_day BETWEEN 1 AND 31),
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL,
    replaced_at BIGINT
);

CREATE INDEX reporting_calendars_document ON reporting_calendars (document_id, replaced_at);
