package com.propertydesk.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Throwaway databases on the MariaDB server every development and CI machine here runs (127.0.0.1:3306, root,
 * empty password; override with PROPERTYDESK_TEST_MYSQL_HOST/_PORT/_USER/_PASSWORD), dropped when the test JVM
 * exits, so runs never see each other's data. The application reaches them through the `mysql` profile's own
 * connection URL: tests give it the same MYSQL_* settings an operator does.
 */
public final class MariaDb {

    static final String HOST = env("PROPERTYDESK_TEST_MYSQL_HOST", "127.0.0.1");
    static final String PORT = env("PROPERTYDESK_TEST_MYSQL_PORT", "3306");
    public static final String USER = env("PROPERTYDESK_TEST_MYSQL_USER", "root");
    public static final String PASSWORD = env("PROPERTYDESK_TEST_MYSQL_PASSWORD", "");

    private static String database;

    private MariaDb() {
    }

    /**
     * This JVM's test database, created on first use. A benchmark may name a database of its own with
     * {@code -Dbench.database=NAME} instead: it is created when missing and kept after the run, so that a seeded
     * state (a hundred thousand open tickets) can be measured again after a change without seeding it anew.
     */
    public static synchronized String database() {
        if (database == null) {
            String kept = System.getProperty("bench.database");
            if (kept != null && !kept.isBlank()) {
                if (!kept.matches("[A-Za-z0-9_]+")) {
                    throw new IllegalArgumentException("bench.database must be a plain name: " + kept);
                }
                execute("CREATE DATABASE IF NOT EXISTS " + kept + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                database = kept;
            } else {
                database = newDatabase();
            }
        }
        return database;
    }

    /** Another throwaway database, e.g. for application nodes a test starts as processes of their own. */
    public static String newDatabase() {
        String name = "propertydesk_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name)));
        return name;
    }

    /** The settings of the `mysql` profile (as in application-mysql.yaml) that connect to the database. */
    public static Map<String, String> profileSettings(String name) {
        return Map.of("MYSQL_HOST", HOST, "MYSQL_PORT", PORT, "MYSQL_DATABASE", name, "MYSQL_USER", USER,
                "MYSQL_PASSWORD", PASSWORD);
    }

    /** The JDBC URL of the database, for a test that runs Flyway or an engine on it itself. */
    public static String url(String name) {
        return server() + name;
    }

    /** A connection for the test's own look into the database. */
    public static Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(server() + name, USER, PASSWORD);
    }

    /**
     * A connection pool on the database as the `mysql` profile configures the application's (its URL options,
     * READ COMMITTED): another node, for tests that race several nodes' pools on one database.
     */
    public static HikariDataSource pool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server() + name + "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true"
                + "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true");
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private static String server() {
        return "jdbc:mysql://" + HOST + ":" + PORT + "/";
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(server(), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + server() + " is needed for this test (start it with "
                    + "`start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`): "
                    + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
