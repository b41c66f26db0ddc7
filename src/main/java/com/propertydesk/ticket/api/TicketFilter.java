package com.propertydesk.ticket.api;

import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.TicketStatus;
import com.propertydesk.ticket.TicketType;
import com.propertydesk.ticket.Urgency;
import java.time.Instant;

/**
 * The filters of the ticket list; null means any. Tickets created in [from, to); {@code receivedBy}: the tickets one
 * account took in (首问负责制: the staff member who took a ticket in follows it to the end).
 */
public record TicketFilter(
        TicketStatus status,
        TicketType type,
        Category category,
        Urgency urgency,
        String department,
        String receivedBy,
        Instant from,
        Instant to) {
}
