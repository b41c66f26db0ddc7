-- SLA clocks: the third escalation level's due date, pauses while the owner is away, escalations recorded once
-- per level and due date, notifications delivered once per channel.

ALTER TABLE ticket ADD COLUMN gm_due_at DATETIME;
ALTER TABLE ticket ADD COLUMN paused_at DATETIME;

ALTER TABLE ticket_escalation ADD COLUMN due_at DATETIME;
UPDATE ticket_escalation SET due_at = at WHERE due_at IS NULL;
ALTER TABLE ticket_escalation ADD CONSTRAINT uk_escalation_once UNIQUE (ticket_id, level, due_at);

ALTER TABLE notification ADD COLUMN dedup_key VARCHAR(200);
ALTER TABLE notification ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE notification ADD CONSTRAINT uk_notification_once UNIQUE (dedup_key, channel);
