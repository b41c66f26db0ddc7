package com.propertydesk.ticket;

import java.util.Set;

/** Who calls the ticket API: a user id and the ids of the groups they belong to. */
public record Caller(String id, Set<String> groups) {

    public boolean inAny(String... groupIds) {
        for (String group : groupIds) {
            if (groups.contains(group)) {
                return true;
            }
        }
        return false;
    }
}
