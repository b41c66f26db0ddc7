package com.propertydesk.workflow;

import static com.propertydesk.support.TicketDriver.repair;
import static com.propertydesk.support.TicketDriver.uniqueRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.propertydesk.config.InvalidFieldException;
import com.propertydesk.notification.Notification;
import com.propertydesk.notification.NotificationRepository;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.FeedbackNotExpectedException;
import com.propertydesk.ticket.TicketService;
import com.propertydesk.ticket.TimelineStage;
import com.propertydesk.ticket.api.PartView;
import com.propertydesk.ticket.api.TicketResponse;
import com.propertydesk.ticket.api.TimelineEntryView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of the repair process, through the engine with the real delegates and database. */
class RepairProcessTest extends SpringTestBase {

    private static final Instant MONDAY_9AM = Instant.parse("2026-11-23T01:00:00Z");
    private static final String APPOINTMENT = "2026-11-23T14:00:00+08:00";

    @Autowired
    TicketService tickets;

    @Autowired
    NotificationRepository notifications;

    @Test
    void anOrdinaryPrivateAreaRepairIsDispatchedHandledChargedAcceptedAndArchived() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_9AM));
        String no = desk.file(repair(uniqueRoom(), "厨房水龙头漏水，关不紧", null, false, null));

        assertThat(no).startsWith("R-");
        assertThat(desk.process(no)).hasPassed("Task_DecideSurvey").hasNotPassed("survey", "Task_NotifyEmergency")
                .isWaitingAt("Call_RepairWork");
        assertThat(desk.work(no)).isWaitingAt("dispatch");
        assertThat(candidateGroups(desk.task(no, "dispatch"))).containsExactly("engineering");

        desk.complete(no, "dispatch", "engineer", "handler", "engineer2", "appointmentAt", APPOINTMENT);
        Task handle = desk.task(no, "handle");
        assertThat(handle.getAssignee()).isEqualTo("engineer2");
        assertThat(handle.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        assertThat(desk.ticket(no).appointmentAt().toInstant()).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));

        desk.complete(no, "handle", "engineer2", "actionTaken", "更换水龙头", "responsibility", "OWNER",
                "partsUsed", "水龙头 × 1\n生料带*2\n", "charge", 80L);
        TicketResponse handled = desk.ticket(no);
        assertThat(handled.chargeable()).isTrue();
        assertThat(handled.charge()).isEqualByComparingTo("80");
        assertThat(handled.parts()).extracting(PartView::name, PartView::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("水龙头", 1),
                        org.assertj.core.groups.Tuple.tuple("生料带", 2));
        assertThat(handled.status().name()).isEqualTo("VERIFYING");
        assertThat(candidateGroups(desk.task(no, "accept"))).containsExactly("customer-service");

        desk.complete(no, "accept", "cs", "accepted", "true", "rating", "5", "verifyNote", "业主已签字");
        desk.complete(no, "callback", "cs", "ownerReached", "true", "satisfaction", "SATISFIED");

        TicketResponse archived = desk.ticket(no);
        assertThat(archived.status().name()).isEqualTo("ARCHIVED");
        assertThat(archived.resolution().name()).isEqualTo("RESOLVED");
        assertThat(archived.rating()).isEqualTo(5);
        assertThat(archived.reworkCount()).isZero();
        assertThat(archived.timeline()).extracting(TimelineEntryView::stage).containsExactly(
                TimelineStage.RECEIVED, TimelineStage.CLASSIFIED, TimelineStage.ASSESSED, TimelineStage.ROUTED,
                TimelineStage.DISPATCHED, TimelineStage.HANDLED, TimelineStage.CHARGED, TimelineStage.ACCEPTED,
                TimelineStage.CALLBACK, TimelineStage.ARCHIVED);
        assertThat(entry(archived, TimelineStage.DISPATCHED).action()).isEqualTo("派单给李工 (engineer2)，约定上门时间 11月23日 14:00");
        assertThat(entry(archived, TimelineStage.HANDLED).action()).contains("用料：水龙头 × 1、生料带 × 2");
        assertThat(entry(archived, TimelineStage.CHARGED).action()).isEqualTo("有偿维修，收费 80.00 元");
        assertThat(entry(archived, TimelineStage.ACCEPTED).action()).isEqualTo("客服凭业主签字确认验收通过，评分 5");
        assertThat(desk.ended(no)).isTrue();
    }

    @Test
    void anEmergencyNotifiesEngineeringAndTheManagerAndSkipsTheSurvey() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_9AM));
        String no = desk.file(repair(uniqueRoom(), "卫生间水管爆裂，水浸到客厅", null, false, true));

        assertThat(desk.process(no)).hasPassed("Task_NotifyEmergency").hasNotPassed("Task_DecideSurvey", "survey")
                .isWaitingAt("Call_RepairWork");
        assertThat(desk.work(no)).isWaitingAt("dispatch");
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.urgency().name()).isEqualTo("EMERGENCY");
        assertThat(ticket.responseDueAt().toInstant()).isEqualTo(MONDAY_9AM.plus(Duration.ofMinutes(15)));
        assertThat(desk.task(no, "dispatch").getPriority()).isEqualTo(100);
        List<Notification> notices = notifications.findByTicketNoOrderByIdAsc(no);
        assertThat(notices).extracting(Notification::getChannel).containsExactlyInAnyOrder(
                Notification.Channel.LOG, Notification.Channel.EMAIL, Notification.Channel.WEBHOOK);
        assertThat(notices).allSatisfy(notice -> {
            assertThat(notice.getRecipients()).isEqualTo("engineering,manager");
            assertThat(notice.getSubject()).startsWith("【紧急】报修 " + no);
            assertThat(notice.getStatus()).isEqualTo(Notification.Status.SENT);
        });
        assertThat(entry(ticket, TimelineStage.NOTIFIED).action()).isEqualTo("已通知工程部、物业中心经理");
    }

    @Test
    void theEmergencyNoticeIsAJobOfItsOwnSoAFailingChannelCannotLoseTheTicket() {
        String no = tickets.receive(repair(uniqueRoom(), "停电了，电梯也停了", null, false, null),
                desk.caller("integrator"), null).ticketNo();
        engine.getManagementService().executeJob(desk.jobs(no).get(0).getId());

        assertThat(desk.process(no)).isWaitingAt("Task_NotifyEmergency");
        assertThat(desk.jobs(no)).hasSize(1);
        assertThat(desk.ticket(no).urgency().name()).as("triage is committed before the notice")
                .isEqualTo("EMERGENCY");
        assertThat(notifications.findByTicketNoOrderByIdAsc(no)).isEmpty();

        desk.runDueJobs(no);

        assertThat(notifications.findByTicketNoOrderByIdAsc(no)).hasSize(3);
        assertThat(desk.task(no, "dispatch")).isNotNull();
    }

    @Test
    void aSurveyThatReclassifiesDecidesUrgencyTermsAndDepartmentAgain() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_9AM));
        String no = desk.file(repair(uniqueRoom(), "家里有点问题，需要师傅来看看", null, false, null));

        TicketResponse unclassified = desk.ticket(no);
        assertThat(unclassified.category()).isNull();
        assertThat(entry(unclassified, TimelineStage.CLASSIFIED).action()).isEqualTo("未能从描述识别分类，待现场勘查时确定");
        assertThat(desk.task(no, "classify")).as("repairs are classified on site, not by customer service").isNull();
        Task survey = desk.task(no, "survey");
        assertThat(candidateGroups(survey)).containsExactly("engineering");

        desk.complete(no, "survey", "engineer", "surveyNote", "整层楼的排水管堵塞", "category", "ENGINEERING",
                "impactScope", "AREA", "needsParts", true);

        assertThat(desk.process(no)).hasPassed("Gateway_Reclassified", "Call_Retriage").isWaitingAt("Call_RepairWork");
        assertThat(desk.work(no)).isWaitingAt("dispatch");
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.category()).isEqualTo(Category.ENGINEERING);
        assertThat(ticket.needsParts()).isTrue();
        assertThat(ticket.surveyNote()).isEqualTo("整层楼的排水管堵塞");
        assertThat(ticket.urgency().name()).as("an area-wide problem is urgent").isEqualTo("HIGH");
        assertThat(ticket.resolveDueAt().toInstant()).as("12 service hours: Monday 9h, Tuesday 3h")
                .isEqualTo(Instant.parse("2026-11-24T03:30:00Z"));
        assertThat(desk.task(no, "dispatch").getDueDate().toInstant())
                .isEqualTo(MONDAY_9AM.plus(Duration.ofMinutes(30)));
        assertThat(entry(ticket, TimelineStage.SURVEYED).action()).isEqualTo("现场勘查完成，需要备料，重新分类为工程维修");
    }

    @Test
    void aSurveyThatConfirmsTheClassificationGoesStraightToDispatch() {
        String no = desk.file(repair(uniqueRoom(), "客厅灯不亮", Category.ENGINEERING, false, true));

        desk.complete(no, "survey", "engineer", "surveyNote", "灯具损坏", "category", "ENGINEERING");

        assertThat(desk.process(no)).hasNotPassed("Call_Retriage").isWaitingAt("Call_RepairWork");
        assertThat(desk.work(no)).isWaitingAt("dispatch");
        assertThat(desk.ticket(no).needsParts()).isNull();
    }

    @Test
    void aPublicAreaRepairIsSurveyedFreeOfChargeAndAcceptedByTheManager() {
        String no = desk.file(repair(uniqueRoom(), "单元门门禁坏了", null, true, null));
        desk.complete(no, "survey", "engineer", "surveyNote", "门禁主板故障", "category", "ENGINEERING");
        desk.complete(no, "dispatch", "engineer", "handler", "engineer2", "appointmentAt", null);
        desk.complete(no, "handle", "engineer2", "actionTaken", "更换主板", "responsibility", "PROPERTY",
                "partsUsed", "门禁主板 1块", "charge", 50);

        TicketResponse handled = desk.ticket(no);
        assertThat(handled.chargeable()).isFalse();
        assertThat(handled.charge()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(candidateGroups(desk.task(no, "accept"))).containsExactly("manager");
        assertThatThrownBy(() -> tickets.feedback(no, desk.caller("integrator"), true, 5, null))
                .isInstanceOf(FeedbackNotExpectedException.class).hasMessageContaining("public-area");

        desk.complete(no, "accept", "manager", "accepted", "true");

        assertThat(entry(desk.ticket(no), TimelineStage.ACCEPTED).action()).isEqualTo("经理验收通过");
        assertThat(desk.task(no, "callback")).isNotNull();
    }

    @Test
    void theOwnerRejectsOnceThroughTheAppThenAccepts() {
        String no = handledPrivateRepair();

        tickets.feedback(no, desk.caller("integrator"), false, 2, "还是漏水");

        Task rework = desk.task(no, "handle");
        assertThat(rework.getAssignee()).isEqualTo("engineer2");
        assertThat(desk.task(no, "managerReview")).isNull();
        TicketResponse rejected = desk.ticket(no);
        assertThat(rejected.reworkCount()).isEqualTo(1);
        assertThat(rejected.status().name()).isEqualTo("IN_PROGRESS");
        TimelineEntryView rework1 = entry(rejected, TimelineStage.REWORK);
        assertThat(rework1.action()).isEqualTo("业主通过自助渠道验收不通过，退回处理（第1次返工），评分 2");
        assertThat(rework1.actor()).isEqualTo("integrator");
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("accept").processInstanceBusinessKey(no)
                .count()).isZero();
        assertThat(rework1.note()).isEqualTo("还是漏水");

        desk.complete(no, "handle", "engineer2", "actionTaken", "重新密封", "responsibility", "OWNER");
        tickets.feedback(no, desk.caller("integrator"), true, 4, "好了");

        TicketResponse accepted = desk.ticket(no);
        assertThat(accepted.rating()).isEqualTo(4);
        assertThat(accepted.reworkCount()).isEqualTo(1);
        assertThat(accepted.status().name()).isEqualTo("CALLBACK");
        assertThat(entry(accepted, TimelineStage.ACCEPTED).action()).isEqualTo("业主通过自助渠道验收通过，评分 4");
    }

    @Test
    void aSecondRejectionAlsoPutsTheRepairInFrontOfTheManager() {
        String no = handledPrivateRepair();
        tickets.feedback(no, desk.caller("integrator"), false, null, "还是漏水");
        desk.complete(no, "handle", "engineer2", "actionTaken", "重新密封", "responsibility", "OWNER");

        tickets.feedback(no, desk.caller("integrator"), false, 1, "依旧漏水");

        assertThat(desk.ticket(no).reworkCount()).isEqualTo(2);
        Task review = desk.task(no, "managerReview");
        assertThat(candidateGroups(review)).containsExactly("manager");
        assertThat(engine.getTaskService().getVariable(review.getId(), "reviewReason")).isEqualTo("REPEATED_REJECTION");
        assertThat(desk.task(no, "handle")).as("the rework goes on").isNotNull();

        desk.complete(no, "managerReview", "manager", "managerNote", "请工程部主管到场");
        assertThat(entry(desk.ticket(no), TimelineStage.MANAGER_REVIEW).action()).isEqualTo("多次验收不通过：已审阅");
        assertThat(desk.task(no, "handle")).isNotNull();
    }

    @Test
    void theOwnerRatesAHandledTicketLater() {
        String no = handledPrivateRepair();
        tickets.feedback(no, desk.caller("integrator"), true, null, null);

        tickets.feedback(no, desk.caller("integrator"), null, 3, "上门有点晚");

        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.rating()).isEqualTo(3);
        assertThat(entry(ticket, TimelineStage.FEEDBACK).action()).isEqualTo("业主评分 3");
    }

    @Test
    void feedbackThatDoesNotFitTheStageIsRefused() {
        String no = desk.file(repair(uniqueRoom(), "阳台门锁坏了", null, false, null));

        assertThatThrownBy(() -> tickets.feedback(no, desk.caller("integrator"), null, 5, null))
                .isInstanceOf(FeedbackNotExpectedException.class).hasMessageContaining("once it has been handled");
        assertThatThrownBy(() -> tickets.feedback(no, desk.caller("integrator"), true, 5, null))
                .isInstanceOf(FeedbackNotExpectedException.class).hasMessageContaining("awaits no acceptance");
        String handled = handledPrivateRepair();
        assertThatThrownBy(() -> tickets.feedback(handled, desk.caller("integrator"), null, 5, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.getField()).isEqualTo("accepted"));
    }

    @Test
    void aFreeRepairChargesNothingWhateverWasEntered() {
        String no = desk.file(repair(uniqueRoom(), "新房墙面开裂", null, false, null));
        desk.complete(no, "dispatch", "engineer", "handler", "engineer2");
        desk.complete(no, "handle", "engineer2", "actionTaken", "开发商保修范围内修补", "responsibility", "DEVELOPER",
                "charge", "120.50");

        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.chargeable()).isFalse();
        assertThat(ticket.charge()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(entry(ticket, TimelineStage.CHARGED).action()).isEqualTo("无偿维修");
    }

    @Test
    void unreadablePartsAndImpossibleChargesAndAppointmentsAreRefused() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_9AM));
        String no = desk.file(repair(uniqueRoom(), "马桶漏水", null, false, null));

        assertThatThrownBy(() -> desk.complete(no, "dispatch", "engineer", "handler", "engineer2",
                "appointmentAt", "2026-11-01T10:00:00+08:00"))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("约定上门时间");
        desk.complete(no, "dispatch", "engineer", "handler", "engineer2", "appointmentAt", "2026-11-24T10:00");
        assertThatThrownBy(() -> desk.complete(no, "handle", "engineer2", "actionTaken", "换密封圈",
                "responsibility", "OWNER", "partsUsed", "密封圈 × 0"))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("材料第1行");
        assertThatThrownBy(() -> desk.complete(no, "handle", "engineer2", "actionTaken", "换密封圈",
                "responsibility", "OWNER", "charge", -5))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("收费金额");
        assertThat(desk.ticket(no).appointmentAt().toInstant()).as("a local time is the service centre's")
                .isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
        assertThat(desk.ticket(no).parts()).isEmpty();
    }

    /** A private-area repair dispatched to and handled by engineer2, now awaiting the owner's acceptance. */
    private String handledPrivateRepair() {
        String no = desk.file(repair(uniqueRoom(), "卫生间地漏返水", null, false, null));
        desk.complete(no, "dispatch", "engineer", "handler", "engineer2");
        desk.complete(no, "handle", "engineer2", "actionTaken", "疏通地漏", "responsibility", "OWNER", "charge", 60);
        assertThat(desk.task(no, "accept")).isNotNull();
        return no;
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
