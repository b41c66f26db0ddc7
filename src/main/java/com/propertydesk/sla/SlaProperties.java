package com.propertydesk.sla;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service hours and the holiday calendar. EMERGENCY tickets run around the clock; the others count only
 * service hours on working days.
 *
 * @param opensAt     start of service hours (服务时间), in the service centre's zone
 * @param closesAt    end of service hours
 * @param workingDays the ordinary working days; public holidays and 调休 working weekends come from the calendar
 * @param calendarDir a folder of per-year files (2026.yaml …) operators edit; a file there replaces the built-in
 *                    one of the same year
 */
@ConfigurationProperties("propertydesk.sla")
public record SlaProperties(
        @DefaultValue("08:30") LocalTime opensAt,
        @DefaultValue("18:00") LocalTime closesAt,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingDays,
        @DefaultValue("config/calendar") Path calendarDir) {

    public SlaProperties {
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("propertydesk.sla.opens-at must be before closes-at");
        }
    }
}
