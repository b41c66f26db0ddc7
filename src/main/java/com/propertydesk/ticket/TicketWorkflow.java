package com.propertydesk.ticket;

/** Starts the process that drives a ticket; implemented by the workflow adapters. */
public interface TicketWorkflow {

    /** Starts the ticket's process with its ticket number as business key; returns the process instance id. */
    String start(Ticket ticket);
}
