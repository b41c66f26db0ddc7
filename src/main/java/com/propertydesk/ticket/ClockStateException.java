package com.propertydesk.ticket;

/** A pause or resume of the resolution clock that does not fit its state. */
public class ClockStateException extends RuntimeException {

    public ClockStateException(String message) {
        super(message);
    }
}
