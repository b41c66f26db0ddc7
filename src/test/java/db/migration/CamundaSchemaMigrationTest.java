package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Camunda's schema by Flyway on H2 (the embedded default): a database of the old way, where the engine's
 * schema-update made Camunda's tables next to our V1..V7, is taken over without creating anything twice and the
 * engine carries on with its running instances; the upgrade mechanism for later engine versions runs a real upgrade
 * script of Camunda's; the MySQL scripts are rewritten to utf8mb4 completely.
 */
class CamundaSchemaMigrationTest {

    @Test
    void aDatabaseWhoseCamundaTablesTheEngineMadeIsTakenOverWithItsRunningInstances() throws Exception {
        String url = newDatabase();
        // the old way (before V8): our migrations, then the engine's schema-update creating its tables
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("7").load().migrate();
        String instanceId;
        ProcessEngine old = engine(url, "true");
        try {
            old.getRepositoryService().createDeployment().addModelInstance("p.bpmn",
                    Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(1).startEvent().userTask("t").endEvent()
                            .done()).deploy();
            instanceId = old.getRuntimeService().startProcessInstanceByKey("p", "C-20261124-0001",
                    Map.of("note", "卫生间漏水😭")).getId();
        } finally {
            old.close();
        }
        assertThat(schemaLog(url)).as("made by the engine").hasSize(1);

        List<MigrationInfo> applied = migrate(url);

        assertThat(applied).extracting(info -> info.getVersion().getVersion()).containsSubsequence("8", "9", "10");
        assertThat(schemaLog(url)).as("nothing created again").hasSize(1);
        ProcessEngine engine = engine(url, "false");
        try {
            ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey("C-20261124-0001").singleResult();
            assertThat(instance.getId()).isEqualTo(instanceId);
            assertThat(engine.getRuntimeService().getVariable(instanceId, "note")).isEqualTo("卫生间漏水😭");
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
            engine.getTaskService().complete(task.getId());
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                    .singleResult().getEndTime()).as("the instance goes on and ends").isNotNull();
        } finally {
            engine.close();
        }
    }

    @Test
    void aNewDatabaseGetsCamundasTablesFromTheEngineScriptsAndTheEngineStartsWithoutSchemaUpdate() throws Exception {
        String url = newDatabase();

        assertThat(migrate(url)).extracting(info -> info.getVersion().getVersion())
                .containsSubsequence("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

        assertThat(schemaLog(url)).containsExactly("7.24.0");
        assertThat(count(url, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'ACT\\_%'"))
                .as("all 49 of Camunda 7.24's tables").isEqualTo(49);
        assertThat(count(url, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'ACT_RU_TASK'"
                + " AND INDEX_NAME = 'ACT_IDX_TASK_PARENT_TASK_ID'")).isEqualTo(1);
        ProcessEngine engine = engine(url, "false");
        engine.close();
    }

    @Test
    void anUpgradeScriptRunsOnTheSchemaItUpgradesAndOnlyThere() throws Exception {
        String url = newDatabase();
        migrate(url);
        String upgrade = "engine_7.23_to_7.24";
        assertThat(CamundaUpgrade.from(upgrade)).isEqualTo("7.23");
        assertThat(CamundaUpgrade.from("engine_7.24_patch_7.24.0_to_7.24.1")).isEqualTo("7.24.0");

        // a schema the 7.24 create scripts made already has what the upgrade adds
        run(upgrade, url);
        assertThat(schemaLog(url)).containsExactly("7.24.0");

        // a 7.23 schema: Camunda's own h2_engine_7.23_to_7.24.sql runs
        execute(url, "UPDATE ACT_GE_SCHEMA_LOG SET VERSION_ = '7.23.0'");
        run(upgrade, url);
        assertThat(schemaLog(url)).containsExactly("7.23.0", "7.24.0");

        // an older one must first take the upgrades in between
        execute(url, "DELETE FROM ACT_GE_SCHEMA_LOG WHERE ID_ <> '0'");
        execute(url, "UPDATE ACT_GE_SCHEMA_LOG SET VERSION_ = '7.22.3'");
        assertThatThrownBy(() -> run(upgrade, url)).hasMessageContaining("upgrades a 7.23 schema")
                .hasMessageContaining("7.22.3");
    }

    @Test
    void schemaVersionsCompareAsCamundasLogWritesThem() {
        assertThat(CamundaSchema.compareVersions("7.24.0", "7.24.0")).isZero();
        assertThat(CamundaSchema.compareVersions("7.13.5", "7.13.5_1")).isNegative();
        assertThat(CamundaSchema.compareVersions("7.13.5_2", "7.13.6")).isNegative();
        assertThat(CamundaSchema.compareVersions("7.24.1", "7.24")).isPositive();
        assertThat(CamundaSchema.compareVersions("7.9.0", "7.10.0")).isNegative();
    }

    @Test
    void everyMySqlScriptOfTheEngineTurnsIntoUtf8mb4BinTablesAndNothingElse() throws IOException {
        List<String> scripts = new ArrayList<>();
        for (CamundaSchema.Component component : CamundaSchema.Component.values()) {
            scripts.add("org/camunda/bpm/engine/db/create/activiti.mysql.create." + component.scriptName + ".sql");
        }
        for (Resource upgrade : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:org/camunda/bpm/engine/db/upgrade/mysql_engine_7.*.sql")) {
            scripts.add("org/camunda/bpm/engine/db/upgrade/" + upgrade.getFilename());
        }
        assertThat(scripts).hasSizeGreaterThan(50);
        Pattern createTable = Pattern.compile("(?is)create table\\s+(\\w+)\\s*\\((.*?)\\)\\s*(ENGINE[^;]*);");
        int tables = 0;
        for (String script : scripts) {
            String rewritten = CamundaSchema.toUtf8mb4(script, CamundaSchema.read(script));
            Matcher table = createTable.matcher(rewritten);
            while (table.find()) {
                tables++;
                assertThat(table.group(3)).as("%s in %s", table.group(1), script)
                        .isEqualTo("ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin");
            }
            assertThat(rewritten.toLowerCase()).as(script).doesNotContainPattern("utf8(?!mb4)");
        }
        assertThat(tables).as("create table statements checked").isGreaterThan(49);

        assertThatThrownBy(() -> CamundaSchema.toUtf8mb4("x.sql",
                "create table X (A varchar(1)) ENGINE=InnoDB DEFAULT CHARSET=utf8 COLLATE utf8_general_ci;"))
                .hasMessageContaining("x.sql").hasMessageContaining("utf8_general_ci");
        assertThat(CamundaSchema.toUtf8mb4("x.sql",
                "create table X (A varchar(1)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;"))
                .endsWith("ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin;");
    }

    private static String newDatabase() {
        return "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static List<MigrationInfo> migrate(String url) {
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .callbacks(new CamundaSchemaCheck()).load();
        int before = flyway.info().applied().length;
        flyway.migrate();
        MigrationInfo[] applied = flyway.info().applied();
        return List.of(applied).subList(before, applied.length);
    }

    /**
     * A bare engine on the database: the old way (schema update on) at Camunda's level "full", the new way (the
     * migrations have run) at the application's level, which V11 moved the database to.
     */
    private static ProcessEngine engine(String url, String schemaUpdate) {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("schema-test-" + UUID.randomUUID())
                .setJdbcUrl(url).setJdbcUsername("sa").setJdbcPassword("")
                .setDatabaseSchemaUpdate(schemaUpdate)
                .setJobExecutorActivate(false);
        if (ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE.equals(schemaUpdate)) {
            new com.propertydesk.config.LeanHistoryLevel().preInit(configuration);
            configuration.setHistory(com.propertydesk.config.LeanHistoryLevel.NAME);
        } else {
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        }
        return configuration.buildProcessEngine();
    }

    /** What a migration extending CamundaUpgrade("engine_7.23_to_7.24", "7.24.0") does. */
    private static void run(String upgrade, String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            CamundaUpgrade.upgrade(connection, upgrade, CamundaUpgrade.from(upgrade), "7.24.0");
        }
    }

    private static List<String> schemaLog(String url) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG ORDER BY CAST(ID_ AS INTEGER)")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
