package com.propertydesk.ticket;

/** The caller may not do this to a ticket it can see (403). */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
