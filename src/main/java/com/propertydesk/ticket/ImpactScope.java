package com.propertydesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/** How many owners a problem affects. */
@Schema(enumAsRef = true, description = "How many owners a problem affects.")
public enum ImpactScope implements Labelled {
    INDIVIDUAL("个体"),
    AREA("局部区域"),
    COMMUNITY("整个小区");

    private final String label;

    ImpactScope(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
