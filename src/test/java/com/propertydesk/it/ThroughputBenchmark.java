package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.MariaDb;
import com.propertydesk.support.Race;
import com.propertydesk.support.StatementCounter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Intake and the whole complaint lifecycle through the real REST APIs with HTTP Basic, four clients at once, on
 * MariaDB, against a reference in the same application and the same run: {@code benchmark-reference}, a process of
 * the ticket's eight stages with no-op steps, started asynchronously over {@code /engine-rest} like a ticket, its
 * four people's tasks offered, claimed and submitted like a complaint's.
 * <ul>
 * <li>intake: {@code POST /api/v1/tickets} (an engineering complaint) against starting the reference, counted until
 * every accepted one has reached its first task (the asynchronous start included);</li>
 * <li>lifecycle: filed, then dispatched, handled, verified and called back by the people whose job it is, until
 * its process has ended (the ticket ARCHIVED), against the same walk of the reference.</li>
 * </ul>
 * Prints rates, latencies, and the statements and commits the application sent per operation (counted at its
 * DataSource; a JDBC batch, which the driver sends as one multi-row INSERT, counts once). No timed assertion. Run
 * it with
 * <pre>
 * mvn verify -Pbenchmark -Dit.test=ThroughputBenchmark -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -Dbench.intakes}, default 400, and {@code -Dbench.lifecycles}, default 80, per kind and round; two
 * rounds, reference and product interleaved, after a warm-up).
 */
@Import(StatementCounter.Counting.class)
class ThroughputBenchmark extends MariaDbTestBase {

    static final int CLIENTS = 4;
    static final String REFERENCE = "benchmark-reference";
    /**
     * Every ticket from a room of its own: a room that complained three times within 30 days makes the next
     * complaint a major one (manager review first), which the walk does not do, so a room used over and over would
     * leave lifecycles waiting.
     */
    private static final AtomicInteger ROOMS = new AtomicInteger();
    private static final int BUILDING = ThreadLocalRandom.current().nextInt(100, 100_000);

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    AuthorizationService authorizationService;

    private ApiClient api;

    /** What one kind of operation did in one round. */
    record Run(int operations, double seconds, List<Long> micros, long statements, long commits) {

        double perSecond() {
            return operations / seconds;
        }

        double percentileMillis(int percent) {
            long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1000.0;
        }

        Run plus(Run other) {
            List<Long> all = new ArrayList<>(micros);
            all.addAll(other.micros);
            return new Run(operations + other.operations, seconds + other.seconds, all,
                    statements + other.statements, commits + other.commits);
        }
    }

    /** A kind of ticket: how one is started (returning its business key) and walked through its people's tasks. */
    interface Kind {
        String start(int index);

        void walk(String key);
    }

    @Test
    void intakeAndLifecycleAgainstTheReferenceProcess() throws Exception {
        api = new ApiClient(port);
        deployTheReference();
        Kind reference = new Kind() {
            @Override
            public String start(int index) {
                String key = "REF-" + UUID.randomUUID();
                Reply started = api.postJson("/engine-rest/process-definition/key/" + REFERENCE + "/start",
                        "integrator", Map.of("businessKey", key));
                assertThat(started.status()).as(started.raw()).isEqualTo(200);
                return key;
            }

            @Override
            public void walk(String key) {
                walkThePeoplesTasks(key);
            }
        };
        Kind product = new Kind() {
            @Override
            public String start(int index) {
                Reply filed = api.postJson("/api/v1/tickets", "integrator", LifecycleScenario.complaintBody(
                        room(ROOMS.incrementAndGet()), "厨房水管漏水，地面全是水"),
                        "Idempotency-Key", UUID.randomUUID().toString());
                assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
                return filed.json().get("ticketNo").asText();
            }

            @Override
            public void walk(String key) {
                walkThePeoplesTasks(key);
            }
        };
        int intakes = Integer.getInteger("bench.intakes", 400);
        int lifecycles = Integer.getInteger("bench.lifecycles", 80);

        // warm-up: the JIT, the pools and the caches
        intake(reference, 40);
        intake(product, 40);
        lifecycle(reference, 8);
        lifecycle(product, 8);

        Run referenceIntake = null;
        Run productIntake = null;
        Run referenceLifecycle = null;
        Run productLifecycle = null;
        for (int round = 0; round < 2; round++) {
            referenceIntake = add(referenceIntake, intake(reference, intakes));
            productIntake = add(productIntake, intake(product, intakes));
            referenceLifecycle = add(referenceLifecycle, lifecycle(reference, lifecycles));
            productLifecycle = add(productLifecycle, lifecycle(product, lifecycles));
        }

        String line = "BENCHMARK throughput: %-44s %10s %10s %8s  %s%n";
        System.out.printf("BENCHMARK throughput: MariaDB, %d clients over HTTP Basic, %d intakes and %d lifecycles"
                + " per kind in two rounds; %s%n", CLIENTS, 2 * intakes, 2 * lifecycles, machine());
        System.out.printf(line, "figure", "reference", "product", "ratio", "target");
        row(line, "intake, until its first task (per s)", referenceIntake.perSecond(), productIntake.perSecond(),
                "≥ 0.60");
        row(line, "intake answer p50 (ms)", referenceIntake.percentileMillis(50), productIntake.percentileMillis(50),
                "");
        row(line, "intake answer p99 (ms)", referenceIntake.percentileMillis(99), productIntake.percentileMillis(99),
                "p99 < 100 ms");
        row(line, "statements per intake (async start included)", perOperation(referenceIntake.statements(),
                referenceIntake), perOperation(productIntake.statements(), productIntake), "≤ 120");
        row(line, "commits per intake", perOperation(referenceIntake.commits(), referenceIntake),
                perOperation(productIntake.commits(), productIntake), "");
        row(line, "complaint lifecycle (per s)", referenceLifecycle.perSecond(), productLifecycle.perSecond(),
                "≥ 0.50");
        row(line, "statements per lifecycle", perOperation(referenceLifecycle.statements(), referenceLifecycle),
                perOperation(productLifecycle.statements(), productLifecycle), "");
        row(line, "commits per lifecycle", perOperation(referenceLifecycle.commits(), referenceLifecycle),
                perOperation(productLifecycle.commits(), productLifecycle), "");
    }

    private static Run add(Run sum, Run run) {
        return sum == null ? run : sum.plus(run);
    }

    private static double perOperation(long count, Run run) {
        return (double) count / run.operations();
    }

    private static void row(String line, String figure, double reference, double product, String target) {
        System.out.printf(line, figure, String.format("%.1f", reference), String.format("%.1f", product),
                String.format("%.2f", product / reference), target);
    }

    /** Starts n at once from four clients and waits until every one has reached its first task. */
    private Run intake(Kind kind, int n) throws SQLException {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        return measured(n, micros, () -> {
            Race.run(CLIENTS, 600, client -> {
                for (int i = client; i < n; i += CLIENTS) {
                    long started = System.nanoTime();
                    keys.add(kind.start(i));
                    micros.add((System.nanoTime() - started) / 1_000);
                }
                return null;
            });
            awaitNone("without their first task", WITHOUT_A_TASK, keys);
        });
    }

    /**
     * A room number no other ticket uses: a building of the run's own (a kept database sees several runs), floor
     * and unit from the ticket's number.
     */
    private static String room(int n) {
        return BUILDING + "-" + (n / 900 + 1) + "-" + (n % 900 + 100);
    }

    /** Starts and walks n to their end from four clients. */
    private Run lifecycle(Kind kind, int n) throws SQLException {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        return measured(n, micros, () -> {
            Race.run(CLIENTS, 600, client -> {
                for (int i = client; i < n; i += CLIENTS) {
                    long started = System.nanoTime();
                    String key = kind.start(i);
                    keys.add(key);
                    kind.walk(key);
                    micros.add((System.nanoTime() - started) / 1_000);
                }
                return null;
            });
            awaitNone("still running", RUNNING, keys);
        });
    }

    private interface Work {
        void run() throws SQLException;
    }

    private static Run measured(int n, List<Long> micros, Work work) throws SQLException {
        long statements = StatementCounter.statements();
        long commits = StatementCounter.commits();
        long started = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Run(n, seconds, micros, StatementCounter.statements() - statements,
                StatementCounter.commits() - commits);
    }

    /** The people's four tasks, each found, claimed and submitted over /engine-rest as the one whose job it is. */
    private void walkThePeoplesTasks(String key) {
        work(key, "dispatch", "engineer", ApiClient.variables("handler", "engineer2", "dispatchNote", "今天上门"));
        work(key, "handle", "engineer2", ApiClient.variables("actionTaken", "更换水管接头", "responsibility", "PROPERTY"));
        work(key, "verify", "engineer", ApiClient.variables("verified", "true", "verifyNote", "已不漏"));
        work(key, "callback", "cs", ApiClient.variables("ownerReached", "true", "satisfaction", "SATISFIED"));
    }

    private void work(String key, String taskKey, String user, Map<String, Object> form) {
        String query = "/engine-rest/task?processInstanceBusinessKey=" + ApiClient.encode(key) + "&taskDefinitionKey="
                + taskKey;
        JsonNode[] task = new JsonNode[1];
        Awaitility.await(taskKey + " of " + key).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10)).until(() -> {
                    JsonNode found = api.get(query, user).json();
                    task[0] = found != null && found.size() > 0 ? found.get(0) : null;
                    return task[0] != null;
                });
        String id = task[0].get("id").asText();
        if (task[0].get("assignee").isNull()) {
            Reply claim = api.postJson("/engine-rest/task/" + id + "/claim", user, Map.of("userId", user));
            assertThat(claim.status()).as(claim.raw()).isEqualTo(204);
        }
        Reply submit = api.postJson("/engine-rest/task/" + id + "/submit-form", user, form);
        assertThat(submit.status()).as(submit.raw()).isEqualTo(204);
    }

    /** Roots of these business keys whose process has no task yet (or no process yet). */
    static final String WITHOUT_A_TASK = "SELECT COUNT(*) FROM (SELECT ? AS k) keys_ WHERE NOT EXISTS (SELECT 1"
            + " FROM ACT_RU_EXECUTION root JOIN ACT_RU_EXECUTION instance ON instance.ROOT_PROC_INST_ID_ = root.ID_"
            + " JOIN ACT_RU_TASK task ON task.PROC_INST_ID_ = instance.ID_ WHERE root.BUSINESS_KEY_ = keys_.k"
            + " AND root.PARENT_ID_ IS NULL AND root.SUPER_EXEC_ IS NULL)";
    /** Processes of these business keys not yet ended. */
    static final String RUNNING = "SELECT COUNT(*) FROM (SELECT ? AS k) keys_ WHERE EXISTS (SELECT 1"
            + " FROM ACT_RU_EXECUTION root WHERE root.BUSINESS_KEY_ = keys_.k AND root.PARENT_ID_ IS NULL)";

    /** Waits until the query counts none of the keys (its {@code SELECT ? AS k} becomes a union of them). */
    private static void awaitNone(String what, String query, List<String> keys) throws SQLException {
        String union = keys.stream().map(key -> "SELECT '" + key.replace("'", "''") + "' AS k")
                .collect(Collectors.joining(" UNION ALL "));
        String sql = query.replace("SELECT ? AS k", union);
        try (Connection connection = MariaDb.connect(MariaDb.database())) {
            Awaitility.await(keys.size() + " " + what).atMost(Duration.ofSeconds(300)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20)).until(() -> count(connection, sql) == 0);
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The reference process, and the rights to start it that integrators have for tickets. */
    private void deployTheReference() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(REFERENCE).count() > 0) {
            return;
        }
        repositoryService.createDeployment().name(REFERENCE)
                .addClasspathResource("benchmark/reference-lifecycle.bpmn").deploy();
        grant(Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        grant(Resources.PROCESS_DEFINITION, REFERENCE, Permissions.READ, Permissions.CREATE_INSTANCE);
    }

    private void grant(Resources resource, String id, Permissions... permissions) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("integrator");
        grant.setResource(resource);
        grant.setResourceId(id);
        for (Permissions permission : permissions) {
            grant.addPermission(permission);
        }
        authorizationService.saveAuthorization(grant);
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", the application, MariaDB and the clients on one machine";
    }
}
