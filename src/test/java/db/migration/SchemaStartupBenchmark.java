package db.migration;

import com.propertydesk.support.MariaDb;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * What the schema costs at start-up, before (Flyway V1..V7, then the engine's schema-update creating or checking its
 * tables) and after (Flyway V1..V10 running the engine's scripts, then the engine only checking), on H2 and on
 * MariaDB, for a new database and for a restart on an existing one. The same bare engine is built each time, so
 * the difference between the rows is the schema work; the figures are the median of a few rounds, taken one after
 * the other. Prints a table; asserts nothing ({@code mvn verify -Pbenchmark -Dit.test=SchemaStartupBenchmark}).
 */
class SchemaStartupBenchmark {

    static final int ROUNDS = 5;

    @Test
    void schemaWorkAtStartUp() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-8s %-28s %12s %12s", "database", "way", "new db (ms)", "restart (ms)"));
        for (String database : List.of("H2", "MariaDB")) {
            long[][] before = new long[ROUNDS][];
            long[][] after = new long[ROUNDS][];
            for (int round = 0; round < ROUNDS; round++) {
                before[round] = startTwice(database, "7", "true");
                after[round] = startTwice(database, null, "false");
            }
            lines.add(String.format("%-8s %-28s %12d %12d", database, "before: Flyway 7 + update", median(before, 0),
                    median(before, 1)));
            lines.add(String.format("%-8s %-28s %12d %12d", database, "after: Flyway 10 + check", median(after, 0),
                    median(after, 1)));
        }
        System.out.println("Schema work at start-up (Flyway migrate + building the bare engine), median of " + ROUNDS
                + " rounds:\n" + String.join("\n", lines));
    }

    /** Milliseconds for Flyway and the engine on a new database, then again on the same one. */
    private static long[] startTwice(String database, String target, String schemaUpdate) {
        long[] times = new long[2];
        try (HikariDataSource pool = dataSource(database)) {
            for (int start = 0; start < 2; start++) {
                long began = System.nanoTime();
                var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                        .callbacks(new CamundaSchemaCheck());
                if (target != null) {
                    flyway.target(target);
                }
                flyway.load().migrate();
                ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                        .setProcessEngineName("schema-benchmark-" + UUID.randomUUID())
                        .setDataSource(pool)
                        .setDatabaseType(database.equals("H2") ? "h2" : "mysql")
                        .setDatabaseSchemaUpdate(schemaUpdate)
                        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                        .setJobExecutorActivate(false)
                        .buildProcessEngine();
                times[start] = (System.nanoTime() - began) / 1_000_000;
                engine.close();
            }
        }
        return times;
    }

    private static HikariDataSource dataSource(String database) {
        HikariDataSource pool = new HikariDataSource();
        if (database.equals("H2")) {
            pool.setJdbcUrl("jdbc:h2:mem:schema-benchmark-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            pool.setUsername("sa");
        } else {
            pool.setJdbcUrl(MariaDb.url(MariaDb.newDatabase())
                    + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&characterEncoding=UTF-8");
            pool.setUsername(MariaDb.USER);
            pool.setPassword(MariaDb.PASSWORD);
            pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        pool.setMaximumPoolSize(4);
        return pool;
    }

    private static long median(long[][] rounds, int column) {
        long[] values = new long[rounds.length];
        for (int i = 0; i < rounds.length; i++) {
            values[i] = rounds[i][column];
        }
        java.util.Arrays.sort(values);
        return values[values.length / 2];
    }
}
