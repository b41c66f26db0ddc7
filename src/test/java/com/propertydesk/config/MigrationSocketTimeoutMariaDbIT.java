package com.propertydesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertydesk.support.MariaDb;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/**
 * The socket timeout that bounds every statement of a request (MYSQL_SOCKET_TIMEOUT) does not cut off a schema
 * migration that runs longer (V9's conversion of a large database, an index on a large table): Flyway migrates on a
 * connection without it, and the pool's connections have it again afterwards.
 */
class MigrationSocketTimeoutMariaDbIT {

    /** Longer than the pool's socket timeout below. */
    static final String SLOW = "SELECT SLEEP(2)";

    @Test
    void aMigrationLongerThanTheSocketTimeoutCompletesAndRequestsKeepTheirTimeout() throws Exception {
        String database = MariaDb.newDatabase();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(MariaDb.url(database) + "?socketTimeout=1000&useSSL=false&allowPublicKeyRetrieval=true");
        config.setUsername(MariaDb.USER);
        config.setPassword(MariaDb.PASSWORD);
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertThatThrownBy(() -> slowStatement(pool)).as("a statement longer than the socket timeout")
                    .isInstanceOf(SQLException.class);

            Flyway flyway = Flyway.configure().dataSource(pool).locations("classpath:db/no-migrations-here")
                    .javaMigrations(new V1__Slow()).callbacks(new DatabaseOutageConfig.MigrationsWithoutSocketTimeout())
                    .load();
            assertThat(flyway.migrate().migrationsExecuted).isEqualTo(1);

            assertThatThrownBy(() -> slowStatement(pool)).as("the pool's connection has its socket timeout again")
                    .isInstanceOf(SQLException.class);
        }
    }

    private static void slowStatement(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(SLOW);
        }
    }

    /** A migration that takes longer than the socket timeout. */
    static class V1__Slow extends BaseJavaMigration {

        @Override
        public void migrate(Context context) throws Exception {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute(SLOW);
            }
        }
    }
}
