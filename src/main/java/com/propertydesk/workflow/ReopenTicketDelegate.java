package com.propertydesk.workflow;

import com.propertydesk.ticket.TicketLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends a ticket back to dispatch after dissatisfaction ({@code ${reopenTicketDelegate}}). */
@Component("reopenTicketDelegate")
public class ReopenTicketDelegate implements JavaDelegate {

    private final TicketLifecycle lifecycle;

    public ReopenTicketDelegate(TicketLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = Vars.text(execution, ProcessVars.MANAGER_NOTE) != null
                ? "经理意见：" + Vars.text(execution, ProcessVars.MANAGER_NOTE)
                : "回访不满意";
        String ticketNo = Vars.requiredText(execution, ProcessVars.TICKET_NO, "工单号");
        int reopens = lifecycle.reopen(ticketNo, reason);
        execution.setVariable(ProcessVars.REOPEN_COUNT, reopens);
        execution.setVariable(ProcessVars.RESPONSE_DUE_AT,
                SlaClockDelegate.date(lifecycle.get(ticketNo).getResponseDueAt()));
    }
}
