package com.propertydesk.attachment;

import org.springframework.http.HttpStatus;

/** An upload that is not accepted: not a kind of evidence, too large, or broken off. Nothing is kept. */
public class AttachmentRefusedException extends RuntimeException {

    private final HttpStatus status;

    public AttachmentRefusedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus getStatus() {
        return status;
    }
}
