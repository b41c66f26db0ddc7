package com.propertydesk.ticket;

import java.util.Optional;

/** Finding a ticket by its number, the key everything outside the database uses. */
public interface TicketNumbers {

    Optional<Ticket> findByTicketNo(String ticketNo);
}
