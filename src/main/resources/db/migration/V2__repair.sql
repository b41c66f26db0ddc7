-- Repairs (报修): site survey, appointment, parts, charge, the owner's acceptance and rating; notifications.

ALTER TABLE ticket ADD COLUMN needs_survey BOOLEAN;
ALTER TABLE ticket ADD COLUMN survey_note VARCHAR(2000);
ALTER TABLE ticket ADD COLUMN needs_parts BOOLEAN;
ALTER TABLE ticket ADD COLUMN appointment_at DATETIME;
ALTER TABLE ticket ADD COLUMN chargeable BOOLEAN;
ALTER TABLE ticket ADD COLUMN charge DECIMAL(10, 2);
ALTER TABLE ticket ADD COLUMN rating INT;

CREATE TABLE ticket_part (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id BIGINT       NOT NULL,
    name      VARCHAR(100) NOT NULL,
    quantity  INT          NOT NULL,
    used_at   DATETIME     NOT NULL,
    used_by   VARCHAR(64)  NOT NULL,
    CONSTRAINT fk_part_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);

CREATE INDEX ix_part_ticket ON ticket_part (ticket_id);

CREATE TABLE notification (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_no  VARCHAR(32),
    kind       VARCHAR(32)   NOT NULL,
    recipients VARCHAR(500)  NOT NULL,
    subject    VARCHAR(300)  NOT NULL,
    body       VARCHAR(2000),
    channel    VARCHAR(16)   NOT NULL,
    status     VARCHAR(16)   NOT NULL,
    created_at DATETIME      NOT NULL,
    sent_at    DATETIME
);

CREATE INDEX ix_notification_ticket ON notification (ticket_no, created_at);
