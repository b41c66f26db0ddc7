package com.propertydesk.attachment;

/** No such attachment on a ticket the caller may read. */
public class AttachmentNotFoundException extends RuntimeException {

    public AttachmentNotFoundException(String ticketNo, long attachmentId) {
        super("Ticket " + ticketNo + " has no attachment " + attachmentId);
    }
}
