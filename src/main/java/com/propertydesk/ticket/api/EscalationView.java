package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.OffsetDateTime;

@Schema(name = "Escalation")
public record EscalationView(
        @Schema(requiredMode = RequiredMode.REQUIRED) int level,
        @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime at,
        OffsetDateTime dueAt,
        @Schema(requiredMode = RequiredMode.REQUIRED) String reason,
        String notified) {
}
