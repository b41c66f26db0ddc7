package com.propertydesk.ticket;

/**
 * What classification and the urgency, SLA and routing decisions concluded for a ticket. The category is null
 * for a repair whose description names none: the site survey classifies it.
 */
public record Triage(
        Category category,
        ImpactScope impactScope,
        Boolean publicArea,
        Urgency urgency,
        boolean major,
        String department,
        String responseWithin,
        String resolveWithin,
        String callbackWithin) {
}
