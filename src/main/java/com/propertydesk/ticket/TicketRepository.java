package com.propertydesk.ticket;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket>,
        TicketNumbers, TicketSearch {

    Optional<Ticket> findByReceivedByAndIdempotencyKey(String receivedBy, String idempotencyKey);

    /** Tickets of one type from the same room since a moment: the repeat count of a new ticket. */
    long countByTypeAndRoomKeyAndCreatedAtGreaterThanEqual(TicketType type, String roomKey, Instant since);
}
