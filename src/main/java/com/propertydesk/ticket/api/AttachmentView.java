package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** Evidence attached to a ticket (photo, video, document). */
@Schema(name = "Attachment")
public record AttachmentView(long id, String fileName, String contentType, long size, String sha256,
        OffsetDateTime uploadedAt, String uploadedBy,
        @Schema(description = "Where to download it (same authorization as the ticket)") String url) {
}
