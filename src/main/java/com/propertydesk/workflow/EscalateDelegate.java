package com.propertydesk.workflow;

import com.propertydesk.sla.EscalationService;
import com.propertydesk.ticket.EscalationLevel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A due date passed ({@code ${escalateDelegate}}, input parameter {@code escalationLevel}: 1, 2 or 3). */
@Component("escalateDelegate")
public class EscalateDelegate implements JavaDelegate {

    private final EscalationService escalations;

    public EscalateDelegate(EscalationService escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.escalate(Vars.requiredText(execution, ProcessVars.TICKET_NO, "工单号"),
                EscalationLevel.of(Vars.integer(execution, "escalationLevel")));
    }
}
