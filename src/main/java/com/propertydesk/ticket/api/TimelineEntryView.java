package com.propertydesk.ticket.api;

import com.propertydesk.ticket.TimelineStage;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.OffsetDateTime;

/** One stage of the ticket: when, which stage, who, what, and the note they left. */
@Schema(name = "TimelineEntry")
public record TimelineEntryView(
        @Schema(requiredMode = RequiredMode.REQUIRED) OffsetDateTime at,
        @Schema(requiredMode = RequiredMode.REQUIRED) TimelineStage stage,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "派单") String stageLabel,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "User id, or 'system' for steps the engine took")
        String actor,
        @Schema(requiredMode = RequiredMode.REQUIRED) String action,
        String note) {
}
