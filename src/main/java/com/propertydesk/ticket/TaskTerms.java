package com.propertydesk.ticket;

import java.time.Instant;

/** What a newly created user task shows in Tasklist: due date, priority and a readable name suffix. */
public record TaskTerms(Instant dueAt, int priority, String ticketNo, String room) {
}
