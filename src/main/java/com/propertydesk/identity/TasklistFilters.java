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

    private final FilterService filterService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final AuthorizationSetup authorizations;

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
        shared("紧急", -10, "#9467bd", "紧急工单的任务（水浸、停电、电梯困人、燃气等）",
                taskService.createTaskQuery().processVariableValueEquals("urgency", "EMERGENCY"), Groups.STAFF);
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
        Filter filter = filterService.createFilterQuery().filterName(RECEIVED_BY_ME).filterOwner(userId)
                .singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(RECEIVED_BY_ME).setOwner(userId)
                    .setQuery(sorted(taskService.createTaskQuery().processVariableValueEquals("receivedBy", userId)))
                    .setProperties(properties(0, "#2ca02c", "我受理的工单（首问负责制），无论处理到哪一步"));
            filterService.saveFilter(filter);
        }
        authorizations.grantUser(userId, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void shared(String name, int priority, String color, String description, TaskQuery query,
            List<String> groups) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setQuery(sorted(query))
                    .setProperties(properties(priority, color, description));
            filterService.saveFilter(filter);
        }
        for (String group : groups) {
            authorizations.grantGroup(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
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
