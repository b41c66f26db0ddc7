package com.propertydesk.workflow;

import com.propertydesk.ticket.TicketLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records whether a repair is charged ({@code ${recordChargeDelegate}}): {@code chargeable} from the repair-charge
 * decision, {@code charge} the amount the handler entered.
 */
@Component("recordChargeDelegate")
public class RecordChargeDelegate implements JavaDelegate {

    private final TicketLifecycle lifecycle;

    public RecordChargeDelegate(TicketLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.charged(Vars.requiredText(execution, ProcessVars.TICKET_NO, "工单号"),
                Vars.requiredBool(execution, ProcessVars.CHARGEABLE, "是否有偿"),
                Vars.amount(execution, ProcessVars.CHARGE, "收费金额"));
    }
}
