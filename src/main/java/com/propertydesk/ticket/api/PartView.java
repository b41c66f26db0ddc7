package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.OffsetDateTime;

@Schema(name = "Part")
public record PartView(
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "水龙头") String name,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "1") int quantity,
        OffsetDateTime usedAt,
        String usedBy) {
}
