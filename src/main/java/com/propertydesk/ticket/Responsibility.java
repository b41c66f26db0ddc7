package com.propertydesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/** Who caused the problem (责任归属); decides whether a repair is charged. */
@Schema(enumAsRef = true, description = "Who caused the problem (责任归属); decides whether a repair is charged.")
public enum Responsibility implements Labelled {
    PROPERTY("物业内部"),
    DEVELOPER("开发商遗留"),
    VENDOR("第三方"),
    OWNER("业主自身"),
    OTHER("其他");

    private final String label;

    Responsibility(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
