package com.propertydesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/** Final state of an archived ticket. */
@Schema(enumAsRef = true, description = "Final state of an archived ticket.")
public enum Resolution implements Labelled {
    RESOLVED("已解决"),
    FOLLOWED_UP("已跟进"),
    NOT_ACCEPTED("客户不接受");

    private final String label;

    Resolution(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
