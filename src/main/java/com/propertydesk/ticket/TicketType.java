package com.propertydesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/** Kind of ticket: an owner complaint (投诉) or a repair request (报修). */
@Schema(enumAsRef = true, description = "Kind of ticket: an owner complaint (投诉) or a repair request (报修).")
public enum TicketType implements Labelled {
    COMPLAINT("投诉"),
    REPAIR("报修");

    private final String label;

    TicketType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
