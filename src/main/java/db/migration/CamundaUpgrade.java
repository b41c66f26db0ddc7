package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migration that runs one of Camunda's upgrade scripts from the engine jar: how the schema follows the engine to
 * its next patch or minor version. After raising {@code camunda.version} in pom.xml, add one migration per script
 * the new engine ships for the step (in {@code org/camunda/bpm/engine/db/upgrade/}, the order of their versions),
 * named by the script without database and suffix, and the schema version it leads to:
 * <pre>{@code
 * public class V14__Camunda_7_24_1 extends CamundaUpgrade {
 *     public V14__Camunda_7_24_1() {
 *         super("engine_7.24_patch_7.24.0_to_7.24.1", "7.24.1");
 *     }
 * }
 * }</pre>
 * The script runs for H2 or MySQL ({@code h2_engine_…} or {@code mysql_engine_…}), on MySQL with utf8mb4 tables
 * like {@link V8__Camunda_schema}. A database whose Camunda schema is already at that version or later is left
 * alone: {@link V8__Camunda_schema} created it with the newer engine's create scripts, which contain every
 * earlier upgrade. A schema older than the script's starting version is refused with the version it has.
 */
public abstract class CamundaUpgrade extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(CamundaUpgrade.class);

    private final String script;
    private final String from;
    private final String to;

    /**
     * @param script the upgrade script's name without database and suffix, e.g. {@code engine_7.24_to_7.25}
     * @param to the schema version the script writes into ACT_GE_SCHEMA_LOG, e.g. {@code 7.25.0}
     */
    protected CamundaUpgrade(String script, String to) {
        this.script = script;
        this.to = to;
        this.from = from(script);
    }

    @Override
    public void migrate(Context context) throws Exception {
        upgrade(context.getConnection(), script, from, to);
    }

    static void upgrade(Connection connection, String script, String from, String to) throws SQLException {
        CamundaSchema schema = new CamundaSchema(connection);
        String current = schema.schemaVersion();
        if (CamundaSchema.compareVersions(current, to) >= 0) {
            LOG.info("Camunda's schema is at {} already: {} is not needed", current, script);
            return;
        }
        if (CamundaSchema.compareVersions(current, from) < 0) {
            throw new IllegalStateException("Camunda's " + script + " upgrades a " + from + " schema, but this one is "
                    + current + ": run the upgrades in between first (see CamundaUpgrade)");
        }
        schema.run(schema.upgradeScript(script));
        if (schema.dialect() == CamundaSchema.Dialect.MYSQL) {
            schema.convertToUtf8mb4Bin();
        }
    }

    /** engine_7.24_to_7.25 starts from 7.24, engine_7.24_patch_7.24.0_to_7.24.1 from 7.24.0. */
    static String from(String script) {
        String start = script.substring(0, script.lastIndexOf("_to_"));
        return start.substring(start.lastIndexOf('_') + 1);
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }
}
