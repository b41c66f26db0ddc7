package com.propertydesk.ticket;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

class TicketSearchImpl implements TicketSearch {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public List<Ticket> newestFirst(Specification<Ticket> matching, int offset, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Ticket> query = cb.createQuery(Ticket.class);
        Root<Ticket> ticket = query.from(Ticket.class);
        query.select(ticket).where(matching.toPredicate(ticket, query, cb))
                .orderBy(cb.desc(ticket.get("createdAt")), cb.desc(ticket.get("id")));
        return entityManager.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countUpTo(Specification<Ticket> matching, int cap) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Ticket> ticket = query.from(Ticket.class);
        query.select(ticket.get("id")).where(matching.toPredicate(ticket, query, cb));
        return entityManager.createQuery(query).setMaxResults(cap + 1).getResultList().size();
    }
}
