package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.LifecycleScenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An untouched emergency complaint escalates on its own on MariaDB, with the real job executor: to the
 * department and manager (response), the manager's Tasklist (resolution) and the general manager's (twice the
 * resolution time). A process owner's short service terms (as deployed from Modeler) make it take seconds.
 * Prints how late each escalation came after its due time.
 */
class EscalationMariaDbIT extends MariaDbTestBase {

    @Autowired
    RepositoryService repositoryService;

    private String shortTerms;

    @BeforeEach
    void deployShortServiceTerms() throws IOException {
        String table;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/ticket-sla.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the EMERGENCY rows only: respond within 3 s, resolve within 6 s (the general manager at 12 s)
        table = table.replace("<text>\"PT15M\"</text>", "<text>\"PT3S\"</text>")
                .replace("<text>\"PT4H\"</text>", "<text>\"PT6S\"</text>");
        shortTerms = repositoryService.createDeployment().name("short emergency terms")
                .addString("ticket-sla.dmn", table).deploy().getId();
    }

    @AfterEach
    void removeShortServiceTerms() {
        repositoryService.deleteDeployment(shortTerms, true);
    }

    @Test
    void anUntouchedComplaintEscalatesToTheManagerAndThenTheGeneralManagerOnTime() {
        ApiClient api = new ApiClient(port);
        JsonNode filed = api.postJson("/api/v1/tickets", "integrator",
                LifecycleScenario.complaintBody("9-9-901", "电梯困人，有老人被关在里面")).json();
        String no = filed.get("ticketNo").asText();

        List<JsonNode> escalations = new ArrayList<>();
        Awaitility.await("three escalations of " + no).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    escalations.clear();
                    api.get("/api/v1/tickets/" + no, "integrator").json().get("escalations").forEach(escalations::add);
                    return escalations.size() >= 3;
                });

        assertThat(escalations).extracting(e -> e.get("level").asInt()).containsExactlyInAnyOrder(1, 2, 3);
        for (JsonNode escalation : escalations) {
            Duration late = Duration.between(OffsetDateTime.parse(escalation.get("dueAt").asText()),
                    OffsetDateTime.parse(escalation.get("at").asText()));
            System.out.printf("SLA escalation level %d of %s: %d s after its due time (%s)%n",
                    escalation.get("level").asInt(), no, late.toSeconds(), escalation.get("reason").asText());
            assertThat(late.isNegative()).as("never early").isFalse();
        }
        JsonNode review = api.get("/engine-rest/task?processInstanceBusinessKey=" + no
                + "&taskDefinitionKey=managerReview&candidateGroup=manager", "manager").json();
        assertThat(review).as("in the manager's Tasklist").hasSize(1);
        JsonNode gm = api.get("/engine-rest/task?processInstanceBusinessKey=" + no
                + "&taskDefinitionKey=gmEscalation&candidateGroup=gm", "gm").json();
        assertThat(gm).as("in the general manager's Tasklist").hasSize(1);
        List<String> stages = new ArrayList<>();
        api.get("/api/v1/tickets/" + no, "integrator").json().get("timeline")
                .forEach(entry -> stages.add(entry.get("stage").asText()));
        assertThat(stages).filteredOn("ESCALATED"::equals).hasSize(3);
    }
}
