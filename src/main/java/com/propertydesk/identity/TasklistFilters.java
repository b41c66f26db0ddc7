package com.propertydesk.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The saved task filters staff work from in Tasklist, created at start-up when missing (by name). Each shows the
 * ticket number, room and urgency as list columns, sorted by priority (urgency) and due date.
 */
@Component
@Order(1)
public class TasklistFilters implements ApplicationRunner {

    private final FilterService filterService;
    private final TaskService taskService;

    public TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure("我的待办", -20, "#1f77b4", "分配给我的任务",
                sorted(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        ensure("部门待认领", -10, "#ff7f0e", "我所在部门尚未认领的任务",
                sorted(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned()));
    }

    private static TaskQuery sorted(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByDueDate().asc();
    }

    private void ensure(String name, int priority, String color, String description, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("variables", List.of(
                Map.of("name", "ticketNo", "label", "工单号"),
                Map.of("name", "room", "label", "房号"),
                Map.of("name", "urgency", "label", "紧急程度")));
        Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
        filterService.saveFilter(filter);
    }
}
