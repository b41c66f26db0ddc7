package com.propertydesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/** The stage a ticket is waiting in. */
@Schema(enumAsRef = true, description = "The stage a ticket is waiting in.")
public enum TicketStatus implements Labelled {
    RECEIVED("已受理"),
    DISPATCHED("待派单"),
    IN_PROGRESS("处理中"),
    VERIFYING("核查验收中"),
    CALLBACK("待回访"),
    ARCHIVED("已归档");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
