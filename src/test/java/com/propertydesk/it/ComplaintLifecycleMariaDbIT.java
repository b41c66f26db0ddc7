package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ComplaintLifecycleScenario;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The complaint lifecycle of the H2 API test, on MariaDB through the MySQL driver and dialect. */
class ComplaintLifecycleMariaDbIT extends MariaDbTestBase {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aComplaintIsWalkedToArchiveOnMariaDb() {
        JsonNode ticket = new ComplaintLifecycleScenario(new ApiClient(port), true).fileAndWalkToArchive("3-1-1201");

        ComplaintLifecycleScenario.assertArchivedWithItsTimeline(ticket);
        OffsetDateTime created = OffsetDateTime.parse(ticket.get("createdAt").asText());
        OffsetDateTime responseDue = OffsetDateTime.parse(ticket.get("responseDueAt").asText());
        assertThat(responseDue).as("times survive the round trip through DATETIME")
                .isEqualTo(created.plusHours(2));
        assertThat(ticket.get("reporter").get("name").asText()).as("utf8mb4 text").isEqualTo("王女士");
    }

    @Test
    void runsOnTheMySqlDialectWithReadCommitted() {
        assertThat(engine.getProcessEngineConfiguration()).extracting("databaseType").isEqualTo("mysql");
        String isolation = jdbc.queryForObject("SELECT @@tx_isolation", String.class);
        assertThat(isolation).isEqualTo("READ-COMMITTED");
    }
}
