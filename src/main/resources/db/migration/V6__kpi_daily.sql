-- Daily facts of the service-quality indicators: per day (in the service centre's time zone) and per type,
-- department, category and urgency, the counts of the three cohorts (received, dispatched and archived that day).
-- A year of indicators sums a few thousand rows instead of scanning a million tickets. The facts of a day are
-- always recomputed from the tickets, never patched: every committed change of a ticket leaves a marker for the
-- days it counts in (kpi_dirty_day, written in the ticket's own transaction), and a refresh recomputes the marked
-- days (report/KpiFacts). '' stands for "not known yet".

CREATE TABLE kpi_daily (
    fact_day           DATE        NOT NULL,
    type               VARCHAR(16) NOT NULL,
    department         VARCHAR(64) NOT NULL,
    category           VARCHAR(32) NOT NULL,
    urgency            VARCHAR(16) NOT NULL,
    received           INT         NOT NULL,
    escalated          INT         NOT NULL,
    dispatched         INT         NOT NULL,
    dispatched_on_time INT         NOT NULL,
    closed             INT         NOT NULL,
    handled            INT         NOT NULL,
    within_24h         INT         NOT NULL,
    resolution_minutes BIGINT      NOT NULL,
    first_time         INT         NOT NULL,
    reworked           INT         NOT NULL,
    surveyed           INT         NOT NULL,
    satisfied          INT         NOT NULL,
    CONSTRAINT pk_kpi_daily PRIMARY KEY (fact_day, type, department, category, urgency)
);

CREATE TABLE kpi_dirty_day (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    fact_day DATE NOT NULL
);

-- One row: the refreshes of all nodes take turns on its lock; built = FALSE asks for a rebuild of every day.
CREATE TABLE kpi_refresh (
    id           INT      NOT NULL PRIMARY KEY,
    built        BOOLEAN  NOT NULL,
    refreshed_at DATETIME
);

INSERT INTO kpi_refresh (id, built, refreshed_at) VALUES (1, FALSE, NULL);
