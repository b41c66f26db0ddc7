package com.propertydesk.workflow;

import com.propertydesk.identity.Groups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who works the user tasks of which process: every user task of the ticket processes lives in a process definition
 * that belongs to the groups who work it (a department's work in its own {@code complaint-work-<department>} and
 * {@code repair-work-<department>}, callbacks and classification with customer service, reviews with the manager, …),
 * and those groups are granted READ_TASK and TASK_WORK on the definition once, at start-up
 * ({@link TaskOwnershipGrants}).
 *
 * <p>Why: with authorizations on, the engine would otherwise write one authorization row per task for its candidate
 * group and join those rows into every task query with an OR, so a department with 10,000 open tasks compares
 * 10,000 × 10,000 rows on every queue refresh. With the rights on the definition, a department member's queue joins a
 * handful of authorization rows whatever the number of open tasks, and {@link OwnedTaskAuthorizationProvider} writes
 * per-task rows only for the exceptions (the manager offered a verification, a handler from another department, the
 * staff member who took the ticket in).
 */
@Component
public class TaskOwnership {

    /** Every process whose tasks staff work or read, with the groups that work all its tasks. */
    private final Map<String, Set<String>> owners;

    public TaskOwnership() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        table.put(ProcessKeys.TRIAGE, Set.of(Groups.CUSTOMER_SERVICE));
        table.put(ProcessKeys.CLOSURE, Set.of(Groups.CUSTOMER_SERVICE));
        table.put(ProcessKeys.REPAIR_ACCEPTANCE, Set.of(Groups.CUSTOMER_SERVICE, Groups.MANAGER));
        table.put(ProcessKeys.MANAGER_REVIEW, Set.of(Groups.MANAGER));
        table.put(ProcessKeys.SLA_WATCH, Set.of(Groups.GM));
        // the repair's site survey (现场勘查) is engineering's, in the repair process itself
        table.put(ProcessKeys.REPAIR, Set.of(Groups.ENGINEERING));
        table.put(ProcessKeys.COMPLAINT, Set.of());
        for (String department : Groups.DEPARTMENTS) {
            for (String template : ProcessKeys.WORK_TEMPLATES) {
                table.put(ProcessKeys.departmentWork(template, department), Set.of(department));
            }
        }
        for (String template : ProcessKeys.WORK_TEMPLATES) {
            table.put(template, Set.of());
        }
        this.owners = Map.copyOf(table);
    }

    /** Whether the group holds the rights to work every task of the process definition. */
    public boolean groupWorks(String definitionKey, String groupId) {
        return groupId != null && owners.getOrDefault(definitionKey, Set.of()).contains(groupId);
    }

    /** The groups that work every task of the process definition (empty for one that nobody owns). */
    public Set<String> owners(String definitionKey) {
        return owners.getOrDefault(definitionKey, Set.of());
    }

    /** The process definitions staff read (the engine reads a task's definition when it is worked). */
    public List<String> ticketProcesses() {
        return owners.keySet().stream().sorted().toList();
    }

    /** Each process definition with the groups that work all its tasks. */
    public Map<String, Set<String>> table() {
        return owners;
    }
}
