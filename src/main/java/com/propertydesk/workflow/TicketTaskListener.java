package com.propertydesk.workflow;

import com.propertydesk.attachment.AttachmentLinks;
import com.propertydesk.identity.AuthorizationSetup;
import com.propertydesk.identity.Groups;
import com.propertydesk.identity.StaffDirectory;
import com.propertydesk.identity.TasklistFilters;
import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.EscalationAction;
import com.propertydesk.ticket.ImpactScope;
import com.propertydesk.ticket.ManagerDecision;
import com.propertydesk.ticket.Responsibility;
import com.propertydesk.ticket.ReviewReason;
import com.propertydesk.ticket.Satisfaction;
import com.propertydesk.ticket.TaskTerms;
import com.propertydesk.ticket.TicketLifecycle;
import com.propertydesk.ticket.Urgency;
import com.propertydesk.ticket.WorkStep;
import com.propertydesk.ticket.PartsList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one task listener of every ticket user task ({@code ${ticketTaskListener}} on create, assignment and
 * complete). On create the ticket moves to the task's status and the task gets the SLA due date, the urgency's
 * priority and a name staff can read in the list; on complete the form's values are checked and written to the
 * ticket with a timeline entry.
 */
@Component("ticketTaskListener")
public class TicketTaskListener implements TaskListener {

    /** How far ahead an appointment may be agreed, and how late it may be entered. */
    private static final Duration LATEST_APPOINTMENT = Duration.ofDays(90);
    private static final Duration APPOINTMENT_GRACE = Duration.ofHours(1);

    private final TicketLifecycle lifecycle;
    private final StaffDirectory staff;
    private final TasklistFilters filters;
    private final AuthorizationSetup authorizations;
    private final Clock clock;

    public TicketTaskListener(TicketLifecycle lifecycle, StaffDirectory staff, TasklistFilters filters,
            AuthorizationSetup authorizations, Clock clock) {
        this.lifecycle = lifecycle;
        this.staff = staff;
        this.filters = filters;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        WorkStep step = WorkStep.ofTaskKey(task.getTaskDefinitionKey()).orElseThrow(() ->
                new IllegalStateException("ticketTaskListener is attached to unknown task "
                        + task.getTaskDefinitionKey()));
        if (!EVENTNAME_CREATE.equals(task.getEventName()) && Vars.text(task, ProcessVars.TICKET_NO) == null) {
            // every ticket process has its number from the start: a task that cannot see it any more is being
            // completed or claimed by two people at once, and the other one's commit removed its execution
            throw new OptimisticLockingException("Task " + task.getId() + " was completed by another transaction "
                    + "concurrently");
        }
        String ticketNo = Vars.requiredText(task, ProcessVars.TICKET_NO, "工单号");
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task, ticketNo, step);
            case EVENTNAME_ASSIGNMENT -> assigned(task, step);
            case EVENTNAME_COMPLETE -> completed(task, ticketNo, step, actor(task));
            default -> {
                // other events are not subscribed in the models
            }
        }
    }

    private void created(DelegateTask task, String ticketNo, WorkStep step) {
        TaskTerms terms = lifecycle.taskCreated(ticketNo, step);
        if (terms.dueAt() != null) {
            task.setDueDate(Date.from(terms.dueAt()));
        }
        task.setPriority(terms.priority());
        task.setName(task.getName() + " · " + terms.ticketNo() + " · " + terms.room());
        if (step == WorkStep.HANDLE || step == WorkStep.CALLBACK) {
            task.setVariableLocal(ProcessVars.OWNER_PHONE, lifecycle.get(ticketNo).getReporterPhone());
        }
        Instant appointment = lifecycle.get(ticketNo).getAppointmentAt();
        if (step == WorkStep.HANDLE && appointment != null) {
            task.setFollowUpDate(Date.from(appointment));
        }
        if (step == WorkStep.VERIFY) {
            offerVerificationToManagerIfNoColleague(task);
        }
        followedByWhoTookItIn(task);
        task.setVariableLocal(ProcessVars.ATTACHMENT_LINKS,
                AttachmentLinks.markdown(lifecycle.get(ticketNo).getAttachments()));
        if (step == WorkStep.DISPATCH) {
            task.setVariableLocal(ProcessVars.DEPARTMENT_STAFF,
                    staff.memberList(Vars.text(task, ProcessVars.DEPARTMENT)));
        }
    }

    /**
     * 首问负责制: the staff member who took the ticket in may read (not work) each of its tasks and finds them
     * under "我受理的" in Tasklist.
     */
    private void followedByWhoTookItIn(DelegateTask task) {
        String receivedBy = Vars.text(task, ProcessVars.RECEIVED_BY);
        if (staff.isStaff(receivedBy)) {
            authorizations.grantUser(receivedBy, Resources.TASK, task.getId(), Permissions.READ);
            filters.ensureReceivedByMe(receivedBy);
        }
    }

    /**
     * Four eyes need a second person: when nobody in the department but the handler could verify, the manager
     * (物业中心经理) is offered the task as well.
     */
    private void offerVerificationToManagerIfNoColleague(DelegateTask task) {
        String department = Vars.text(task, ProcessVars.DEPARTMENT);
        String handler = Vars.text(task, ProcessVars.HANDLER);
        if (!staff.hasMemberOtherThan(department, handler)) {
            task.addCandidateGroup(Groups.MANAGER);
        }
    }

    private void assigned(DelegateTask task, WorkStep step) {
        if (step == WorkStep.VERIFY && task.getAssignee() != null
                && task.getAssignee().equals(Vars.text(task, ProcessVars.HANDLER))) {
            throw new BadUserRequestException("核查须由处理人以外的同事完成（四眼原则），不能分配给处理人 "
                    + task.getAssignee());
        }
    }

    private void completed(DelegateTask task, String ticketNo, WorkStep step, String actor) {
        refuseSomeoneElsesTask(task, actor);
        switch (step) {
            case CLASSIFY -> lifecycle.classifiedManually(ticketNo, actor,
                    Vars.requiredEnum(task, ProcessVars.CATEGORY, Category.class, "分类"),
                    Vars.enumValue(task, ProcessVars.IMPACT_SCOPE, ImpactScope.class),
                    Vars.bool(task, ProcessVars.PUBLIC_AREA));
            case SURVEY -> surveyed(task, ticketNo, actor);
            case DISPATCH -> dispatched(task, ticketNo, actor);
            case HANDLE -> handled(task, ticketNo, actor);
            case VERIFY -> verified(task, ticketNo, actor);
            case ACCEPT -> accepted(task, ticketNo, actor);
            case CALLBACK -> calledBack(task, ticketNo, actor);
            case MANAGER_REVIEW -> reviewed(task, ticketNo, actor);
            case GM_ESCALATION -> lifecycle.gmReviewed(ticketNo, actor,
                    Vars.requiredText(task, ProcessVars.GM_NOTE, "总经理意见"));
        }
    }

    private void dispatched(DelegateTask task, String ticketNo, String actor) {
        String handler = Vars.text(task, ProcessVars.HANDLER);
        if (handler == null) {
            if (TicketLifecycle.SYSTEM.equals(actor)) {
                throw new BadUserRequestException("请指定处理人（handler）");
            }
            handler = actor;
        }
        if (!staff.userExists(handler)) {
            throw new BadUserRequestException("处理人 " + handler + " 不存在，请填写员工的用户名");
        }
        task.setVariable(ProcessVars.HANDLER, handler);
        Instant appointment = Vars.instant(task, ProcessVars.APPOINTMENT_AT, "约定上门时间", clock.getZone());
        if (appointment != null) {
            Instant now = clock.instant();
            if (appointment.isBefore(now.minus(APPOINTMENT_GRACE)) || appointment.isAfter(now.plus(LATEST_APPOINTMENT))) {
                throw new BadUserRequestException("约定上门时间应在现在到90天以内");
            }
        }
        lifecycle.dispatched(ticketNo, actor, handler, appointment, Vars.text(task, ProcessVars.DISPATCH_NOTE));
    }

    private void surveyed(DelegateTask task, String ticketNo, String actor) {
        boolean reclassified = lifecycle.surveyed(ticketNo, actor,
                Vars.requiredText(task, ProcessVars.SURVEY_NOTE, "勘查情况"),
                Vars.bool(task, ProcessVars.NEEDS_PARTS),
                Vars.requiredEnum(task, ProcessVars.CATEGORY, Category.class, "分类"),
                Vars.enumValue(task, ProcessVars.IMPACT_SCOPE, ImpactScope.class),
                Vars.bool(task, ProcessVars.PUBLIC_AREA));
        task.setVariable(ProcessVars.RECLASSIFIED, reclassified);
    }

    private void handled(DelegateTask task, String ticketNo, String actor) {
        List<PartsList.Line> parts;
        try {
            parts = PartsList.parse(Vars.text(task, ProcessVars.PARTS_USED));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        Vars.amount(task, ProcessVars.CHARGE, "收费金额");
        lifecycle.handled(ticketNo, actor, Vars.requiredText(task, ProcessVars.ACTION_TAKEN, "处理措施"),
                Vars.requiredEnum(task, ProcessVars.RESPONSIBILITY, Responsibility.class, "责任归属"), parts,
                Vars.text(task, ProcessVars.HANDLE_NOTE));
    }

    /**
     * A task someone has claimed or been given is theirs to complete: their colleagues may see it (the department's
     * rights are on its work process), not finish it for them. Administrators may. Answered like a lost claim (409,
     * "该任务已被 … 认领"): in Tasklist it is one, a colleague who was a moment faster.
     */
    private static void refuseSomeoneElsesTask(DelegateTask task, String actor) {
        Authentication authentication = currentAuthentication(task);
        String assignee = task.getAssignee();
        if (authentication == null || assignee == null || assignee.equals(actor) || isAdmin(authentication)) {
            return;
        }
        throw new TaskAlreadyClaimedException(task.getId(), assignee);
    }

    /**
     * 验收: a public-area repair is accepted by the manager, a private one by customer service on the owner's
     * signed confirmation or by the owner through a self-service channel (customer service and the manager both see
     * the acceptance tasks; each works its own).
     */
    private static void refuseAcceptanceByOthers(DelegateTask task) {
        Authentication authentication = currentAuthentication(task);
        if (authentication == null || isAdmin(authentication)) {
            return;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        if (Boolean.TRUE.equals(Vars.bool(task, ProcessVars.PUBLIC_AREA))) {
            if (!groups.contains(Groups.MANAGER)) {
                throw new BadUserRequestException("公共区域的维修由物业中心经理验收");
            }
        } else if (!groups.contains(Groups.CUSTOMER_SERVICE)) {
            throw new BadUserRequestException("户内维修由业主自助验收，或由客服凭业主签字确认验收");
        }
    }

    private static Authentication currentAuthentication(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? null : authentication;
    }

    private static boolean isAdmin(Authentication authentication) {
        return authentication.getGroupIds() != null && authentication.getGroupIds().contains(Groups.ADMIN);
    }

    private void accepted(DelegateTask task, String ticketNo, String actor) {
        refuseAcceptanceByOthers(task);
        boolean accepted = Vars.requiredBool(task, ProcessVars.ACCEPTED, "验收结果");
        task.setVariable(ProcessVars.ACCEPTED, accepted);
        String how;
        if (ProcessVars.SELF_SERVICE.equals(Vars.text(task, ProcessVars.ACCEPTANCE_CHANNEL))) {
            how = "业主通过自助渠道";
        } else if (Boolean.TRUE.equals(Vars.bool(task, ProcessVars.PUBLIC_AREA))) {
            how = "经理";
        } else {
            how = "客服凭业主签字确认";
        }
        int reworks = lifecycle.acceptance(ticketNo, actor, how, accepted, Vars.rating(task, ProcessVars.RATING),
                Vars.text(task, ProcessVars.VERIFY_NOTE));
        task.setVariable(ProcessVars.REWORK_COUNT, reworks);
    }

    private void verified(DelegateTask task, String ticketNo, String actor) {
        if (actor.equals(Vars.text(task, ProcessVars.HANDLER))) {
            throw new BadUserRequestException("核查须由处理人以外的同事完成（四眼原则）");
        }
        boolean passed = Vars.requiredBool(task, ProcessVars.VERIFIED, "核查结果");
        task.setVariable(ProcessVars.VERIFIED, passed);
        int reworks = lifecycle.verified(ticketNo, actor, passed, Vars.text(task, ProcessVars.VERIFY_NOTE));
        task.setVariable(ProcessVars.REWORK_COUNT, reworks);
    }

    private void calledBack(DelegateTask task, String ticketNo, String actor) {
        boolean reached = Vars.requiredBool(task, ProcessVars.OWNER_REACHED, "是否联系上业主");
        task.setVariable(ProcessVars.OWNER_REACHED, reached);
        Satisfaction satisfaction = reached
                ? Vars.requiredEnum(task, ProcessVars.SATISFACTION, Satisfaction.class, "满意度")
                : null;
        int misses = reached ? 0 : Vars.integer(task, ProcessVars.CALLBACK_MISSES) + 1;
        task.setVariable(ProcessVars.CALLBACK_MISSES, misses);
        if (!reached) {
            task.setVariable(ProcessVars.SATISFACTION, null);
        }
        lifecycle.calledBack(ticketNo, actor, reached, satisfaction, misses,
                Vars.text(task, ProcessVars.CALLBACK_NOTE));
    }

    private void reviewed(DelegateTask task, String ticketNo, String actor) {
        ReviewReason reason = Vars.requiredEnum(task, ProcessVars.REVIEW_REASON, ReviewReason.class, "上报原因");
        String note = Vars.requiredText(task, ProcessVars.MANAGER_NOTE, "经理意见");
        String decisionLabel;
        if (reason == ReviewReason.SLA_OVERDUE) {
            decisionLabel = overdueDecision(task, ticketNo);
        } else {
            ManagerDecision decision = Vars.enumValue(task, ProcessVars.DECISION, ManagerDecision.class);
            if (decision == null && reason.decisionRequired()) {
                throw new BadUserRequestException("请选择处理决定（decision）");
            }
            decisionLabel = decision == null ? null : decision.label();
        }
        task.setVariable(ProcessVars.REVIEWER, actor);
        lifecycle.managerReviewed(ticketNo, actor, reason.label(), decisionLabel, note);
    }

    /** Checks what the manager decided about an overdue ticket; the sla-watch carries it out next. */
    private String overdueDecision(DelegateTask task, String ticketNo) {
        EscalationAction action = Vars.requiredEnum(task, ProcessVars.ESCALATION_ACTION, EscalationAction.class,
                "处理决定");
        switch (action) {
            case CHANGE_HANDLER -> {
                String handler = Vars.requiredText(task, ProcessVars.NEW_HANDLER, "新处理人");
                if (!staff.userExists(handler)) {
                    throw new BadUserRequestException("处理人 " + handler + " 不存在，请填写员工的用户名");
                }
                return action.label() + "为" + staff.userLabel(handler);
            }
            case REASSIGN -> {
                String department = Vars.requiredText(task, ProcessVars.NEW_DEPARTMENT, "转派部门");
                if (!Groups.DEPARTMENTS.contains(department)) {
                    throw new BadUserRequestException("转派部门应为 " + String.join("、", Groups.DEPARTMENTS)
                            + " 之一，收到：" + department);
                }
                return action.label() + "：" + staff.departmentName(department);
            }
            case EXTEND -> {
                int hours = Vars.integer(task, ProcessVars.EXTEND_HOURS);
                if (hours < 1 || hours > 720) {
                    throw new BadUserRequestException("延长时限（extendHours）应为1到720小时");
                }
                return action.label() + hours + "小时";
            }
            case CHANGE_URGENCY -> {
                Urgency urgency = Vars.requiredEnum(task, ProcessVars.NEW_URGENCY, Urgency.class, "新紧急程度");
                if (urgency == lifecycle.get(ticketNo).getUrgency()) {
                    throw new BadUserRequestException("新紧急程度与现在相同：" + urgency.label());
                }
                return action.label() + "为" + urgency.label();
            }
            default -> {
                return action.label();
            }
        }
    }

    /**
     * The person completing the task: the authenticated user (Tasklist, engine REST); for a completion the
     * application makes on someone's behalf (the owner's feedback), the caller it names; else the assignee.
     */
    static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        String onBehalf = Vars.text(task, ProcessVars.COMPLETED_FOR);
        if (onBehalf != null) {
            return onBehalf;
        }
        return task.getAssignee() != null ? task.getAssignee() : TicketLifecycle.SYSTEM;
    }
}
