package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration run: Camunda's schema is of the engine's minor version. With schema-update off the engine
 * only checks that its tables exist, so an engine raised to its next minor version without the upgrade migration
 * ({@link CamundaUpgrade}) would start on a schema it does not fit and fail later, on some statement. (Patch
 * versions that change nothing in the schema write nothing into its log, so only the minor version is compared.)
 */
public class CamundaSchemaCheck implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(CamundaSchemaCheck.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String engine = ProcessEngine.class.getPackage().getImplementationVersion();
        try {
            Connection connection = context.getConnection();
            CamundaSchema schema = new CamundaSchema(connection);
            if (!schema.tableExists("ACT_GE_SCHEMA_LOG")) {
                // migrations stopped before V8 (spring.flyway.target): the engine's schema-update makes the tables
                return;
            }
            String version = schema.schemaVersion();
            if (engine == null) {
                LOG.warn("The Camunda engine's version is unknown (no Implementation-Version in its jar): schema {} "
                        + "not compared", version);
                return;
            }
            if (!minor(engine).equals(minor(version))) {
                throw new IllegalStateException("Camunda engine " + engine + " on a Camunda " + version + " schema: "
                        + "add the migrations that run Camunda's upgrade scripts from " + version + " to " + engine
                        + " (db.migration.CamundaUpgrade)");
            }
            LOG.info("Camunda engine {} on schema {}", engine, version);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read Camunda's schema version", e);
        }
    }

    private static String minor(String version) {
        String[] parts = version.split("[._]");
        return parts[0] + "." + parts[1];
    }

    @Override
    public String getCallbackName() {
        return "Camunda schema version";
    }
}
