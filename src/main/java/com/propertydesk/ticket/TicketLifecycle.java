package com.propertydesk.ticket;

import com.propertydesk.identity.StaffDirectory;
import com.propertydesk.sla.ServiceLevelPolicy;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change the workflow makes to a ticket, with its timeline entry. Called by the workflow adapters only,
 * inside the engine's transaction (hence {@link Propagation#MANDATORY}): the ticket and the process commit or
 * roll back together.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class TicketLifecycle {

    /** The actor recorded for steps the engine takes by itself. */
    public static final String SYSTEM = "system";

    private final TicketRepository tickets;
    private final ServiceLevelPolicy serviceLevels;
    private final StaffDirectory staff;
    private final Clock clock;

    public TicketLifecycle(TicketRepository tickets, ServiceLevelPolicy serviceLevels, StaffDirectory staff,
            Clock clock) {
        this.tickets = tickets;
        this.serviceLevels = serviceLevels;
        this.staff = staff;
        this.clock = clock;
    }

    public Ticket get(String ticketNo) {
        return tickets.findByTicketNo(ticketNo).orElseThrow(() -> new TicketNotFoundException(ticketNo));
    }

    /** Classification, urgency, service terms and department as the triage decisions gave them. */
    public void recordTriage(String ticketNo, Triage triage) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        if (ticket.getCategory() == null) {
            ticket.record(now, TimelineStage.CLASSIFIED, SYSTEM,
                    "按描述关键词识别为" + triage.category().label(), null);
        }
        ticket.classify(triage.category(), triage.impactScope(), triage.publicArea());
        ServiceTerms terms = serviceLevels.terms(ticket.getCreatedAt(), triage.urgency(), triage.responseWithin(),
                triage.resolveWithin(), triage.callbackWithin());
        ticket.assess(triage.urgency(), triage.major(), triage.department(), terms);
        ticket.record(now, TimelineStage.ASSESSED, SYSTEM,
                "紧急程度：" + triage.urgency().label() + (triage.major() ? "（重大投诉，上报经理）" : ""),
                "响应时限 " + ServiceLevelPolicy.describe(terms.responseWithin())
                        + "，处理时限 " + ServiceLevelPolicy.describe(terms.resolveWithin())
                        + "，回访时限 " + ServiceLevelPolicy.describe(terms.callbackWithin()));
        ticket.record(now, TimelineStage.ROUTED, SYSTEM, "分派至" + staff.departmentName(triage.department()), null);
    }

    /** A user task was created: the ticket moves to the task's status; the task gets its due date. */
    public TaskTerms taskCreated(String ticketNo, WorkStep step) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        step.status().ifPresent(ticket::moveTo);
        Instant due = switch (step.clock()) {
            case RESPONSE -> ticket.getResponseDueAt();
            case RESOLVE -> ticket.getResolveDueAt();
            case CALLBACK -> {
                if (ticket.getCallbackDueAt() == null && ticket.getCallbackWithin() != null) {
                    ticket.callbackDueBy(serviceLevels.dueAfter(now, ticket.getCallbackWithin(),
                            ticket.getUrgency(), "callbackWithin"));
                }
                yield ticket.getCallbackDueAt();
            }
            case REVIEW -> ticket.getResponseWithin() == null ? null
                    : serviceLevels.dueAfter(now, ticket.getResponseWithin(), ticket.getUrgency(), "responseWithin");
        };
        return new TaskTerms(due, serviceLevels.taskPriority(ticket.getUrgency()), ticket.getTicketNo(),
                ticket.getReporterRoom());
    }

    public void classifiedManually(String ticketNo, String actor, Category category, ImpactScope impactScope,
            Boolean publicArea) {
        Ticket ticket = get(ticketNo);
        ticket.classify(category, impactScope, publicArea);
        ticket.record(clock.instant(), TimelineStage.CLASSIFIED, actor, "人工分类为" + category.label(), null);
    }

    public void dispatched(String ticketNo, String actor, String handler, String note) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        ticket.dispatchTo(handler, now);
        ticket.record(now, TimelineStage.DISPATCHED, actor, "派单给" + staff.userLabel(handler), note);
    }

    public void handled(String ticketNo, String actor, String actionTaken, Responsibility responsibility,
            String note) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        ticket.handled(actionTaken, responsibility, now);
        ticket.record(now, TimelineStage.HANDLED, actor,
                "处理完成" + (responsibility == null ? "" : "，责任归属：" + responsibility.label()),
                join(actionTaken, note));
    }

    /** The result of the four-eyes check; a failed check is a rework. Returns the rework count. */
    public int verified(String ticketNo, String actor, boolean passed, String note) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        if (passed) {
            ticket.record(now, TimelineStage.VERIFIED, actor, "核查通过", note);
            return ticket.getReworkCount();
        }
        int reworks = ticket.rework();
        ticket.record(now, TimelineStage.REWORK, actor, "核查未通过，退回处理（第" + reworks + "次返工）", note);
        return reworks;
    }

    public void calledBack(String ticketNo, String actor, boolean ownerReached, Satisfaction satisfaction,
            int missedAttempts, String note) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        if (ownerReached) {
            ticket.ownerSaid(satisfaction);
            ticket.record(now, TimelineStage.CALLBACK, actor, "回访：" + satisfaction.label(), note);
        } else {
            ticket.record(now, TimelineStage.CALLBACK, actor, "回访未联系上业主（第" + missedAttempts + "次）", note);
        }
    }

    public void managerReviewed(String ticketNo, String actor, String reasonLabel, String decisionLabel,
            String note) {
        get(ticketNo).record(clock.instant(), TimelineStage.MANAGER_REVIEW, actor,
                reasonLabel + (decisionLabel == null ? "：已审阅" : "：" + decisionLabel), note);
    }

    /** Back to dispatch after dissatisfaction. Returns the reopen count. */
    public int reopen(String ticketNo, String reason) {
        Ticket ticket = get(ticketNo);
        int reopens = ticket.reopen();
        ticket.record(clock.instant(), TimelineStage.REOPENED, SYSTEM, "重新派单（第" + reopens + "次）", reason);
        return reopens;
    }

    public void archive(String ticketNo, Resolution resolution) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        ticket.archive(resolution, now);
        ticket.record(now, TimelineStage.ARCHIVED, SYSTEM, "归档：" + resolution.label(), null);
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return second == null || second.isBlank() ? first : first + "\n" + second;
    }
}
