package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

@Schema(name = "ReporterView")
public record ReporterView(
        String name,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "138****8000") String phone,
        @Schema(requiredMode = RequiredMode.REQUIRED) String room) {
}
