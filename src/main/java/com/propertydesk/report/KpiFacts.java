package com.propertydesk.report;

import com.propertydesk.report.KpiCounts.Profile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicators' counts, from the tickets themselves or from the daily facts (V6__kpi_daily.sql).
 * <p>
 * The facts of a day are a pure function of the tickets: they are recomputed from the tickets, never patched.
 * Every committed change of a ticket leaves a marker for the days it counts in ({@link KpiChangeTracker}, in the
 * ticket's own transaction); {@link #refresh()} recomputes the marked days and removes exactly the markers it
 * read, so a change that commits during a refresh is picked up by the next one. Refreshes of several nodes take
 * turns on the lock of the single {@code kpi_refresh} row.
 */
@Component
public class KpiFacts {

    private static final Logger LOG = LoggerFactory.getLogger(KpiFacts.class);
    private static final int MARKERS_PER_REFRESH = 10_000;
    private static final int DELETE_CHUNK = 500;
    private static final String PROFILE = "type, department, category, urgency";

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public KpiFacts(NamedParameterJdbcTemplate jdbc, ZoneId zone, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        // its own short transaction, also when called while another one is open (a report being read)
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The counts of the tickets received, dispatched and archived in [from, to), per profile; department and type
     * restrict them when given. Three range scans of the indexes of V4__kpi.sql.
     */
    public Map<Profile, KpiCounts> fromTickets(Instant from, Instant to, String department, String type) {
        MapSqlParameterSource params = filter(department, type).addValue("from", utc(from)).addValue("to", utc(to));
        Map<Profile, KpiCounts> counts = new HashMap<>();
        add(counts, "SELECT " + PROFILE + ", COUNT(*) AS n, "
                + "SUM(CASE WHEN escalation_level > 0 THEN 1 ELSE 0 END) AS escalated "
                + "FROM ticket" + where("created_at", department, type), params,
                row -> KpiCounts.received(row.getLong("n"), row.getLong("escalated")));
        add(counts, "SELECT " + PROFILE + ", COUNT(*) AS n, "
                + "SUM(CASE WHEN responded_on_time THEN 1 ELSE 0 END) AS on_time "
                + "FROM ticket" + where("responded_at", department, type), params,
                row -> KpiCounts.dispatched(row.getLong("n"), row.getLong("on_time")));
        add(counts, "SELECT " + PROFILE + ", COUNT(*) AS n, COUNT(resolution_minutes) AS handled, "
                + "SUM(CASE WHEN resolution_minutes <= 1440 THEN 1 ELSE 0 END) AS within_24h, "
                + "COALESCE(SUM(resolution_minutes), 0) AS minutes, "
                + "SUM(CASE WHEN reopen_count = 0 AND rework_count = 0 THEN 1 ELSE 0 END) AS first_time, "
                + "SUM(CASE WHEN rework_count > 0 THEN 1 ELSE 0 END) AS reworked, "
                + "COUNT(satisfaction) AS surveyed, "
                + "SUM(CASE WHEN satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END) AS satisfied "
                + "FROM ticket" + where("archived_at", department, type), params,
                row -> KpiCounts.closed(row.getLong("n"), row.getLong("handled"), row.getLong("within_24h"),
                        row.getLong("minutes"), row.getLong("first_time"), row.getLong("reworked"),
                        row.getLong("surveyed"), row.getLong("satisfied")));
        return counts;
    }

    /** The counts of the whole days [firstDay, endDay) from the facts, per profile. */
    public Map<Profile, KpiCounts> fromFacts(LocalDate firstDay, LocalDate endDay, String department, String type) {
        MapSqlParameterSource params = filter(department, type).addValue("first", firstDay).addValue("end", endDay);
        Map<Profile, KpiCounts> counts = new HashMap<>();
        add(counts, "SELECT " + PROFILE + ", SUM(received) AS received, SUM(escalated) AS escalated, "
                + "SUM(dispatched) AS dispatched, SUM(dispatched_on_time) AS dispatched_on_time, SUM(closed) AS closed, "
                + "SUM(handled) AS handled, SUM(within_24h) AS within_24h, SUM(resolution_minutes) AS minutes, "
                + "SUM(first_time) AS first_time, SUM(reworked) AS reworked, SUM(surveyed) AS surveyed, "
                + "SUM(satisfied) AS satisfied FROM kpi_daily WHERE fact_day >= :first AND fact_day < :end"
                + (department == null ? "" : " AND department = :department")
                + (type == null ? "" : " AND type = :type") + " GROUP BY " + PROFILE, params,
                row -> new KpiCounts(row.getLong("received"), row.getLong("escalated"), row.getLong("dispatched"),
                        row.getLong("dispatched_on_time"), row.getLong("closed"), row.getLong("handled"),
                        row.getLong("within_24h"), row.getLong("minutes"), row.getLong("first_time"),
                        row.getLong("reworked"), row.getLong("surveyed"), row.getLong("satisfied")));
        return counts;
    }

    /** The local day (service centre's time zone) an instant counts in. */
    LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * Brings the facts up to date with every committed change: recomputes the marked days, or every day with
     * tickets after {@link #requestRebuild()} (and on the first run). Returns how many days it recomputed.
     */
    public int refresh() {
        if (upToDate()) {
            return 0;
        }
        int days = 0;
        Batch batch;
        do {
            batch = transaction.execute(status -> refreshBatch());
            days += batch.days();
        } while (batch.more());
        return days;
    }

    /** Nothing marked and nothing to rebuild: a look without taking the lock. */
    private boolean upToDate() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT built FROM kpi_refresh WHERE id = 1", Map.of(),
                Boolean.class)) && jdbc.queryForList("SELECT id FROM kpi_dirty_day LIMIT 1", Map.of(), Long.class)
                        .isEmpty();
    }

    /** The next refresh recomputes every day that has tickets (after tickets were loaded by other means). */
    public void requestRebuild() {
        jdbc.update("UPDATE kpi_refresh SET built = FALSE WHERE id = 1", Map.of());
    }

    private record Batch(int days, boolean more) {
    }

    private Batch refreshBatch() {
        Boolean built = jdbc.queryForObject("SELECT built FROM kpi_refresh WHERE id = 1 FOR UPDATE", Map.of(),
                Boolean.class);
        boolean rebuild = !Boolean.TRUE.equals(built);
        List<Long> markers = new ArrayList<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        jdbc.query((rebuild ? "SELECT id, fact_day FROM kpi_dirty_day"
                : "SELECT id, fact_day FROM kpi_dirty_day ORDER BY id LIMIT " + MARKERS_PER_REFRESH), Map.of(), row -> {
                    markers.add(row.getLong("id"));
                    days.add(row.getObject("fact_day", LocalDate.class));
                });
        if (rebuild) {
            days.addAll(daysWithTickets());
        }
        long started = System.nanoTime();
        days.forEach(this::recompute);
        for (int i = 0; i < markers.size(); i += DELETE_CHUNK) {
            jdbc.update("DELETE FROM kpi_dirty_day WHERE id IN (:ids)",
                    Map.of("ids", markers.subList(i, Math.min(markers.size(), i + DELETE_CHUNK))));
        }
        jdbc.update("UPDATE kpi_refresh SET built = TRUE, refreshed_at = :now WHERE id = 1",
                Map.of("now", utc(clock.instant())));
        if (rebuild) {
            LOG.info("Rebuilt the daily indicator facts of {} days in {} ms", days.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return new Batch(days.size(), !rebuild && markers.size() == MARKERS_PER_REFRESH);
    }

    private void recompute(LocalDate day) {
        Map<Profile, KpiCounts> counts = fromTickets(day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), null, null);
        jdbc.update("DELETE FROM kpi_daily WHERE fact_day = :day", Map.of("day", day));
        jdbc.batchUpdate("INSERT INTO kpi_daily (fact_day, " + PROFILE + ", received, escalated, dispatched, "
                + "dispatched_on_time, closed, handled, within_24h, resolution_minutes, first_time, reworked, surveyed, "
                + "satisfied) VALUES (:day, :type, :department, :category, :urgency, :received, :escalated, "
                + ":dispatched, :dispatchedOnTime, :closed, :handled, :within24h, :resolutionMinutes, :firstTime, "
                + ":reworked, :surveyed, :satisfied)", counts.entrySet().stream().map(entry -> {
                    Profile profile = entry.getKey();
                    KpiCounts n = entry.getValue();
                    return new MapSqlParameterSource("day", day).addValue("type", profile.type())
                            .addValue("department", profile.department()).addValue("category", profile.category())
                            .addValue("urgency", profile.urgency()).addValue("received", n.received())
                            .addValue("escalated", n.escalated()).addValue("dispatched", n.dispatched())
                            .addValue("dispatchedOnTime", n.dispatchedOnTime()).addValue("closed", n.closed())
                            .addValue("handled", n.handled()).addValue("within24h", n.within24h())
                            .addValue("resolutionMinutes", n.resolutionMinutes())
                            .addValue("firstTime", n.firstTime()).addValue("reworked", n.reworked())
                            .addValue("surveyed", n.surveyed()).addValue("satisfied", n.satisfied());
                }).toArray(SqlParameterSource[]::new));
    }

    /**
     * The local days on which any ticket was received, dispatched or archived. The database keeps UTC; a UTC date
     * overlaps two local dates (one for UTC itself), and both are taken.
     */
    private TreeSet<LocalDate> daysWithTickets() {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (String moment : List.of("created_at", "responded_at", "archived_at")) {
            jdbc.query("SELECT DISTINCT CAST(" + moment + " AS DATE) AS utc_day FROM ticket WHERE " + moment
                    + " IS NOT NULL", Map.of(), row -> {
                        LocalDate utcDay = row.getObject("utc_day", LocalDate.class);
                        Instant start = utcDay.atStartOfDay(ZoneOffset.UTC).toInstant();
                        days.add(day(start));
                        days.add(day(start.plusSeconds(86_399)));
                    });
        }
        return days;
    }

    private void add(Map<Profile, KpiCounts> counts, String sql, MapSqlParameterSource params,
            RowCounts rowCounts) {
        jdbc.query(sql, params, row -> {
            Profile profile = Profile.of(row.getString("type"), row.getString("department"),
                    row.getString("category"), row.getString("urgency"));
            counts.merge(profile, rowCounts.read(row), KpiCounts::plus);
        });
    }

    @FunctionalInterface
    private interface RowCounts {
        KpiCounts read(ResultSet row) throws SQLException;
    }

    private static MapSqlParameterSource filter(String department, String type) {
        return new MapSqlParameterSource().addValue("department", department).addValue("type", type);
    }

    /** The cohort of a moment in [from, to), restricted to the department and type when given. */
    private static String where(String moment, String department, String type) {
        return " WHERE " + moment + " >= :from AND " + moment + " < :to"
                + (department == null ? "" : " AND department = :department")
                + (type == null ? "" : " AND type = :type") + " GROUP BY " + PROFILE;
    }

    /** The database keeps instants as UTC wall-clock times (hibernate.jdbc.time_zone). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
