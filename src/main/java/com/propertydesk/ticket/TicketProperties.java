package com.propertydesk.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ticket intake settings.
 *
 * @param repeatWindow how far back an earlier ticket from the same room makes a new one a repeat (重复投诉)
 */
@ConfigurationProperties("propertydesk.tickets")
public record TicketProperties(@DefaultValue("P30D") Duration repeatWindow) {
}
