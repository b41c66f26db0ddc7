package com.propertydesk.ticket.api;

import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.TicketStatus;
import com.propertydesk.ticket.TicketType;
import com.propertydesk.ticket.Urgency;
import java.time.Instant;

/** The filters of the ticket list; null means any. Tickets created in [from, to). */
public record TicketFilter(
        TicketStatus status,
        TicketType type,
        Category category,
        Urgency urgency,
        String department,
        Instant from,
        Instant to) {
}
