package com.propertydesk.ticket.api;

import java.util.List;

/** One page of tickets, newest first. {@code page} counts from 0. */
public record TicketPage(List<TicketSummary> items, int page, int size, long totalElements, int totalPages) {
}
