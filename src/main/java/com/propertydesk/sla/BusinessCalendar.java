package com.propertydesk.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Service hours on working days: Monday to Friday (configurable) minus public holidays, plus the weekends that
 * are worked to make up for them (调休). Holidays come from one file per year, {@code <calendarDir>/2026.yaml}
 * first, then the built-in {@code calendar/2026.yaml}; a year without a file counts its ordinary working days
 * and logs which file to add. Files are read again when they change, so operators need no restart.
 */
@Component
public class BusinessCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(BusinessCalendar.class);
    /** Longest span a due date may be searched for (a misconfigured calendar must not loop forever). */
    private static final int MAX_DAYS = 3 * 366;

    private final SlaProperties properties;
    private final ZoneId zone;
    private final Map<Integer, YearCalendar> years = new ConcurrentHashMap<>();

    /** One year's holidays and make-up working days, and where they came from. */
    record YearCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays, Path file, long modified) {
    }

    public BusinessCalendar(SlaProperties properties, ZoneId zone) {
        this.properties = properties;
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        YearCalendar year = year(day.getYear());
        if (year.holidays().contains(day)) {
            return false;
        }
        return year.workdays().contains(day) || properties.workingDays().contains(day.getDayOfWeek());
    }

    /** The moment that lies the given amount of service time after start. */
    public Instant addServiceTime(Instant start, Duration serviceTime) {
        Duration remaining = serviceTime;
        LocalDateTime cursor = LocalDateTime.ofInstant(start, zone);
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate();
            if (isWorkingDay(day)) {
                LocalDateTime opens = day.atTime(properties.opensAt());
                LocalDateTime closes = day.atTime(properties.closesAt());
                LocalDateTime from = cursor.isBefore(opens) ? opens : cursor;
                if (from.isBefore(closes)) {
                    Duration available = Duration.between(from, closes);
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining).atZone(zone).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = day.plusDays(1).atStartOfDay();
        }
        throw new IllegalStateException("No service hours within " + MAX_DAYS + " days of " + start
                + ": check propertydesk.sla and the holiday calendar");
    }

    /** How much service time lies between two moments (zero if to is not after from). */
    public Duration serviceTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDateTime cursor = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        for (int i = 0; i < MAX_DAYS && cursor.isBefore(end); i++) {
            LocalDate day = cursor.toLocalDate();
            if (isWorkingDay(day)) {
                LocalDateTime opens = day.atTime(properties.opensAt());
                LocalDateTime closes = day.atTime(properties.closesAt());
                LocalDateTime a = cursor.isBefore(opens) ? opens : cursor;
                LocalDateTime b = end.isBefore(closes) ? end : closes;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            cursor = day.plusDays(1).atStartOfDay();
        }
        return total;
    }

    private YearCalendar year(int year) {
        YearCalendar cached = years.get(year);
        Path external = properties.calendarDir().resolve(year + ".yaml");
        long modified = lastModified(external);
        if (cached != null && modified == cached.modified()) {
            return cached;
        }
        YearCalendar loaded = load(year, external, modified);
        years.put(year, loaded);
        return loaded;
    }

    private YearCalendar load(int year, Path external, long modified) {
        if (modified >= 0) {
            try (InputStream in = Files.newInputStream(external)) {
                LOG.info("Holiday calendar {} from {}", year, external.toAbsolutePath());
                return parse(year, in, external, modified);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read holiday calendar " + external, e);
            }
        }
        String resource = "calendar/" + year + ".yaml";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warn("No holiday calendar for {}: counting {} as working days; add {} (国务院办公厅节假日安排)",
                        year, properties.workingDays(), external.toAbsolutePath());
                return new YearCalendar(Set.of(), Set.of(), null, modified);
            }
            return parse(year, in, null, modified);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read holiday calendar " + resource, e);
        }
    }

    static YearCalendar parse(int year, InputStream in, Path file, long modified) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (!(document instanceof Map<?, ?> map) || !Integer.valueOf(year).equals(map.get("year"))) {
            throw new IllegalStateException("Holiday calendar " + (file == null ? year : file)
                    + " must be a map with year: " + year);
        }
        return new YearCalendar(days(map.get("holidays"), year), days(map.get("workdays"), year), file, modified);
    }

    private static Set<LocalDate> days(Object entries, int year) {
        Set<LocalDate> days = new HashSet<>();
        if (entries == null) {
            return days;
        }
        for (Object entry : (List<?>) entries) {
            if (entry instanceof Date date) {
                // YAML reads a bare 2026-01-04 as a timestamp at midnight UTC
                LocalDate day = date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
                if (day.getYear() != year) {
                    throw new IllegalStateException("Holiday calendar " + year + ": " + day + " is not in " + year);
                }
                days.add(day);
                continue;
            }
            String text = String.valueOf(entry).strip();
            try {
                String[] range = text.split("\\.\\.");
                LocalDate first = LocalDate.parse(range[0].strip());
                LocalDate last = range.length > 1 ? LocalDate.parse(range[1].strip()) : first;
                if (first.getYear() != year || last.isBefore(first) || first.plusDays(60).isBefore(last)) {
                    throw new IllegalStateException("Holiday calendar " + year + ": '" + text
                            + "' must be a day or a short range of days in " + year);
                }
                first.datesUntil(last.plusDays(1)).forEach(days::add);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("Holiday calendar " + year + ": '" + text
                        + "' is not yyyy-MM-dd or yyyy-MM-dd..yyyy-MM-dd", e);
            }
        }
        return days;
    }

    private static long lastModified(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
