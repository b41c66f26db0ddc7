package com.propertydesk.ticket.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The owner who reports. The room is what the front desk records (前台只提供房号). */
@Schema(name = "Reporter")
public record ReporterRequest(
        @Schema(example = "王女士") @Size(max = 64) String name,
        @Schema(description = "Mobile (13800138000) or landline with area code (021-61234567)",
                example = "13800138000")
        @NotBlank @Pattern(regexp = PHONE, message = "must be a mobile number (11 digits starting with 1) "
                + "or a landline with area code such as 021-61234567")
        String phone,
        @Schema(description = "Room (房号) such as 3-1-1201", example = "3-1-1201")
        @NotBlank @Size(max = 64) String room) {

    static final String PHONE = "^(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?)$";
}
