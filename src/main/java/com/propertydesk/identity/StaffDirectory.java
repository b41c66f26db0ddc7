package com.propertydesk.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who is who, read from the Camunda identity service: staff ids, department (group) names. */
@Component
public class StaffDirectory {

    private final IdentityService identityService;

    public StaffDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean userExists(String userId) {
        return userId != null && identityService.createUserQuery().userId(userId).count() == 1;
    }

    /** Whether the user works in Tasklist (belongs to a staff group), as opposed to an integrator account. */
    public boolean isStaff(String userId) {
        return userId != null && identityService.createGroupQuery().groupMember(userId)
                .groupIdIn(Groups.STAFF.toArray(String[]::new)).count() > 0;
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
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null ? groupId : group.getName();
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
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(user -> (user.getId() + " " + fullName(user)).strip())
                .collect(java.util.stream.Collectors.joining("、"));
    }

    private static String fullName(User user) {
        return ((user.getFirstName() == null ? "" : user.getFirstName())
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
    }

    /** "张工 (engineer)" for timeline notes, or the id alone when the user has no name. */
    public String userLabel(String userId) {
        User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId == null ? "" : userId;
        }
        String name = fullName(user);
        return name.isEmpty() ? userId : name + " (" + userId + ")";
    }
}
