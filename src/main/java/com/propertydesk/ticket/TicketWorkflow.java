package com.propertydesk.ticket;

/** Starts the process that drives a ticket; implemented by the workflow adapters. */
public interface TicketWorkflow {

    /** Starts the ticket's process with its ticket number as business key; returns the process instance id. */
    String start(Ticket ticket);

    /** Whether the ticket's process waits for the acceptance of a repair (the accept task is open). */
    boolean awaitsAcceptance(String ticketNo);

    /** Completes the acceptance as the owner, through a self-service channel; the caller is recorded. */
    void acceptAsOwner(String ticketNo, String caller, boolean accepted, Integer rating, String comment);

    /** Pauses the resolution clock; false when no running clock can be paused. */
    boolean pauseClock(String ticketNo, String caller, String reason);

    /** Resumes a paused resolution clock; false when it is not paused. */
    boolean resumeClock(String ticketNo, String caller);

    /** The ticket's open tasks show its attachments (Markdown links). */
    void attachmentsChanged(String ticketNo, String links);
}
