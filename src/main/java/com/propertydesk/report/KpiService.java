package com.propertydesk.report;

import com.propertydesk.report.KpiCounts.Profile;
import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.TicketType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Service;

/**
 * Computes the service-quality indicators in the database, never by loading tickets: the whole days of a period
 * from the daily facts ({@link KpiFacts}, a few thousand rows for a year), the hours before the first and after
 * the last whole day from the tickets (index range scans of V4__kpi.sql). Three cohorts, by the moment that
 * matters: tickets <em>received</em> in the period (created), <em>dispatched</em> in the period (first dispatch
 * accepted) and <em>archived</em> in the period (closed). The definitions below are the ones the README lists.
 */
@Service
public class KpiService {

    static final String RECEIVED = "tickets received in the period";
    static final String RESPONSE_ON_TIME = "tickets whose first dispatch was accepted by their response due date "
            + "÷ tickets dispatched in the period";
    static final String WITHIN_24H = "tickets archived in the period that were handled within 24 hours of "
            + "receipt ÷ tickets archived in the period that were handled";
    static final String FIRST_TIME = "tickets archived in the period with no reopen and no rework ÷ tickets "
            + "archived in the period";
    static final String AVERAGE_HOURS = "hours from receipt to the last handling, summed over the tickets archived "
            + "in the period that were handled ÷ their number";
    static final String ESCALATION = "tickets received in the period that were escalated at least once ÷ tickets "
            + "received in the period";
    static final String SATISFACTION = "tickets archived in the period whose owner answered SATISFIED or "
            + "BASICALLY_SATISFIED ÷ tickets archived in the period whose owner answered the callback";
    static final String REWORK = "tickets archived in the period with at least one rework ÷ tickets archived in "
            + "the period";

    private static final int COMMON_FAULTS = 5;
    private static final String UNKNOWN = "UNKNOWN";

    private final KpiFacts facts;
    private final ZoneId zone;

    public KpiService(KpiFacts facts, ZoneId zone) {
        this.facts = facts;
        this.zone = zone;
    }

    public KpiReport compute(Instant from, Instant to, String department, TicketType type) {
        facts.refresh();
        Map<Profile, KpiCounts> counts = counts(from, to, department, type == null ? null : type.name());
        KpiCounts total = counts.values().stream().reduce(KpiCounts.ZERO, KpiCounts::plus);
        return new KpiReport(from.atZone(zone).toOffsetDateTime(), to.atZone(zone).toOffsetDateTime(), department,
                type, total.received(),
                Indicator.rate(total.dispatchedOnTime(), total.dispatched(), RESPONSE_ON_TIME),
                Indicator.rate(total.within24h(), total.handled(), WITHIN_24H),
                Indicator.rate(total.firstTime(), total.closed(), FIRST_TIME),
                Indicator.averageHours(total.resolutionMinutes(), total.handled(), AVERAGE_HOURS),
                Indicator.rate(total.escalated(), total.received(), ESCALATION),
                Indicator.rate(total.satisfied(), total.surveyed(), SATISFACTION),
                Indicator.rate(total.reworked(), total.closed(), REWORK),
                receivedBy(counts, Profile::category),
                receivedBy(counts, Profile::department),
                receivedBy(counts, Profile::urgency),
                commonRepairFaults(counts));
    }

    /** Whole days from the facts, the partial days at either end from the tickets. */
    private Map<Profile, KpiCounts> counts(Instant from, Instant to, String department, String type) {
        LocalDate firstWhole = facts.day(from);
        if (firstWhole.atStartOfDay(zone).toInstant().isBefore(from)) {
            firstWhole = firstWhole.plusDays(1);
        }
        LocalDate endWhole = facts.day(to);
        if (!firstWhole.isBefore(endWhole)) {
            return facts.fromTickets(from, to, department, type);
        }
        Instant wholeFrom = firstWhole.atStartOfDay(zone).toInstant();
        Instant wholeTo = endWhole.atStartOfDay(zone).toInstant();
        Map<Profile, KpiCounts> counts = new HashMap<>(facts.fromFacts(firstWhole, endWhole, department, type));
        if (from.isBefore(wholeFrom)) {
            facts.fromTickets(from, wholeFrom, department, type).forEach((p, n) -> counts.merge(p, n, KpiCounts::plus));
        }
        if (wholeTo.isBefore(to)) {
            facts.fromTickets(wholeTo, to, department, type).forEach((p, n) -> counts.merge(p, n, KpiCounts::plus));
        }
        return counts;
    }

    /** Tickets received in the period by one property of their profile, most first. */
    private static Map<String, Long> receivedBy(Map<Profile, KpiCounts> counts, Function<Profile, String> key) {
        return sorted(counts, key, KpiCounts::received);
    }

    private static Map<String, Long> sorted(Map<Profile, KpiCounts> counts, Function<Profile, String> key,
            ToLongFunction<KpiCounts> value) {
        Map<String, Long> totals = new HashMap<>();
        counts.forEach((profile, n) -> {
            if (value.applyAsLong(n) > 0) {
                String item = key.apply(profile);
                totals.merge(item.isEmpty() ? UNKNOWN : item, value.applyAsLong(n), Long::sum);
            }
        });
        Map<String, Long> ordered = new LinkedHashMap<>();
        totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** 常见故障类型: repair requests received in the period by category, the most frequent first. */
    private static List<KpiReport.CategoryCount> commonRepairFaults(Map<Profile, KpiCounts> counts) {
        Map<Profile, KpiCounts> repairs = new HashMap<>();
        counts.forEach((profile, n) -> {
            if (profile.type().equals(TicketType.REPAIR.name()) && !profile.category().isEmpty()) {
                repairs.put(profile, n);
            }
        });
        return sorted(repairs, Profile::category, KpiCounts::received).entrySet().stream().limit(COMMON_FAULTS)
                .map(e -> new KpiReport.CategoryCount(e.getKey(), Category.valueOf(e.getKey()).label(), e.getValue()))
                .toList();
    }
}
