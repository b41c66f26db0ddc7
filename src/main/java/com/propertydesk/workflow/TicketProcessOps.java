package com.propertydesk.workflow;

import com.propertydesk.sla.ServiceLevelPolicy;
import com.propertydesk.ticket.Ticket;
import com.propertydesk.ticket.WorkStep;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the workflow adapters do to a ticket's running processes through the engine's public API: find the
 * ticket's main process, move open tasks' due dates and the response timer after a re-plan, hand work to
 * another person or department, and send messages to the service-level clock.
 */
@Component
public class TicketProcessOps {

    public static final String MESSAGE_RESOLVED = "SlaResolved";
    public static final String MESSAGE_PAUSED = "SlaPaused";
    public static final String MESSAGE_RESUMED = "SlaResumed";
    /** the dispatch task's boundary timer (level 1) in complaint-work.bpmn and repair-work.bpmn */
    static final String RESPONSE_TIMER = "Timer_ResponseDue";
    private static final String[] WORK_PROCESSES = ProcessKeys.departmentWorkKeys(
            com.propertydesk.identity.Groups.DEPARTMENTS).toArray(String[]::new);

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final ServiceLevelPolicy serviceLevels;

    public TicketProcessOps(RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService, ServiceLevelPolicy serviceLevels) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.serviceLevels = serviceLevels;
    }

    /** The complaint or repair process of the ticket (not the processes it calls). */
    public ProcessInstance mainProcess(String ticketNo) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNo)
                .processDefinitionKeyIn(ProcessKeys.COMPLAINT, ProcessKeys.REPAIR).singleResult();
    }

    /** Open tasks show the ticket's current due dates and priority; the response timer fires at the new time. */
    public void realign(Ticket ticket) {
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(ticket.getTicketNo()).list()) {
            WorkStep.ofTaskKey(task.getTaskDefinitionKey()).ifPresent(step -> {
                Instant due = switch (step.clock()) {
                    case RESPONSE -> ticket.getResponseDueAt();
                    case RESOLVE -> ticket.getResolveDueAt();
                    default -> task.getDueDate() == null ? null : task.getDueDate().toInstant();
                };
                task.setDueDate(due == null ? null : Date.from(due));
                task.setPriority(serviceLevels.taskPriority(ticket.getUrgency()));
                taskService.saveTask(task);
            });
        }
        ProcessInstance work = workProcess(ticket.getTicketNo());
        if (work != null && ticket.getResponseDueAt() != null) {
            managementService.createJobQuery().processInstanceId(work.getId()).timers().activityId(RESPONSE_TIMER)
                    .list().forEach(job -> managementService.setJobDuedate(job.getId(),
                            Date.from(ticket.getResponseDueAt())));
        }
    }

    /** The department's work process the ticket is in now ({@code complaint-work-engineering}, …), if any. */
    public ProcessInstance workProcess(String ticketNo) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNo)
                .processDefinitionKeyIn(WORK_PROCESSES).singleResult();
    }

    /** The open handle task and every later one go to the new handler. */
    public void changeHandler(String ticketNo, String handler) {
        setTicketVariable(ticketNo, ProcessVars.HANDLER, handler);
        taskService.createTaskQuery().processInstanceBusinessKey(ticketNo).taskDefinitionKey(
                WorkStep.HANDLE.taskKey()).list().forEach(task -> taskService.setAssignee(task.getId(), handler));
    }

    /**
     * The open work stops and the new department dispatches the ticket again: the main process's message event
     * "经理转派" ({@value ProcessKeys#MESSAGE_REASSIGNED}) ends the department's work process and calls the new
     * department's.
     */
    public void reassign(String ticketNo, String department) {
        runtimeService.createMessageCorrelation(ProcessKeys.MESSAGE_REASSIGNED).processInstanceBusinessKey(ticketNo)
                .setVariable(ProcessVars.DEPARTMENT, department).correlate();
    }

    /** Sets a variable of the ticket's main process and of the department work it is in, so both show it. */
    public void setTicketVariable(String ticketNo, String name, Object value) {
        runtimeService.setVariable(mainProcess(ticketNo).getId(), name, value);
        ProcessInstance work = workProcess(ticketNo);
        if (work != null) {
            runtimeService.setVariable(work.getId(), name, value);
        }
    }

    /** Sends a message to the ticket's service-level clock; false when no clock waits for it. */
    public boolean tellClock(String ticketNo, String message, Map<String, Object> variables) {
        return !runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(ticketNo)
                .setVariables(variables).correlateAllWithResult().isEmpty();
    }

    /** Whether the ticket's clock waits for this message now. */
    public boolean clockAwaits(String ticketNo, String message) {
        return runtimeService.createEventSubscriptionQuery().eventType("message").eventName(message)
                .processInstanceId(clockInstanceId(ticketNo)).count() > 0;
    }

    private String clockInstanceId(String ticketNo) {
        ProcessInstance clock = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNo)
                .processDefinitionKey(ProcessKeys.SLA_WATCH).active().singleResult();
        return clock == null ? "none" : clock.getId();
    }
}
