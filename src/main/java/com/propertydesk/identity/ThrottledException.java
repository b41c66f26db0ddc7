package com.propertydesk.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed attempts from the caller's address: answered 429 with {@code Retry-After}. */
class ThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    ThrottledException(long retryAfterSeconds) {
        super("Too many failed authentication attempts from this address");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
