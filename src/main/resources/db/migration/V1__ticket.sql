-- Tickets, their timeline and escalations, and the per-day ticket number counters.
-- Portable between H2 (embedded default) and MySQL 8 / MariaDB: times are DATETIME in UTC, booleans BOOLEAN.

CREATE TABLE ticket (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_no           VARCHAR(32)   NOT NULL,
    type                VARCHAR(16)   NOT NULL,
    channel             VARCHAR(16)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    category            VARCHAR(32),
    urgency             VARCHAR(16),
    major               BOOLEAN       NOT NULL DEFAULT FALSE,
    impact_scope        VARCHAR(16),
    public_area         BOOLEAN,
    department          VARCHAR(64),
    handler             VARCHAR(64),
    received_by         VARCHAR(64)   NOT NULL,
    reporter_name       VARCHAR(64),
    reporter_phone      VARCHAR(32)   NOT NULL,
    reporter_room       VARCHAR(64)   NOT NULL,
    room_key            VARCHAR(64)   NOT NULL,
    location            VARCHAR(200),
    occurred_at         DATETIME,
    description         VARCHAR(2000) NOT NULL,
    demand              VARCHAR(1000),
    repeat_count        INT           NOT NULL DEFAULT 0,
    response_within     VARCHAR(32),
    resolve_within      VARCHAR(32),
    callback_within     VARCHAR(32),
    created_at          DATETIME      NOT NULL,
    response_due_at     DATETIME,
    resolve_due_at      DATETIME,
    callback_due_at     DATETIME,
    responded_at        DATETIME,
    handled_at          DATETIME,
    archived_at         DATETIME,
    action_taken        VARCHAR(2000),
    responsibility      VARCHAR(16),
    resolution          VARCHAR(16),
    satisfaction        VARCHAR(32),
    rework_count        INT           NOT NULL DEFAULT 0,
    reopen_count        INT           NOT NULL DEFAULT 0,
    process_instance_id VARCHAR(64),
    idempotency_key     VARCHAR(100),
    request_hash        VARCHAR(64),
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_ticket_no UNIQUE (ticket_no),
    CONSTRAINT uk_ticket_idempotency UNIQUE (received_by, idempotency_key)
);

CREATE INDEX ix_ticket_room_created ON ticket (room_key, type, created_at);
CREATE INDEX ix_ticket_created ON ticket (created_at);
CREATE INDEX ix_ticket_status_created ON ticket (status, created_at);
CREATE INDEX ix_ticket_department_created ON ticket (department, created_at);

CREATE TABLE ticket_timeline (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id BIGINT        NOT NULL,
    at        DATETIME      NOT NULL,
    stage     VARCHAR(32)   NOT NULL,
    action    VARCHAR(300)  NOT NULL,
    actor     VARCHAR(64)   NOT NULL,
    note      VARCHAR(2000),
    CONSTRAINT fk_timeline_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);

CREATE INDEX ix_timeline_ticket ON ticket_timeline (ticket_id, at);

CREATE TABLE ticket_escalation (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id BIGINT       NOT NULL,
    level     INT          NOT NULL,
    at        DATETIME     NOT NULL,
    reason    VARCHAR(500) NOT NULL,
    notified  VARCHAR(500),
    CONSTRAINT fk_escalation_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);

CREATE INDEX ix_escalation_ticket ON ticket_escalation (ticket_id, level);

-- One row per ticket type and day; incremented in its own short transaction so that
-- several application nodes hand out ticket numbers without a node-local counter.
CREATE TABLE ticket_counter (
    counter_key VARCHAR(32) NOT NULL PRIMARY KEY,
    last_value  BIGINT      NOT NULL
);
