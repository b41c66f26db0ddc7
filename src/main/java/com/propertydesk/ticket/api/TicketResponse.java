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
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A ticket with its timeline, as integrators read it. */
@Schema(name = "Ticket")
public record TicketResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "C-20261124-0001") String ticketNo,
        @Schema(requiredMode = RequiredMode.REQUIRED) TicketType type,
        @Schema(requiredMode = RequiredMode.REQUIRED) Channel channel,
        @Schema(requiredMode = RequiredMode.REQUIRED) TicketStatus status,
        Category category,
        Urgency urgency,
        @Schema(requiredMode = RequiredMode.REQUIRED) boolean major,
        ImpactScope impactScope,
        Boolean publicArea,
        @Schema(description = "Camunda group id of the department in charge", example = "engineering")
        String department,
        @Schema(description = "User id of the staff member handling it") String handler,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Who took the ticket in (首问责任人)") String receivedBy,
        @Schema(requiredMode = RequiredMode.REQUIRED) ReporterView reporter,
        String location,
        OffsetDateTime occurredAt,
        @Schema(requiredMode = RequiredMode.REQUIRED) String description,
        String demand,
        @Schema(requiredMode = RequiredMode.REQUIRED) int repeatCount,
        @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime createdAt,
        OffsetDateTime responseDueAt,
        OffsetDateTime resolveDueAt,
        OffsetDateTime callbackDueAt,
        @Schema(description = "Still open at this moment, the general manager is told (三级升级)") OffsetDateTime gmDueAt,
        @Schema(description = "Set while the resolution clock is paused (the owner is away)") OffsetDateTime pausedAt,
        OffsetDateTime respondedAt,
        OffsetDateTime handledAt,
        OffsetDateTime archivedAt,
        @Schema(description = "Repairs: a site survey was asked for at intake") Boolean needsSurvey,
        @Schema(description = "Repairs: what the site survey found") String surveyNote,
        @Schema(description = "Repairs: the survey found parts are needed") Boolean needsParts,
        @Schema(description = "Repairs: the visit agreed with the owner (约定上门时间)") OffsetDateTime appointmentAt,
        String actionTaken,
        Responsibility responsibility,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Repairs: parts used (材料)") List<PartView> parts,
        @Schema(description = "Repairs: paid by the owner (有偿) or free (无偿); null until handled") Boolean chargeable,
        @Schema(description = "Repairs: amount charged in yuan; 0 for a free repair", example = "80.00")
        BigDecimal charge,
        @Schema(description = "The owner's rating, 1 to 5") Integer rating,
        Resolution resolution,
        Satisfaction satisfaction,
        @Schema(requiredMode = RequiredMode.REQUIRED) int reworkCount,
        @Schema(requiredMode = RequiredMode.REQUIRED) int reopenCount,
        @Schema(requiredMode = RequiredMode.REQUIRED) List<EscalationView> escalations,
        @Schema(requiredMode = RequiredMode.REQUIRED) List<AttachmentView> attachments,
        @Schema(requiredMode = RequiredMode.REQUIRED) List<TimelineEntryView> timeline) {
}
