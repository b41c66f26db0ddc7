package com.propertydesk.it;

import com.propertydesk.analysis.AnalysisBuilder;
import com.propertydesk.analysis.Quarter;
import com.propertydesk.report.KpiFacts;
import com.propertydesk.report.KpiService;
import com.propertydesk.ticket.TicketType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LongSummaryStatistics;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The indicators over a million archived tickets on MariaDB: prints how long building the daily facts and each
 * report takes (no timed assertion; the target is under one second per report). Run with {@code mvn verify -Pbenchmark} ({@code -Dbench.tickets}
 * to change the count). The tickets are generated in the database with MariaDB's sequence engine over 2025.
 */
class KpiBenchmark extends MariaDbTestBase {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KpiService kpis;

    @Autowired
    KpiFacts facts;

    @Autowired
    AnalysisBuilder analysis;

    @Test
    void indicatorsOverAMillionArchivedTickets() {
        int tickets = Integer.getInteger("bench.tickets", 1_000_000);
        long started = System.nanoTime();
        jdbc.update("INSERT INTO ticket (ticket_no, type, channel, status, category, urgency, major, department, "
                + "received_by, reporter_phone, reporter_room, room_key, description, repeat_count, created_at, "
                + "response_due_at, responded_at, responded_on_time, handled_at, resolution_minutes, archived_at, "
                + "resolution, satisfaction, rework_count, reopen_count, escalation_level, version) "
                + "SELECT CONCAT('BENCH-', seq), IF(seq % 3 = 0, 'REPAIR', 'COMPLAINT'), 'PHONE', 'ARCHIVED', "
                + "ELT(seq % 6 + 1, 'ENGINEERING', 'CLEANING_GREENING', 'SECURITY_ORDER', 'CUSTOMER_SERVICE', "
                + "'NEIGHBOR_DISPUTE', 'OTHER'), ELT(seq % 4 + 1, 'EMERGENCY', 'HIGH', 'NORMAL', 'LOW'), FALSE, "
                + "ELT(seq % 4 + 1, 'engineering', 'cleaning', 'security', 'customer-service'), 'frontdesk', "
                + "'13800138000', CONCAT(seq % 5000, '-1'), CONCAT(seq % 5000, '-1'), 'benchmark', 0, "
                + "created, created + INTERVAL 2 HOUR, created + INTERVAL (seq % 180) MINUTE, (seq % 180) <= 120, "
                + "created + INTERVAL (seq % 3000) MINUTE, seq % 3000, created + INTERVAL (seq % 3000 + 60) MINUTE, "
                + "'RESOLVED', ELT(seq % 4 + 1, 'SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED', NULL), "
                + "IF(seq % 20 = 0, 1, 0), IF(seq % 25 = 0, 1, 0), IF(seq % 30 = 0, 2, 0), 0 "
                + "FROM (SELECT seq, TIMESTAMP '2025-01-01 00:00:00' + INTERVAL (seq % 525000) MINUTE AS created "
                + "FROM seq_1_to_" + tickets + ") generated");
        jdbc.execute("ANALYZE TABLE ticket");
        System.out.printf("BENCHMARK kpi: %d archived tickets generated in %.1f s%n", tickets,
                (System.nanoTime() - started) / 1e9);

        // loaded behind the application's back: build the daily facts once, as after an import
        started = System.nanoTime();
        facts.requestRebuild();
        int days = facts.refresh();
        System.out.printf("BENCHMARK kpi: daily facts of %d days built in %.1f s (%d rows)%n", days,
                (System.nanoTime() - started) / 1e9, jdbc.queryForObject("SELECT COUNT(*) FROM kpi_daily", Long.class));

        Instant year = day(2025, 1, 1);
        Instant nextYear = day(2026, 1, 1);
        measure("whole year, every ticket", () -> kpis.compute(year, nextYear, null, null));
        measure("whole year, one department", () -> kpis.compute(year, nextYear, "engineering", null));
        measure("whole year, repairs", () -> kpis.compute(year, nextYear, null, TicketType.REPAIR));
        measure("year, partial days at both ends", () -> kpis.compute(year.plusSeconds(12 * 3600),
                nextYear.minusSeconds(6 * 3600), null, null));
        measure("one quarter", () -> kpis.compute(day(2025, 4, 1), day(2025, 7, 1), null, null));
        measure("one month", () -> kpis.compute(day(2025, 11, 1), day(2025, 12, 1), null, null));
        // the quarterly complaint analysis: the indicators per department plus topics and repeat rooms, which
        // read the quarter's complaints (about 170 000 here)
        measure("complaint analysis, quarter", () -> analysis.build(new Quarter(2025, 2)));

        // a busy day's changes touch about three days (received, dispatched and archived today or lately)
        LongSummaryStatistics refresh = new LongSummaryStatistics();
        for (int i = 0; i < 5; i++) {
            jdbc.update("INSERT INTO kpi_dirty_day (fact_day) VALUES (DATE '2025-12-29'), (DATE '2025-12-30'), "
                    + "(DATE '2025-12-31')");
            long start = System.nanoTime();
            facts.refresh();
            refresh.accept((System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("BENCHMARK kpi refresh of 3 marked days       min %4d ms, average %6.1f ms, max %4d ms%n",
                refresh.getMin(), refresh.getAverage(), refresh.getMax());
    }

    private static Instant day(int year, int month, int day) {
        return LocalDate.of(year, month, day).atStartOfDay(ZONE).toInstant();
    }

    private static void measure(String what, Supplier<?> query) {
        query.get();
        LongSummaryStatistics millis = new LongSummaryStatistics();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            query.get();
            millis.accept((System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("BENCHMARK kpi %-28s min %4d ms, average %6.1f ms, max %4d ms (5 runs, warm)%n", what,
                millis.getMin(), millis.getAverage(), millis.getMax());
    }
}
