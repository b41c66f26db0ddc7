package com.propertydesk.report;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One service-quality indicator: its value (null when there is nothing to measure), how it was computed and
 * what it means.
 */
@Schema(name = "Indicator")
public record Indicator(
        @Schema(description = "numerator ÷ denominator; a rate between 0 and 1, or hours for an average", example = "0.8929")
        Double value,
        @Schema(example = "50", requiredMode = Schema.RequiredMode.REQUIRED) double numerator,
        @Schema(example = "56", requiredMode = Schema.RequiredMode.REQUIRED) long denominator,
        @Schema(example = "rate", requiredMode = Schema.RequiredMode.REQUIRED) String unit,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String definition) {

    static Indicator rate(long numerator, long denominator, String definition) {
        return new Indicator(denominator == 0 ? null : round((double) numerator / denominator, 4), numerator,
                denominator, "rate", definition);
    }

    static Indicator averageHours(long totalMinutes, long count, String definition) {
        double hours = totalMinutes / 60.0;
        return new Indicator(count == 0 ? null : round(hours / count, 2), round(hours, 2), count, "hours",
                definition);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
