package com.propertydesk.ticket;

import java.time.Instant;

/**
 * The service-level terms of a ticket as the ticket-sla decision gave them (ISO-8601 durations) and the due
 * dates computed from them: response (level 1 escalation), resolution (level 2) and twice the resolution time
 * (level 3, the general manager).
 */
public record ServiceTerms(
        String responseWithin,
        String resolveWithin,
        String callbackWithin,
        Instant responseDueAt,
        Instant resolveDueAt,
        Instant gmDueAt) {
}
