package com.propertydesk.ticket;

import com.propertydesk.config.Conflicts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Hands out human-readable ticket numbers such as {@code C-20261124-0007} (C 投诉, R 报修; day in the service
 * centre's time zone; a sequence per type and day). The counter is a row per type and day in
 * {@code ticket_counter}, shared by every node.
 * <p>
 * Each number is one auto-committed statement on a connection of its own, never part of the caller's
 * transaction: the row is locked only while that statement runs, so intakes never queue behind each other's
 * transactions, and a ticket that is rolled back only leaves a gap. The statement increments and reads in one
 * (MySQL/MariaDB: {@code LAST_INSERT_ID(expr)}, reported back with the update; H2: a data change delta table).
 * The first number of a day finds no row and inserts it; when several nodes or threads insert at once, the
 * losers' duplicate key ends their one-statement transaction at once (no lock is kept, so no deadlock can form)
 * and they increment the row the winner created. A transient lock failure (deadlock, lock wait timeout) is retried
 * a few times. Statements per number: one; two for the first of a day; three or four for the losers of that race.
 */
@Component
public class TicketNumberGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(TicketNumberGenerator.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Enough for any burst of first tickets of a day; each failed attempt costs a statement and a short pause. */
    static final int MAX_ATTEMPTS = 10;

    private static final String MYSQL_INCREMENT =
            "UPDATE ticket_counter SET last_value = LAST_INSERT_ID(last_value + 1) WHERE counter_key = ?";
    private static final String H2_INCREMENT =
            "SELECT last_value FROM FINAL TABLE (UPDATE ticket_counter SET last_value = last_value + 1 "
                    + "WHERE counter_key = ?)";
    private static final String CREATE = "INSERT INTO ticket_counter (counter_key, last_value) VALUES (?, 1)";

    private final DataSource dataSource;
    private final Clock clock;
    private final ZoneId zone;
    private final SQLExceptionTranslator translator;
    private volatile Boolean mysql;

    public TicketNumberGenerator(DataSource dataSource, Clock clock, ZoneId zone) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.zone = zone;
        this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    /** The next number of the type for today; call it outside the intake's transaction (it never joins one). */
    public String next(TicketType type) {
        String prefix = type == TicketType.COMPLAINT ? "C" : "R";
        String day = LocalDate.ofInstant(clock.instant(), zone).format(DAY);
        long sequence = next(prefix + day);
        return "%s-%s-%04d".formatted(prefix, day, sequence);
    }

    private long next(String key) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                Long value = increment(connection, key);
                if (value != null) {
                    return value;
                }
                if (create(connection, key)) {
                    return 1;
                }
                // another node created the day's row first: increment it right away
                value = increment(connection, key);
                if (value != null) {
                    return value;
                }
            } catch (SQLException e) {
                if (!Conflicts.busy(e)) {
                    throw translate(e);
                }
                last = e;
                LOG.debug("Ticket counter {} busy (attempt {}): {}", key, attempt, e.getMessage());
            }
            // a moment's pause so that racing nodes do not meet again at once
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 5_000_000L * attempt));
        }
        throw translate(last);
    }

    /** The incremented value, or null when the day has no row yet. */
    private Long increment(Connection connection, String key) throws SQLException {
        if (isMySql(connection)) {
            try (PreparedStatement update = connection.prepareStatement(MYSQL_INCREMENT,
                    Statement.RETURN_GENERATED_KEYS)) {
                update.setString(1, key);
                if (update.executeUpdate() == 0) {
                    return null;
                }
                // LAST_INSERT_ID(expr) comes back in the update's own answer: no second round trip
                try (ResultSet value = update.getGeneratedKeys()) {
                    if (!value.next()) {
                        throw new IllegalStateException("The database did not report the counter's new value");
                    }
                    return value.getLong(1);
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(H2_INCREMENT)) {
            update.setString(1, key);
            try (ResultSet value = update.executeQuery()) {
                return value.next() ? value.getLong(1) : null;
            }
        }
    }

    /** Creates the day's row with the first number; false when another node created it meanwhile. */
    private boolean create(Connection connection, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CREATE)) {
            insert.setString(1, key);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (duplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean isMySql(Connection connection) throws SQLException {
        Boolean known = mysql;
        if (known == null) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("mysql") && !product.contains("mariadb") && !product.contains("h2")) {
                throw new IllegalStateException("Ticket numbers need MySQL, MariaDB or H2, not " + product);
            }
            known = product.contains("mysql") || product.contains("mariadb");
            mysql = known;
        }
        return known;
    }

    /** SQLSTATE 23xxx with MySQL's 1062 or H2's 23505: the row exists. */
    private static boolean duplicateKey(SQLException e) {
        return e.getErrorCode() == 1062 || "23505".equals(e.getSQLState());
    }

    private RuntimeException translate(SQLException e) {
        RuntimeException translated = translator.translate("ticket number", null, e);
        return translated != null ? translated : new IllegalStateException("Ticket number: " + e.getMessage(), e);
    }
}
