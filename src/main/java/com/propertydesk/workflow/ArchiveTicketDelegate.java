package com.propertydesk.workflow;

import com.propertydesk.ticket.Resolution;
import com.propertydesk.ticket.TicketLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Archives a ticket ({@code ${archiveTicketDelegate}}) with the resolution the model gives as the task's input
 * parameter {@code resolution}.
 */
@Component("archiveTicketDelegate")
public class ArchiveTicketDelegate implements JavaDelegate {

    private final TicketLifecycle lifecycle;

    public ArchiveTicketDelegate(TicketLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.archive(Vars.requiredText(execution, ProcessVars.TICKET_NO, "工单号"),
                Vars.requiredEnum(execution, ProcessVars.RESOLUTION, Resolution.class, "结案结果"));
    }
}
