package com.propertydesk.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The ticket number is the ticket's natural id: within one transaction a ticket that is loaded already is found
 * again without a query (a task completion asks for its ticket in several places), and without flushing pending
 * changes first, as a query would.
 */
class TicketNumbersImpl implements TicketNumbers {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<Ticket> findByTicketNo(String ticketNo) {
        return entityManager.unwrap(Session.class).bySimpleNaturalId(Ticket.class).loadOptional(ticketNo);
    }
}
