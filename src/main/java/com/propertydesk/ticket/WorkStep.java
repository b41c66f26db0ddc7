package com.propertydesk.ticket;

import java.util.Arrays;
import java.util.Optional;

/**
 * The user tasks of the ticket processes (CONTRACT.md task keys) and what each means for the ticket: the status
 * it is in while the task is open and the service-level clock its due date follows.
 */
public enum WorkStep {
    CLASSIFY("classify", TicketStatus.RECEIVED, Clock.RESPONSE),
    SURVEY("survey", TicketStatus.RECEIVED, Clock.RESPONSE),
    DISPATCH("dispatch", TicketStatus.DISPATCHED, Clock.RESPONSE),
    HANDLE("handle", TicketStatus.IN_PROGRESS, Clock.RESOLVE),
    VERIFY("verify", TicketStatus.VERIFYING, Clock.RESOLVE),
    ACCEPT("accept", TicketStatus.VERIFYING, Clock.RESOLVE),
    CALLBACK("callback", TicketStatus.CALLBACK, Clock.CALLBACK),
    MANAGER_REVIEW("managerReview", null, Clock.REVIEW),
    GM_ESCALATION("gmEscalation", null, Clock.REVIEW);

    /** Which due date a task of this step shows. */
    public enum Clock {
        /** the ticket's response due date (受理/派单时限) */
        RESPONSE,
        /** the ticket's resolution due date (处理时限) */
        RESOLVE,
        /** callback due date, counted from the end of handling (回访时限) */
        CALLBACK,
        /** a manager's review: due within the response time from the moment it is raised */
        REVIEW
    }

    private final String taskKey;
    private final TicketStatus status;
    private final Clock clock;

    WorkStep(String taskKey, TicketStatus status, Clock clock) {
        this.taskKey = taskKey;
        this.status = status;
        this.clock = clock;
    }

    public static Optional<WorkStep> ofTaskKey(String taskKey) {
        return Arrays.stream(values()).filter(step -> step.taskKey.equals(taskKey)).findFirst();
    }

    public String taskKey() {
        return taskKey;
    }

    /** The status while the task is open; empty when the task runs beside the main flow. */
    public Optional<TicketStatus> status() {
        return Optional.ofNullable(status);
    }

    public Clock clock() {
        return clock;
    }
}
