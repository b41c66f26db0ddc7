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

    public static final String DECISION_CATEGORY = "ticket-category";
    public static final String DECISION_URGENCY = "ticket-urgency";
    public static final String DECISION_ROUTING = "ticket-routing";
    public static final String DECISION_SLA = "ticket-sla";

    private ProcessKeys() {
    }

    public static String forType(TicketType type) {
        return switch (type) {
            case COMPLAINT -> COMPLAINT;
            case REPAIR -> REPAIR;
        };
    }
}
