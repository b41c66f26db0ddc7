package com.propertydesk.report;

import static com.propertydesk.support.TicketDriver.complaint;
import static com.propertydesk.support.TicketDriver.uniqueRoom;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.ticket.Category;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily facts are always what the tickets say: after every kind of change a ticket goes through (intake,
 * escalation, a late dispatch, a manager moving it to another department, handling, callback, archive), the
 * facts of every day equal the counts computed from the tickets, and a rebuild from scratch changes nothing.
 */
class KpiFactsTest extends SpringTestBase {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate FILED = LocalDate.of(2026, 12, 15);

    @Autowired
    KpiFacts facts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFactsFollowEveryChangeOfATicket() {
        ApiClient api = new ApiClient(port);
        String dayOfFiling = "/api/v1/reports/kpis?from=2026-12-15&to=2026-12-15&department=customer-service";
        JsonNode before = api.get(dayOfFiling, "manager").json();

        now("2026-12-15T09:00");
        String no = desk.file(complaint(uniqueRoom(), "物业费收费标准有疑问", Category.ENGINEERING));
        assertFactsAreTheTickets();

        now("2026-12-15T11:01");
        desk.runDueJobs(no);
        assertThat(desk.ticket(no).escalations()).as("response overdue: level 1").hasSize(1);
        assertFactsAreTheTickets();

        desk.complete(no, "dispatch", "engineer", "handler", "engineer2");
        assertFactsAreTheTickets();

        for (int day = 16; desk.task(no, "managerReview") == null && day <= 31; day++) {
            now("2026-12-%02dT17:00".formatted(day));
            desk.runDueJobs(no);
        }
        desk.complete(no, "managerReview", "manager", "escalationAction", "REASSIGN",
                "newDepartment", "customer-service", "managerNote", "属于收费问题");
        assertThat(desk.ticket(no).department()).isEqualTo("customer-service");
        assertFactsAreTheTickets();

        desk.complete(no, "dispatch", "cs", "handler", "cs");
        desk.complete(no, "handle", "cs", "actionTaken", "解释收费标准", "responsibility", "PROPERTY");
        desk.complete(no, "verify", "manager", "verified", "true");
        assertFactsAreTheTickets();
        now("2026-12-30T10:00");
        desk.complete(no, "callback", "cs", "ownerReached", "true", "satisfaction", "SATISFIED");
        assertThat(desk.ended(no)).isTrue();
        assertFactsAreTheTickets();

        // counted under the department it ended up in, on the day it was received
        JsonNode after = api.get(dayOfFiling, "manager").json();
        assertThat(after.get("received").asLong() - before.get("received").asLong()).isEqualTo(1);
        assertThat(after.at("/escalationRate/numerator").asLong() - before.at("/escalationRate/numerator").asLong())
                .isEqualTo(1);
        assertThat(after.at("/responseOnTimeRate/denominator").asLong()
                - before.at("/responseOnTimeRate/denominator").asLong()).as("dispatched that day").isEqualTo(1);
        assertThat(after.at("/responseOnTimeRate/numerator").asLong()
                - before.at("/responseOnTimeRate/numerator").asLong()).as("but late").isZero();
        JsonNode archiveDay = api.get("/api/v1/reports/kpis?from=2026-12-30&to=2026-12-30&department=customer-service",
                "manager").json();
        assertThat(archiveDay.at("/satisfactionRate/denominator").asLong()).isPositive();
    }

    @Test
    void aRebuildFromScratchChangesNothing() {
        facts.refresh();
        List<Map<String, Object>> incremental = allFacts();
        assertThat(incremental).as("other tests have filed tickets").isNotEmpty();

        facts.requestRebuild();
        assertThat(facts.refresh()).as("days recomputed").isPositive();

        assertThat(allFacts()).isEqualTo(incremental);
    }

    /** Day by day around the ticket, and over every day there is. */
    private void assertFactsAreTheTickets() {
        facts.refresh();
        for (LocalDate day = FILED.minusDays(1); day.isBefore(LocalDate.of(2027, 1, 6)); day = day.plusDays(1)) {
            assertThat(facts.fromFacts(day, day.plusDays(1), null, null)).as("facts of %s", day)
                    .isEqualTo(facts.fromTickets(start(day), start(day.plusDays(1)), null, null));
        }
        LocalDate first = LocalDate.of(1990, 1, 1);
        LocalDate end = LocalDate.of(2030, 1, 1);
        assertThat(facts.fromFacts(first, end, null, null)).as("facts of all days")
                .isEqualTo(facts.fromTickets(start(first), start(end), null, null));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kpi_dirty_day", Long.class)).isZero();
    }

    private List<Map<String, Object>> allFacts() {
        return jdbc.queryForList("SELECT * FROM kpi_daily ORDER BY fact_day, type, department, category, urgency");
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(SHANGHAI).toInstant();
    }

    private static void now(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
    }
}
