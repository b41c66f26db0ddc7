package com.propertydesk.ticket;

public class TicketNotFoundException extends RuntimeException {

    private final String ticketNo;

    public TicketNotFoundException(String ticketNo) {
        super("No ticket " + ticketNo);
        this.ticketNo = ticketNo;
    }

    public String getTicketNo() {
        return ticketNo;
    }
}
