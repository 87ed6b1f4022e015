-- Who answers for a fact's task, as its document names them (牵头单位 and
-- 配合单位, issue 10): JSON `{"lead": [...], "partners": [...]}`, or NULL.
ALTER TABLE facts ADD COLUMN responsible TEXT;
