package com.propertydesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/** Channel the ticket came in by (受理渠道). */
@Schema(enumAsRef = true, description = "Channel the ticket came in by (受理渠道).")
public enum Channel implements Labelled {
    PHONE("来电"),
    WALK_IN("来访"),
    WECHAT("微信"),
    APP("APP"),
    EMAIL("邮件"),
    LETTER("来函");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
