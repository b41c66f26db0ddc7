package com.propertydesk.identity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Version stamps of the Camunda identity data in the shared database (table {@code identity_stamp}), so that
 * every node can cache verified credentials and groups and still notice at once a change made on any node.
 * Row 0 is everyone's (a group or tenant deleted, a group's tenant membership); rows 1..256 are buckets of users:
 * a password change, a lock, an unlock, a user's group or tenant membership bumps the user's bucket. Every
 * identity write of the engine bumps a stamp in its own transaction ({@link StampingIdentityProvider}), so the
 * new stamp becomes visible exactly when the change commits. A cache entry is trusted only while the stamps it was
 * made under are the current ones; users sharing a bucket merely re-verify once more than needed.
 */
@Component
class IdentityStamps {

    static final int USER_BUCKETS = 256;
    private static final int EVERYONE = 0;

    private final JdbcTemplate jdbc;

    IdentityStamps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stamps a user's identity data is current under: everyone's and the user's bucket's. */
    record Stamp(long everyone, long user) {
    }

    /** Reads both stamps (two rows by primary key, no lock). Read before the data it vouches for. */
    Stamp current(String userId) {
        long[] versions = {-1, -1};
        int bucket = bucket(userId);
        jdbc.query("SELECT id, version FROM identity_stamp WHERE id IN (?, ?)", row -> {
            versions[row.getInt(1) == EVERYONE ? 0 : 1] = row.getLong(2);
        }, EVERYONE, bucket);
        if (versions[0] < 0 || versions[1] < 0) {
            throw new IllegalStateException("identity_stamp rows 0 and " + bucket + " are missing (migration V8)");
        }
        return new Stamp(versions[0], versions[1]);
    }

    /** Something about this user changed: password, lock, memberships, the account itself. */
    void userChanged(String userId) {
        bump(bucket(userId));
    }

    /** Something that may concern any user changed (a group or tenant and its memberships). */
    void everyoneChanged() {
        bump(EVERYONE);
    }

    private void bump(int id) {
        if (jdbc.update("UPDATE identity_stamp SET version = version + 1 WHERE id = ?", id) != 1) {
            throw new IllegalStateException("identity_stamp row " + id + " is missing (migration V8)");
        }
    }

    static int bucket(String userId) {
        return 1 + Math.floorMod(userId == null ? 0 : userId.hashCode(), USER_BUCKETS);
    }
}
