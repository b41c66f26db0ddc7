package com.propertydesk.workflow;

import com.propertydesk.ticket.Ticket;
import com.propertydesk.ticket.TicketLifecycle;
import com.propertydesk.ticket.Urgency;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The steps of the service-level clock ({@code ${slaClockDelegate}}, input parameter {@code clockAction}):
 * PLAN sets the timers' due dates from the ticket and, on a re-plan, moves open tasks' due dates; PAUSE and
 * RESUME stop and restart the resolution clock; NEW_TERMS applies the terms of a changed urgency; RESOLVED (in the
 * ticket's own process) stops the clock.
 */
@Component("slaClockDelegate")
public class SlaClockDelegate implements JavaDelegate {

    /** The clock steps the models name. */
    enum Action {
        PLAN, PAUSE, RESUME, NEW_TERMS, RESOLVED
    }

    private final TicketLifecycle lifecycle;
    private final TicketProcessOps ops;

    public SlaClockDelegate(TicketLifecycle lifecycle, TicketProcessOps ops) {
        this.lifecycle = lifecycle;
        this.ops = ops;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ticketNo = Vars.requiredText(execution, ProcessVars.TICKET_NO, "工单号");
        switch (Vars.requiredEnum(execution, "clockAction", Action.class, "计时动作")) {
            case PLAN -> plan(execution, ticketNo);
            case PAUSE -> lifecycle.clockPaused(ticketNo, actor(execution),
                    Vars.text(execution, ProcessVars.CLOCK_REASON));
            case RESUME -> lifecycle.clockResumed(ticketNo, actor(execution));
            case NEW_TERMS -> {
                Urgency urgency = Vars.requiredEnum(execution, ProcessVars.URGENCY, Urgency.class, "紧急程度");
                lifecycle.changeUrgency(ticketNo, Vars.text(execution, ProcessVars.REVIEWER), urgency,
                        Vars.requiredText(execution, ProcessVars.RESPONSE_WITHIN, "响应时限"),
                        Vars.requiredText(execution, ProcessVars.RESOLVE_WITHIN, "处理时限"),
                        Vars.requiredText(execution, ProcessVars.CALLBACK_WITHIN, "回访时限"),
                        Vars.text(execution, ProcessVars.MANAGER_NOTE));
                ops.setTicketVariable(ticketNo, ProcessVars.URGENCY, urgency.name());
                execution.setVariable(ProcessVars.REPLAN_REQUESTED, true);
            }
            case RESOLVED -> ops.tellClock(ticketNo, TicketProcessOps.MESSAGE_RESOLVED, Map.of());
        }
    }

    /**
     * The timers' due dates from the ticket; on a re-plan (new terms, an extension, a resumed clock) the open
     * tasks and the response timer move too. The first plan, as the clock starts beside the department's work,
     * moves nothing: that work's tasks and its response timer were just made from the same ticket in the same
     * transaction ({@link TicketTaskListener}, {@code ${responseDueAt}}).
     */
    private void plan(DelegateExecution execution, String ticketNo) {
        Ticket ticket = lifecycle.get(ticketNo);
        boolean replan = execution.hasVariable(ProcessVars.REPLAN_REQUESTED);
        execution.setVariable(ProcessVars.RESOLVE_DUE_AT, date(ticket.getResolveDueAt()));
        execution.setVariable(ProcessVars.GM_DUE_AT, date(ticket.getGmDueAt()));
        execution.setVariable(ProcessVars.REPLAN_REQUESTED, false);
        if (replan) {
            ops.realign(ticket);
        }
    }

    private static String actor(DelegateExecution execution) {
        String actor = Vars.text(execution, ProcessVars.CLOCK_ACTOR);
        return actor == null ? TicketLifecycle.SYSTEM : actor;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
