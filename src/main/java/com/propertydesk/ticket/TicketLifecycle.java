package com.propertydesk.ticket;

import com.propertydesk.identity.StaffDirectory;
import com.propertydesk.sla.ServiceLevelPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
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
    public ServiceTerms recordTriage(String ticketNo, Triage triage) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        if (ticket.getCategory() == null) {
            ticket.record(now, TimelineStage.CLASSIFIED, SYSTEM, triage.category() == null
                    ? "未能从描述识别分类，待现场勘查时确定"
                    : "按描述关键词识别为" + triage.category().label(), null);
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
        return terms;
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

    /**
     * The site survey's findings (现场勘查). Returns whether the surveyor changed the classification, so that
     * urgency, service terms and department are decided again.
     */
    public boolean surveyed(String ticketNo, String actor, String note, Boolean needsParts, Category category,
            ImpactScope impactScope, Boolean publicArea) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        boolean reclassified = category != ticket.getCategory()
                || (impactScope != null && impactScope != ticket.getImpactScope())
                || (publicArea != null && !publicArea.equals(ticket.getPublicArea()));
        ticket.surveyed(note, needsParts);
        ticket.record(now, TimelineStage.SURVEYED, actor, "现场勘查完成" + (Boolean.TRUE.equals(needsParts)
                ? "，需要备料" : "") + (reclassified ? "，重新分类为" + category.label() : ""), note);
        if (reclassified) {
            ticket.classify(category, impactScope != null ? impactScope : ticket.getImpactScope(),
                    publicArea != null ? publicArea : ticket.getPublicArea());
        }
        return reclassified;
    }

    public void dispatched(String ticketNo, String actor, String handler, Instant appointmentAt, String note) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        ticket.dispatchTo(handler, now);
        if (appointmentAt != null) {
            ticket.appointFor(appointmentAt);
        }
        ticket.record(now, TimelineStage.DISPATCHED, actor, "派单给" + staff.userLabel(handler)
                + (appointmentAt == null ? "" : "，约定上门时间 " + serviceLevels.showTime(appointmentAt)), note);
    }

    public void handled(String ticketNo, String actor, String actionTaken, Responsibility responsibility,
            List<PartsList.Line> parts, String note) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        ticket.handled(actionTaken, responsibility, now);
        parts.forEach(part -> ticket.usedPart(part.name(), part.quantity(), now, actor));
        String partsText = parts.stream().map(part -> part.name() + " × " + part.quantity())
                .collect(Collectors.joining("、"));
        ticket.record(now, TimelineStage.HANDLED, actor,
                "处理完成" + (responsibility == null ? "" : "，责任归属：" + responsibility.label())
                        + (parts.isEmpty() ? "" : "，用料：" + partsText),
                join(actionTaken, note));
    }

    /** The charge decision (有偿/无偿) and the amount the handler entered; a free repair charges nothing. */
    public void charged(String ticketNo, boolean chargeable, BigDecimal amount) {
        Ticket ticket = get(ticketNo);
        ticket.charged(chargeable, amount == null ? BigDecimal.ZERO : amount);
        ticket.record(clock.instant(), TimelineStage.CHARGED, SYSTEM, chargeable
                ? "有偿维修，收费 " + ticket.getCharge().setScale(2, RoundingMode.HALF_UP) + " 元"
                : "无偿维修", null);
    }

    /**
     * The acceptance (验收) of a repair: by the owner through a self-service channel, by customer service recording
     * the owner's signed confirmation, or by the manager for a public area. A rejection is a rework; returns the
     * rework count.
     */
    public int acceptance(String ticketNo, String actor, String how, boolean accepted, Integer rating, String note) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        ticket.rated(rating);
        String rated = rating == null ? "" : "，评分 " + rating;
        if (accepted) {
            ticket.record(now, TimelineStage.ACCEPTED, actor, how + "验收通过" + rated, note);
            return ticket.getReworkCount();
        }
        int reworks = ticket.rework();
        ticket.record(now, TimelineStage.REWORK, actor, how + "验收不通过，退回处理（第" + reworks + "次返工）" + rated,
                note);
        return reworks;
    }

    /** The owner's rating after the fact, from a self-service channel. */
    public void ownerRated(String ticketNo, String actor, int rating, String comment) {
        Ticket ticket = get(ticketNo);
        ticket.rated(rating);
        ticket.record(clock.instant(), TimelineStage.FEEDBACK, actor, "业主评分 " + rating, comment);
    }

    /** Somebody was told about the ticket (a notification was recorded). */
    public void notified(String ticketNo, String whom, String what) {
        get(ticketNo).record(clock.instant(), TimelineStage.NOTIFIED, SYSTEM, "已通知" + whom, what);
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

    /** The general manager's instruction on a ticket escalated to level 3 (总经理督办). */
    public void gmReviewed(String ticketNo, String actor, String note) {
        get(ticketNo).record(clock.instant(), TimelineStage.MANAGER_REVIEW, actor, "总经理督办", note);
    }

    /**
     * Back to dispatch after dissatisfaction: the ticket is served again, so its response and resolution clocks
     * start again from now. Returns the reopen count.
     */
    public int reopen(String ticketNo, String reason) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        int reopens = ticket.reopen();
        ServiceTerms terms = serviceLevels.terms(now, ticket.getUrgency(), ticket.getResponseWithin(),
                ticket.getResolveWithin(), ticket.getCallbackWithin());
        ticket.replan(terms.responseDueAt(), terms.resolveDueAt(), terms.gmDueAt());
        ticket.record(now, TimelineStage.REOPENED, SYSTEM, "重新派单（第" + reopens + "次），响应时限至 "
                + serviceLevels.showTime(terms.responseDueAt()) + "，处理时限至 "
                + serviceLevels.showTime(terms.resolveDueAt()), reason);
        return reopens;
    }

    /** The owner is away (appointment moved, nobody home): the resolution clock stops until resumed. */
    public void clockPaused(String ticketNo, String actor, String reason) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        ticket.pauseClock(now);
        ticket.record(now, TimelineStage.PAUSED, actor, "暂停处理计时", reason);
    }

    /** The resolution clock runs again with the service time that was left when it was paused. */
    public void clockResumed(String ticketNo, String actor) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        Instant pausedAt = ticket.getPausedAt() == null ? now : ticket.getPausedAt();
        Urgency urgency = ticket.getUrgency();
        Instant resolveDue = serviceLevels.dueAfter(now,
                serviceLevels.remaining(pausedAt, ticket.getResolveDueAt(), urgency), urgency);
        Instant gmDue = serviceLevels.dueAfter(now,
                serviceLevels.remaining(pausedAt, ticket.getGmDueAt(), urgency), urgency);
        ticket.resolveBy(resolveDue, gmDue);
        ticket.resumeClock();
        ticket.record(now, TimelineStage.RESUMED, actor, "恢复处理计时，处理时限顺延至 "
                + serviceLevels.showTime(resolveDue), null);
    }

    /** The manager gives more time (延长处理时限): both resolution due dates move by the extension. */
    public void extendResolution(String ticketNo, String actor, Duration extension, String reason) {
        Ticket ticket = get(ticketNo);
        Urgency urgency = ticket.getUrgency();
        Instant resolveDue = serviceLevels.dueAfter(ticket.getResolveDueAt(), extension, urgency);
        ticket.resolveBy(resolveDue, serviceLevels.dueAfter(ticket.getGmDueAt(), extension, urgency));
        ticket.record(clock.instant(), TimelineStage.REPLANNED, actor, "处理时限延长"
                + ServiceLevelPolicy.describe(extension.toString()) + "，至 " + serviceLevels.showTime(resolveDue),
                reason);
    }

    /** A new urgency: the service terms the ticket-sla decision gave for it, counted from receipt again. */
    public ServiceTerms changeUrgency(String ticketNo, String actor, Urgency urgency, String responseWithin,
            String resolveWithin, String callbackWithin, String reason) {
        Ticket ticket = get(ticketNo);
        ServiceTerms terms = serviceLevels.terms(ticket.getCreatedAt(), urgency, responseWithin, resolveWithin,
                callbackWithin);
        Urgency before = ticket.getUrgency();
        ticket.assess(urgency, ticket.isMajor(), ticket.getDepartment(), terms);
        ticket.record(clock.instant(), TimelineStage.REPLANNED, actor, "紧急程度由" + before.label() + "调整为"
                + urgency.label() + "，处理时限至 " + serviceLevels.showTime(terms.resolveDueAt()), reason);
        return terms;
    }

    public void changeHandler(String ticketNo, String actor, String handler, String reason) {
        Ticket ticket = get(ticketNo);
        Instant now = clock.instant();
        ticket.dispatchTo(handler, now);
        ticket.record(now, TimelineStage.DISPATCHED, actor, "改派给" + staff.userLabel(handler), reason);
    }

    public void reassign(String ticketNo, String actor, String department, String reason) {
        Ticket ticket = get(ticketNo);
        ticket.reassignTo(department);
        ticket.record(clock.instant(), TimelineStage.ROUTED, actor, "转派至" + staff.departmentName(department),
                reason);
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
