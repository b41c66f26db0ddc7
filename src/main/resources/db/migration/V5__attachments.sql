-- Evidence attached to tickets (photos, videos, documents); the files live in an AttachmentStorage.

CREATE TABLE ticket_attachment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id    BIGINT       NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size         BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    storage_key  VARCHAR(200) NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  DATETIME     NOT NULL,
    CONSTRAINT fk_attachment_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT uk_attachment_storage UNIQUE (storage_key)
);

CREATE INDEX ix_attachment_ticket ON ticket_attachment (ticket_id, uploaded_at);
