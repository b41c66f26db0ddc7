package com.propertydesk.ticket;

import com.propertydesk.ticket.api.TicketFilter;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

final class TicketSpecifications {

    private TicketSpecifications() {
    }

    /** Tickets matching every filter that is set; createdAt within [from, to). */
    static Specification<Ticket> matching(TicketFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.type() != null) {
                where.add(cb.equal(root.get("type"), filter.type()));
            }
            if (filter.category() != null) {
                where.add(cb.equal(root.get("category"), filter.category()));
            }
            if (filter.urgency() != null) {
                where.add(cb.equal(root.get("urgency"), filter.urgency()));
            }
            if (filter.department() != null) {
                where.add(cb.equal(root.get("department"), filter.department()));
            }
            if (filter.receivedBy() != null) {
                where.add(cb.equal(root.get("receivedBy"), filter.receivedBy()));
            }
            if (filter.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), filter.from()));
            }
            if (filter.to() != null) {
                where.add(cb.lessThan(root.get("createdAt"), filter.to()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
