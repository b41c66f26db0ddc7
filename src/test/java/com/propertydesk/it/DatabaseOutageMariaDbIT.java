package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.AppNode;
import com.propertydesk.support.CuttableProxy;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.MariaDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged jar on MariaDB through a TCP proxy that the test cuts for {@link #OUTAGE} (every connection dropped,
 * new ones refused) while integrators post tickets with Idempotency-Keys and a staff member dispatches tasks, then
 * restores. During the outage every answer comes within {@link #ANSWER_WITHIN} and is a 503 problem detail with
 * Retry-After (or a success, or a 409 for a lost race), never a 500; readiness says DOWN within seconds of the cut
 * and UP within seconds of the restore. After it, every intake that was not acknowledged, retried with its key, is
 * answered with its ticket, and there is exactly one ticket and one process per key; every task the staff member
 * tried is either done (task gone, ticket IN_PROGRESS with its DISPATCHED entry) or not (task open, ticket still
 * waiting for dispatch without that entry), never half, and the retry after the restore completes it exactly once.
 * Prints the figures.
 */
class DatabaseOutageMariaDbIT {

    static final int CLIENTS = 3;
    static final int STAFF_TASKS = 6;
    static final Duration BEFORE_THE_CUT = Duration.ofSeconds(3);
    static final Duration OUTAGE = Duration.ofSeconds(12);
    static final Duration AFTER_THE_RESTORE = Duration.ofSeconds(8);
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    static final Duration READINESS_WITHIN = Duration.ofSeconds(5);
    /**
     * Back to UP, and no 503 any more: the pool makes new connections in the background, retrying with a back-off
     * that Hikari caps at 5 s, so the first may come up to 5 s after the database is back.
     */
    static final Duration READY_AGAIN_WITHIN = Duration.ofSeconds(7);
    static final String PROBLEM_TYPE = "urn:propertydesk:problem:database-unavailable";

    private AppNode node;
    private CuttableProxy proxy;

    /** One request and its answer: when it started and ended (ms since the load began), status, problem, Retry-After. */
    record Answer(String what, long startedMs, long endedMs, int status, String contentType, String retryAfter,
            String problemType, String raw) {

        long tookMs() {
            return endedMs - startedMs;
        }

        boolean unavailable() {
            return status == 503;
        }
    }

    /** A ticket a client posted: its key and body, and whether it was acknowledged (201). */
    record Posting(String key, Map<String, Object> body, boolean acknowledged) {
    }

    @AfterEach
    void stop() throws java.io.IOException {
        if (node != null) {
            // the application's log, for a look after the run
            java.nio.file.Files.copy(node.log(), java.nio.file.Path.of("target", "outage-app.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            node.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theDatabaseAwayIsAShortCleanUnavailableAndNothingIsLostOrHalfDone() throws Exception {
        String database = MariaDb.newDatabase();
        Map<String, String> direct = MariaDb.profileSettings(database);
        proxy = CuttableProxy.start(direct.get("MYSQL_HOST"), Integer.parseInt(direct.get("MYSQL_PORT")));
        Map<String, String> throughProxy = new HashMap<>(direct);
        throughProxy.put("MYSQL_HOST", "127.0.0.1");
        throughProxy.put("MYSQL_PORT", Integer.toString(proxy.port()));
        List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=mysql",
                "--propertydesk.demo.enabled=true", "--camunda.bpm.generic-properties.properties.hostname=outage"));
        throughProxy.forEach((setting, value) -> settings.add("--" + setting + "=" + value));
        node = AppNode.start("outage", settings.toArray(String[]::new));
        ApiClient api = node.api();
        LifecycleScenario scenario = new LifecycleScenario(api, true);

        // the staff member's work: complaints waiting at dispatch, claimed by the engineer
        List<String> staffTickets = new ArrayList<>();
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < STAFF_TASKS; i++) {
            Reply filed = api.postJson("/api/v1/tickets", "integrator",
                    LifecycleScenario.complaintBody("7-1-" + (101 + i), "卫生间天花板漏水，已经滴到地面"),
                    "Idempotency-Key", "outage-staff-" + i + "-" + UUID.randomUUID());
            assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
            staffTickets.add(filed.json().get("ticketNo").asText());
        }
        for (String no : staffTickets) {
            String id = scenario.awaitTask(no, "dispatch", "engineer", "&candidateGroup=engineering").get("id")
                    .asText();
            Reply claim = api.postJson("/engine-rest/task/" + id + "/claim", "engineer", Map.of("userId", "engineer"));
            assertThat(claim.status()).as(claim.raw()).isEqualTo(204);
            taskIds.add(id);
        }
        assertThat(api.get("/actuator/health/readiness", null).status()).as("ready before the cut").isEqualTo(200);

        long start = System.nanoTime();
        long cutAtMs = BEFORE_THE_CUT.toMillis();
        long restoreAtMs = cutAtMs + OUTAGE.toMillis();
        long endAtMs = restoreAtMs + AFTER_THE_RESTORE.toMillis();
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        List<String> noAnswer = Collections.synchronizedList(new ArrayList<>());
        Map<String, Posting> postings = new ConcurrentHashMap<>();
        Map<String, Answer> taskAnswers = new ConcurrentHashMap<>();
        List<long[]> readiness = Collections.synchronizedList(new ArrayList<>());
        ExecutorService load = Executors.newFixedThreadPool(CLIENTS + 2);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(load.submit(() -> {
                for (int i = 0; since(start) < endAtMs; i++) {
                    String key = "outage-" + client + "-" + i + "-" + UUID.randomUUID();
                    Map<String, Object> body = i % 2 == 0
                            ? LifecycleScenario.complaintBody("8-" + client + "-" + (100 + i), "楼道灯坏了，晚上看不见")
                            : LifecycleScenario.repairBody("8-" + client + "-" + (100 + i), "卫生间地漏堵塞返水");
                    postings.put(key, new Posting(key, body, false));
                    long began = since(start);
                    try {
                        Reply reply = api.postJson("/api/v1/tickets", "integrator", body, "Idempotency-Key", key);
                        Answer answer = answer("intake", began, since(start), reply);
                        answers.add(answer);
                        postings.put(key, new Posting(key, body, reply.status() == 201));
                        if (answer.unavailable()) {
                            sleep(300);
                        }
                    } catch (RuntimeException e) {
                        noAnswer.add("intake " + key + " after " + (since(start) - began) + " ms: " + e);
                    }
                }
            }));
        }
        running.add(load.submit(() -> {
            // one task just before the cut, the others during it
            for (int t = 0; t < STAFF_TASKS; t++) {
                sleepUntil(start, cutAtMs - 300 + t * 2000L);
                String id = taskIds.get(t);
                long began = since(start);
                try {
                    Reply reply = api.postJson("/engine-rest/task/" + id + "/submit-form", "engineer",
                            ApiClient.variables("handler", "engineer2", "dispatchNote", "停电期间派单"));
                    Answer answer = answer("dispatch", began, since(start), reply);
                    answers.add(answer);
                    taskAnswers.put(id, answer);
                } catch (RuntimeException e) {
                    noAnswer.add("dispatch " + id + " after " + (since(start) - began) + " ms: " + e);
                }
            }
        }));
        running.add(load.submit(() -> {
            while (since(start) < endAtMs) {
                long began = since(start);
                try {
                    Reply reply = api.get("/actuator/health/readiness", null);
                    readiness.add(new long[] {began, since(start), reply.status()});
                } catch (RuntimeException e) {
                    noAnswer.add("readiness after " + (since(start) - began) + " ms: " + e);
                }
                sleep(200);
            }
        }));

        sleepUntil(start, cutAtMs);
        int connectionsCut = proxy.connections();
        proxy.cut();
        sleepUntil(start, restoreAtMs);
        proxy.restore();
        for (Future<?> future : running) {
            future.get(60, TimeUnit.SECONDS);
        }
        load.shutdown();

        // what the clients saw
        List<Answer> duringTheOutage = answers.stream()
                .filter(a -> a.endedMs() >= cutAtMs && a.startedMs() <= restoreAtMs).toList();
        assertThat(noAnswer).as("requests without an answer").isEmpty();
        assertThat(answers).as("no 500 at any time").noneMatch(a -> a.status() >= 500 && a.status() != 503);
        assertThat(duringTheOutage).as("answers during the outage").isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 204, 409, 503));
        assertThat(duringTheOutage.stream().filter(Answer::unavailable)).as("503s during the outage").isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
                    assertThat(a.retryAfter()).as(a.toString()).isEqualTo("5");
                    assertThat(a.problemType()).as(a.toString()).isEqualTo(PROBLEM_TYPE);
                });
        assertThat(answers).as("503s answered before the cut or asked for well after the restore")
                .filteredOn(a -> a.unavailable() && (a.endedMs() < cutAtMs
                        || a.startedMs() > restoreAtMs + READY_AGAIN_WITHIN.toMillis()))
                .isEmpty();
        List<Long> times = duringTheOutage.stream().map(Answer::tookMs).sorted().toList();
        long maxMs = times.get(times.size() - 1);
        long p99Ms = times.get(Math.max(0, (int) Math.ceil(times.size() * 0.99) - 1));
        long p50Ms = times.get(times.size() / 2);
        assertThat(maxMs).as("the longest answer during the outage (ms)").isLessThanOrEqualTo(ANSWER_WITHIN.toMillis());

        // readiness: DOWN soon after the cut, UP soon after the restore
        long downAt = readiness.stream().filter(r -> r[0] >= cutAtMs && r[2] == 503).mapToLong(r -> r[1]).min()
                .orElse(Long.MAX_VALUE);
        long upAt = readiness.stream().filter(r -> r[0] >= restoreAtMs && r[2] == 200).mapToLong(r -> r[1]).min()
                .orElse(Long.MAX_VALUE);
        long readinessMaxMs = readiness.stream().mapToLong(r -> r[1] - r[0]).max().orElse(0);
        assertThat(readiness).as("readiness answers").allSatisfy(r -> assertThat((int) r[2]).isIn(200, 503));
        assertThat(downAt - cutAtMs).as("readiness DOWN after the cut (ms)")
                .isLessThanOrEqualTo(READINESS_WITHIN.toMillis());
        assertThat(upAt - restoreAtMs).as("readiness UP after the restore (ms)")
                .isLessThanOrEqualTo(READY_AGAIN_WITHIN.toMillis());
        assertThat(readiness).as("UP to the end once up again").filteredOn(r -> r[0] >= upAt).allSatisfy(
                r -> assertThat((int) r[2]).isEqualTo(200));

        // the clients retry what was not acknowledged, with the same keys
        List<Posting> unacknowledged = postings.values().stream().filter(p -> !p.acknowledged()).toList();
        int replayed = 0;
        for (Posting posting : unacknowledged) {
            Reply retried = api.postJson("/api/v1/tickets", "integrator", posting.body(), "Idempotency-Key",
                    posting.key());
            assertThat(retried.status()).as(retried.raw()).isEqualTo(201);
            if ("true".equals(retried.header("Idempotent-Replayed"))) {
                replayed++;
            }
        }
        // and the staff member retries the dispatches that were not acknowledged: done now, or found done already
        int dispatchRetried = 0;
        int dispatchFoundDone = 0;
        try (Connection connection = MariaDb.connect(database)) {
            for (int t = 0; t < STAFF_TASKS; t++) {
                String id = taskIds.get(t);
                String no = staffTickets.get(t);
                boolean open = count(connection, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = ?", id) == 1;
                String status = text(connection, "SELECT status FROM ticket WHERE ticket_no = ?", no);
                int dispatchedEntries = count(connection, "SELECT COUNT(*) FROM ticket_timeline l JOIN ticket t"
                        + " ON t.id = l.ticket_id WHERE t.ticket_no = ? AND l.stage = 'DISPATCHED'", no);
                // a ticket's status is the step its open task is at: 待派单 (DISPATCHED) at dispatch, then IN_PROGRESS
                assertThat(List.of(status, dispatchedEntries)).as("%s: dispatch %s (answer %s; %s)", no,
                        open ? "open" : "done", taskAnswers.get(id), diagnosis(connection, no, id))
                        .isEqualTo(open ? List.of("DISPATCHED", 0) : List.of("IN_PROGRESS", 1));
                Answer answer = taskAnswers.get(id);
                if (answer != null && answer.status() == 204) {
                    assertThat(open).as("%s acknowledged but its task is open", no).isFalse();
                    continue;
                }
                Reply retried = api.postJson("/engine-rest/task/" + id + "/submit-form", "engineer",
                        ApiClient.variables("handler", "engineer2", "dispatchNote", "恢复后重试"));
                if (open) {
                    assertThat(retried.status()).as(retried.raw()).isEqualTo(204);
                    dispatchRetried++;
                } else {
                    assertThat(retried.status()).as(retried.raw()).isIn(404, 409);
                    dispatchFoundDone++;
                }
            }
            for (String no : staffTickets) {
                assertThat(text(connection, "SELECT status FROM ticket WHERE ticket_no = ?", no)).as(no)
                        .isEqualTo("IN_PROGRESS");
                assertThat(count(connection, "SELECT COUNT(*) FROM ticket_timeline l JOIN ticket t ON t.id ="
                        + " l.ticket_id WHERE t.ticket_no = ? AND l.stage = 'DISPATCHED'", no)).as("dispatched once: %s",
                                no).isEqualTo(1);
            }
            for (String id : taskIds) {
                assertThat(count(connection, "SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = ?", id))
                        .as("dispatch task %s left", id).isZero();
            }

            // exactly one ticket and one process per key
            assertThat(count(connection, "SELECT COUNT(*) FROM ticket")).as("one ticket per key posted")
                    .isEqualTo(postings.size() + STAFF_TASKS);
            for (Posting posting : postings.values()) {
                assertThat(count(connection, "SELECT COUNT(*) FROM ticket WHERE idempotency_key = ?", posting.key()))
                        .as(posting.key()).isEqualTo(1);
            }
            assertThat(count(connection, "SELECT COUNT(*) FROM ticket t WHERE (SELECT COUNT(*) FROM ACT_RU_EXECUTION e"
                    + " WHERE e.BUSINESS_KEY_ = t.ticket_no AND e.PARENT_ID_ IS NULL AND e.SUPER_EXEC_ IS NULL) <> 1"))
                    .as("tickets without exactly one process").isZero();
            int incidents = count(connection, "SELECT COUNT(*) FROM ACT_RU_INCIDENT");

            long intakes = answers.stream().filter(a -> a.what().equals("intake")).count();
            long unavailable = duringTheOutage.stream().filter(Answer::unavailable).count();
            long acknowledgedDuring = duringTheOutage.stream().filter(a -> a.status() / 100 == 2).count();
            long firstIntakeAfter = answers.stream().filter(a -> a.what().equals("intake") && a.status() == 201
                    && a.endedMs() >= restoreAtMs).mapToLong(Answer::endedMs).min().orElse(-1) - restoreAtMs;
            String dispatches = taskIds.stream().map(id -> taskAnswers.get(id) == null ? "-"
                    : taskAnswers.get(id).status() + "/" + taskAnswers.get(id).tookMs() + "ms").toList().toString();
            System.out.printf("Database cut for %d s (%d connections dropped, new ones refused) under %d intake"
                            + " clients and a staff member: %d answers during the outage (%d × 503 problem+json with"
                            + " Retry-After, %d × 2xx), none 500; answer time during the outage max %d ms, p99 %d ms,"
                            + " median %d ms; readiness DOWN %d ms after the cut and UP %d ms after the restore"
                            + " (longest readiness answer %d ms), first intake acknowledged %d ms after the restore;"
                            + " %d intakes in all, %d unacknowledged retried with"
                            + " their keys (%d of them had been committed) → one ticket and one process per key;"
                            + " dispatches %s, %d retried after the restore, %d found done; %d incidents%n",
                    OUTAGE.toSeconds(), connectionsCut, CLIENTS, duringTheOutage.size(), unavailable,
                    acknowledgedDuring, maxMs, p99Ms, p50Ms, downAt - cutAtMs, upAt - restoreAtMs, readinessMaxMs, firstIntakeAfter,
                    intakes, unacknowledged.size(), replayed, dispatches, dispatchRetried, dispatchFoundDone,
                    incidents);
        }
    }

    /** What the database says of a ticket and its dispatch task, for a failure message. */
    private static String diagnosis(Connection connection, String no, String taskId) throws SQLException {
        List<String> facts = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT l.stage, l.actor, l.at FROM"
                + " ticket_timeline l JOIN ticket t ON t.id = l.ticket_id WHERE t.ticket_no = ? ORDER BY l.id")) {
            statement.setString(1, no);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    facts.add(rows.getString(1) + " by " + rows.getString(2) + " at " + rows.getString(3));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT START_TIME_, END_TIME_, DELETE_REASON_,"
                + " ASSIGNEE_ FROM ACT_HI_TASKINST WHERE ID_ = ?")) {
            statement.setString(1, taskId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    facts.add("history task " + rows.getString(1) + "–" + rows.getString(2) + " " + rows.getString(3)
                            + " " + rows.getString(4));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT ACT_ID_, START_TIME_, END_TIME_ FROM"
                + " ACT_HI_ACTINST WHERE PROC_INST_ID_ = (SELECT PROC_INST_ID_ FROM ACT_HI_TASKINST WHERE ID_ = ?)"
                + " ORDER BY START_TIME_, SEQUENCE_COUNTER_")) {
            statement.setString(1, taskId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    facts.add(rows.getString(1) + " " + rows.getString(2) + "–" + rows.getString(3));
                }
            }
        }
        return String.join("; ", facts);
    }

    private static Answer answer(String what, long began, long ended, Reply reply) {
        JsonNode json = reply.json();
        String type = json != null && json.has("type") ? json.get("type").asText() : null;
        return new Answer(what, began, ended, reply.status(), reply.contentType(), reply.header("Retry-After"), type,
                reply.raw().length() > 300 ? reply.raw().substring(0, 300) : reply.raw());
    }

    private static long since(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void sleepUntil(long start, long atMs) {
        sleep(atMs - since(start));
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String text(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
