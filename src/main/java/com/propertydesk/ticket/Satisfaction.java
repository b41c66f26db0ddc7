package com.propertydesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/** The owner's answer in the callback (回访). */
@Schema(enumAsRef = true, name = "SatisfactionLevel", description = "The owner's answer in the callback (回访).")
public enum Satisfaction implements Labelled {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
