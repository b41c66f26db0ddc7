package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.AppNode;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.MariaDb;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database made the old way, as every installation before the Camunda schema migrations has one (our V1..V7,
 * Camunda's tables by the engine's schema-update in 3-byte utf8), with tickets half way through their processes,
 * is started on with the new configuration: Flyway takes Camunda's tables over (V8 creates nothing), converts them to
 * utf8mb4 (V9) and adds the index (V10), and nothing is lost: every ticket reads as before, its process waits in
 * the same task and goes on to ARCHIVED, and new tickets, with 4-byte characters now, work. The upgraded schema is
 * the schema a new database gets. The packaged jar, as operators run it, both times.
 */
class SchemaUpgradeMariaDbIT {

    /** What the application's configuration was before: Flyway up to V7, the engine creating its own tables. */
    /**
     * Our own tables as before the engine's schema moved to Flyway (7.x: 7.1 and 7.2 are our tables the code of this
     * version needs), Camunda's made by its schema-update at its level "full" and with CMMN on, as before.
     */
    static final String[] OLD_WAY = {"--spring.flyway.target=7.2", "--camunda.bpm.database.schema-update=true",
        "--camunda.bpm.history-level=full", "--camunda.bpm.generic-properties.properties.cmmn-enabled=true",
        "--camunda.bpm.generic-properties.properties.standalone-tasks-enabled=true"};

    @Test
    void aDatabaseOfTheOldWayIsUpgradedAndEveryTicketGoesOn() throws Exception {
        String database = MariaDb.newDatabase();
        Map<String, JsonNode> before = new LinkedHashMap<>();
        Map<String, String> nextTask = new LinkedHashMap<>();
        List<List<String>> runtimeBefore;
        Map<String, Long> countsBefore;

        long began = System.nanoTime();
        try (AppNode old = AppNode.start("old-way", settings(database, OLD_WAY))) {
            System.out.printf("Old way started in %d s%n", seconds(began));
            assertThat(strings(database, "SELECT DISTINCT TABLE_COLLATION FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'ACT\\_%'"))
                    .as("Camunda's tables as its schema-update makes them").containsExactly("utf8mb3_bin");
            assertThat(strings(database, "SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history"))
                    .containsExactly("7");
            ApiClient api = old.api();
            LifecycleScenario steps = new LifecycleScenario(api, true);

            String handling = file(api, LifecycleScenario.complaintBody("6-1-601", "卫生间天花板漏水，已经滴到地面"));
            steps.work(handling, "dispatch", "engineer", ApiClient.variables("handler", "engineer2",
                    "dispatchNote", "今天上门"));
            steps.awaitTask(handling, "handle", "engineer2", "");
            nextTask.put(handling, "handle");

            String dispatching = file(api, LifecycleScenario.repairBody("6-1-602", "厨房水龙头漏水，关不紧"));
            steps.awaitTask(dispatching, "dispatch", "engineer", "");
            nextTask.put(dispatching, "dispatch");

            String callingBack = file(api, LifecycleScenario.complaintBody("6-1-603", "楼道灯不亮，晚上看不见"));
            steps.work(callingBack, "dispatch", "engineer", ApiClient.variables("handler", "engineer2"));
            steps.work(callingBack, "handle", "engineer2", ApiClient.variables("actionTaken", "更换灯泡",
                    "responsibility", "PROPERTY"));
            steps.work(callingBack, "verify", "engineer", ApiClient.variables("verified", "true"));
            steps.awaitTask(callingBack, "callback", "cs", "");
            nextTask.put(callingBack, "callback");

            JsonNode archived = steps.fileComplaintAndWalkToArchive("6-1-604");
            nextTask.put(archived.get("ticketNo").asText(), null);

            for (String no : nextTask.keySet()) {
                before.put(no, api.get("/api/v1/tickets/" + no, "admin").json());
            }
            runtimeBefore = runtime(database);
            countsBefore = counts(database);
        }

        long upgrading = System.nanoTime();
        try (AppNode node = AppNode.start("new-way", settings(database))) {
            System.out.printf("Started on the old database with the new configuration (V8..V13 applied) in %d s; the"
                    + " migrations took %s ms%n", seconds(upgrading), strings(database, "SELECT SUM(execution_time)"
                    + " FROM flyway_schema_history WHERE CAST(version AS UNSIGNED) > 7").get(0));
            assertThat(rows(database, "SELECT version, success FROM flyway_schema_history"
                    + " WHERE CAST(version AS UNSIGNED) > 7 ORDER BY installed_rank"))
                    .containsExactly(List.of("8", "1"), List.of("9", "1"), List.of("10", "1"), List.of("11", "1"),
                            List.of("12", "1"), List.of("13", "1"));
            assertThat(strings(database, "SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'"))
                    .as("moved from full to full without variable details").containsExactly("31");
            assertThat(strings(database, "SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG"))
                    .as("the engine's tables were not created again").containsExactly("7.24.0");
            assertThat(strings(database, "SELECT DISTINCT COLLATION_NAME FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'ACT\\_%' AND COLLATION_NAME IS NOT NULL"))
                    .containsExactly("utf8mb4_bin");
            assertThat(runtime(database)).as("executions, tasks, jobs and variables as they were")
                    .isEqualTo(runtimeBefore);
            assertThat(counts(database)).as("rows of the history and of the tickets").isEqualTo(countsBefore);
            assertThat(camundaSchema(database)).as("the upgraded schema is the one a new database gets")
                    .isEqualTo(camundaSchema(freshlyMigrated()));

            ApiClient api = node.api();
            LifecycleScenario steps = new LifecycleScenario(api, true);
            for (Map.Entry<String, JsonNode> ticket : before.entrySet()) {
                assertThat(api.get("/api/v1/tickets/" + ticket.getKey(), "admin").json())
                        .as("ticket %s as it read before", ticket.getKey()).isEqualTo(ticket.getValue());
            }

            String handling = first(nextTask, "handle");
            steps.work(handling, "handle", "engineer2", ApiClient.variables("actionTaken", "更换防水层😀",
                    "responsibility", "PROPERTY"));
            steps.work(handling, "verify", "engineer", ApiClient.variables("verified", "true"));
            steps.work(handling, "callback", "cs", ApiClient.variables("ownerReached", "true",
                    "satisfaction", "SATISFIED"));

            String dispatching = first(nextTask, "dispatch");
            steps.work(dispatching, "dispatch", "engineer", ApiClient.variables("handler", "engineer2",
                    "appointmentAt", java.time.OffsetDateTime.now().plusDays(1).withNano(0).toString()));
            steps.work(dispatching, "handle", "engineer2", ApiClient.variables("actionTaken", "更换水龙头",
                    "responsibility", "OWNER", "partsUsed", "水龙头 × 1", "charge", 80));
            Reply accepted = api.postJson("/api/v1/tickets/" + dispatching + "/feedback", "integrator",
                    Map.of("accepted", true, "rating", 5, "comment", "师傅很专业👍"));
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
            steps.work(dispatching, "callback", "cs", ApiClient.variables("ownerReached", "true",
                    "satisfaction", "SATISFIED"));

            String callingBack = first(nextTask, "callback");
            steps.work(callingBack, "callback", "cs", ApiClient.variables("ownerReached", "true",
                    "satisfaction", "BASICALLY_SATISFIED", "callbackNote", "业主满意🙂"));

            for (String no : List.of(handling, dispatching, callingBack)) {
                JsonNode ticket = api.get("/api/v1/tickets/" + no, "admin").json();
                assertThat(ticket.get("status").asText()).as(no).isEqualTo("ARCHIVED");
                assertThat(ticket.get("timeline").size()).as("%s keeps its earlier timeline", no)
                        .isGreaterThan(before.get(no).get("timeline").size());
            }
            // a new ticket, with the 4-byte characters the old tables refused, through its first task
            String emoji = file(api, LifecycleScenario.complaintBody("6-1-605🏠", "卫生间漏水😭"));
            steps.work(emoji, "dispatch", "engineer", ApiClient.variables("handler", "engineer2",
                    "dispatchNote", "马上到👷"));
            steps.awaitTask(emoji, "handle", "engineer2", "");
            JsonNode filed = api.get("/api/v1/tickets/" + emoji, "admin").json();
            assertThat(filed.get("description").asText()).isEqualTo("卫生间漏水😭");
            assertThat(filed.get("timeline").toString()).contains("马上到👷");
        }
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }

    private static String[] settings(String database, String... extra) {
        List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=mysql",
                "--propertydesk.demo.enabled=true"));
        MariaDb.profileSettings(database).forEach((setting, value) -> settings.add("--" + setting + "=" + value));
        settings.addAll(List.of(extra));
        return settings.toArray(String[]::new);
    }

    private static String file(ApiClient api, Map<String, Object> body) {
        Reply filed = api.postJson("/api/v1/tickets", "integrator", body, "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        return filed.json().get("ticketNo").asText();
    }

    private static String first(Map<String, String> nextTask, String task) {
        return nextTask.entrySet().stream().filter(entry -> task.equals(entry.getValue())).findFirst().orElseThrow()
                .getKey();
    }

    /** The engine's runtime state, row by row: what must survive the upgrade exactly. */
    private static List<List<String>> runtime(String database) throws SQLException {
        List<List<String>> state = new ArrayList<>();
        state.addAll(rows(database, "SELECT ID_, REV_, PROC_INST_ID_, BUSINESS_KEY_, ACT_ID_, IS_ACTIVE_"
                + " FROM ACT_RU_EXECUTION ORDER BY ID_"));
        state.addAll(rows(database, "SELECT ID_, REV_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, DUE_DATE_"
                + " FROM ACT_RU_TASK ORDER BY ID_"));
        state.addAll(rows(database, "SELECT ID_, REV_, TYPE_, DUEDATE_, HANDLER_CFG_ FROM ACT_RU_JOB ORDER BY ID_"));
        state.addAll(rows(database, "SELECT ID_, REV_, NAME_, TEXT_, LONG_ FROM ACT_RU_VARIABLE ORDER BY ID_"));
        state.addAll(rows(database, "SELECT ID_, TYPE_, GROUP_ID_, USER_ID_, TASK_ID_ FROM ACT_RU_IDENTITYLINK"
                + " ORDER BY ID_"));
        return state;
    }

    private static Map<String, Long> counts(String database) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
                "ACT_HI_DETAIL", "ACT_RE_DEPLOYMENT", "ACT_GE_BYTEARRAY", "ACT_ID_USER", "ticket", "ticket_timeline",
                "notification")) {
            counts.put(table, Long.parseLong(strings(database, "SELECT COUNT(*) FROM " + table).get(0)));
        }
        return counts;
    }

    /** A new database that only Flyway has migrated (our migrations and Camunda's), for comparison. */
    private static String freshlyMigrated() {
        String database = MariaDb.newDatabase();
        Flyway.configure().dataSource(MariaDb.url(database), MariaDb.USER, MariaDb.PASSWORD)
                .locations("classpath:db/migration").load().migrate();
        return database;
    }

    /** Camunda's tables, columns, indexes and foreign keys as the server describes them. */
    private static List<List<String>> camundaSchema(String database) throws SQLException {
        List<List<String>> schema = new ArrayList<>();
        schema.addAll(rows(database, "SELECT TABLE_NAME, ENGINE, ROW_FORMAT, TABLE_COLLATION, CREATE_OPTIONS"
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'ACT\\_%'"
                + " ORDER BY TABLE_NAME"));
        schema.addAll(rows(database, "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE,"
                + " COLUMN_DEFAULT, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'ACT\\_%' ORDER BY TABLE_NAME, COLUMN_NAME"));
        schema.addAll(rows(database, "SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE, SUB_PART"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'ACT\\_%'"
                + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"));
        schema.addAll(rows(database, "SELECT r.TABLE_NAME, r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME,"
                + " r.UPDATE_RULE, r.DELETE_RULE, k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME, k.ORDINAL_POSITION"
                + " FROM information_schema.REFERENTIAL_CONSTRAINTS r JOIN information_schema.KEY_COLUMN_USAGE k"
                + " ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME"
                + " AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME WHERE r.CONSTRAINT_SCHEMA = DATABASE()"
                + " AND r.TABLE_NAME LIKE 'ACT\\_%' ORDER BY r.TABLE_NAME, r.CONSTRAINT_NAME, k.ORDINAL_POSITION"));
        return schema;
    }

    private static List<String> strings(String database, String sql) throws SQLException {
        return rows(database, sql).stream().map(row -> row.get(0)).toList();
    }

    private static List<List<String>> rows(String database, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = MariaDb.connect(database);
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
