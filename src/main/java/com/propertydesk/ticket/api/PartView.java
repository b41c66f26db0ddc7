package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

@Schema(name = "Part")
public record PartView(@Schema(example = "水龙头") String name, @Schema(example = "1") int quantity,
        OffsetDateTime usedAt, String usedBy) {
}
