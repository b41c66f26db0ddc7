package com.propertydesk.config;

/** A request field (body property, query parameter or header) that is well-formed but not acceptable. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
