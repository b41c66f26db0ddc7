package com.propertydesk.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** A calendar quarter (季度), 1 to 4, in the service centre's time zone. */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4");
        }
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The last quarter that has ended on the given day: at any time in July, the second quarter. */
    public static Quarter lastEnded(LocalDate today) {
        return of(today).previous();
    }

    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    public Quarter sameQuarterLastYear() {
        return new Quarter(year - 1, quarter);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The first day of the next quarter (exclusive end). */
    public LocalDate endDay() {
        return firstDay().plusMonths(3);
    }

    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return endDay().atStartOfDay(zone).toInstant();
    }

    public YearMonth firstMonth() {
        return YearMonth.from(firstDay());
    }

    /** 2026年第3季度 */
    public String label() {
        return year + "年第" + quarter + "季度";
    }

    /** 2026-Q3, also the business key's suffix. */
    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
    }
}
