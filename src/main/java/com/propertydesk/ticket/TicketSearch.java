package com.propertydesk.ticket;

import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** Pages of tickets without counting every match: a count stops at a cap, so it stays cheap over millions. */
public interface TicketSearch {

    /** The matching tickets from {@code offset}, newest first, at most {@code limit}. */
    List<Ticket> newestFirst(Specification<Ticket> matching, int offset, int limit);

    /** How many tickets match, counted up to {@code cap} (a larger number of matches answers {@code cap + 1}). */
    long countUpTo(Specification<Ticket> matching, int cap);
}
