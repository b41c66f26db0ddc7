package com.propertydesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.ticket.Caller;
import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.Channel;
import com.propertydesk.ticket.NewTicket;
import com.propertydesk.ticket.TicketService;
import com.propertydesk.ticket.TicketType;
import com.propertydesk.ticket.api.TicketResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;

/**
 * Files tickets through the real intake service and works their tasks as staff would: authenticated as the
 * user, claiming, completing with form values. Jobs (the asynchronous start, timers) run when a test says so.
 */
@TestComponent
public class TicketDriver {

    private final ProcessEngine engine;
    private final TicketService tickets;

    public TicketDriver(ProcessEngine engine, TicketService tickets) {
        this.engine = engine;
        this.tickets = tickets;
    }

    private static final java.util.concurrent.atomic.AtomicInteger ROOMS = new java.util.concurrent.atomic.AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    /**
     * A room no other test uses: tests share one database, and an earlier ticket from the same room makes a new
     * one a repeat (more urgent, major).
     */
    public static String uniqueRoom() {
        return "T" + RUN + "-" + ROOMS.incrementAndGet();
    }

    /** A complaint as the front desk would take it on the phone. */
    public static NewTicket complaint(String room, String description, Category category) {
        return new NewTicket(TicketType.COMPLAINT, Channel.PHONE, "测试业主", "13800138000", room, null, null,
                description, "请尽快处理", category, null, null, null);
    }

    /** A repair request as the owner app would send it. */
    public static NewTicket repair(String room, String description, Category category, Boolean publicArea,
            Boolean needsSurvey) {
        return new NewTicket(TicketType.REPAIR, Channel.APP, "测试业主", "13900139000", room, null, null,
                description, "请尽快上门", category, null, publicArea, needsSurvey);
    }

    /**
     * Files the ticket as the front desk would (the owner's app, {@code integrator}, for a ticket from the app) and
     * runs its asynchronous start: it is then triaged.
     */
    public String file(NewTicket ticket) {
        String receivedBy = ticket.channel() == Channel.APP ? "integrator" : "frontdesk";
        String ticketNo = tickets.receive(ticket, caller(receivedBy), null).ticketNo();
        runDueJobs(ticketNo);
        return ticketNo;
    }

    /** A user as the ticket services see them: id and groups. */
    public Caller caller(String userId) {
        return new Caller(userId, engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    public ProcessInstance process(String ticketNo) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticketNo)
                .processDefinitionKeyIn("complaint", "repair").singleResult();
    }

    /** The department work process the ticket is in (complaint-work-engineering, …), where dispatch and handle live. */
    public ProcessInstance work(String ticketNo) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticketNo)
                .processDefinitionKeyIn(com.propertydesk.workflow.ProcessKeys.departmentWorkKeys(
                        com.propertydesk.identity.Groups.DEPARTMENTS).toArray(String[]::new)).singleResult();
    }

    /** The ticket with everything the application knows, phone included (as customer service sees it). */
    public TicketResponse ticket(String ticketNo) {
        return tickets.find(ticketNo, caller("cs"));
    }

    /** The open task of a step (task definition key), in whichever called process it lives. */
    public Task task(String ticketNo, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticketNo)
                .taskDefinitionKey(taskKey).singleResult();
    }

    public List<Task> openTasks(String ticketNo) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticketNo).list();
    }

    /** Claims (unless assigned already) and completes a step's task as the user, with the form's values. */
    public void complete(String ticketNo, String taskKey, String user, Object... formValues) {
        Task task = task(ticketNo, taskKey);
        assertThat(task).as("open %s task of %s", taskKey, ticketNo).isNotNull();
        asUser(user, () -> {
            if (task.getAssignee() == null) {
                engine.getTaskService().claim(task.getId(), user);
            }
            engine.getTaskService().complete(task.getId(), values(formValues));
        });
        runDueJobs(ticketNo);
    }

    public void asUser(String user, Runnable action) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            action.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Runs every job of the ticket's process instances that is due now (asynchronous continuations). */
    public void runDueJobs(String ticketNo) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = jobs(ticketNo).stream().filter(job -> job.getDuedate() == null
                    || !job.getDuedate().after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("jobs of " + ticketNo + " keep coming");
    }

    /** Fires the ticket's timers now, whatever their due date. */
    public void fireTimers(String ticketNo) {
        List<Job> timers = engine.getManagementService().createJobQuery().timers()
                .processInstanceIds(new java.util.HashSet<>(processInstanceIds(ticketNo))).list();
        assertThat(timers).as("timers of %s", ticketNo).isNotEmpty();
        timers.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        runDueJobs(ticketNo);
    }

    public List<Job> jobs(String ticketNo) {
        List<String> ids = processInstanceIds(ticketNo);
        return ids.isEmpty() ? List.of() : engine.getManagementService().createJobQuery()
                .processInstanceIds(new java.util.HashSet<>(ids)).list();
    }

    private List<String> processInstanceIds(String ticketNo) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ticketNo).list()
                .stream().map(ProcessInstance::getId).toList();
    }

    /** Every process instance of the ticket (main and called) has ended. */
    public boolean ended(String ticketNo) {
        return processInstanceIds(ticketNo).isEmpty();
    }

    public static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
