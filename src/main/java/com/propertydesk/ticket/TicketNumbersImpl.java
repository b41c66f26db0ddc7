package com.propertydesk.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The ticket number is the ticket's natural id: within one transaction a ticket that is loaded already is found
 * again without a query (a task completion asks for its ticket in several places), and without flushing pending
 * changes first, as a query would. A ticket not loaded yet is read with one written-out query that Hibernate
 * translates once (its natural-id loader built the same SELECT anew at every load, a twentieth of a ticket's
 * background CPU), and loading it remembers its number for the rest of the transaction.
 */
class TicketNumbersImpl implements TicketNumbers {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<Ticket> findByTicketNo(String ticketNo) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        EntityPersister tickets = session.getFactory().getMappingMetamodel().getEntityDescriptor(Ticket.class);
        Object id = session.getPersistenceContextInternal().getNaturalIdResolutions()
                .findCachedIdByNaturalId(ticketNo, tickets);
        if (id != null) {
            return Optional.ofNullable(session.find(Ticket.class, id));
        }
        return entityManager.createQuery("select t from Ticket t where t.ticketNo = :ticketNo", Ticket.class)
                .setParameter("ticketNo", ticketNo).setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
    }
}
