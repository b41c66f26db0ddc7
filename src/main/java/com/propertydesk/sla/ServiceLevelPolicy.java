package com.propertydesk.sla;

import com.propertydesk.ticket.ServiceTerms;
import com.propertydesk.ticket.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/**
 * Turns the durations of the ticket-sla decision into due dates and task priorities. Durations are ISO-8601
 * ({@code PT15M}, {@code PT4H}, {@code P3D}) so that process owners can edit them in Camunda Modeler; they are
 * service time: around the clock for emergencies, service hours on working days ({@link BusinessCalendar}) for
 * the rest.
 */
@Component
public class ServiceLevelPolicy {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final ZoneId zone;
    private final BusinessCalendar calendar;

    public ServiceLevelPolicy(ZoneId zone, BusinessCalendar calendar) {
        this.zone = zone;
        this.calendar = calendar;
    }

    /** A moment as staff read it in timeline notes: "11月25日 10:00" in the service centre's zone. */
    public String showTime(Instant instant) {
        return SHOWN.format(instant.atZone(zone));
    }

    /**
     * The ticket's due dates counted from a start (its receipt, or a reopening): response, resolution, and twice
     * the resolution time for the general manager.
     */
    public ServiceTerms terms(Instant start, Urgency urgency, String responseWithin, String resolveWithin,
            String callbackWithin) {
        parse(callbackWithin, "callbackWithin");
        Duration resolve = parse(resolveWithin, "resolveWithin");
        return new ServiceTerms(responseWithin, resolveWithin, callbackWithin,
                dueAfter(start, responseWithin, urgency, "responseWithin"),
                dueAfter(start, resolve, urgency),
                dueAfter(start, resolve.multipliedBy(2), urgency));
    }

    /**
     * When a period of service time that starts at start ends: around the clock for an EMERGENCY, in service
     * hours on working days otherwise.
     */
    public Instant dueAfter(Instant start, String within, Urgency urgency, String what) {
        return dueAfter(start, parse(within, what), urgency);
    }

    public Instant dueAfter(Instant start, Duration serviceTime, Urgency urgency) {
        return urgency == Urgency.EMERGENCY ? start.plus(serviceTime) : calendar.addServiceTime(start, serviceTime);
    }

    /** The service time left between two moments, counted as {@link #dueAfter} counts it. */
    public Duration remaining(Instant from, Instant due, Urgency urgency) {
        if (!due.isAfter(from)) {
            return Duration.ZERO;
        }
        return urgency == Urgency.EMERGENCY ? Duration.between(from, due) : calendar.serviceTimeBetween(from, due);
    }

    /** Task priority shown and sorted by in Tasklist: the more urgent, the higher. */
    public int taskPriority(Urgency urgency) {
        if (urgency == null) {
            return 50;
        }
        return switch (urgency) {
            case EMERGENCY -> 100;
            case HIGH -> 75;
            case NORMAL -> 50;
            case LOW -> 25;
        };
    }

    static Duration parse(String iso, String what) {
        if (iso == null || iso.isBlank()) {
            throw new IllegalArgumentException("ticket-sla gave no " + what);
        }
        try {
            Duration duration = Duration.parse(iso.trim());
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("ticket-sla " + what + " must be positive, was " + iso);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "ticket-sla " + what + " is not an ISO-8601 duration such as PT2H or P3D: " + iso, e);
        }
    }

    /** "PT15M" → "15分钟", "PT4H" → "4小时", "P3D" → "3天", for timeline notes staff read. */
    public static String describe(String iso) {
        Duration duration = parse(iso, "duration");
        StringBuilder text = new StringBuilder();
        if (duration.toDaysPart() > 0) {
            text.append(duration.toDaysPart()).append("天");
        }
        if (duration.toHoursPart() > 0) {
            text.append(duration.toHoursPart()).append("小时");
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append("分钟");
        }
        return text.isEmpty() ? duration.toSeconds() + "秒" : text.toString();
    }
}
