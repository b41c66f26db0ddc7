package com.propertydesk.workflow;

import com.propertydesk.ticket.TicketType;

/** Keys of the deployed processes and decisions (processes/*.bpmn, processes/*.dmn). */
public final class ProcessKeys {

    public static final String COMPLAINT = "complaint";
    public static final String REPAIR = "repair";
    /** shared: classify → assess urgency → service terms → route (分类与评估) */
    public static final String TRIAGE = "ticket-triage";
    /** shared: callback with retries, dissatisfaction handling, archive (回访与归档) */
    public static final String CLOSURE = "ticket-closure";
    /** shared: a manager's review (经理处理) for major tickets, repeated dissatisfaction, escalations */
    public static final String MANAGER_REVIEW = "manager-review";
    /** shared: the resolution clock with its escalation ladder, pause and re-plan (处理时限监控) */
    public static final String SLA_WATCH = "sla-watch";
    /**
     * Template of each department's complaint work (派单 → 处理 → 核查): deployed once per department as
     * {@code complaint-work-<department>}, see {@link DepartmentWorkProcesses}.
     */
    public static final String COMPLAINT_WORK = "complaint-work";
    /** Template of each department's repair work (派单 → 处理 → 有偿无偿 → 验收), deployed per department. */
    public static final String REPAIR_WORK = "repair-work";
    /** The owner's or the manager's acceptance of a repair (验收), called from the repair work. */
    public static final String REPAIR_ACCEPTANCE = "repair-acceptance";
    /** The templates {@link DepartmentWorkProcesses} deploys once per department. */
    public static final java.util.List<String> WORK_TEMPLATES = java.util.List.of(COMPLAINT_WORK, REPAIR_WORK);
    /** The message that moves a ticket's work to another department (经理转派), caught by the main processes. */
    public static final String MESSAGE_REASSIGNED = "TicketReassigned";

    public static final String DECISION_CATEGORY = "ticket-category";
    public static final String DECISION_URGENCY = "ticket-urgency";
    public static final String DECISION_ROUTING = "ticket-routing";
    public static final String DECISION_SLA = "ticket-sla";

    private ProcessKeys() {
    }

    /** The key of a department's work process: {@code complaint-work-engineering}. */
    public static String departmentWork(String template, String department) {
        return template + "-" + department;
    }

    /** Every department work process there is: each template for each department. */
    public static java.util.List<String> departmentWorkKeys(java.util.Collection<String> departments) {
        return WORK_TEMPLATES.stream().flatMap(template -> departments.stream()
                .map(department -> departmentWork(template, department))).toList();
    }

    public static String forType(TicketType type) {
        return switch (type) {
            case COMPLAINT -> COMPLAINT;
            case REPAIR -> REPAIR;
        };
    }
}
