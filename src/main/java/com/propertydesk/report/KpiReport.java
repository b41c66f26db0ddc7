package com.propertydesk.report;

import com.propertydesk.ticket.TicketType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The service-quality indicators of a period (CONTRACT.md), each with numerator, denominator and definition. */
@Schema(name = "Kpis")
public record KpiReport(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime from,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime to,
        String department,
        TicketType type,
        @Schema(description = "Tickets received (受理) in the period", requiredMode = Schema.RequiredMode.REQUIRED) long received,
        @Schema(description = "受理及时率", requiredMode = Schema.RequiredMode.REQUIRED) Indicator responseOnTimeRate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Indicator resolvedWithin24hRate,
        @Schema(description = "一次性解决率", requiredMode = Schema.RequiredMode.REQUIRED) Indicator firstTimeResolutionRate,
        @Schema(description = "处理周期", requiredMode = Schema.RequiredMode.REQUIRED) Indicator avgResolutionHours,
        @Schema(description = "升级率", requiredMode = Schema.RequiredMode.REQUIRED) Indicator escalationRate,
        @Schema(description = "满意度", requiredMode = Schema.RequiredMode.REQUIRED) Indicator satisfactionRate,
        @Schema(description = "返工率", requiredMode = Schema.RequiredMode.REQUIRED) Indicator reworkRate,
        @Schema(description = "Tickets received in the period by category", requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Long> byCategory,
        @Schema(description = "Tickets received in the period by department", requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Long> byDepartment,
        @Schema(description = "Tickets received in the period by urgency", requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Long> byUrgency,
        @Schema(description = "常见故障类型: repair requests received in the period by category, most frequent first",
                requiredMode = Schema.RequiredMode.REQUIRED)
        List<CategoryCount> commonRepairFaults) {

    /** A category and how many tickets had it. */
    public record CategoryCount(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String category, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String label,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long count) {
    }
}
