package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.AppNode;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.MariaDb;
import com.propertydesk.support.Race;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on MariaDB killed with SIGKILL while four integrators post tickets with Idempotency-Keys, then
 * started again on the same database: every acknowledged ticket is there once with exactly one process, the
 * requests cut off by the kill are answered when the clients retry them with their keys, and every ticket reaches
 * its first task within 60 s of the restart, including those whose start job the dead node had locked (job locks
 * of 30 s, not Camunda's default 5 minutes). Prints the figures.
 */
class NodeCrashMariaDbIT {

    static final int CLIENTS = 4;
    /** Tickets acknowledged before the kill. */
    static final int BEFORE_THE_KILL = 40;
    static final Duration FIRST_TASK_WITHIN = Duration.ofSeconds(60);

    private final List<AppNode> nodes = new ArrayList<>();

    /** A ticket a client posted: its key and body, and the answer if one came. */
    record Posting(String key, Map<String, Object> body, Reply reply) {
    }

    @AfterEach
    void stopTheNodes() {
        nodes.forEach(AppNode::close);
    }

    @Test
    void aNodeKilledDuringALoadOfTicketsLosesNoneAndTheyReachTheirFirstTaskSoonAfterTheRestart() throws Exception {
        String database = MariaDb.newDatabase();
        AppNode node = start("crash-before", database);
        ApiClient api = node.api();

        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        Map<String, Posting> postings = new ConcurrentHashMap<>();
        List<Integer> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread killer = new Thread(() -> {
            Awaitility.await("tickets before the kill").atMost(Duration.ofSeconds(120))
                    .until(() -> acknowledged.get() >= BEFORE_THE_KILL);
            try {
                node.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            killed.set(true);
        });
        killer.start();
        Race.run(CLIENTS, 180, client -> {
            for (int i = 0; !killed.get(); i++) {
                String key = "crash-" + client + "-" + i + "-" + UUID.randomUUID();
                Map<String, Object> body = i % 2 == 0
                        ? LifecycleScenario.complaintBody("9-" + client + "-" + (100 + i % 900), "楼道灯坏了，晚上看不见")
                        : LifecycleScenario.repairBody("9-" + client + "-" + (100 + i % 900), "卫生间地漏堵塞返水");
                postings.put(key, new Posting(key, body, null));
                try {
                    Reply reply = api.postJson("/api/v1/tickets", "integrator", body, "Idempotency-Key", key);
                    postings.put(key, new Posting(key, body, reply));
                    if (reply.status() >= 500) {
                        serverErrors.add(reply.status());
                    } else if (reply.status() == 201) {
                        acknowledged.incrementAndGet();
                    }
                } catch (RuntimeException cutOff) {
                    // the connection died with the node: no answer, the client will retry with its key
                }
            }
            return null;
        });
        killer.join();
        List<Posting> answered = postings.values().stream().filter(posting -> posting.reply() != null).toList();
        List<Posting> unanswered = postings.values().stream().filter(posting -> posting.reply() == null).toList();
        assertThat(serverErrors).as("5xx answers before the kill").isEmpty();
        assertThat(answered).extracting(posting -> posting.reply().status()).as("answers before the kill")
                .containsOnly(201);
        int lockedByTheDeadNode;
        int committedButUnanswered;
        try (Connection connection = MariaDb.connect(database)) {
            lockedByTheDeadNode = count(connection,
                    "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL AND LOCK_EXP_TIME_ > NOW()");
            committedButUnanswered = (int) unanswered.stream()
                    .filter(posting -> exists(connection, posting.key())).count();
        }

        long restarting = System.nanoTime();
        AppNode restarted = start("crash-after", database);
        Duration restart = Duration.ofNanos(System.nanoTime() - restarting);
        long restartedAt = System.nanoTime();

        // the clients whose request the kill cut off retry it with the same key
        for (Posting posting : unanswered) {
            Reply retried = restarted.api().postJson("/api/v1/tickets", "integrator", posting.body(),
                    "Idempotency-Key", posting.key());
            assertThat(retried.status()).as(retried.raw()).isEqualTo(201);
        }
        try (Connection connection = MariaDb.connect(database)) {
            Awaitility.await("every ticket at its first task").atMost(FIRST_TASK_WITHIN.minus(
                    Duration.ofNanos(System.nanoTime() - restartedAt))).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(connection, WITHOUT_A_TASK) == 0);
            Duration recovered = Duration.ofNanos(System.nanoTime() - restartedAt);

            assertThat(count(connection, "SELECT COUNT(*) FROM ticket")).as("one ticket per key posted")
                    .isEqualTo(postings.size());
            for (Posting posting : answered) {
                assertThat(exists(connection, posting.key())).as("acknowledged %s", posting.key()).isTrue();
            }
            assertThat(count(connection, "SELECT COUNT(*) FROM ticket t WHERE (SELECT COUNT(*) FROM ACT_RU_EXECUTION e"
                    + " WHERE e.BUSINESS_KEY_ = t.ticket_no AND e.PARENT_ID_ IS NULL AND e.SUPER_EXEC_ IS NULL) <> 1"))
                    .as("tickets without exactly one process").isZero();
            assertThat(count(connection, "SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();
            System.out.printf("Node killed (SIGKILL) after %d acknowledged tickets from %d clients; %d requests cut"
                            + " off (%d of them committed before the kill), %d jobs locked by the dead node;"
                            + " restart to healthy %.1f s; every ticket at its first task %.1f s after the restart%n",
                    answered.size(), CLIENTS, unanswered.size(), committedButUnanswered, lockedByTheDeadNode,
                    restart.toMillis() / 1000.0, recovered.toMillis() / 1000.0);
        }
    }

    /** Tickets whose process (a root instance with the ticket number) has no task anywhere below it yet. */
    static final String WITHOUT_A_TASK = "SELECT COUNT(*) FROM ticket t WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_TASK k"
            + " JOIN ACT_RU_EXECUTION instance ON instance.ID_ = k.PROC_INST_ID_"
            + " JOIN ACT_RU_EXECUTION root ON root.ID_ = instance.ROOT_PROC_INST_ID_"
            + " WHERE root.BUSINESS_KEY_ = t.ticket_no)";

    private AppNode start(String name, String database) throws java.io.IOException {
        List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=mysql",
                "--propertydesk.demo.enabled=true",
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
        MariaDb.profileSettings(database).forEach((setting, value) -> settings.add("--" + setting + "=" + value));
        AppNode node = AppNode.start(name, settings.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    private static boolean exists(Connection connection, String key) {
        try (var statement = connection.prepareStatement("SELECT COUNT(*) FROM ticket WHERE idempotency_key = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
