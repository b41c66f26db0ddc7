package com.propertydesk.ticket.api;

import com.propertydesk.ticket.TimelineStage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One stage of the ticket: when, which stage, who, what, and the note they left. */
@Schema(name = "TimelineEntry")
public record TimelineEntryView(
        OffsetDateTime at,
        TimelineStage stage,
        @Schema(example = "派单") String stageLabel,
        @Schema(description = "User id, or 'system' for steps the engine took") String actor,
        String action,
        String note) {
}
