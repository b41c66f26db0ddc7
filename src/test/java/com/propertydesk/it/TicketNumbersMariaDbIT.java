package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.MariaDb;
import com.propertydesk.support.TicketNumberRace;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ticket counter on MariaDB as two application nodes share it: two pools (the `mysql` profile's connection
 * settings) on one fresh database, sixteen threads asking for the first numbers of a day at the same instant.
 * No duplicate, no gap, no error; one statement per number once the day's row exists.
 */
class TicketNumbersMariaDbIT {

    @Test
    void twoNodesNumberTheFirstTicketsOfADayAtOnce() {
        String database = MariaDb.newDatabase();
        try (HikariDataSource node1 = MariaDb.pool(database, 8); HikariDataSource node2 = MariaDb.pool(database, 8)) {
            TicketNumberRace.migrate(node1);
            TicketNumberRace race = new TicketNumberRace().node(node1).node(node2);

            List<String> numbers = race.run();
            long raceStatements = race.statements();
            long steady = race.statementsForNumbersInTurn(100);

            System.out.printf("Ticket numbers on MariaDB, 2 nodes x 8 threads, fresh day: %d numbers, %d statements "
                    + "(%.2f per number, the day's rows created in the race); then %d statements for 100 numbers%n",
                    numbers.size(), raceStatements, (double) raceStatements / numbers.size(), steady);
            assertThat(steady).as("one statement per number").isEqualTo(100);
        }
    }
}
