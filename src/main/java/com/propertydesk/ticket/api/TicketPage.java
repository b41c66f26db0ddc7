package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * One page of tickets, newest first. {@code page} counts from 0. Matches are counted up to {@value #MAX_RESULTS}
 * (so that a list stays quick over millions of tickets): beyond that {@code totalElements} is {@value #MAX_RESULTS}
 * and {@code totalExact} false, and only the first {@value #MAX_RESULTS} can be paged; narrow the search to see more.
 */
public record TicketPage(
        @Schema(requiredMode = RequiredMode.REQUIRED) List<TicketSummary> items,
        @Schema(requiredMode = RequiredMode.REQUIRED) int page,
        @Schema(requiredMode = RequiredMode.REQUIRED) int size,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "matching tickets, counted up to 10000")
        long totalElements,
        @Schema(requiredMode = RequiredMode.REQUIRED) int totalPages,
        @Schema(requiredMode = RequiredMode.REQUIRED,
                description = "false when more than 10000 tickets match (totalElements is then 10000)")
        boolean totalExact) {

    public static final int MAX_RESULTS = 10_000;
}
