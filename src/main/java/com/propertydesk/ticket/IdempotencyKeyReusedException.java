package com.propertydesk.ticket;

/** The same Idempotency-Key was sent again with a different request body. */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final String ticketNo;

    public IdempotencyKeyReusedException(String ticketNo) {
        super("This Idempotency-Key was first used for ticket " + ticketNo
                + " with a different request body; use a new key for a new ticket");
        this.ticketNo = ticketNo;
    }

    public String getTicketNo() {
        return ticketNo;
    }
}
