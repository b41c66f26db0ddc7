package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.OffsetDateTime;

/** Evidence attached to a ticket (photo, video, document). */
@Schema(name = "Attachment")
public record AttachmentView(
        @Schema(requiredMode = RequiredMode.REQUIRED) long id,
        @Schema(requiredMode = RequiredMode.REQUIRED) String fileName,
        @Schema(requiredMode = RequiredMode.REQUIRED) String contentType,
        @Schema(requiredMode = RequiredMode.REQUIRED) long size,
        @Schema(requiredMode = RequiredMode.REQUIRED) String sha256,
        @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime uploadedAt,
        @Schema(requiredMode = RequiredMode.REQUIRED) String uploadedBy,
        @Schema(requiredMode = RequiredMode.REQUIRED,
                description = "Where to download it (same authorization as the ticket)")
        String url) {
}
