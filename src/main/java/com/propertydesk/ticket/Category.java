package com.propertydesk.ticket;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the ticket is about; decides the department through the ticket-routing decision. */
@Schema(enumAsRef = true,
        description = "What the ticket is about; decides the department through the ticket-routing decision.")
public enum Category implements Labelled {
    ENGINEERING("工程维修"),
    CLEANING_GREENING("清洁绿化"),
    SECURITY_ORDER("安保秩序"),
    CUSTOMER_SERVICE("客户服务"),
    NEIGHBOR_DISPUTE("邻里纠纷"),
    OTHER("其他");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
