-- Service-quality indicators: facts stored when they happen, and covering indexes so that each indicator is one
-- index range scan with an aggregate, also over millions of tickets.

ALTER TABLE ticket ADD COLUMN responded_on_time BOOLEAN;
ALTER TABLE ticket ADD COLUMN resolution_minutes INT;
ALTER TABLE ticket ADD COLUMN escalation_level INT NOT NULL DEFAULT 0;

UPDATE ticket SET responded_on_time = (responded_at <= response_due_at)
    WHERE responded_at IS NOT NULL AND response_due_at IS NOT NULL;
UPDATE ticket SET resolution_minutes = TIMESTAMPDIFF(MINUTE, created_at, handled_at) WHERE handled_at IS NOT NULL;
UPDATE ticket SET escalation_level = (SELECT COALESCE(MAX(e.level), 0) FROM ticket_escalation e
    WHERE e.ticket_id = ticket.id);

CREATE INDEX ix_kpi_received ON ticket (created_at, type, department, category, urgency, escalation_level);
CREATE INDEX ix_kpi_response ON ticket (responded_at, type, department, responded_on_time);
CREATE INDEX ix_kpi_closed ON ticket (archived_at, type, department, resolution_minutes, rework_count, reopen_count,
    satisfaction);
