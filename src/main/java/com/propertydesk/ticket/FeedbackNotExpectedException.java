package com.propertydesk.ticket;

/** The owner's feedback does not fit the ticket's stage (nothing to accept, a public-area repair, not handled). */
public class FeedbackNotExpectedException extends RuntimeException {

    public FeedbackNotExpectedException(String message) {
        super(message);
    }
}
