package com.propertydesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TicketDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Finding a ticket by its number: once per transaction from the database, never flushing on the way. */
class TicketNumbersTest extends SpringTestBase {

    @Autowired
    private TicketRepository tickets;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aTicketLoadedInTheTransactionIsFoundAgainWithoutAQuery() {
        String ticketNo = desk.file(TicketDriver.complaint(TicketDriver.uniqueRoom(), "楼道灯不亮", Category.ENGINEERING));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Ticket first = tickets.findByTicketNo(ticketNo).orElseThrow();
            // the row's number changes under the transaction: a second query would not find the ticket any more
            jdbc.update("update ticket set ticket_no = ? where ticket_no = ?", ticketNo + "-moved", ticketNo);
            assertThat(tickets.findByTicketNo(ticketNo)).get().isSameAs(first);
            status.setRollbackOnly();
        });
    }

    @Test
    void findingAnotherTicketDoesNotFlushPendingChanges() {
        String changed = desk.file(TicketDriver.complaint(TicketDriver.uniqueRoom(), "电梯异响", Category.ENGINEERING));
        String other = desk.file(TicketDriver.complaint(TicketDriver.uniqueRoom(), "门禁失灵", Category.SECURITY_ORDER));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Ticket ticket = tickets.findByTicketNo(changed).orElseThrow();
            int entries = timeline(changed);
            ticket.record(java.time.Instant.now(), TimelineStage.NOTIFIED, "tester", "待写入", null);
            assertThat(tickets.findByTicketNo(other)).get().extracting(Ticket::getTicketNo).isEqualTo(other);
            assertThat(timeline(changed)).isEqualTo(entries);
            assertThat(tickets.findByTicketNo("C-19990101-0001")).isEmpty();
            status.setRollbackOnly();
        });
    }

    private int timeline(String ticketNo) {
        return jdbc.queryForObject("select count(*) from ticket_timeline e join ticket t on e.ticket_id = t.id"
                + " where t.ticket_no = ?", Integer.class, ticketNo);
    }
}
