package com.propertydesk.ticket.api;

import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.Channel;
import com.propertydesk.ticket.Resolution;
import com.propertydesk.ticket.TicketStatus;
import com.propertydesk.ticket.TicketType;
import com.propertydesk.ticket.Urgency;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** A ticket in a list: no timeline, and the reporter's phone always masked. */
@Schema(name = "TicketSummary")
public record TicketSummary(
        String ticketNo,
        TicketType type,
        Channel channel,
        TicketStatus status,
        Category category,
        Urgency urgency,
        boolean major,
        String department,
        String handler,
        String receivedBy,
        ReporterView reporter,
        OffsetDateTime createdAt,
        OffsetDateTime responseDueAt,
        OffsetDateTime resolveDueAt,
        Resolution resolution) {
}
