package com.propertydesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/** How fast the ticket must be answered; decided by the ticket-urgency decision. */
@Schema(enumAsRef = true, description = "How fast the ticket must be answered; decided by the ticket-urgency decision.")
public enum Urgency implements Labelled {
    EMERGENCY("紧急"),
    HIGH("高"),
    NORMAL("一般"),
    LOW("低");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
