package com.propertydesk.ticket.api;

import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.Channel;
import com.propertydesk.ticket.Resolution;
import com.propertydesk.ticket.TicketStatus;
import com.propertydesk.ticket.TicketType;
import com.propertydesk.ticket.Urgency;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.OffsetDateTime;

/** A ticket in a list: no timeline, and the reporter's phone always masked. */
@Schema(name = "TicketSummary")
public record TicketSummary(
        @Schema(requiredMode = RequiredMode.REQUIRED) String ticketNo,
        @Schema(requiredMode = RequiredMode.REQUIRED) TicketType type,
        @Schema(requiredMode = RequiredMode.REQUIRED) Channel channel,
        @Schema(requiredMode = RequiredMode.REQUIRED) TicketStatus status,
        Category category,
        Urgency urgency,
        @Schema(requiredMode = RequiredMode.REQUIRED) boolean major,
        String department,
        String handler,
        @Schema(requiredMode = RequiredMode.REQUIRED) String receivedBy,
        @Schema(requiredMode = RequiredMode.REQUIRED) ReporterView reporter,
        @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime createdAt,
        OffsetDateTime responseDueAt,
        OffsetDateTime resolveDueAt,
        Resolution resolution) {
}
