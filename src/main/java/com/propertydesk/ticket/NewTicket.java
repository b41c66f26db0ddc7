package com.propertydesk.ticket;

import java.time.Instant;

/** What a reporter told us, already validated: the input of {@link Ticket#receive}. */
public record NewTicket(
        TicketType type,
        Channel channel,
        String reporterName,
        String reporterPhone,
        String reporterRoom,
        String location,
        Instant occurredAt,
        String description,
        String demand,
        Category category,
        ImpactScope impactScope,
        Boolean publicArea,
        Boolean needsSurvey) {

    public NewTicket {
        reporterName = trimmed(reporterName);
        reporterPhone = trimmed(reporterPhone);
        reporterRoom = trimmed(reporterRoom);
        location = trimmed(location);
        description = trimmed(description);
        demand = trimmed(demand);
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
