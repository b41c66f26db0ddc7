package com.propertydesk.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who is who, read from the Camunda identity service: staff ids, department (group) names. What every task asks
 * (is the person who took the ticket in staff, who is in the department, what is its name) is kept for a minute, so
 * that creating a task does not query the identity tables each time; a change made in Camunda Admin shows within a
 * minute there. Checks that decide a right (does the handler exist, is someone a member) are always read fresh.
 */
@Component
public class StaffDirectory {

    private static final Duration KEEP = Duration.ofMinutes(1);

    private final IdentityService identityService;
    private final Cache<String, Boolean> staff = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(10_000)
            .build();
    private final Cache<String, String> members = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(1_000)
            .build();
    private final Cache<String, String> names = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(10_000)
            .build();

    public StaffDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean userExists(String userId) {
        return userId != null && identityService.createUserQuery().userId(userId).count() == 1;
    }

    /** Whether the user works in Tasklist (belongs to a staff group), as opposed to an integrator account. */
    public boolean isStaff(String userId) {
        return userId != null && staff.get(userId, id -> identityService.createGroupQuery().groupMember(id)
                .groupIdIn(Groups.STAFF.toArray(String[]::new)).count() > 0);
    }

    public boolean isMember(String userId, String groupId) {
        return userId != null && groupId != null
                && identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 1;
    }

    /** Whether someone other than the given user belongs to the group. */
    public boolean hasMemberOtherThan(String groupId, String userId) {
        return groupId != null && identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .anyMatch(user -> !user.getId().equals(userId));
    }

    /** The display name of a department group ("工程部"), or its id when it has none. */
    public String departmentName(String groupId) {
        if (groupId == null) {
            return "";
        }
        return names.get("group:" + groupId, key -> {
            Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
            return group == null || group.getName() == null ? groupId : group.getName();
        });
    }

    /** The e-mail addresses of a group's members who have one. */
    public java.util.List<String> emailsOf(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getEmail)
                .filter(email -> email != null && !email.isBlank()).toList();
    }

    /** The members of a department, "engineer 张工、engineer2 李工", for the dispatch form. */
    public String memberList(String groupId) {
        if (groupId == null) {
            return "";
        }
        return members.get(groupId, id -> identityService.createUserQuery().memberOfGroup(id).orderByUserId().asc()
                .list().stream().map(user -> (user.getId() + " " + fullName(user)).strip())
                .collect(java.util.stream.Collectors.joining("、")));
    }

    private static String fullName(User user) {
        return ((user.getFirstName() == null ? "" : user.getFirstName())
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
    }

    /** "张工 (engineer)" for timeline notes, or the id alone when the user has no name. */
    public String userLabel(String userId) {
        if (userId == null) {
            return "";
        }
        return names.get("user:" + userId, key -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            String name = user == null ? "" : fullName(user);
            return name.isEmpty() ? userId : name + " (" + userId + ")";
        });
    }
}
