package com.propertydesk.ticket.api;

import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.Channel;
import com.propertydesk.ticket.ImpactScope;
import com.propertydesk.ticket.Resolution;
import com.propertydesk.ticket.Responsibility;
import com.propertydesk.ticket.Satisfaction;
import com.propertydesk.ticket.TicketStatus;
import com.propertydesk.ticket.TicketType;
import com.propertydesk.ticket.Urgency;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** A ticket with its timeline, as integrators read it. */
@Schema(name = "Ticket")
public record TicketResponse(
        @Schema(example = "C-20261124-0001") String ticketNo,
        TicketType type,
        Channel channel,
        TicketStatus status,
        Category category,
        Urgency urgency,
        boolean major,
        ImpactScope impactScope,
        Boolean publicArea,
        @Schema(description = "Camunda group id of the department in charge", example = "engineering")
        String department,
        @Schema(description = "User id of the staff member handling it") String handler,
        @Schema(description = "Who took the ticket in (首问责任人)") String receivedBy,
        ReporterView reporter,
        String location,
        OffsetDateTime occurredAt,
        String description,
        String demand,
        int repeatCount,
        OffsetDateTime createdAt,
        OffsetDateTime responseDueAt,
        OffsetDateTime resolveDueAt,
        OffsetDateTime callbackDueAt,
        OffsetDateTime respondedAt,
        OffsetDateTime handledAt,
        OffsetDateTime archivedAt,
        String actionTaken,
        Responsibility responsibility,
        Resolution resolution,
        Satisfaction satisfaction,
        int reworkCount,
        int reopenCount,
        List<EscalationView> escalations,
        List<AttachmentView> attachments,
        List<TimelineEntryView> timeline) {
}
