package com.propertydesk.workflow;

import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.ImpactScope;
import com.propertydesk.ticket.ServiceTerms;
import com.propertydesk.ticket.TicketLifecycle;
import com.propertydesk.ticket.Triage;
import com.propertydesk.ticket.Urgency;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes what the triage decisions concluded onto the ticket ({@code ${recordTriageDelegate}}). */
@Component("recordTriageDelegate")
public class RecordTriageDelegate implements JavaDelegate {

    private final TicketLifecycle lifecycle;

    public RecordTriageDelegate(TicketLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServiceTerms terms = lifecycle.recordTriage(Vars.requiredText(execution, ProcessVars.TICKET_NO, "工单号"),
                new Triage(
                Vars.enumValue(execution, ProcessVars.CATEGORY, Category.class),
                Vars.enumValue(execution, ProcessVars.IMPACT_SCOPE, ImpactScope.class),
                Vars.bool(execution, ProcessVars.PUBLIC_AREA),
                Vars.requiredEnum(execution, ProcessVars.URGENCY, Urgency.class, "紧急程度"),
                Boolean.TRUE.equals(Vars.bool(execution, ProcessVars.MAJOR)),
                Vars.requiredText(execution, ProcessVars.DEPARTMENT, "部门"),
                Vars.requiredText(execution, ProcessVars.RESPONSE_WITHIN, "响应时限"),
                Vars.requiredText(execution, ProcessVars.RESOLVE_WITHIN, "处理时限"),
                Vars.requiredText(execution, ProcessVars.CALLBACK_WITHIN, "回访时限")));
        execution.setVariable(ProcessVars.RESPONSE_DUE_AT, SlaClockDelegate.date(terms.responseDueAt()));
    }
}
