package com.propertydesk.ticket;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out human-readable ticket numbers such as {@code C-20261124-0007} (C 投诉, R 报修; day in the service
 * centre's time zone; a sequence per type and day). The counter lives in the database and is incremented in a
 * short transaction of its own, so several nodes never hand out the same number and a ticket that is rolled
 * back only leaves a gap.
 */
@Component
public class TicketNumberGenerator {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final ZoneId zone;

    public TicketNumberGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
            ZoneId zone) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.zone = zone;
    }

    public String next(TicketType type) {
        String prefix = type == TicketType.COMPLAINT ? "C" : "R";
        String day = LocalDate.ofInstant(clock.instant(), zone).format(DAY);
        String key = prefix + day;
        Long sequence = ownTransaction.execute(status -> increment(key));
        return "%s-%s-%04d".formatted(prefix, day, sequence);
    }

    private long increment(String key) {
        if (jdbc.update("UPDATE ticket_counter SET last_value = last_value + 1 WHERE counter_key = ?", key) == 0) {
            try {
                jdbc.update("INSERT INTO ticket_counter (counter_key, last_value) VALUES (?, 1)", key);
                return 1;
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                jdbc.update("UPDATE ticket_counter SET last_value = last_value + 1 WHERE counter_key = ?", key);
            }
        }
        return jdbc.queryForObject("SELECT last_value FROM ticket_counter WHERE counter_key = ?", Long.class, key);
    }
}
