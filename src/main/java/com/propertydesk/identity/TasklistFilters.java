package com.propertydesk.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The saved Tasklist filters staff work from, created at start-up when missing and granted to the roles that use
 * them. Authorizations decide which tasks a person may see at all; the filters only sort that work. Each shows
 * ticket number, room and urgency as list columns, sorted by priority (urgency) and due date. Only
 * administrators create filters, and a stored filter may use only {@link #EXPRESSIONS}.
 */
@Component
@Order(2)
public class TasklistFilters implements ApplicationRunner {

    /** The expressions our filters use: the only ones a stored filter may contain. */
    public static final List<String> EXPRESSIONS = List.of("${currentUser()}", "${currentUserGroups()}", "${now()}",
            "${dateTime().plusHours(2)}");

    static final String RECEIVED_BY_ME = "我受理的";
    /** The task priority of an EMERGENCY ticket (see sla/ServiceLevelPolicy#taskPriority). */
    static final int EMERGENCY_PRIORITY = 100;

    private final FilterService filterService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final AuthorizationSetup authorizations;
    /** the people whose "我受理的" this node has made sure of (every task of their tickets asks) */
    private final java.util.Set<String> ensured = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public TasklistFilters(FilterService filterService, TaskService taskService, IdentityService identityService,
            AuthorizationSetup authorizations) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        shared("我的待办", -30, "#1f77b4", "分配给我的任务",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Groups.STAFF);
        shared("部门待认领", -25, "#ff7f0e", "我所在部门尚未认领的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned(), Groups.STAFF);
        shared("即将超时", -20, "#e6a700", "2小时内到期的任务",
                taskService.createTaskQuery().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${dateTime().plusHours(2)}"), Groups.STAFF);
        shared("已超时", -15, "#d62728", "已过期限仍未完成的任务",
                taskService.createTaskQuery().dueBeforeExpression("${now()}"), Groups.STAFF);
        // the tasks of emergencies carry the urgency's priority (EMERGENCY 100, ServiceLevelPolicy): an indexed
        // column, where a process variable would be a join over every open task's variables
        shared("紧急", -10, "#9467bd", "紧急工单的任务（水浸、停电、电梯困人、燃气等）",
                taskService.createTaskQuery().taskMinPriority(EMERGENCY_PRIORITY), Groups.STAFF);
        shared("经理待办", -5, "#8c564b", "上报经理的任务：重大投诉、多次不满意、超时升级",
                taskService.createTaskQuery().taskCandidateGroup(Groups.MANAGER).includeAssignedTasks(),
                List.of(Groups.MANAGER));
        for (String group : Groups.STAFF) {
            identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
                    .forEach(this::ensureReceivedByMe);
        }
    }

    /**
     * "我受理的" for one person: every open task of the tickets they took in (首问负责制), at whatever stage. The
     * tasks themselves are granted to them for reading when they are created.
     */
    public void ensureReceivedByMe(String userId) {
        if (ensured.contains(userId)) {
            return;
        }
        Filter filter = filterService.createFilterQuery().filterName(RECEIVED_BY_ME).filterOwner(userId)
                .singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(RECEIVED_BY_ME).setOwner(userId)
                    .setQuery(sorted(taskService.createTaskQuery().processVariableValueEquals("receivedBy", userId)))
                    .setProperties(properties(0, "#2ca02c", "我受理的工单（首问负责制），无论处理到哪一步"));
            filterService.saveFilter(filter);
        }
        authorizations.grantUser(userId, Resources.FILTER, filter.getId(), Permissions.READ);
        ensured.add(userId);
    }

    private void shared(String name, int priority, String color, String description, TaskQuery query,
            List<String> groups) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setQuery(sorted(query))
                    .setProperties(properties(priority, color, description));
            filterService.saveFilter(filter);
        } else if (!sameCriteria(filter.getQuery(), query)) {
            // a filter of an earlier release (e.g. 紧急 by process variable) takes the current criteria
            filterService.saveFilter(filter.setQuery(sorted(query)));
        }
        for (String group : groups) {
            authorizations.grantGroup(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private static boolean sameCriteria(TaskQuery stored, TaskQuery wanted) {
        TaskQueryImpl a = (TaskQueryImpl) stored;
        TaskQueryImpl b = (TaskQueryImpl) wanted;
        return java.util.Objects.equals(a.getMinPriority(), b.getMinPriority())
                && a.getVariables().size() == b.getVariables().size();
    }

    private static TaskQuery sorted(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByDueDate().asc();
    }

    private static Map<String, Object> properties(int priority, String color, String description) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", "ticketNo", "label", "工单号"),
                Map.of("name", "room", "label", "房号"),
                Map.of("name", "urgency", "label", "紧急程度")));
        return properties;
    }
}
