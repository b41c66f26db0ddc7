package com.propertydesk.report;

import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.TicketType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the service-quality indicators in the database: one aggregate query per cohort, each a range scan of a
 * covering index (V4__kpi.sql), never tickets loaded into memory. Three cohorts, by the moment that matters:
 * tickets <em>received</em> in the period (created), <em>dispatched</em> in the period (first dispatch accepted)
 * and <em>archived</em> in the period (closed). The definitions below are the ones the README lists.
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

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    public KpiService(NamedParameterJdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public KpiReport compute(Instant from, Instant to, String department, TicketType type) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to)).addValue("department", department)
                .addValue("type", type == null ? null : type.name());

        Map<String, Object> received = jdbc.queryForMap("SELECT COUNT(*) AS received, "
                + "COALESCE(SUM(CASE WHEN escalation_level > 0 THEN 1 ELSE 0 END), 0) AS escalated "
                + "FROM ticket " + where("created_at", department, type), params);
        Map<String, Object> dispatched = jdbc.queryForMap("SELECT COUNT(*) AS dispatched, "
                + "COALESCE(SUM(CASE WHEN responded_on_time THEN 1 ELSE 0 END), 0) AS on_time "
                + "FROM ticket " + where("responded_at", department, type), params);
        Map<String, Object> closed = jdbc.queryForMap("SELECT COUNT(*) AS closed, "
                + "COUNT(resolution_minutes) AS handled, "
                + "COALESCE(SUM(CASE WHEN resolution_minutes <= 1440 THEN 1 ELSE 0 END), 0) AS within_24h, "
                + "COALESCE(SUM(resolution_minutes), 0) AS minutes, "
                + "COALESCE(SUM(CASE WHEN reopen_count = 0 AND rework_count = 0 THEN 1 ELSE 0 END), 0) AS first_time, "
                + "COALESCE(SUM(CASE WHEN rework_count > 0 THEN 1 ELSE 0 END), 0) AS reworked, "
                + "COUNT(satisfaction) AS surveyed, "
                + "COALESCE(SUM(CASE WHEN satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END), 0) "
                + "AS satisfied FROM ticket " + where("archived_at", department, type), params);

        long receivedCount = number(received, "received");
        long closedCount = number(closed, "closed");
        return new KpiReport(from.atZone(zone).toOffsetDateTime(), to.atZone(zone).toOffsetDateTime(), department,
                type, receivedCount,
                Indicator.rate(number(dispatched, "on_time"), number(dispatched, "dispatched"), RESPONSE_ON_TIME),
                Indicator.rate(number(closed, "within_24h"), number(closed, "handled"), WITHIN_24H),
                Indicator.rate(number(closed, "first_time"), closedCount, FIRST_TIME),
                Indicator.averageHours(number(closed, "minutes"), number(closed, "handled"), AVERAGE_HOURS),
                Indicator.rate(number(received, "escalated"), receivedCount, ESCALATION),
                Indicator.rate(number(closed, "satisfied"), number(closed, "surveyed"), SATISFACTION),
                Indicator.rate(number(closed, "reworked"), closedCount, REWORK),
                countsBy("category", department, type, params),
                countsBy("department", department, type, params),
                countsBy("urgency", department, type, params),
                commonRepairFaults(department, type, params));
    }

    private Map<String, Long> countsBy(String column, String department, TicketType type,
            MapSqlParameterSource params) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT " + column + " AS item, COUNT(*) AS n FROM ticket " + where("created_at", department, type)
                + " GROUP BY " + column + " ORDER BY n DESC, item", params, row -> {
                    String item = row.getString("item");
                    counts.put(item == null ? "UNKNOWN" : item, row.getLong("n"));
                });
        return counts;
    }

    private List<KpiReport.CategoryCount> commonRepairFaults(String department, TicketType type,
            MapSqlParameterSource params) {
        List<KpiReport.CategoryCount> faults = new ArrayList<>();
        if (type == TicketType.COMPLAINT) {
            return faults;
        }
        jdbc.query("SELECT category, COUNT(*) AS n FROM ticket " + where("created_at", department, TicketType.REPAIR)
                + " AND category IS NOT NULL GROUP BY category ORDER BY n DESC, category", params.addValue("type",
                        TicketType.REPAIR.name()), row -> {
                    if (faults.size() < COMMON_FAULTS) {
                        String category = row.getString("category");
                        faults.add(new KpiReport.CategoryCount(category, Category.valueOf(category).label(),
                                row.getLong("n")));
                    }
                });
        return faults;
    }

    /** The cohort: its moment in [from, to), and the department and type when given. */
    private static String where(String moment, String department, TicketType type) {
        return "WHERE " + moment + " >= :from AND " + moment + " < :to"
                + (department == null ? "" : " AND department = :department")
                + (type == null ? "" : " AND type = :type");
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            value = row.get(column.toUpperCase(java.util.Locale.ROOT));
        }
        return value == null ? 0 : ((Number) value).longValue();
    }
}
