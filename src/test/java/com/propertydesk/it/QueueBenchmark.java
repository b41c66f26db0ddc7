package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.StatementCounter;
import com.propertydesk.support.WebappSession;
import com.propertydesk.support.MariaDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The queues at the size of a property group, on MariaDB: {@code bench.open} open tickets (default 100,000) over the
 * departments, 60% of them in engineering's queue, and {@code bench.archived} archived tickets (default 1,000,000).
 * <p>
 * The open tickets are real: a template of 50 tickets is filed through {@code POST /api/v1/tickets} and the engine
 * takes each to its department's first task (every process, sub-process, variable, timer, identity link and
 * authorization the product writes); then the template's runtime rows are copied in the database with new ids until
 * there are {@code bench.open} of them (every id a copied row refers to is renamed with it; the copies' timers are
 * moved a month ahead so that they do not all fire during the run). Each copy's due date is spread over the next
 * three days, some tasks are given to the engineer (我的待办), an emergency's tasks keep their priority (紧急). The
 * archived tickets (and the open ones' rows in the ticket list) are generated straight into the ticket table.
 * <p>
 * Then, one caller at a time as Tasklist and integrators send them: Tasklist's saved filters as an engineer (list
 * of 15 with its count and the list's variables, what Tasklist's {@code filter/{id}/list} returns), {@code GET
 * /engine-rest/task} by candidate group (first 50, then the count), and pages of {@code GET /api/v1/tickets} as the
 * integrator. Prints p50/p99 against the targets, checks that the rights still hold (a cleaner counts no
 * engineering task, the integrator none), and prints the {@code EXPLAIN} of the queue queries sent to the database
 * (identity/TaskQueues reads them; counts of large queues are kept for a moment and recounted, QueueCounts). No
 * timed assertion. Run it with
 * <pre>
 * mvn verify -Pbenchmark -Dit.test=QueueBenchmark -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * (or {@code mvn test -Dtest=QueueBenchmark -Dbench.open=20000 -Dbench.archived=100000} for a quicker look).
 * Seeding takes about six minutes; with {@code -Dbench.database=NAME} the seeded database is kept, and a later run
 * on it (after a change, with its migrations) measures at once. For the run MariaDB's buffer pool is set to
 * {@code bench.bufferPoolMiB} (4096), as a property group's database server would have it; the default 128 MiB
 * holds neither the million archived tickets nor the open ones' variables.
 */
@Import(StatementCounter.Counting.class)
class QueueBenchmark extends MariaDbTestBase {

    static final int TEMPLATE = 50;
    /** The front-desk clerk who takes in a tenth of the tickets. */
    static final String CLERK = "frontdesk";
    static final int CALLS = Integer.getInteger("bench.calls", 200);
    static final String FILTER_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

    /** Runtime tables a ticket writes, with the column naming the process instance a row belongs to. */
    static final Map<String, String> RUNTIME = new LinkedHashMap<>();

    static {
        RUNTIME.put("ACT_RU_EXECUTION", "PROC_INST_ID_");
        RUNTIME.put("ACT_RU_TASK", "PROC_INST_ID_");
        RUNTIME.put("ACT_RU_VARIABLE", "PROC_INST_ID_");
        RUNTIME.put("ACT_RU_JOB", "PROCESS_INSTANCE_ID_");
        RUNTIME.put("ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_");
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FilterService filterService;

    private ApiClient api;
    private JdbcTemplate seeding;

    @Test
    void queuesWithAHundredThousandOpenTickets() throws SQLException {
        int open = Integer.getInteger("bench.open", 100_000);
        int archived = Integer.getInteger("bench.archived", 1_000_000);
        api = new ApiClient(port);

        // a property group's database server holds its working set in memory; MariaDB's default pool is 128 MiB
        // (set for the run, the server's own setting restored after it)
        Long serversPool = jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class);
        jdbc.execute("SET GLOBAL innodb_buffer_pool_size = " + (Long.getLong("bench.bufferPoolMiB", 4096) << 20));
        try {
            seedAndMeasure(open, archived);
        } finally {
            jdbc.execute("SET GLOBAL innodb_buffer_pool_size = " + serversPool);
        }
    }

    private void seedAndMeasure(int open, int archived) throws SQLException {
        if (count("SELECT COUNT(*) FROM ticket WHERE ticket_no LIKE 'QB-O-%'") > 0) {
            System.out.printf("BENCHMARK queues: the kept database %s is seeded already: measuring it as it is%n",
                    MariaDb.database());
        } else {
            seed(open, archived);
        }
        jdbc.execute("ANALYZE TABLE ACT_RU_EXECUTION, ACT_RU_TASK, ACT_RU_VARIABLE, ACT_RU_JOB, ACT_RU_IDENTITYLINK,"
                + " ACT_RU_AUTHORIZATION, ACT_RU_EVENT_SUBSCR, ACT_GE_BYTEARRAY, ticket");
        System.out.printf("BENCHMARK queues: MariaDB %s, innodb_buffer_pool_size %d MiB%n",
                jdbc.queryForObject("SELECT VERSION()", String.class),
                jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) >> 20);
        measureTheQueues();
    }

    private void seed(int open, int archived) throws SQLException {
        long started = System.nanoTime();
        fileTheTemplate();
        // the copying on a session of its own, which checks no foreign keys (a copy's child may come before its parent)
        Connection session = MariaDb.connect(MariaDb.database());
        seeding = new JdbcTemplate(new SingleConnectionDataSource(session, true));
        seeding.execute("SET SESSION foreign_key_checks = 0");
        double templateSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        int copies = Math.max(0, (open + TEMPLATE - 1) / TEMPLATE - 1);
        copyTheTemplate(copies);
        generateTicketRows(open, archived);
        seeding.execute("SET SESSION foreign_key_checks = 1");
        session.close();
        double copySeconds = (System.nanoTime() - started) / 1e9;

        long tasks = count("SELECT COUNT(*) FROM ACT_RU_TASK");
        long engineering = waitingForEngineering();
        long timers = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'");
        System.out.printf("BENCHMARK queues: %d open tickets (%d copies of a template of %d filed in %.0f s), %d open"
                + " tasks, %d waiting for engineering to claim them, %d pending timers, %d archived tickets; copied and generated in"
                + " %.0f s; %s%n", (copies + 1) * TEMPLATE, copies, TEMPLATE, templateSeconds, tasks, engineering,
                timers, archived, copySeconds, machine());
    }

    private long waitingForEngineering() {
        return count("SELECT COUNT(DISTINCT t.ID_) FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_"
                + " WHERE l.GROUP_ID_ = 'engineering' AND l.TYPE_ = 'candidate' AND t.ASSIGNEE_ IS NULL");
    }

    private void measureTheQueues() {
        rightsStillHold(waitingForEngineering());

        WebappSession engineer = WebappSession.login(port, "engineer", "demo", "tasklist");
        assertThat(engineer.login().status()).isEqualTo(200);
        Map<String, String> filters = new LinkedHashMap<>();
        for (Filter filter : filterService.createFilterQuery().list()) {
            filters.put(filter.getName(), filter.getId());
        }
        String line = "BENCHMARK queues: %-58s %8s %8s %8s %10s  %s%n";
        System.out.printf(line, "call (one caller, " + CALLS + " calls)", "p50 ms", "p99 ms", "count", "SQL/call",
                "target");
        for (String name : List.of("部门待认领", "我的待办", "即将超时", "紧急")) {
            String path = "/filter/" + filters.get(name) + "/list?firstResult=0&maxResults=15";
            measure(line, "Tasklist " + name + " (list of 15 + count + variables)", "p99 < 50 ms", () -> {
                Reply reply = engineer.postEngine(path, FILTER_BODY, "application/hal+json");
                assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
                return reply.json().get("count").asLong();
            });
        }
        measure(line, "GET /engine-rest/task?candidateGroup=engineering (first 50)", "p99 < 50 ms", () -> {
            Reply reply = api.get("/engine-rest/task?candidateGroup=engineering&firstResult=0&maxResults=50",
                    "engineer");
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            return (long) reply.json().size();
        });
        measure(line, "GET /engine-rest/task/count?candidateGroup=engineering", "p99 < 50 ms", () -> {
            Reply reply = api.get("/engine-rest/task/count?candidateGroup=engineering", "engineer");
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            return reply.json().get("count").asLong();
        });
        for (String page : List.of("page=0&size=20", "page=50&size=20", "status=ARCHIVED&page=0&size=20")) {
            measure(line, "GET /api/v1/tickets?" + page + " (integrator)", "p99 < 100 ms", () -> {
                Reply reply = api.get("/api/v1/tickets?" + page, "integrator");
                assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
                return reply.json().get("totalElements").asLong();
            });
        }

        // the clerk follows every ticket they took in (a tenth of all): each of those tasks is one more grant of theirs,
        // looked up by task (identity/TaskQueues) rather than joined into every task query of theirs
        WebappSession clerk = WebappSession.login(port, CLERK, "demo", "tasklist");
        assertThat(clerk.login().status()).isEqualTo(200);
        System.out.printf("BENCHMARK queues: the clerk %s holds %d task grants%n", CLERK,
                count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE USER_ID_ = '" + CLERK + "' AND RESOURCE_TYPE_ = "
                        + Resources.TASK.resourceType()));
        // the clerk's follow-up over the ticket list: one index, whatever the number of grants
        measure(line, "GET /api/v1/tickets?receivedBy=" + CLERK + " (the clerk)", "p99 < 100 ms", () -> {
            Reply reply = api.get("/api/v1/tickets?receivedBy=" + CLERK, CLERK);
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            return reply.json().get("totalElements").asLong();
        });
        String receivedByMe = filterService.createFilterQuery().filterName("我受理的").filterOwner(CLERK)
                .singleResult().getId();
        for (Map.Entry<String, String> filter : List.of(Map.entry("我受理的", receivedByMe),
                Map.entry("即将超时", filters.get("即将超时")))) {
            String path = "/filter/" + filter.getValue() + "/list?firstResult=0&maxResults=15";
            measure(line, "Tasklist " + filter.getKey() + " as the clerk (list of 15 + count + variables)",
                    "p99 < 50 ms", () -> {
                        Reply reply = clerk.postEngine(path, FILTER_BODY, "application/hal+json");
                        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
                        return reply.json().get("count").asLong();
                    });
        }

        explainTheQueueQueries(engineer, filters.get("部门待认领"));
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("BENCHMARK queues: heap used after the run and a GC: %d MiB (target < 512 MiB)%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    /** 50 tickets as they come in: engineering complaints and repairs (some emergencies), cleaning, security. */
    private void fileTheTemplate() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < TEMPLATE; i++) {
            Map<String, Object> body = new HashMap<>(i % 5 == 4
                    ? LifecycleScenario.repairBody("9-" + i, "厨房水龙头漏水，关不紧")
                    : LifecycleScenario.complaintBody("9-" + i, i % 10 == 0 ? "地下室水浸，水一直在涨"
                            : "卫生间天花板漏水，已经滴到地面"));
            if (i % 5 != 4) {
                body.put("category", i < 26 ? "ENGINEERING" : i < 40 ? "CLEANING_GREENING" : "SECURITY_ORDER");
            }
            String key = UUID.randomUUID().toString();
            // a tenth taken in at the front desk: 首问负责制 grants the clerk each of their tasks for reading
            Reply filed = api.postJson("/api/v1/tickets", i % 10 == 3 ? CLERK : "integrator", body,
                    "Idempotency-Key", key);
            assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
            keys.add(filed.json().get("ticketNo").asText());
        }
        Awaitility.await("the template's first tasks").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT COUNT(DISTINCT e.ROOT_PROC_INST_ID_) FROM ACT_RU_TASK t"
                        + " JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_") >= TEMPLATE);
        // the jobs of intake are done: nothing due now is left of the template
        Awaitility.await("the template's due jobs").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ <= NOW() AND RETRIES_ > 0") == 0);
        assertThat(keys).hasSize(TEMPLATE);
    }

    /** Copies every runtime row of the template's processes, {@code copies} times, renaming the ids they share. */
    private void copyTheTemplate(int copies) {
        if (copies == 0) {
            return;
        }
        seeding.execute("CREATE TABLE bench_instance (ID_ VARCHAR(64) PRIMARY KEY)");
        seeding.execute("INSERT INTO bench_instance SELECT ID_ FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_");
        seeding.execute("CREATE TABLE bench_id (ID_ VARCHAR(64) PRIMARY KEY)");
        for (Map.Entry<String, String> table : RUNTIME.entrySet()) {
            seeding.execute("INSERT IGNORE INTO bench_id SELECT ID_ FROM " + table.getKey() + " WHERE " + table.getValue()
                    + " IN (SELECT ID_ FROM bench_instance)");
        }
        seeding.execute("CREATE TABLE bench_bytes (ID_ VARCHAR(64) PRIMARY KEY)");
        seeding.execute("INSERT IGNORE INTO bench_bytes SELECT BYTEARRAY_ID_ FROM ACT_RU_VARIABLE WHERE BYTEARRAY_ID_ IS"
                + " NOT NULL UNION SELECT EXCEPTION_STACK_ID_ FROM ACT_RU_JOB WHERE EXCEPTION_STACK_ID_ IS NOT NULL");
        seeding.execute("INSERT IGNORE INTO bench_id SELECT ID_ FROM bench_bytes");
        seeding.execute("CREATE TABLE bench_link (ID_ VARCHAR(64) PRIMARY KEY)");
        seeding.execute("INSERT INTO bench_link SELECT ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ IN"
                + " (SELECT ID_ FROM bench_id)");
        seeding.execute("CREATE TABLE bench_grant (ID_ VARCHAR(64) PRIMARY KEY)");
        seeding.execute("INSERT INTO bench_grant SELECT ID_ FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ IN"
                + " (SELECT ID_ FROM bench_id)");
        seeding.execute("INSERT IGNORE INTO bench_id SELECT ID_ FROM bench_link UNION SELECT ID_ FROM bench_grant");

        // parents before children: the byte arrays, executions (their parents are in the same statement), then the rest
        copy("ACT_GE_BYTEARRAY", "ID_ IN (SELECT ID_ FROM bench_bytes)", copies);
        for (Map.Entry<String, String> table : RUNTIME.entrySet()) {
            copy(table.getKey(), table.getValue() + " IN (SELECT ID_ FROM bench_instance)", copies);
        }
        copy("ACT_RU_IDENTITYLINK", "ID_ IN (SELECT ID_ FROM bench_link)", copies);
        copy("ACT_RU_AUTHORIZATION", "ID_ IN (SELECT ID_ FROM bench_grant)", copies);
        seeding.execute("DROP TABLE bench_instance, bench_id, bench_bytes, bench_link, bench_grant");

        // the copies' timers a month ahead; their tasks due over the next three days; 30 of them the engineer's
        seeding.update("UPDATE ACT_RU_JOB SET DUEDATE_ = DUEDATE_ + INTERVAL 30 DAY WHERE ID_ LIKE '%~%'");
        seeding.update("UPDATE ACT_RU_TASK SET DUE_DATE_ = NOW() + INTERVAL CAST(CRC32(ID_) % 4320 AS SIGNED) - 120 MINUTE"
                + " WHERE ID_ LIKE '%~%' AND DUE_DATE_ IS NOT NULL");
        seeding.update("UPDATE ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ SET t.ASSIGNEE_ ="
                + " 'engineer' WHERE l.GROUP_ID_ = 'engineering' AND t.ASSIGNEE_ IS NULL AND t.ID_ LIKE '%~1'");
    }

    /**
     * Inserts {@code copies} copies of the rows, every column that holds one of the copied ids renamed, in
     * transactions of 100 copies (columns whose template values are never a copied id are copied as they are).
     */
    private void copy(String table, String where, int copies) {
        List<String> columns = seeding.queryForList("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE"
                + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", String.class, table);
        StringBuilder select = new StringBuilder();
        for (String column : columns) {
            if (select.length() > 0) {
                select.append(", ");
            }
            boolean reference = (column.endsWith("ID_") || column.equals("SUPER_EXEC_") || column.equals("VAR_SCOPE_"))
                    && count("SELECT COUNT(*) FROM " + table + " WHERE " + where + " AND " + column
                            + " IN (SELECT ID_ FROM bench_id)") > 0;
            select.append(reference ? "IF(r." + column + " IN (SELECT ID_ FROM bench_id), CONCAT(r." + column
                    + ", '~', s.seq), r." + column + ")" : "r." + column);
        }
        long started = System.nanoTime();
        int rows = 0;
        for (int from = 1; from <= copies; from += 100) {
            rows += seeding.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select
                    + " FROM (SELECT * FROM " + table + " WHERE " + where + " AND ID_ NOT LIKE '%~%') r"
                    + " CROSS JOIN seq_" + from + "_to_" + Math.min(copies, from + 99) + " s");
        }
        System.out.printf("BENCHMARK queues: %s: %d rows copied in %.1f s%n", table, rows,
                (System.nanoTime() - started) / 1e9);
    }

    /** The ticket list's rows: the open tickets (as filed by the integrator) and the archive, over two years. */
    private void generateTicketRows(int open, int archived) {
        String columns = "INSERT INTO ticket (ticket_no, type, channel, status, category, urgency, major, department, "
                + "received_by, reporter_phone, reporter_room, room_key, description, repeat_count, created_at, "
                + "response_due_at, archived_at, resolution, rework_count, reopen_count, escalation_level, version) ";
        seeding.update(columns + "SELECT CONCAT('QB-A-', seq), IF(seq % 3 = 0, 'REPAIR', 'COMPLAINT'), 'APP', 'ARCHIVED',"
                + " 'ENGINEERING', 'NORMAL', FALSE, 'engineering', IF(seq % 2 = 0, 'integrator', 'frontdesk'),"
                + " '13800138000', CONCAT(seq % 5000, '-1'), CONCAT(seq % 5000, '-1'), '卫生间天花板漏水', 0,"
                + " created, created + INTERVAL 2 HOUR, created + INTERVAL 3 DAY, 'RESOLVED', 0, 0, 0, 0"
                + " FROM (SELECT seq, NOW() - INTERVAL 7 DAY - INTERVAL (seq % 1051200) MINUTE AS created"
                + " FROM seq_1_to_" + archived + ") generated");
        seeding.update(columns + "SELECT CONCAT('QB-O-', seq), 'COMPLAINT', 'APP', 'DISPATCHED', 'ENGINEERING', 'NORMAL',"
                + " FALSE, 'engineering', IF(seq % 2 = 0, 'integrator', 'frontdesk'), '13800138000',"
                + " CONCAT(seq % 5000, '-2'), CONCAT(seq % 5000, '-2'), '卫生间天花板漏水', 0, created,"
                + " created + INTERVAL 2 HOUR, NULL, NULL, 0, 0, 0, 0"
                + " FROM (SELECT seq, NOW() - INTERVAL (seq % 10080) MINUTE AS created FROM seq_1_to_" + open
                + ") generated");
    }

    /** Rights are as before at this size: the cleaner and the integrator see no engineering task. */
    private void rightsStillHold(long engineering) {
        Reply asEngineer = api.get("/engine-rest/task/count?candidateGroup=engineering", "engineer");
        assertThat(asEngineer.json().get("count").asLong()).isEqualTo(engineering);
        Reply asCleaner = api.get("/engine-rest/task/count?candidateGroup=engineering", "cleaner");
        assertThat(asCleaner.json().get("count").asLong()).isZero();
        Reply asIntegrator = api.get("/engine-rest/task/count", "integrator");
        assertThat(asIntegrator.json().get("count").asLong()).isZero();
        Reply cleanersOwn = api.get("/engine-rest/task/count?candidateGroup=cleaning", "cleaner");
        System.out.printf("BENCHMARK queues: rights hold: engineer counts %d engineering tasks, the cleaner 0 of them"
                + " (and %d of cleaning's), the integrator 0 tasks%n", engineering,
                cleanersOwn.json().get("count").asLong());
    }

    private void measure(String line, String call, String target, Supplier<Long> once) {
        int calls = CALLS;
        long result = 0;
        for (int i = 0; i < Math.min(5, calls); i++) {
            result = once.get();
        }
        long[] micros = new long[calls];
        long statements = StatementCounter.statements();
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            result = once.get();
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        double perCall = (double) (StatementCounter.statements() - statements) / calls;
        Arrays.sort(micros);
        System.out.printf(line, call, String.format("%.1f", micros[calls / 2] / 1000.0),
                String.format("%.1f", micros[(int) Math.ceil(0.99 * calls) - 1] / 1000.0), result,
                String.format("%.1f", perCall), target);
    }

    /** What the engine sent for 部门待认领 and the candidate group's queue, with MariaDB's plan of each. */
    private void explainTheQueueQueries(WebappSession engineer, String filter) {
        StatementCounter.capture(sql -> sql.contains("ACT_RU_TASK") && sql.contains("ACT_RU_AUTHORIZATION"));
        engineer.postEngine("/filter/" + filter + "/list?firstResult=0&maxResults=15", FILTER_BODY,
                "application/hal+json");
        api.get("/engine-rest/task?candidateGroup=engineering&firstResult=0&maxResults=50", "engineer");
        api.get("/engine-rest/task/count?candidateGroup=engineering", "engineer");
        Map<String, String> captured = StatementCounter.captured();
        StatementCounter.capture(null);
        for (String sql : captured.values()) {
            System.out.println("BENCHMARK queues: EXPLAIN " + sql.replaceAll("\\s+", " "));
            for (Map<String, Object> row : jdbc.queryForList("EXPLAIN " + sql)) {
                System.out.printf("BENCHMARK queues:   %-12s %-14s %-8s %-28s %10s  %s%n", row.get("select_type"),
                        row.get("table"), row.get("type"), row.get("key"), row.get("rows"), row.get("Extra"));
            }
        }
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", the application, MariaDB and the caller on one machine";
    }
}
