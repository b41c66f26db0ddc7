package com.propertydesk.workflow;

import com.propertydesk.identity.AuthorizationSetup;
import com.propertydesk.identity.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Grants at start-up (idempotently) what {@link TaskOwnership} describes: every staff group reads the ticket processes'
 * definitions (the engine reads a task's definition when it is worked), and each owner reads and works every task of
 * its process definitions (READ_TASK, TASK_WORK).
 */
@Component
@Order(1)
class TaskOwnershipGrants implements ApplicationRunner {

    private final TaskOwnership ownership;
    private final AuthorizationSetup authorizations;

    TaskOwnershipGrants(TaskOwnership ownership, AuthorizationSetup authorizations) {
        this.ownership = ownership;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String group : Groups.STAFF) {
            for (String process : ownership.ticketProcesses()) {
                authorizations.grantGroup(group, Resources.PROCESS_DEFINITION, process, Permissions.READ);
            }
        }
        ownership.table().forEach((process, groups) -> groups.forEach(group -> authorizations.grantGroup(group,
                Resources.PROCESS_DEFINITION, process, Permissions.READ, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.TASK_WORK)));
    }
}
