package com.propertydesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda authorizations, set up at start-up and idempotent (a grant that exists is completed, never doubled).
 * <ul>
 * <li>{@code camunda-admin}: everything — deploy, Cockpit (modifications, incidents), users and groups, filters.</li>
 * <li>staff groups: Tasklist; read users and groups (who may be a handler). Tasks are granted by process
 * definition to the groups that work them (each department's own work processes, customer service's callbacks, the
 * manager's reviews; see {@code workflow.TaskOwnership}) and, for the exceptions, task by task by the engine to their
 * candidate groups and assignee (claim and complete, TASK_WORK). Filters are granted one by one
 * ({@link TasklistFilters}).</li>
 * <li>{@code manager}: also starts the quarterly complaint analysis from Tasklist.</li>
 * <li>{@code integrator}: nothing in the engine: integrators use the ticket API and cannot work staff tasks.</li>
 * </ul>
 */
@Component
@Order(1)
public class AuthorizationSetup implements ApplicationRunner {

    /** The quarterly complaint analysis: departments and the general manager work its tasks, the manager starts it. */
    static final String COMPLAINT_ANALYSIS = "complaint-analysis";

    private final AuthorizationService authorizations;

    public AuthorizationSetup(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Resource resource : Resources.values()) {
            grantGroup(Groups.ADMIN, resource, ANY, Permissions.ALL);
        }
        for (String group : Groups.STAFF) {
            grantGroup(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grantGroup(group, Resources.USER, ANY, Permissions.READ);
            grantGroup(group, Resources.GROUP, ANY, Permissions.READ);
            grantGroup(group, Resources.PROCESS_DEFINITION, COMPLAINT_ANALYSIS, Permissions.READ);
        }
        // the manager starts the quarterly analysis from Tasklist (启动流程) as well as over REST
        grantGroup(Groups.MANAGER, Resources.PROCESS_DEFINITION, COMPLAINT_ANALYSIS, Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grantGroup(Groups.MANAGER, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }

    public void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        grant(existing, null, groupId, resource, resourceId, permissions);
    }

    public void grantUser(String userId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .userIdIn(userId).resourceType(resource).resourceId(resourceId).singleResult();
        grant(existing, userId, null, resource, resourceId, permissions);
    }

    private void grant(Authorization existing, String userId, String groupId, Resource resource, String resourceId,
            Permission... permissions) {
        if (existing != null && Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
            return;
        }
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setUserId(userId);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        Arrays.stream(permissions).forEach(authorization::addPermission);
        authorizations.saveAuthorization(authorization);
    }
}
