package com.propertydesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throwaway database on the MariaDB server every development and CI machine here runs (127.0.0.1:3306, root,
 * empty password; override with PROPERTYDESK_TEST_MYSQL_URL/_USER/_PASSWORD). Created for one test JVM, dropped
 * when it exits, so runs never see each other's data.
 */
public final class MariaDb {

    static final String SERVER = env("PROPERTYDESK_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
    public static final String USER = env("PROPERTYDESK_TEST_MYSQL_USER", "root");
    public static final String PASSWORD = env("PROPERTYDESK_TEST_MYSQL_PASSWORD", "");

    private static String database;

    private MariaDb() {
    }

    /** The JDBC URL of this JVM's test database, created on first use. */
    public static synchronized String url() {
        if (database == null) {
            database = newDatabase();
        }
        return database;
    }

    /**
     * The JDBC URL of another throwaway database, dropped when this JVM exits: for application nodes this test
     * starts as processes of their own.
     */
    public static String newDatabase() {
        String name = "propertydesk_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name)));
        return SERVER + name
                + "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + SERVER + " is needed for this test (start it with "
                    + "`start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`): "
                    + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
