package com.propertydesk.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.LifecycleScenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How late does an SLA escalation fire after its due time when the node has been idle? Files emergency
 * complaints whose response is due after an idle period (default 75 s, {@code -Dbench.idleSeconds}), a few seconds
 * apart ({@code -Dbench.timers}, default 5), lets the job executor act alone, and prints the delay of each
 * first-level escalation; with {@code -Dbench.database=NAME} on a kept database of 100,000 open tickets (300,000
 * pending timers) it shows the lag at a property group's size. Not part of
 * {@code mvn verify}; run it with
 * <pre>mvn verify -Pbenchmark</pre>
 * and compare with Camunda's default acquisition by adding
 * {@code -DargLine="-Dcamunda.bpm.job-execution.wait-time-in-millis=5000 -Dcamunda.bpm.job-execution.max-wait=60000"}.
 */
class TimerLatencyBenchmark extends MariaDbTestBase {

    /** How many emergencies, seven seconds apart ({@code -Dbench.timers}, default 5). */
    private static final int TICKETS = Integer.getInteger("bench.timers", 5);

    @Autowired
    RepositoryService repositoryService;

    @Test
    void delayBetweenDueTimeAndEscalation() throws IOException {
        int idle = Integer.getInteger("bench.idleSeconds", 75);
        String table;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/ticket-sla.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String deployment = repositoryService.createDeployment().name("benchmark terms")
                .addString("ticket-sla.dmn", table.replace("<text>\"PT15M\"</text>", "<text>\"PT" + idle + "S\"</text>"))
                .deploy().getId();
        try {
            ApiClient api = new ApiClient(port);
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
                tickets.add(api.postJson("/api/v1/tickets", "integrator",
                        LifecycleScenario.complaintBody("B-" + i, "电梯困人")).json().get("ticketNo").asText());
                sleep(Duration.ofSeconds(7));
            }
            List<Long> delays = new ArrayList<>();
            for (String no : tickets) {
                JsonNode escalation = Awaitility.await().atMost(Duration.ofSeconds(idle + 180L))
                        .pollInterval(Duration.ofSeconds(2)).until(() -> firstEscalation(api, no), e -> e != null);
                long late = Duration.between(OffsetDateTime.parse(escalation.get("dueAt").asText()),
                        OffsetDateTime.parse(escalation.get("at").asText())).toSeconds();
                delays.add(late);
                System.out.printf("BENCHMARK timer latency: %s escalated %d s after its due time%n", no, late);
            }
            Collections.sort(delays);
            System.out.printf("BENCHMARK timer latency after %d s idle: min %d s, average %.1f s, p99 %d s, max %d s"
                    + " over %d timers (target p99 < 5 s)%n", idle, delays.get(0),
                    delays.stream().mapToLong(Long::longValue).average().orElse(0),
                    delays.get((int) Math.ceil(0.99 * delays.size()) - 1), delays.get(delays.size() - 1),
                    delays.size());
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    private static JsonNode firstEscalation(ApiClient api, String no) {
        JsonNode escalations = api.get("/api/v1/tickets/" + no, "integrator").json().get("escalations");
        return escalations.isEmpty() ? null : escalations.get(0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
