package com.propertydesk.workflow;

import com.propertydesk.ticket.Ticket;
import com.propertydesk.ticket.TicketWorkflow;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts a ticket's process in the caller's transaction, with the ticket number as business key. */
@Component
public class CamundaTicketWorkflow implements TicketWorkflow {

    private final RuntimeService runtimeService;

    public CamundaTicketWorkflow(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public String start(Ticket ticket) {
        return runtimeService.startProcessInstanceByKey(ProcessKeys.forType(ticket.getType()), ticket.getTicketNo(),
                startVariables(ticket)).getId();
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
