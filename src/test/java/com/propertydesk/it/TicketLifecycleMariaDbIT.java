package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.LifecycleScenario;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The complaint and repair lifecycles of the H2 API tests, on MariaDB through the MySQL driver and dialect. */
class TicketLifecycleMariaDbIT extends MariaDbTestBase {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aComplaintIsWalkedToArchiveOnMariaDb() {
        JsonNode ticket = new LifecycleScenario(new ApiClient(port), true).fileComplaintAndWalkToArchive("3-1-1201");

        LifecycleScenario.assertComplaintArchivedWithItsTimeline(ticket);
        OffsetDateTime created = OffsetDateTime.parse(ticket.get("createdAt").asText());
        OffsetDateTime responseDue = OffsetDateTime.parse(ticket.get("responseDueAt").asText());
        assertThat(responseDue).as("two service hours after receipt, whatever the time of day")
                .isAfterOrEqualTo(created.plusHours(2));
        assertThat(jdbc.queryForObject("SELECT response_due_at FROM ticket WHERE ticket_no = ?",
                java.sql.Timestamp.class, ticket.get("ticketNo").asText()).toInstant().getEpochSecond() % 60)
                .as("whole seconds in DATETIME").isEqualTo(responseDue.toInstant().getEpochSecond() % 60);
        assertThat(ticket.get("reporter").get("name").asText()).as("utf8mb4 text").isEqualTo("王女士");
    }

    @Test
    void aRepairIsWalkedThroughTheOwnersAcceptanceToArchiveOnMariaDb() {
        JsonNode ticket = new LifecycleScenario(new ApiClient(port), true).fileRepairAndWalkToArchive("5-2-1101");

        LifecycleScenario.assertRepairArchivedWithItsTimeline(ticket);
        assertThat(jdbc.queryForObject("SELECT charge FROM ticket WHERE ticket_no = ?", java.math.BigDecimal.class,
                ticket.get("ticketNo").asText())).isEqualByComparingTo("80.00");
    }

    @Test
    void runsOnTheMySqlDialectWithReadCommitted() {
        assertThat(engine.getProcessEngineConfiguration()).extracting("databaseType").isEqualTo("mysql");
        String isolation = jdbc.queryForObject("SELECT @@tx_isolation", String.class);
        assertThat(isolation).isEqualTo("READ-COMMITTED");
    }
}
