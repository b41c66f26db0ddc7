package db.migration;

import db.migration.CamundaSchema.Component;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's tables, created by the engine's own create scripts (from the camunda-engine jar) after our V1..V7 and
 * before the process engine starts; the engine itself runs with {@code camunda.bpm.database.schema-update: false}
 * and only checks that they are there.
 * <p>
 * A database created before this migration existed already has Camunda's tables, made by the engine's
 * schema-update at start-up: they are detected by the tables the engine itself looks for, one per part of the
 * schema, and only a missing part is created, so nothing is created twice. (Their 3-byte character set is
 * {@link V9__Camunda_utf8mb4}'s business.) Later versions of Camunda are reached by upgrade migrations after this
 * one ({@link CamundaUpgrade}).
 */
public class V8__Camunda_schema extends BaseJavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(V8__Camunda_schema.class);

    @Override
    public void migrate(Context context) throws Exception {
        CamundaSchema schema = new CamundaSchema(context.getConnection());
        List<Component> present = new ArrayList<>();
        for (Component component : Component.values()) {
            if (schema.present(component)) {
                present.add(component);
            }
        }
        if (!present.isEmpty()) {
            LOG.info("Camunda's tables are there already (schema version {}, created by the engine's schema-update):"
                    + " {} kept as they are", schema.schemaVersion(), present);
        }
        for (Component component : Component.values()) {
            if (!present.contains(component)) {
                schema.run(schema.createScript(component));
            }
        }
    }
}
