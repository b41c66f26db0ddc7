package com.propertydesk.workflow;

import com.propertydesk.ticket.EscalationAction;
import com.propertydesk.ticket.TicketLifecycle;
import com.propertydesk.ticket.Urgency;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Carries out what the manager decided about an overdue ticket ({@code ${escalationDecisionDelegate}}): another
 * handler, another department, more time, or a new urgency (whose terms the ticket-sla decision gives next).
 */
@Component("escalationDecisionDelegate")
public class EscalationDecisionDelegate implements JavaDelegate {

    private final TicketLifecycle lifecycle;
    private final TicketProcessOps ops;

    public EscalationDecisionDelegate(TicketLifecycle lifecycle, TicketProcessOps ops) {
        this.lifecycle = lifecycle;
        this.ops = ops;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ticketNo = Vars.requiredText(execution, ProcessVars.TICKET_NO, "工单号");
        String manager = Vars.text(execution, ProcessVars.REVIEWER);
        String reason = Vars.text(execution, ProcessVars.MANAGER_NOTE);
        switch (Vars.requiredEnum(execution, ProcessVars.ESCALATION_ACTION, EscalationAction.class, "处理决定")) {
            case CHANGE_HANDLER -> {
                String handler = Vars.requiredText(execution, ProcessVars.NEW_HANDLER, "新处理人");
                lifecycle.changeHandler(ticketNo, manager, handler, reason);
                ops.changeHandler(ticketNo, handler);
            }
            case REASSIGN -> {
                String department = Vars.requiredText(execution, ProcessVars.NEW_DEPARTMENT, "转派部门");
                lifecycle.reassign(ticketNo, manager, department, reason);
                ops.reassign(ticketNo, department);
            }
            case EXTEND -> {
                lifecycle.extendResolution(ticketNo, manager,
                        Duration.ofHours(Vars.integer(execution, ProcessVars.EXTEND_HOURS)), reason);
                execution.setVariable(ProcessVars.REPLAN_REQUESTED, true);
            }
            case CHANGE_URGENCY -> execution.setVariable(ProcessVars.URGENCY,
                    Vars.requiredEnum(execution, ProcessVars.NEW_URGENCY, Urgency.class, "新紧急程度").name());
            case KEEP -> {
                // the manager's note is on the timeline; nothing changes
            }
        }
    }
}
