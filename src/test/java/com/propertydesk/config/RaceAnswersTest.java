package com.propertydesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.Race;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TicketDriver;
import com.propertydesk.support.WebappSession;
import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.TimelineStage;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lost races answered on H2: ten staff claiming one task over {@code /engine-rest}, ten Tasklist sessions
 * completing one task over the webapps' engine API, ten taps accepting one repair over {@code /api/v1}. Exactly
 * one wins; the others get 409 (404 for a task gone) with a reason, never a 500. ConcurrencyMariaDbIT runs the
 * races on MariaDB with whole lifecycles around them.
 */
class RaceAnswersTest extends SpringTestBase {

    private static final int STAFF = 10;

    ApiClient api;

    @BeforeEach
    void staff() {
        api = new ApiClient(port);
        for (int racer = 0; racer < STAFF; racer++) {
            User user = engine.getIdentityService().newUser(racer(racer));
            user.setPassword("demo");
            engine.getIdentityService().saveUser(user);
            engine.getIdentityService().createMembership(user.getId(), "engineering");
        }
    }

    @AfterEach
    void noStaff() {
        IntStream.range(0, STAFF).forEach(racer -> engine.getIdentityService().deleteUser(racer(racer)));
    }

    private static String racer(int racer) {
        return "h2racer" + racer;
    }

    @Test
    void tenClaimsOfOneTaskOverTheEngineRestApi() {
        String no = desk.file(TicketDriver.complaint(TicketDriver.uniqueRoom(), "卫生间漏水", Category.ENGINEERING));
        String task = desk.task(no, "dispatch").getId();

        List<Reply> claims = Race.run(STAFF, 60, racer -> api.postJson("/engine-rest/task/" + task + "/claim",
                racer(racer), Map.of("userId", racer(racer))));

        assertThat(claims).filteredOn(reply -> reply.status() == 204).as(claims.toString()).hasSize(1);
        String winner = desk.task(no, "dispatch").getAssignee();
        assertThat(claims).filteredOn(reply -> reply.status() != 204).hasSize(STAFF - 1).allSatisfy(lost -> {
            assertThat(lost.status()).as(lost.raw()).isEqualTo(409);
            assertThat(lost.json().get("type").asText()).isIn("TaskAlreadyClaimedException",
                    "OptimisticLockingException");
            assertThat(lost.json().get("message").asText()).as(lost.raw()).doesNotContain("ENGINE-")
                    .containsAnyOf("已被 " + winner + " 认领", "刚刚被其他人处理或修改", "正被其他操作同时修改");
        });
    }

    @Test
    void aTaskThatLostItsTicketUnderItWhileBeingCompletedIsAConflict() {
        String no = desk.file(TicketDriver.complaint(TicketDriver.uniqueRoom(), "卫生间漏水", Category.ENGINEERING));
        String task = desk.task(no, "dispatch").getId();
        // what a loser of a completion race sees once the winner's commit removed the task's execution
        engine.getTaskService().removeVariable(task, "ticketNo");

        Reply completed = api.postJson("/engine-rest/task/" + task + "/submit-form", "engineer",
                ApiClient.variables("handler", "engineer2"));

        assertThat(completed.status()).as(completed.raw()).isEqualTo(409);
        assertThat(completed.json().get("type").asText()).isEqualTo("OptimisticLockingException");
        assertThat(completed.json().get("message").asText()).contains("刚刚被其他人处理");
    }

    @Test
    void anyOtherFailureOfAnActionOnATaskCompletedMeanwhileIsALostRace() {
        String no = desk.file(TicketDriver.complaint(TicketDriver.uniqueRoom(), "卫生间漏水", Category.ENGINEERING));
        String task = desk.task(no, "dispatch").getId();
        // what a loser of a completion race on MariaDB got: the engine read the task before the winner's commit
        // and its execution after it
        NullPointerException internal = new NullPointerException("getParent() is null");
        assertThat(EngineRestConfig.taskGoneMeanwhile(internal, "task/" + task + "/submit-form"))
                .as("the task is still there: a failure of its own").isEmpty();

        desk.complete(no, "dispatch", "engineer", "handler", "engineer2", "dispatchNote", "今天上门");

        for (String action : List.of("task/" + task + "/submit-form", "task/" + task + "/complete",
                "engine/default/task/" + task + "/claim")) {
            jakarta.ws.rs.core.Response answer = EngineRestConfig.taskGoneMeanwhile(internal, action).orElseThrow();
            assertThat(answer.getStatus()).as(action).isEqualTo(404);
            assertThat(((org.camunda.bpm.engine.rest.dto.ExceptionDto) answer.getEntity()).getMessage())
                    .contains("该任务已不存在");
        }
        assertThat(EngineRestConfig.taskGoneMeanwhile(internal, "task/" + task + "/variables/x")).isEmpty();
        assertThat(EngineRestConfig.taskGoneMeanwhile(internal, "process-instance/" + task)).isEmpty();
    }

    @Test
    void tenTasklistSessionsCompletingOneTask() {
        String no = desk.file(TicketDriver.complaint(TicketDriver.uniqueRoom(), "卫生间漏水", Category.ENGINEERING));
        String task = desk.task(no, "dispatch").getId();
        List<WebappSession> tasklists = IntStream.range(0, STAFF)
                .mapToObj(racer -> WebappSession.login(port, racer(racer), "demo", "tasklist")).toList();
        String form = ApiClient.toJson(ApiClient.variables("handler", "engineer2", "dispatchNote", "今天上门"));

        List<Reply> completions = Race.run(STAFF, 60, racer -> tasklists.get(racer).postEngine("/task/" + task
                + "/submit-form", form));

        assertThat(completions).filteredOn(reply -> reply.status() == 204).as(completions.toString()).hasSize(1);
        assertThat(completions).filteredOn(reply -> reply.status() != 204).hasSize(STAFF - 1).allSatisfy(lost -> {
            assertThat(lost.status()).as(lost.raw()).isIn(409, 404);
            assertThat(lost.json().get("message").asText()).as(lost.raw()).containsPattern("\\p{IsHan}")
                    .doesNotContain("ENGINE-");
        });
        assertThat(desk.ticket(no).timeline()).filteredOn(entry -> entry.stage() == TimelineStage.DISPATCHED).hasSize(1);
        assertThat(desk.task(no, "handle").getAssignee()).isEqualTo("engineer2");
    }

    @Test
    void tenTapsAcceptingOneRepair() {
        LifecycleScenario scenario = new LifecycleScenario(api, false);
        Reply filed = api.postJson("/api/v1/tickets", "integrator",
                LifecycleScenario.repairBody(TicketDriver.uniqueRoom(), "厨房水龙头漏水，关不紧"));
        String no = filed.json().get("ticketNo").asText();
        scenario.work(no, "dispatch", "engineer", ApiClient.variables("handler", "engineer2"));
        scenario.work(no, "handle", "engineer2", ApiClient.variables("actionTaken", "更换水龙头", "responsibility",
                "OWNER", "partsUsed", "水龙头 × 1", "charge", 80));
        scenario.awaitTask(no, "accept", "cs", "");

        List<Reply> taps = Race.run(STAFF, 60, tap -> api.postJson("/api/v1/tickets/" + no + "/feedback",
                "integrator", Map.of("accepted", true, "rating", 5)));

        assertThat(taps).filteredOn(reply -> reply.status() == 200).as(taps.toString()).hasSize(1);
        assertThat(taps).filteredOn(reply -> reply.status() != 200).hasSize(STAFF - 1).allSatisfy(lost -> {
            assertThat(lost.status()).as(lost.raw()).isEqualTo(409);
            assertThat(lost.contentType()).startsWith("application/problem+json");
        });
        assertThat(desk.ticket(no).timeline()).filteredOn(entry -> entry.stage() == TimelineStage.ACCEPTED).hasSize(1);
    }
}
