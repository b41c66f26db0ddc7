-- The quarterly complaint analysis (季度投诉分析报告): the report as built, each department's corrective and
-- preventive measures per round, and the general manager's reviews.

CREATE TABLE complaint_analysis (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    period_year         INT          NOT NULL,
    period_quarter      INT          NOT NULL,
    status              VARCHAR(32)  NOT NULL,
    review_round        INT          NOT NULL,
    report_json         LONGTEXT     NOT NULL,
    process_instance_id VARCHAR(64),
    started_by          VARCHAR(64),
    created_at          DATETIME     NOT NULL,
    approved_by         VARCHAR(64),
    approved_at         DATETIME,
    version             BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_analysis_quarter UNIQUE (period_year, period_quarter)
);

CREATE TABLE complaint_analysis_action (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    analysis_id         BIGINT        NOT NULL,
    department          VARCHAR(64)   NOT NULL,
    review_round        INT           NOT NULL,
    cause               VARCHAR(4000) NOT NULL,
    corrective_measures VARCHAR(4000) NOT NULL,
    preventive_measures VARCHAR(4000) NOT NULL,
    responsible         VARCHAR(200),
    complete_by         DATE,
    submitted_by        VARCHAR(64)   NOT NULL,
    submitted_at        DATETIME      NOT NULL,
    CONSTRAINT fk_action_analysis FOREIGN KEY (analysis_id) REFERENCES complaint_analysis (id),
    CONSTRAINT uk_action_round UNIQUE (analysis_id, department, review_round)
);

CREATE TABLE complaint_analysis_review (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    analysis_id  BIGINT        NOT NULL,
    review_round INT           NOT NULL,
    approved     BOOLEAN       NOT NULL,
    note         VARCHAR(4000),
    reviewed_by  VARCHAR(64)   NOT NULL,
    reviewed_at  DATETIME      NOT NULL,
    CONSTRAINT fk_review_analysis FOREIGN KEY (analysis_id) REFERENCES complaint_analysis (id),
    CONSTRAINT uk_review_round UNIQUE (analysis_id, review_round)
);
