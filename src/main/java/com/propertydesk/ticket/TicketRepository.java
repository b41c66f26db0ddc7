package com.propertydesk.ticket;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;

public interface TicketRepository extends JpaRepository<Ticket, Long>, JpaSpecificationExecutor<Ticket>,
        TicketNumbers, TicketSearch {

    /** The ticket with its row locked until the transaction ends: changes to one ticket taken one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Ticket> findLockedByTicketNo(String ticketNo);

    Optional<Ticket> findByReceivedByAndIdempotencyKey(String receivedBy, String idempotencyKey);

    /** Tickets of one type from the same room since a moment: the repeat count of a new ticket. */
    long countByTypeAndRoomKeyAndCreatedAtGreaterThanEqual(TicketType type, String roomKey, Instant since);
}
