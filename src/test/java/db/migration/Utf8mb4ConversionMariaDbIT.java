package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertydesk.support.MariaDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The conversion of Camunda's 3-byte tables on MariaDB, stopped half way and run again: it goes on where it stopped,
 * and every foreign key the engine's scripts made is there at the end, as it was.
 */
class Utf8mb4ConversionMariaDbIT {

    @Test
    void aConversionThatStoppedHalfWayGoesOnAndKeepsEveryForeignKey() throws Exception {
        String database = MariaDb.newDatabase();
        try (Connection connection = MariaDb.connect(database); Connection other = MariaDb.connect(database)) {
            // Camunda's tables as the engine's schema-update makes them: its MySQL scripts as they are
            for (CamundaSchema.Component component : CamundaSchema.Component.values()) {
                ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                        "org/camunda/bpm/engine/db/create/activiti.mysql.create." + component.scriptName + ".sql"));
            }
            List<List<String>> foreignKeys = foreignKeys(connection);
            assertThat(foreignKeys).hasSize(42);
            CamundaSchema schema = new CamundaSchema(connection);
            assertThat(schema.tablesNotUtf8mb4Bin()).hasSize(49);

            // another transaction reads ACT_RU_METER_LOG (a table without foreign keys): its conversion times out,
            // as a lost connection or a killed process would stop it
            other.setAutoCommit(false);
            try (Statement reading = other.createStatement()) {
                reading.executeQuery("SELECT COUNT(*) FROM ACT_RU_METER_LOG").close();
            }
            execute(connection, "SET SESSION lock_wait_timeout = 1");
            assertThatThrownBy(schema::convertToUtf8mb4Bin).isInstanceOf(SQLException.class);
            assertThat(schema.tablesNotUtf8mb4Bin()).as("stopped half way").contains("ACT_RU_METER_LOG")
                    .doesNotContain("ACT_GE_BYTEARRAY");
            assertThat(foreignKeys(connection)).as("the foreign keys are off while the tables are converted")
                    .isEmpty();
            assertThat(schema.tableExists(CamundaSchema.PENDING_FOREIGN_KEYS)).isTrue();
            other.commit();

            new CamundaSchema(connection).convertToUtf8mb4Bin();

            assertThat(schema.tablesNotUtf8mb4Bin()).isEmpty();
            assertThat(foreignKeys(connection)).as("every foreign key as the engine's scripts made it")
                    .isEqualTo(foreignKeys);
            assertThat(schema.tableExists(CamundaSchema.PENDING_FOREIGN_KEYS)).isFalse();
        }
    }

    private static List<List<String>> foreignKeys(Connection connection) throws SQLException {
        List<List<String>> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT r.TABLE_NAME, r.CONSTRAINT_NAME,"
                + " r.REFERENCED_TABLE_NAME, r.UPDATE_RULE, r.DELETE_RULE, k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME"
                + " FROM information_schema.REFERENTIAL_CONSTRAINTS r JOIN information_schema.KEY_COLUMN_USAGE k"
                + " ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME"
                + " AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME WHERE r.CONSTRAINT_SCHEMA = DATABASE()"
                + " ORDER BY r.TABLE_NAME, r.CONSTRAINT_NAME, k.ORDINAL_POSITION");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                List<String> key = new ArrayList<>();
                for (int column = 1; column <= 7; column++) {
                    key.add(rows.getString(column));
                }
                keys.add(key);
            }
        }
        return keys;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
