package com.propertydesk.report;

import com.propertydesk.ticket.TicketType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The service-quality indicators of a period (CONTRACT.md), each with numerator, denominator and definition. */
@Schema(name = "Kpis")
public record KpiReport(
        OffsetDateTime from,
        OffsetDateTime to,
        String department,
        TicketType type,
        @Schema(description = "Tickets received (受理) in the period") long received,
        @Schema(description = "受理及时率") Indicator responseOnTimeRate,
        Indicator resolvedWithin24hRate,
        @Schema(description = "一次性解决率") Indicator firstTimeResolutionRate,
        @Schema(description = "处理周期") Indicator avgResolutionHours,
        @Schema(description = "升级率") Indicator escalationRate,
        @Schema(description = "满意度") Indicator satisfactionRate,
        @Schema(description = "返工率") Indicator reworkRate,
        @Schema(description = "Tickets received in the period by category") Map<String, Long> byCategory,
        @Schema(description = "Tickets received in the period by department") Map<String, Long> byDepartment,
        @Schema(description = "Tickets received in the period by urgency") Map<String, Long> byUrgency,
        @Schema(description = "常见故障类型: repair requests received in the period by category, most frequent first")
        List<CategoryCount> commonRepairFaults) {

    /** A category and how many tickets had it. */
    public record CategoryCount(String category, String label, long count) {
    }
}
