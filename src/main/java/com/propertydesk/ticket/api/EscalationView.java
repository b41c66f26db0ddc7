package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

@Schema(name = "Escalation")
public record EscalationView(int level, OffsetDateTime at, OffsetDateTime dueAt, String reason, String notified) {
}
