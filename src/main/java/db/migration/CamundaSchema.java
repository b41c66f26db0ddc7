package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Camunda's tables as the engine's own SQL scripts make them: the scripts are read from the engine jar on the
 * classpath (never copied into this project) and run on Flyway's connection, so that Camunda's schema is created
 * and upgraded by migrations in one order with ours, and the engine starts with {@code schema-update: false}.
 * <p>
 * On MySQL and MariaDB Camunda's scripts create every table {@code DEFAULT CHARSET=utf8 COLLATE utf8_bin}, a
 * 3-byte character set in which a 4-byte character (an emoji, a CJK Extension B character such as 𠮷) cannot be
 * stored. The scripts run here with {@code utf8mb4} and its binary collation {@code utf8mb4_bin} instead: the same
 * comparison and ordering (by code point, case and accent sensitive, trailing spaces ignored) for every character
 * utf8 could hold, and room for the others. Every index key still fits InnoDB's 3072-byte limit of the
 * {@code DYNAMIC} row format (the widest, {@code ACT_IDX_VARIABLE_TASK_NAME_TYPE}, takes 64 + 255 + 255 characters,
 * 2296 bytes), and every row its 65,535 bytes (the widest, {@code ACT_HI_OP_LOG}, about 55,000); tables are created
 * {@code ROW_FORMAT=DYNAMIC} explicitly so a server configured with another default cannot refuse them.
 */
final class CamundaSchema {

    private static final Logger LOG = LoggerFactory.getLogger(CamundaSchema.class);

    static final String CHARSET = "utf8mb4";
    static final String COLLATION = "utf8mb4_bin";

    private static final Pattern CAMUNDA_TABLE_OPTIONS = Pattern.compile(
            "ENGINE\\s*=\\s*InnoDB\\s+DEFAULT\\s+CHARSET\\s*=\\s*utf8(mb3)?\\s+COLLATE\\s*=?\\s*utf8(mb3)?_bin",
            Pattern.CASE_INSENSITIVE);
    private static final String UTF8MB4_TABLE_OPTIONS =
            "ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=" + CHARSET + " COLLATE " + COLLATION;
    /** A 3-byte utf8 left over in a script after the rewrite: a form of the scripts this class does not know. */
    private static final Pattern THREE_BYTE_UTF8 = Pattern.compile("utf8(?!mb4)", Pattern.CASE_INSENSITIVE);

    /** Databases Camunda's scripts are run on here, by the name the engine's script files use. */
    enum Dialect {
        H2("h2"), MYSQL("mysql");

        final String scriptName;

        Dialect(String scriptName) {
            this.scriptName = scriptName;
        }
    }

    /**
     * The parts of Camunda's schema, in the order the engine creates them, each with the table by which the
     * engine itself tells that the part exists (DbSqlSession#isEngineTablePresent and its siblings).
     */
    enum Component {
        ENGINE("engine", "ACT_RU_EXECUTION"),
        HISTORY("history", "ACT_HI_PROCINST"),
        IDENTITY("identity", "ACT_ID_USER"),
        CASE_ENGINE("case.engine", "ACT_RE_CASE_DEF"),
        CASE_HISTORY("case.history", "ACT_HI_CASEINST"),
        DECISION_ENGINE("decision.engine", "ACT_RE_DECISION_DEF"),
        DECISION_HISTORY("decision.history", "ACT_HI_DECINST");

        final String scriptName;
        final String table;

        Component(String scriptName, String table) {
            this.scriptName = scriptName;
            this.table = table;
        }
    }

    private final Connection connection;
    private final Dialect dialect;

    CamundaSchema(Connection connection) throws SQLException {
        this.connection = connection;
        this.dialect = dialectOf(connection);
    }

    Dialect dialect() {
        return dialect;
    }

    static Dialect dialectOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return Dialect.H2;
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return Dialect.MYSQL;
        }
        throw new IllegalStateException("Camunda's schema is migrated on H2 and MySQL/MariaDB only, not on " + product);
    }

    boolean present(Component component) throws SQLException {
        return tableExists(component.table);
    }

    boolean tableExists(String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), table,
                new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /** The engine's create script of the component, e.g. org/camunda/bpm/engine/db/create/activiti.mysql.create.engine.sql. */
    String createScript(Component component) {
        return "org/camunda/bpm/engine/db/create/activiti." + dialect.scriptName + ".create." + component.scriptName
                + ".sql";
    }

    /** One of the engine's upgrade scripts, named without database and suffix: {@code engine_7.24_to_7.25}. */
    String upgradeScript(String name) {
        return "org/camunda/bpm/engine/db/upgrade/" + dialect.scriptName + "_" + name + ".sql";
    }

    /** Runs one of the engine's scripts from the classpath, on MySQL with utf8mb4 tables. */
    void run(String resource) {
        String script = dialect == Dialect.MYSQL ? toUtf8mb4(resource, read(resource)) : read(resource);
        ScriptUtils.executeSqlScript(connection, new EncodedResource(new ByteArrayResource(
                script.getBytes(StandardCharsets.UTF_8), resource), StandardCharsets.UTF_8));
        LOG.info("Ran Camunda's {}", resource);
    }

    /** A MySQL script of Camunda's with utf8mb4_bin tables instead of utf8_bin ones. */
    static String toUtf8mb4(String resource, String script) {
        String rewritten = CAMUNDA_TABLE_OPTIONS.matcher(script).replaceAll(UTF8MB4_TABLE_OPTIONS);
        Matcher left = THREE_BYTE_UTF8.matcher(rewritten);
        if (left.find()) {
            int lineStart = rewritten.lastIndexOf('\n', left.start()) + 1;
            int lineEnd = rewritten.indexOf('\n', left.end());
            throw new IllegalStateException("Camunda's " + resource + " names a 3-byte utf8 character set in a form "
                    + "this migration cannot rewrite to utf8mb4: " + rewritten.substring(lineStart,
                            lineEnd < 0 ? rewritten.length() : lineEnd).trim());
        }
        return rewritten;
    }

    static String read(String resource) {
        ClassLoader loader = CamundaSchema.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Camunda's script " + resource + " is not on the classpath: is "
                        + "camunda-engine of the expected version there?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version the schema was last created or upgraded to: the newest row of ACT_GE_SCHEMA_LOG. */
    String schemaVersion() throws SQLException {
        long newest = -1;
        String version = null;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ID_, VERSION_ FROM ACT_GE_SCHEMA_LOG")) {
            while (rows.next()) {
                long id = Long.parseLong(rows.getString(1).trim());
                if (id > newest) {
                    newest = id;
                    version = rows.getString(2);
                }
            }
        }
        if (version == null) {
            throw new IllegalStateException("ACT_GE_SCHEMA_LOG is empty: Camunda's schema version is unknown");
        }
        return version;
    }

    /**
     * Compares Camunda schema versions as the schema log writes them: 7.13.5_1 comes after 7.13.5 and before
     * 7.13.5_2 and 7.13.6.
     */
    static int compareVersions(String left, String right) {
        String[] a = left.trim().split("[._]");
        String[] b = right.trim().split("[._]");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    // ---- MySQL/MariaDB: Camunda's tables in utf8mb4 ------------------------------------------------------------

    /** Camunda's tables in this database whose character set or collation is anything but utf8mb4_bin. */
    List<String> tablesNotUtf8mb4Bin() throws SQLException {
        return strings("SELECT t.TABLE_NAME FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = DATABASE()"
                + " AND t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_NAME LIKE 'ACT\\_%' AND (t.TABLE_COLLATION <> ?"
                + " OR EXISTS (SELECT 1 FROM information_schema.COLUMNS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA"
                + " AND c.TABLE_NAME = t.TABLE_NAME AND c.COLLATION_NAME IS NOT NULL AND c.COLLATION_NAME <> ?))"
                + " ORDER BY t.TABLE_NAME", COLLATION, COLLATION);
    }

    /**
     * Converts Camunda's tables that are not utf8mb4_bin yet (those the engine's schema-update created with 3-byte
     * utf8) to utf8mb4_bin, keeping every foreign key. Each conversion copies its table with its indexes: measured
     * with MariaDB 10.11 on 2 shared cores and a 128 MB buffer pool, 18,000 to 45,000 rows a second depending on the
     * load (ACT_HI_DETAIL, 1.2 million rows and 1.4 GB, in 80 s under load), so a large history takes hours: an
     * archived complaint leaves about 320 history rows with history level full.
     * <p>
     * MariaDB refuses to change the character set of a column in a foreign key, even with foreign_key_checks off
     * (MDEV-31086), so the foreign keys between these tables are dropped first and added again at the end, without
     * re-checking rows that were checked when they were written. The statements that add them again are kept in
     * {@value #PENDING_FOREIGN_KEYS} until they have run: a conversion stopped half way (the process killed, the
     * connection lost) goes on where it stopped the next time, and no foreign key is lost.
     */
    void convertToUtf8mb4Bin() throws SQLException {
        List<String> tables = tablesNotUtf8mb4Bin();
        boolean resuming = tableExists(PENDING_FOREIGN_KEYS);
        if (tables.isEmpty() && !resuming) {
            return;
        }
        Map<String, long[]> sizes = sizes();
        long rows = tables.stream().mapToLong(table -> sizes.getOrDefault(table, new long[2])[0]).sum();
        long megabytes = tables.stream().mapToLong(table -> sizes.getOrDefault(table, new long[2])[1]).sum() >> 20;
        LOG.info("Converting {} of Camunda's tables from 3-byte utf8 to {}{}: about {} rows, {} MB with their indexes,"
                + " each table copied once (measured on 2 cores: 18,000 to 45,000 rows a second): {}", tables.size(),
                COLLATION, resuming ? ", resuming a conversion that stopped" : "", rows, megabytes, tables);
        execute("CREATE TABLE IF NOT EXISTS " + PENDING_FOREIGN_KEYS + " (constraint_name VARCHAR(64) NOT NULL"
                + " PRIMARY KEY, table_name VARCHAR(64) NOT NULL, add_statement VARCHAR(2000) NOT NULL)");
        Map<String, ForeignKey> foreignKeys = foreignKeysTouching(tables);
        for (ForeignKey key : foreignKeys.values()) {
            update("INSERT INTO " + PENDING_FOREIGN_KEYS + " (constraint_name, table_name, add_statement)"
                    + " SELECT ?, ?, ? FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM " + PENDING_FOREIGN_KEYS
                    + " WHERE constraint_name = ?)", key.name(), key.table(), key.addStatement(), key.name());
        }
        for (ForeignKey key : foreignKeys.values()) {
            execute("ALTER TABLE `" + key.table() + "` DROP FOREIGN KEY `" + key.name() + "`");
        }
        for (String table : tables) {
            long started = System.nanoTime();
            execute("ALTER TABLE `" + table + "` ROW_FORMAT=DYNAMIC, CONVERT TO CHARACTER SET " + CHARSET
                    + " COLLATE " + COLLATION);
            LOG.info("Converted {} (about {} rows) to {} in {} ms", table, sizes.getOrDefault(table, new long[2])[0],
                    COLLATION, (System.nanoTime() - started) / 1_000_000);
        }
        String checks = strings("SELECT @@SESSION.foreign_key_checks").get(0);
        execute("SET SESSION foreign_key_checks = 0");
        try {
            for (List<String> pending : rows("SELECT constraint_name, table_name, add_statement FROM "
                    + PENDING_FOREIGN_KEYS + " ORDER BY constraint_name")) {
                if (!foreignKeyExists(pending.get(1), pending.get(0))) {
                    execute(pending.get(2));
                }
                update("DELETE FROM " + PENDING_FOREIGN_KEYS + " WHERE constraint_name = ?", pending.get(0));
            }
        } finally {
            execute("SET SESSION foreign_key_checks = " + Integer.parseInt(checks));
        }
        execute("DROP TABLE " + PENDING_FOREIGN_KEYS);
        List<String> left = tablesNotUtf8mb4Bin();
        if (!left.isEmpty()) {
            throw new IllegalStateException("Camunda's tables still not " + COLLATION + " after conversion: " + left);
        }
    }

    static final String PENDING_FOREIGN_KEYS = "camunda_utf8mb4_foreign_key";

    /** The server's estimate of each table's rows and bytes (data and indexes). */
    private Map<String, long[]> sizes() throws SQLException {
        Map<String, long[]> sizes = new LinkedHashMap<>();
        for (List<String> row : rows("SELECT TABLE_NAME, COALESCE(TABLE_ROWS, 0),"
                + " COALESCE(DATA_LENGTH, 0) + COALESCE(INDEX_LENGTH, 0) FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'ACT\\_%'")) {
            sizes.put(row.get(0), new long[] {Long.parseLong(row.get(1)), Long.parseLong(row.get(2))});
        }
        return sizes;
    }

    record ForeignKey(String name, String table, String addStatement) {
    }

    /** The foreign keys of this database whose table or referenced table is one of these, as they are now. */
    private Map<String, ForeignKey> foreignKeysTouching(List<String> tables) throws SQLException {
        Map<String, List<List<String>>> columnsByKey = new LinkedHashMap<>();
        for (List<String> row : rows("SELECT r.CONSTRAINT_NAME, r.TABLE_NAME, r.REFERENCED_TABLE_NAME,"
                + " r.UPDATE_RULE, r.DELETE_RULE, k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME"
                + " FROM information_schema.REFERENTIAL_CONSTRAINTS r JOIN information_schema.KEY_COLUMN_USAGE k"
                + " ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME"
                + " AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME"
                + " WHERE r.CONSTRAINT_SCHEMA = DATABASE() ORDER BY r.TABLE_NAME, r.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
            if (tables.contains(row.get(1)) || tables.contains(row.get(2))) {
                columnsByKey.computeIfAbsent(row.get(1) + "." + row.get(0), key -> new ArrayList<>()).add(row);
            }
        }
        Map<String, ForeignKey> keys = new LinkedHashMap<>();
        columnsByKey.forEach((key, columns) -> {
            List<String> first = columns.get(0);
            String statement = "ALTER TABLE `" + first.get(1) + "` ADD CONSTRAINT `" + first.get(0)
                    + "` FOREIGN KEY (" + quoted(columns, 5) + ") REFERENCES `" + first.get(2) + "` ("
                    + quoted(columns, 6) + ")" + rule("DELETE", first.get(4)) + rule("UPDATE", first.get(3));
            keys.put(key, new ForeignKey(first.get(0), first.get(1), statement));
        });
        return keys;
    }

    /**
     * RESTRICT and NO ACTION are the same in InnoDB and the default; like Camunda's scripts the statement leaves
     * them out, so the key reads back as a key created by the scripts does (MariaDB records an explicit RESTRICT
     * added without checks as NO ACTION).
     */
    private static String rule(String event, String rule) {
        return "RESTRICT".equals(rule) || "NO ACTION".equals(rule) ? "" : " ON " + event + " " + rule;
    }

    private static String quoted(List<List<String>> rows, int column) {
        return String.join(", ", rows.stream().map(row -> "`" + row.get(column) + "`").toList());
    }

    private boolean foreignKeyExists(String table, String name) throws SQLException {
        return !strings("SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?", table, name)
                .isEmpty();
    }

    // ---- plain JDBC ---------------------------------------------------------------------------------------------

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void update(String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private List<String> strings(String sql, String... parameters) throws SQLException {
        return rows(sql, parameters).stream().map(row -> row.get(0)).toList();
    }

    private List<List<String>> rows(String sql, String... parameters) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet result = statement.executeQuery()) {
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

    private PreparedStatement prepare(String sql, String... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setString(i + 1, parameters[i]);
        }
        return statement;
    }
}
