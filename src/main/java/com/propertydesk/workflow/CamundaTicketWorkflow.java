package com.propertydesk.workflow;

import com.propertydesk.ticket.FeedbackNotExpectedException;
import com.propertydesk.ticket.Ticket;
import com.propertydesk.ticket.TicketWorkflow;
import com.propertydesk.ticket.WorkStep;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Starts a ticket's process in the caller's transaction, with the ticket number as business key. */
@Component
public class CamundaTicketWorkflow implements TicketWorkflow {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final TicketProcessOps ops;

    public CamundaTicketWorkflow(RuntimeService runtimeService, TaskService taskService, TicketProcessOps ops) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.ops = ops;
    }

    @Override
    public boolean pauseClock(String ticketNo, String caller, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVars.CLOCK_ACTOR, caller);
        variables.put(ProcessVars.CLOCK_REASON, reason);
        return ops.clockAwaits(ticketNo, TicketProcessOps.MESSAGE_PAUSED)
                && ops.tellClock(ticketNo, TicketProcessOps.MESSAGE_PAUSED, variables);
    }

    @Override
    public boolean resumeClock(String ticketNo, String caller) {
        return ops.clockAwaits(ticketNo, TicketProcessOps.MESSAGE_RESUMED)
                && ops.tellClock(ticketNo, TicketProcessOps.MESSAGE_RESUMED, Map.of(ProcessVars.CLOCK_ACTOR, caller));
    }

    @Override
    public String start(Ticket ticket) {
        return runtimeService.startProcessInstanceByKey(ProcessKeys.forType(ticket.getType()), ticket.getTicketNo(),
                startVariables(ticket)).getId();
    }

    @Override
    public void attachmentsChanged(String ticketNo, String links) {
        taskService.createTaskQuery().processInstanceBusinessKey(ticketNo).list()
                .forEach(task -> taskService.setVariableLocal(task.getId(), ProcessVars.ATTACHMENT_LINKS, links));
    }

    @Override
    public boolean awaitsAcceptance(String ticketNo) {
        return acceptTask(ticketNo) != null;
    }

    @Override
    public void acceptAsOwner(String ticketNo, String caller, boolean accepted, Integer rating, String comment) {
        Task task = acceptTask(ticketNo);
        if (task == null) {
            // completed meanwhile (customer service recording the owner's signed confirmation)
            throw new FeedbackNotExpectedException("Ticket " + ticketNo + " awaits no acceptance any more");
        }
        Map<String, Object> form = new HashMap<>();
        form.put(ProcessVars.ACCEPTED, accepted);
        form.put(ProcessVars.RATING, rating);
        form.put(ProcessVars.VERIFY_NOTE, comment);
        // the integrator may not work staff tasks in the engine: the application completes it on the owner's
        // behalf, naming the caller in task-local variables that end with the task
        taskService.setVariablesLocal(task.getId(), Map.of(ProcessVars.ACCEPTANCE_CHANNEL, ProcessVars.SELF_SERVICE,
                ProcessVars.COMPLETED_FOR, caller));
        taskService.complete(task.getId(), form);
    }

    private Task acceptTask(String ticketNo) {
        return taskService.createTaskQuery().processInstanceBusinessKey(ticketNo)
                .taskDefinitionKey(WorkStep.ACCEPT.taskKey()).singleResult();
    }

    /** Every variable a gateway or decision reads exists from the start, null where nothing is known yet. */
    static Map<String, Object> startVariables(Ticket ticket) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVars.TICKET_NO, ticket.getTicketNo());
        variables.put(ProcessVars.TYPE, ticket.getType().name());
        variables.put(ProcessVars.CHANNEL, ticket.getChannel().name());
        variables.put(ProcessVars.CATEGORY, name(ticket.getCategory()));
        variables.put(ProcessVars.IMPACT_SCOPE, name(ticket.getImpactScope()));
        variables.put(ProcessVars.PUBLIC_AREA, ticket.getPublicArea());
        variables.put(ProcessVars.DESCRIPTION, ticket.getDescription());
        variables.put(ProcessVars.ROOM, ticket.getReporterRoom());
        variables.put(ProcessVars.REPEAT_COUNT, ticket.getRepeatCount());
        variables.put(ProcessVars.NEEDS_SURVEY, Boolean.TRUE.equals(ticket.getNeedsSurvey()));
        variables.put(ProcessVars.RECEIVED_BY, ticket.getReceivedBy());
        variables.put(ProcessVars.URGENCY, null);
        variables.put(ProcessVars.MAJOR, false);
        variables.put(ProcessVars.DEPARTMENT, null);
        variables.put(ProcessVars.HANDLER, null);
        variables.put(ProcessVars.REOPEN_COUNT, 0);
        variables.put(ProcessVars.REWORK_COUNT, 0);
        return variables;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
