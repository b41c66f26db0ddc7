package com.propertydesk.identity;

import java.time.Instant;

/**
 * An API token of an integrator account, as stored: never the token itself, only its SHA-256 and the first
 * characters to recognise it by.
 */
record ApiToken(long id, String prefix, String userId, String name, Instant createdAt, String createdBy,
        Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy) {

    enum Status { ACTIVE, EXPIRED, REVOKED }

    Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? Status.EXPIRED : Status.ACTIVE;
    }
}
