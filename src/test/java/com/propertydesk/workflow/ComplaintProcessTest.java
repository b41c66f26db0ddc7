package com.propertydesk.workflow;

import static com.propertydesk.support.TicketDriver.complaint;
import static com.propertydesk.support.TicketDriver.uniqueRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.propertydesk.support.SpringTestBase;
import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.ImpactScope;
import com.propertydesk.ticket.TimelineStage;
import com.propertydesk.ticket.api.TicketResponse;
import com.propertydesk.ticket.api.TimelineEntryView;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Every path of the complaint process, through the engine with the real delegates and database. */
class ComplaintProcessTest extends SpringTestBase {

    private static final Instant MONDAY_9AM = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void categoryGivenAtIntakeGoesStraightToTheRoutedDepartment() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_9AM));
        String room = uniqueRoom();
        String no = desk.file(complaint(room, "楼道很久没人打扫了", Category.CLEANING_GREENING));

        assertThat(desk.process(no)).hasPassed("Call_Triage").isWaitingAt("Call_Work");
        assertThat(desk.work(no)).isWaitingAt("dispatch");
        assertThat(triagePassed(no)).contains("Gateway_CategoryGiven", "Task_RecordTriage")
                .doesNotContain("Task_SuggestCategory", "classify");
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.status().name()).isEqualTo("DISPATCHED");
        assertThat(ticket.category()).isEqualTo(Category.CLEANING_GREENING);
        assertThat(ticket.urgency().name()).isEqualTo("NORMAL");
        assertThat(ticket.department()).isEqualTo("cleaning");
        assertThat(ticket.responseDueAt().toInstant()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(2)));
        assertThat(ticket.resolveDueAt().toInstant()).as("24 service hours: Monday 9h, Tuesday 9.5h, Wednesday 5.5h")
                .isEqualTo(Instant.parse("2026-11-25T06:00:00Z"));

        Task dispatch = desk.task(no, "dispatch");
        assertThat(candidateGroups(dispatch)).containsExactly("cleaning");
        assertThat(dispatch.getDueDate().toInstant()).isEqualTo(ticket.responseDueAt().toInstant());
        assertThat(dispatch.getPriority()).isEqualTo(50);
        assertThat(dispatch.getName()).isEqualTo("派单 · " + no + " · " + room);
        assertThat(stages(no)).doesNotContain(TimelineStage.CLASSIFIED);
    }

    @Test
    void categoryFoundByKeywordsOfTheDescription() {
        String no = desk.file(complaint(uniqueRoom(), "卫生间天花板漏水，已经滴到地面", null));

        assertThat(triagePassed(no)).contains("Task_SuggestCategory", "Gateway_CategoryFound")
                .doesNotContain("classify");
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.category()).isEqualTo(Category.ENGINEERING);
        assertThat(ticket.department()).isEqualTo("engineering");
        assertThat(candidateGroups(desk.task(no, "dispatch"))).containsExactly("engineering");
        assertThat(entry(no, TimelineStage.CLASSIFIED).action()).isEqualTo("按描述关键词识别为工程维修");
        assertThat(entry(no, TimelineStage.CLASSIFIED).actor()).isEqualTo("system");
    }

    @Test
    void customerServiceClassifiesWhenNoKeywordMatches() {
        String no = desk.file(complaint(uniqueRoom(), "想反映一下最近的情况", null));

        Task classify = desk.task(no, "classify");
        assertThat(candidateGroups(classify)).containsExactly("customer-service");
        assertThat(desk.ticket(no).status().name()).isEqualTo("RECEIVED");

        desk.complete(no, "classify", "cs", "category", "CLEANING_GREENING", "impactScope", "AREA",
                "publicArea", true);

        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.category()).isEqualTo(Category.CLEANING_GREENING);
        assertThat(ticket.impactScope()).isEqualTo(ImpactScope.AREA);
        assertThat(ticket.urgency().name()).as("an area-wide problem is urgent").isEqualTo("HIGH");
        assertThat(ticket.department()).isEqualTo("cleaning");
        assertThat(candidateGroups(desk.task(no, "dispatch"))).containsExactly("cleaning");
        TimelineEntryView classified = entry(no, TimelineStage.CLASSIFIED);
        assertThat(classified.actor()).isEqualTo("cs");
        assertThat(classified.action()).isEqualTo("人工分类为清洁绿化");
    }

    @Test
    void classifyRefusesAMissingCategory() {
        String no = desk.file(complaint(uniqueRoom(), "有个情况想说一下", null));

        assertThatThrownBy(() -> desk.complete(no, "classify", "cs", "impactScope", "AREA"))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("category");
        assertThat(desk.task(no, "classify")).isNotNull();
    }

    @Test
    void emergencyGetsTheShortestTermsAndTheHighestPriority() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_9AM));
        String no = desk.file(complaint(uniqueRoom(), "电梯困人，有老人被关在里面", null));

        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.urgency().name()).isEqualTo("EMERGENCY");
        assertThat(ticket.responseDueAt().toInstant()).isEqualTo(MONDAY_9AM.plus(Duration.ofMinutes(15)));
        assertThat(ticket.resolveDueAt().toInstant()).isEqualTo(MONDAY_9AM.plus(Duration.ofHours(4)));
        Task dispatch = desk.task(no, "dispatch");
        assertThat(dispatch.getPriority()).isEqualTo(100);
        assertThat(dispatch.getDueDate().toInstant()).isEqualTo(MONDAY_9AM.plus(Duration.ofMinutes(15)));
    }

    @Test
    void majorComplaintIsReportedToTheManagerWithoutStoppingTheFlow() {
        String room = uniqueRoom();
        desk.file(complaint(room, "垃圾一直没人收", Category.CLEANING_GREENING));
        String no = desk.file(complaint(" " + room.toLowerCase() + " ", "垃圾又没人收，第二次投诉了",
                Category.CLEANING_GREENING));

        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.repeatCount()).isEqualTo(1);
        assertThat(ticket.major()).isTrue();
        assertThat(ticket.urgency().name()).as("a repeat raises urgency").isEqualTo("HIGH");
        Task review = desk.task(no, "managerReview");
        assertThat(candidateGroups(review)).containsExactly("manager");
        assertThat(engine.getTaskService().getVariable(review.getId(), "reviewReason")).isEqualTo("MAJOR");
        assertThat(desk.task(no, "dispatch")).as("the normal flow goes on").isNotNull();

        desk.complete(no, "managerReview", "manager", "managerNote", "今天内处理完，向业主致歉");
        assertThat(desk.work(no)).isWaitingAt("dispatch");
        walkToCallback(no, "cleaner", "cleaner", "manager");
        desk.complete(no, "callback", "cs", "ownerReached", "true", "satisfaction", "SATISFIED");

        assertThat(desk.ended(no)).isTrue();
        assertThat(entry(no, TimelineStage.MANAGER_REVIEW).action()).isEqualTo("重大投诉上报：已审阅");
        assertThat(desk.ticket(no).status().name()).isEqualTo("ARCHIVED");
    }

    @Test
    void walksFromDispatchToArchiveWithATimelineEntryPerStage() {
        String no = desk.file(complaint(uniqueRoom(), "楼道灯不亮已经一周", Category.ENGINEERING));

        desk.complete(no, "dispatch", "engineer", "handler", "engineer2", "dispatchNote", "今天处理");
        Task handle = desk.task(no, "handle");
        assertThat(handle.getAssignee()).isEqualTo("engineer2");
        assertThat(engine.getTaskService().getVariableLocal(handle.getId(), "ownerPhone")).isEqualTo("13800138000");
        assertThat(desk.ticket(no).status().name()).isEqualTo("IN_PROGRESS");
        desk.complete(no, "handle", "engineer2", "actionTaken", "更换灯泡", "responsibility", "PROPERTY");
        assertThat(desk.ticket(no).status().name()).isEqualTo("VERIFYING");
        desk.complete(no, "verify", "engineer", "verified", "true", "verifyNote", "已亮");
        assertThat(desk.ticket(no).status().name()).isEqualTo("CALLBACK");
        assertThat(candidateGroups(desk.task(no, "callback"))).containsExactly("customer-service");
        desk.complete(no, "callback", "cs", "ownerReached", "true", "satisfaction", "BASICALLY_SATISFIED");

        assertThat(desk.ended(no)).isTrue();
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.status().name()).isEqualTo("ARCHIVED");
        assertThat(ticket.resolution().name()).isEqualTo("RESOLVED");
        assertThat(ticket.satisfaction().name()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(ticket.handler()).isEqualTo("engineer2");
        assertThat(ticket.actionTaken()).isEqualTo("更换灯泡");
        assertThat(ticket.respondedAt()).isNotNull();
        assertThat(ticket.archivedAt()).isNotNull();
        assertThat(ticket.timeline()).extracting(TimelineEntryView::stage).containsExactly(
                TimelineStage.RECEIVED, TimelineStage.ASSESSED, TimelineStage.ROUTED, TimelineStage.DISPATCHED,
                TimelineStage.HANDLED, TimelineStage.VERIFIED, TimelineStage.CALLBACK, TimelineStage.ARCHIVED);
        assertThat(ticket.timeline()).extracting(TimelineEntryView::actor).containsExactly(
                "frontdesk", "system", "system", "engineer", "engineer2", "engineer", "cs", "system");
        assertThat(entry(no, TimelineStage.DISPATCHED).note()).isEqualTo("今天处理");
    }

    @Test
    void dispatchWithoutAHandlerMakesTheDispatcherTheHandler() {
        String no = desk.file(complaint(uniqueRoom(), "楼道灯坏了", Category.ENGINEERING));

        desk.complete(no, "dispatch", "engineer");

        assertThat(desk.task(no, "handle").getAssignee()).isEqualTo("engineer");
        assertThat(desk.ticket(no).handler()).isEqualTo("engineer");
    }

    @Test
    void dispatchRefusesAnUnknownHandler() {
        String no = desk.file(complaint(uniqueRoom(), "楼道灯坏了", Category.ENGINEERING));

        assertThatThrownBy(() -> desk.complete(no, "dispatch", "engineer", "handler", "nobody"))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("nobody");
        assertThat(desk.task(no, "dispatch")).isNotNull();
        assertThat(desk.ticket(no).handler()).isNull();
    }

    @Test
    void failedVerificationSendsItBackToTheHandlerAsRework() {
        String no = desk.file(complaint(uniqueRoom(), "单元门关不上", Category.ENGINEERING));
        desk.complete(no, "dispatch", "engineer", "handler", "engineer2");
        desk.complete(no, "handle", "engineer2", "actionTaken", "调整闭门器", "responsibility", "PROPERTY");

        desk.complete(no, "verify", "engineer", "verified", "false", "verifyNote", "还是关不严");

        Task handle = desk.task(no, "handle");
        assertThat(handle.getAssignee()).isEqualTo("engineer2");
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.reworkCount()).isEqualTo(1);
        assertThat(ticket.status().name()).isEqualTo("IN_PROGRESS");
        assertThat(entry(no, TimelineStage.REWORK).note()).isEqualTo("还是关不严");
        assertThat(desk.work(no)).hasPassed("Gateway_Verified", "Gateway_HandleMerge").isWaitingAt("handle");
    }

    @Test
    void theHandlerCannotVerifyTheirOwnWork() {
        String no = desk.file(complaint(uniqueRoom(), "单元门关不上", Category.ENGINEERING));
        desk.complete(no, "dispatch", "engineer", "handler", "engineer2");
        desk.complete(no, "handle", "engineer2", "actionTaken", "调整闭门器", "responsibility", "PROPERTY");

        assertThatThrownBy(() -> desk.complete(no, "verify", "engineer2", "verified", "true"))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("四眼");
        assertThat(desk.task(no, "verify").getAssignee()).isNull();
    }

    @Test
    void theManagerMayVerifyWhenTheHandlerIsTheOnlyOneInTheDepartment() {
        String no = desk.file(complaint(uniqueRoom(), "草坪没人修剪", Category.CLEANING_GREENING));
        desk.complete(no, "dispatch", "cleaner");
        desk.complete(no, "handle", "cleaner", "actionTaken", "已修剪", "responsibility", "PROPERTY");

        assertThat(candidateGroups(desk.task(no, "verify"))).containsExactlyInAnyOrder("cleaning", "manager");
        desk.complete(no, "verify", "manager", "verified", "true");
        assertThat(desk.ticket(no).status().name()).isEqualTo("CALLBACK");
    }

    @Test
    void anUnsatisfiedCallbackReopensToDispatchOnce() {
        String no = desk.file(complaint(uniqueRoom(), "地下车库漏水", Category.ENGINEERING));
        walkToCallback(no, "engineer", "engineer2", "engineer");

        desk.complete(no, "callback", "cs", "ownerReached", "true", "satisfaction", "UNSATISFIED",
                "callbackNote", "还在漏");

        assertThat(desk.process(no)).hasPassed("Boundary_Reopen", "Task_Reopen").isWaitingAt("Call_Work");
        assertThat(desk.work(no)).isWaitingAt("dispatch");
        TicketResponse reopened = desk.ticket(no);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.status().name()).isEqualTo("DISPATCHED");
        assertThat(reopened.satisfaction()).isNull();
        assertThat(entry(no, TimelineStage.REOPENED).action()).startsWith("重新派单（第1次），响应时限至 ");

        walkToCallback(no, "engineer", "engineer", "engineer2");
        desk.complete(no, "callback", "cs", "ownerReached", "true", "satisfaction", "SATISFIED");

        TicketResponse archived = desk.ticket(no);
        assertThat(archived.status().name()).isEqualTo("ARCHIVED");
        assertThat(archived.resolution().name()).isEqualTo("RESOLVED");
        assertThat(archived.reopenCount()).isEqualTo(1);
    }

    @Test
    void aSecondDissatisfactionGoesToTheManagerWhoMayCloseItAsNotAccepted() {
        String no = reopenedOnceThenUnsatisfiedAgain(uniqueRoom());

        Task review = desk.task(no, "managerReview");
        assertThat(candidateGroups(review)).containsExactly("manager");
        assertThat(engine.getTaskService().getVariable(review.getId(), "reviewReason"))
                .isEqualTo("REPEATED_DISSATISFACTION");
        assertThat(desk.task(no, "dispatch")).isNull();
        assertThatThrownBy(() -> desk.complete(no, "managerReview", "manager", "managerNote", "已沟通"))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("decision");

        desk.complete(no, "managerReview", "manager", "decision", "CLOSE_NOT_ACCEPTED",
                "managerNote", "已多次处理，业主诉求超出物业范围");

        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.status().name()).isEqualTo("ARCHIVED");
        assertThat(ticket.resolution().name()).isEqualTo("NOT_ACCEPTED");
        assertThat(ticket.satisfaction().name()).isEqualTo("UNSATISFIED");
        assertThat(entry(no, TimelineStage.MANAGER_REVIEW).action()).isEqualTo("多次回访不满意：按客户不接受结案");
        assertThat(desk.ended(no)).isTrue();
    }

    @Test
    void theManagerMayReopenAfterASecondDissatisfaction() {
        String no = reopenedOnceThenUnsatisfiedAgain(uniqueRoom());

        desk.complete(no, "managerReview", "manager", "decision", "REOPEN", "managerNote", "换一家供应商重新维修");

        assertThat(desk.work(no)).isWaitingAt("dispatch");
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.reopenCount()).isEqualTo(2);
        assertThat(ticket.timeline()).filteredOn(e -> e.stage() == TimelineStage.REOPENED).last()
                .extracting(TimelineEntryView::note).isEqualTo("经理意见：换一家供应商重新维修");
    }

    @Test
    void theManagerMayCloseAsResolvedAfterASecondDissatisfaction() {
        String no = reopenedOnceThenUnsatisfiedAgain(uniqueRoom());

        desk.complete(no, "managerReview", "manager", "decision", "CLOSE_RESOLVED", "managerNote", "问题已解决");

        assertThat(desk.ticket(no).resolution().name()).isEqualTo("RESOLVED");
    }

    @Test
    void anOwnerUnreachableThreeTimesIsArchivedAsFollowedUp() {
        String no = desk.file(complaint(uniqueRoom(), "门口路灯不亮", Category.ENGINEERING));
        walkToCallback(no, "engineer", "engineer2", "engineer");

        desk.complete(no, "callback", "cs", "ownerReached", "false", "callbackNote", "无人接听");
        assertThat(desk.task(no, "callback")).as("retried later, not at once").isNull();
        assertThat(closure(no)).isWaitingAt("Timer_CallbackRetry");
        desk.fireTimers(no);
        desk.complete(no, "callback", "cs", "ownerReached", "false", "callbackNote", "关机");
        desk.fireTimers(no);
        desk.complete(no, "callback", "cs", "ownerReached", "false", "callbackNote", "仍无人接听");

        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.status().name()).isEqualTo("ARCHIVED");
        assertThat(ticket.resolution().name()).isEqualTo("FOLLOWED_UP");
        assertThat(ticket.satisfaction()).isNull();
        assertThat(ticket.timeline()).filteredOn(e -> e.stage() == TimelineStage.CALLBACK)
                .extracting(TimelineEntryView::action).containsExactly(
                        "回访未联系上业主（第1次）", "回访未联系上业主（第2次）", "回访未联系上业主（第3次）");
        assertThat(desk.ended(no)).isTrue();
    }

    @Test
    void anOwnerReachedAfterAMissIsAskedForSatisfaction() {
        String no = desk.file(complaint(uniqueRoom(), "门口路灯不亮", Category.ENGINEERING));
        walkToCallback(no, "engineer", "engineer2", "engineer");
        desk.complete(no, "callback", "cs", "ownerReached", "false");
        desk.fireTimers(no);

        assertThatThrownBy(() -> desk.complete(no, "callback", "cs", "ownerReached", "true"))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("satisfaction");
        desk.complete(no, "callback", "cs", "ownerReached", "true", "satisfaction", "SATISFIED");

        assertThat(desk.ticket(no).resolution().name()).isEqualTo("RESOLVED");
    }

    private String reopenedOnceThenUnsatisfiedAgain(String room) {
        String no = desk.file(complaint(room, "地下车库漏水", Category.ENGINEERING));
        walkToCallback(no, "engineer", "engineer2", "engineer");
        desk.complete(no, "callback", "cs", "ownerReached", "true", "satisfaction", "UNSATISFIED");
        walkToCallback(no, "engineer", "engineer2", "engineer");
        desk.complete(no, "callback", "cs", "ownerReached", "true", "satisfaction", "UNSATISFIED");
        return no;
    }

    private void walkToCallback(String no, String dispatcher, String handler, String verifier) {
        desk.complete(no, "dispatch", dispatcher, "handler", handler);
        desk.complete(no, "handle", handler, "actionTaken", "已处理", "responsibility", "PROPERTY");
        desk.complete(no, "verify", verifier, "verified", true);
        assertThat(desk.task(no, "callback")).isNotNull();
    }

    /** The activities the (ended) triage instance of a ticket passed. */
    private List<String> triagePassed(String no) {
        String triage = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(no)
                .processDefinitionKey("ticket-triage").singleResult().getId();
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(triage).list()
                .stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    private org.camunda.bpm.engine.runtime.ProcessInstance closure(String no) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(no)
                .processDefinitionKey("ticket-closure").singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private List<TimelineStage> stages(String no) {
        return desk.ticket(no).timeline().stream().map(TimelineEntryView::stage).toList();
    }

    private TimelineEntryView entry(String no, TimelineStage stage) {
        return desk.ticket(no).timeline().stream().filter(e -> e.stage() == stage).findFirst().orElseThrow();
    }
}
