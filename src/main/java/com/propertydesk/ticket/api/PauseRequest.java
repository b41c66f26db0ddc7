package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the resolution clock stops: the ticket waits for the owner. */
@Schema(name = "PauseRequest")
public record PauseRequest(
        @Schema(example = "业主出差，改约下周一上门") @NotBlank @Size(max = 500) String reason) {
}
