package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ReporterView")
public record ReporterView(String name, @Schema(example = "138****8000") String phone, String room) {
}
