package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On MySQL and MariaDB, Camunda's tables in utf8mb4 (utf8mb4_bin) so that a 4-byte character in a process
 * variable, a task name or a user's name is stored. Tables created by {@link V8__Camunda_schema} already are; those
 * that the engine's schema-update created in a database of an earlier version of this application are 3-byte
 * utf8 (utf8mb3_bin) and are converted here, each table copied once (see
 * {@link CamundaSchema#convertToUtf8mb4Bin()} for the time it takes and how a stopped conversion resumes).
 * Nothing to do on H2, which stores any Unicode character.
 * <p>
 * Not run in one transaction: MySQL commits every ALTER TABLE by itself, and each step is kept so that a run that
 * stops half way goes on from there.
 */
public class V9__Camunda_utf8mb4 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        CamundaSchema schema = new CamundaSchema(context.getConnection());
        if (schema.dialect() == CamundaSchema.Dialect.MYSQL) {
            schema.convertToUtf8mb4Bin();
        }
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }
}
