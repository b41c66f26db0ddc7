package com.propertydesk.ticket;

/** How fast the ticket must be answered; decided by the ticket-urgency decision. */
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
