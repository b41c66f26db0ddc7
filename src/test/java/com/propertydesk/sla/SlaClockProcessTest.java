package com.propertydesk.sla;

import static com.propertydesk.support.TicketDriver.complaint;
import static com.propertydesk.support.TicketDriver.uniqueRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertydesk.notification.NoticeKind;
import com.propertydesk.notification.Notification;
import com.propertydesk.notification.NotificationRepository;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.ClockStateException;
import com.propertydesk.ticket.TicketService;
import com.propertydesk.ticket.TimelineStage;
import com.propertydesk.ticket.api.EscalationView;
import com.propertydesk.ticket.api.TicketResponse;
import com.propertydesk.ticket.api.TimelineEntryView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The service-level clocks through the engine, moving the engine's clock (time travel): the escalation ladder,
 * the manager's decisions, pause and resume, re-planning, the business calendar.
 */
class SlaClockProcessTest extends SpringTestBase {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TicketService tickets;

    @Autowired
    NotificationRepository notifications;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static void now(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(at(localDateTime)));
    }

    /** A NORMAL engineering complaint filed on Monday 23 November 2026 at 09:00. */
    private String mondayComplaint() {
        now("2026-11-23T09:00");
        return desk.file(complaint(uniqueRoom(), "楼道灯坏了", Category.ENGINEERING));
    }

    @Test
    void dispatchNotAcceptedInTimeEscalatesToTheDepartmentAndTheManager() {
        String no = mondayComplaint();
        assertThat(timer(no, "Timer_ResponseDue").getDuedate().toInstant()).isEqualTo(at("2026-11-23T11:00"));

        now("2026-11-23T11:01");
        desk.runDueJobs(no);

        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.escalations()).singleElement().satisfies(escalation -> {
            assertThat(escalation.level()).isEqualTo(1);
            assertThat(escalation.dueAt().toInstant()).isEqualTo(at("2026-11-23T11:00"));
            assertThat(escalation.notified()).isEqualTo("工程部、物业中心经理");
        });
        assertThat(entry(ticket, TimelineStage.ESCALATED).action()).isEqualTo("一级升级：超过响应时限仍未派单");
        assertThat(desk.task(no, "dispatch")).as("the timer does not interrupt the dispatch").isNotNull();
        List<Notification> notices = escalationNotices(no);
        assertThat(notices).extracting(Notification::getChannel).containsExactlyInAnyOrder(
                Notification.Channel.LOG, Notification.Channel.EMAIL, Notification.Channel.WEBHOOK);
        assertThat(notices).allSatisfy(notice -> {
            assertThat(notice.getRecipients()).isEqualTo("engineering,manager");
            assertThat(notice.getStatus()).isEqualTo(Notification.Status.SENT);
        });

        desk.runDueJobs(no);
        assertThat(desk.ticket(no).escalations()).as("escalated once").hasSize(1);
    }

    @Test
    void aDispatchInTimeEscalatesNothing() {
        String no = mondayComplaint();
        now("2026-11-23T10:00");
        desk.complete(no, "dispatch", "engineer", "handler", "engineer2");

        now("2026-11-23T11:01");
        desk.runDueJobs(no);

        assertThat(desk.ticket(no).escalations()).isEmpty();
        assertThat(timer(no, "Timer_ResponseDue")).isNull();
    }

    @Test
    void notResolvedInTimeEscalatesToTheManagerWhoMayExtendWithAReason() {
        String no = dispatchedMondayComplaint();
        // 24 service hours from Monday 09:00: Monday 9h, Tuesday 9.5h, Wednesday 5.5h
        assertThat(timer(no, "Timer_ResolveDue").getDuedate().toInstant()).isEqualTo(at("2026-11-25T14:00"));
        assertThat(desk.task(no, "handle").getDueDate().toInstant()).isEqualTo(at("2026-11-25T14:00"));

        now("2026-11-25T14:01");
        desk.runDueJobs(no);

        Task review = desk.task(no, "managerReview");
        assertThat(candidateGroups(review)).containsExactly("manager");
        assertThat(engine.getTaskService().getVariable(review.getId(), "reviewReason")).isEqualTo("SLA_OVERDUE");
        assertThat(desk.ticket(no).escalations()).extracting(EscalationView::level).containsExactly(2);
        assertThat(escalationNotices(no)).allSatisfy(n -> assertThat(n.getRecipients()).isEqualTo("manager"));

        desk.complete(no, "managerReview", "manager", "escalationAction", "EXTEND", "extendHours", 8L,
                "managerNote", "等待配件到货");

        // 8 service hours after Wednesday 14:00: 4h on Wednesday, 4h on Thursday
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.resolveDueAt().toInstant()).isEqualTo(at("2026-11-26T12:30"));
        assertThat(timer(no, "Timer_ResolveDue").getDuedate().toInstant()).as("the timer is re-armed")
                .isEqualTo(at("2026-11-26T12:30"));
        assertThat(desk.task(no, "handle").getDueDate().toInstant()).isEqualTo(at("2026-11-26T12:30"));
        assertThat(entry(ticket, TimelineStage.REPLANNED).action()).isEqualTo("处理时限延长8小时，至 11月26日 12:30");
        assertThat(entry(ticket, TimelineStage.REPLANNED).note()).isEqualTo("等待配件到货");
        assertThat(entry(ticket, TimelineStage.MANAGER_REVIEW).action()).isEqualTo("超过处理时限：延长处理时限8小时");

        now("2026-11-26T12:31");
        desk.runDueJobs(no);
        assertThat(desk.ticket(no).escalations()).as("the extended due date passes too")
                .extracting(EscalationView::level).containsExactly(2, 2);
    }

    @Test
    void theManagerMayHandTheWorkToAnotherHandler() {
        String no = overdueAtLevelTwo();

        desk.complete(no, "managerReview", "manager", "escalationAction", "CHANGE_HANDLER", "newHandler", "engineer",
                "managerNote", "李工休假");

        assertThat(desk.task(no, "handle").getAssignee()).isEqualTo("engineer");
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.handler()).isEqualTo("engineer");
        assertThat(ticket.timeline()).filteredOn(e -> e.stage() == TimelineStage.DISPATCHED).last()
                .extracting(TimelineEntryView::action).isEqualTo("改派给张工 (engineer)");
    }

    @Test
    void theManagerMayReassignToAnotherDepartment() {
        String no = overdueAtLevelTwo();

        desk.complete(no, "managerReview", "manager", "escalationAction", "REASSIGN",
                "newDepartment", "customer-service", "managerNote", "属于收费问题");

        assertThat(desk.task(no, "handle")).isNull();
        assertThat(candidateGroups(desk.task(no, "dispatch"))).containsExactly("customer-service");
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.department()).isEqualTo("customer-service");
        assertThat(ticket.status().name()).isEqualTo("DISPATCHED");
    }

    @Test
    void aChangedUrgencyReplansEveryDueDate() {
        String no = overdueAtLevelTwo();

        desk.complete(no, "managerReview", "manager", "escalationAction", "CHANGE_URGENCY", "newUrgency", "LOW",
                "managerNote", "非紧急，业主同意下周处理");

        // LOW: respond within 4 and resolve within 72 service hours of receipt (Monday 09:00)
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.urgency().name()).isEqualTo("LOW");
        assertThat(ticket.responseDueAt().toInstant()).isEqualTo(at("2026-11-23T13:00"));
        assertThat(ticket.resolveDueAt().toInstant()).isEqualTo(at("2026-12-02T14:30"));
        assertThat(timer(no, "Timer_ResolveDue").getDuedate().toInstant()).isEqualTo(at("2026-12-02T14:30"));
        Task handle = desk.task(no, "handle");
        assertThat(handle.getDueDate().toInstant()).isEqualTo(at("2026-12-02T14:30"));
        assertThat(handle.getPriority()).isEqualTo(25);
        assertThat(entry(ticket, TimelineStage.REPLANNED).action())
                .isEqualTo("紧急程度由一般调整为低，处理时限至 12月2日 14:30");

        desk.runDueJobs(no);
        assertThat(desk.ticket(no).escalations()).as("no longer overdue").hasSize(1);
    }

    @Test
    void stillOpenAtTwiceTheResolutionTimeGoesToTheGeneralManager() {
        String no = dispatchedMondayComplaint();
        // 48 service hours from Monday 09:00 → Monday 30 November 09:30
        assertThat(timer(no, "Timer_GmDue").getDuedate().toInstant()).isEqualTo(at("2026-11-30T09:30"));

        now("2026-11-30T09:31");
        desk.runDueJobs(no);

        assertThat(desk.ticket(no).escalations()).extracting(EscalationView::level).containsExactlyInAnyOrder(2, 3);
        Task gm = desk.task(no, "gmEscalation");
        assertThat(candidateGroups(gm)).containsExactly("gm");
        assertThat(escalationNotices(no)).filteredOn(n -> n.getRecipients().equals("gm,manager")).isNotEmpty();
        desk.complete(no, "gmEscalation", "gm", "gmNote", "本周内必须解决");
        assertThat(desk.ticket(no).timeline()).filteredOn(e -> e.stage() == TimelineStage.MANAGER_REVIEW)
                .extracting(TimelineEntryView::action).contains("总经理督办");

        desk.complete(no, "handle", "engineer2", "actionTaken", "更换灯具", "responsibility", "PROPERTY");
        desk.complete(no, "verify", "engineer", "verified", "true");

        assertThat(desk.task(no, "managerReview")).as("resolution ends the open escalation work").isNull();
        assertThat(clock(no)).as("the clock stopped").isNull();
    }

    @Test
    void aPausedClockResumesWithTheServiceTimeThatWasLeft() {
        String no = dispatchedMondayComplaint();
        now("2026-11-23T10:00");

        tickets.pauseClock(no, desk.caller("engineer2"), "业主出差，改约周四");

        assertThat(desk.ticket(no).pausedAt()).isNotNull();
        assertThat(timer(no, "Timer_ResolveDue")).as("no resolution timer while paused").isNull();
        assertThatThrownBy(() -> tickets.pauseClock(no, desk.caller("engineer2"), "again")).isInstanceOf(ClockStateException.class);

        now("2026-11-26T10:00");
        desk.runDueJobs(no);
        assertThat(desk.ticket(no).escalations()).as("nothing escalates while paused").isEmpty();

        tickets.resumeClock(no, desk.caller("engineer2"));

        // 23 service hours were left (Monday 8h, Tuesday 9.5h, Wednesday 5.5h): Thursday 8h, Friday 9.5h, Monday 5.5h
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.pausedAt()).isNull();
        assertThat(ticket.resolveDueAt().toInstant()).isEqualTo(at("2026-11-30T14:00"));
        assertThat(timer(no, "Timer_ResolveDue").getDuedate().toInstant()).isEqualTo(at("2026-11-30T14:00"));
        assertThat(desk.task(no, "handle").getDueDate().toInstant()).isEqualTo(at("2026-11-30T14:00"));
        assertThat(entry(ticket, TimelineStage.PAUSED).note()).isEqualTo("业主出差，改约周四");
        assertThat(entry(ticket, TimelineStage.RESUMED).action()).isEqualTo("恢复处理计时，处理时限顺延至 11月30日 14:00");
        assertThatThrownBy(() -> tickets.resumeClock(no, desk.caller("engineer2"))).isInstanceOf(ClockStateException.class);
    }

    @Test
    void aFridayEveningTicketIsDueOnMondayMorning() {
        now("2026-11-20T19:00");
        String no = desk.file(complaint(uniqueRoom(), "楼道灯坏了", Category.ENGINEERING));

        assertThat(desk.task(no, "dispatch").getDueDate().toInstant()).isEqualTo(at("2026-11-23T10:30"));
        assertThat(timer(no, "Timer_ResponseDue").getDuedate().toInstant()).isEqualTo(at("2026-11-23T10:30"));
    }

    @Test
    void aHolidayDoesNotCountAndAMakeUpSaturdayDoes() {
        now("2026-09-30T17:00");
        String beforeNationalDay = desk.file(complaint(uniqueRoom(), "楼道灯坏了", Category.ENGINEERING));
        now("2026-10-09T17:00");
        String beforeMakeUpSaturday = desk.file(complaint(uniqueRoom(), "楼道灯坏了", Category.ENGINEERING));

        assertThat(desk.ticket(beforeNationalDay).responseDueAt().toInstant()).isEqualTo(at("2026-10-08T09:30"));
        assertThat(desk.ticket(beforeMakeUpSaturday).responseDueAt().toInstant()).isEqualTo(at("2026-10-10T09:30"));
    }

    @Test
    void anEmergencyRunsAroundTheClock() {
        now("2026-11-21T22:00");
        String no = desk.file(complaint(uniqueRoom(), "地下车库水浸", Category.ENGINEERING));

        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.responseDueAt().toInstant()).as("Saturday night").isEqualTo(at("2026-11-21T22:15"));
        assertThat(ticket.resolveDueAt().toInstant()).isEqualTo(at("2026-11-22T02:00"));
    }

    @Test
    void aProcessOwnersNewServiceTermsApplyToTheNextTicketWithoutARestart() throws IOException {
        String changed;
        try (InputStream table = getClass().getClassLoader().getResourceAsStream("processes/ticket-sla.dmn")) {
            changed = new String(table.readAllBytes(), StandardCharsets.UTF_8).replace(
                    "<text>\"PT2H\"</text>", "<text>\"PT1H\"</text>");
        }
        String deployment = engine.getRepositoryService().createDeployment().name("ticket-sla edited in Modeler")
                .addString("ticket-sla.dmn", changed).deploy().getId();
        try {
            now("2026-11-23T09:00");
            String no = desk.file(complaint(uniqueRoom(), "楼道灯坏了", Category.ENGINEERING));

            assertThat(desk.ticket(no).responseDueAt().toInstant()).isEqualTo(at("2026-11-23T10:00"));
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    /** Dispatched to engineer2 at 09:30 on the Monday it was filed; handle is open. */
    private String dispatchedMondayComplaint() {
        String no = mondayComplaint();
        now("2026-11-23T09:30");
        desk.complete(no, "dispatch", "engineer", "handler", "engineer2");
        return no;
    }

    /** Past the resolution due date on Wednesday: the manager's review is open. */
    private String overdueAtLevelTwo() {
        String no = dispatchedMondayComplaint();
        now("2026-11-25T14:01");
        desk.runDueJobs(no);
        assertThat(desk.task(no, "managerReview")).isNotNull();
        return no;
    }

    /** The ticket's timer job of a boundary event (in the ticket's process or its clock), if armed. */
    private Job timer(String no, String activityId) {
        return desk.jobs(no).stream().filter(job -> activityId.equals(activityOf(job))).findFirst().orElse(null);
    }

    private String activityOf(Job job) {
        return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                .singleResult().getActivityId();
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance clock(String no) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(no)
                .processDefinitionKey("sla-watch").singleResult();
    }

    private List<Notification> escalationNotices(String no) {
        return notifications.findByTicketNoOrderByIdAsc(no).stream()
                .filter(notice -> notice.getKind() == NoticeKind.ESCALATION).toList();
    }

    private List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private static TimelineEntryView entry(TicketResponse ticket, TimelineStage stage) {
        return ticket.timeline().stream().filter(e -> e.stage() == stage).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no " + stage + " in " + ticket.timeline()));
    }
}
