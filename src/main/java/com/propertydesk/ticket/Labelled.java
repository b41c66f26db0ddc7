package com.propertydesk.ticket;

/** An enum value with the Simplified Chinese label staff see in Tasklist, the timeline and reports. */
public interface Labelled {

    String label();

    /** The label of a value, or an empty string when there is none. */
    static String of(Labelled value) {
        return value == null ? "" : value.label();
    }
}
