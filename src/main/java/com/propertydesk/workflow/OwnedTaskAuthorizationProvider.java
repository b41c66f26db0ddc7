package com.propertydesk.workflow;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations for tasks, minus the rows a process definition grant already covers: a candidate
 * group or an assignee that works every task of the task's process definition ({@link TaskOwnership}) gets no
 * per-task authorization. Everyone else (the manager offered a verification, a handler from another department) gets
 * the engine's usual one, so who may see and work which task is exactly as before, with far fewer rows.
 */
class OwnedTaskAuthorizationProvider extends DefaultAuthorizationProvider {

    private final TaskOwnership ownership;

    OwnedTaskAuthorizationProvider(TaskOwnership ownership) {
        this.ownership = ownership;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (ownership.groupWorks(definitionKey(task), groupId)) {
            return null;
        }
        return super.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        if (newAssignee != null && memberOfOwner(definitionKey(task), newAssignee)) {
            return null;
        }
        return super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    private boolean memberOfOwner(String definitionKey, String userId) {
        for (String group : ownership.owners(definitionKey)) {
            // the engine's own membership lookup, not the caller's view of users (which their rights may limit)
            long members = Context.getCommandContext().runWithoutAuthorization(() -> Context.getCommandContext()
                    .getReadOnlyIdentityProvider().createUserQuery().userId(userId).memberOfGroup(group).count());
            if (members > 0) {
                return true;
            }
        }
        return false;
    }

    private static String definitionKey(Task task) {
        if (task instanceof TaskEntity entity && entity.getProcessDefinitionId() != null) {
            ProcessDefinitionEntity definition = entity.getProcessDefinition();
            return definition == null ? null : definition.getKey();
        }
        return null;
    }
}
