package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The owner's answer from a self-service channel: the acceptance of a repair (验收) while it awaits one, or a
 * rating once the ticket has been handled.
 */
@Schema(name = "Feedback")
public record FeedbackRequest(
        @Schema(description = "Required while a private-area repair awaits the owner's acceptance; false sends it "
                + "back for rework") Boolean accepted,
        @Schema(description = "1 (very poor) to 5 (very good)", example = "5") @Min(1) @Max(5) Integer rating,
        @Schema(example = "师傅很专业") @Size(max = 500) String comment) {
}
