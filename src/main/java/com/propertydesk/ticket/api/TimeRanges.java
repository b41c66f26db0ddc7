package com.propertydesk.ticket.api;

import com.propertydesk.config.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code from}/{@code to} query parameters of lists and reports: an ISO date means the whole day in
 * the service centre's time zone, a date-time with offset means that instant.
 */
@Component
public class TimeRanges {

    /** A half-open range [from, to); either end may be open (null). */
    public record Range(Instant from, Instant to) {
    }

    private final ZoneId zone;

    public TimeRanges(ZoneId zone) {
        this.zone = zone;
    }

    public Range parse(String from, String to) {
        Instant start = bound("from", from, false);
        Instant end = bound("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        return new Range(start, end);
    }

    private Instant bound(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Instant bound;
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                bound = (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } else {
                bound = OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name,
                    "must be an ISO date (2026-11-01) or date-time with offset (2026-11-01T08:00:00+08:00)");
        }
        if (bound.isBefore(EARLIEST) || bound.isAfter(LATEST)) {
            throw new InvalidFieldException(name, "must lie between the years 1970 and 9999");
        }
        return bound;
    }

    /** What a DATETIME column of MySQL holds, and no ticket before the Unix epoch. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");
}
