package com.propertydesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.TicketNumberRace;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ticket numbers on H2 (the embedded default): two nodes' pools and sixteen threads on a fresh day, one
 * statement per number once the day's row exists, and a number never part of the caller's transaction.
 * {@code it/TicketNumbersMariaDbIT} runs the same race on MariaDB.
 */
class TicketNumberGeneratorTest {

    private final String url = "jdbc:h2:mem:numbers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final HikariDataSource node1 = pool();
    private final HikariDataSource node2 = pool();

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    @AfterEach
    void close() {
        node1.close();
        node2.close();
    }

    @Test
    void twoNodesAndSixteenThreadsNumberAFreshDayWithoutDuplicatesOrGaps() {
        TicketNumberRace.migrate(node1);
        TicketNumberRace race = new TicketNumberRace().node(node1).node(node2);

        race.run();

        assertThat(race.statementsForNumbersInTurn(100)).as("one statement per number").isEqualTo(100);
    }

    @Test
    void aNumberIsNotPartOfTheCallersTransaction() {
        TicketNumberRace.migrate(node1);
        TicketNumberRace race = new TicketNumberRace().node(node1);
        TicketNumberGenerator numbers = race.nodes().get(0).generator();
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(node1));

        String inRolledBack = transaction.execute(status -> {
            status.setRollbackOnly();
            return numbers.next(TicketType.COMPLAINT);
        });

        assertThat(inRolledBack).isEqualTo("C-" + race.day() + "-0001");
        assertThat(numbers.next(TicketType.COMPLAINT)).as("the rolled-back ticket leaves a gap, nothing else")
                .isEqualTo("C-" + race.day() + "-0002");
        assertThat(numbers.next(TicketType.REPAIR)).isEqualTo("R-" + race.day() + "-0001");
    }
}
