package com.propertydesk.workflow;

import static com.propertydesk.support.TicketDriver.complaint;
import static com.propertydesk.support.TicketDriver.repair;
import static com.propertydesk.support.TicketDriver.uniqueRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertydesk.support.SpringTestBase;
import com.propertydesk.ticket.Category;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Each department's tasks live in its own work process, its members are authorized on that process definition, and
 * the engine writes per-task authorizations only for the exceptions: what staff may see and do is unchanged, with one
 * authorization row per department instead of one per open task.
 */
class DepartmentWorkTest extends SpringTestBase {

    @Test
    void aDepartmentsTasksLiveInItsOwnWorkProcessWithoutPerTaskAuthorizations() {
        String no = desk.file(complaint(uniqueRoom(), "楼道灯不亮", Category.ENGINEERING));
        Task dispatch = desk.task(no, "dispatch");

        assertThat(definitionKey(dispatch)).isEqualTo("complaint-work-engineering");
        assertThat(taskAuthorizations(dispatch)).as("the department's rights are on the definition").isEmpty();
        assertThat(visibleTo("engineer", no)).isEqualTo(1);
        assertThat(visibleTo("cleaner", no)).as("another department sees nothing").isZero();
        assertThat(visibleTo("cs", no)).isZero();
        assertThat(visibleTo("frontdesk", no)).as("the front desk took it in: it reads it (首问负责制)").isEqualTo(1);
        assertThat(visibleTo("guard", no)).isZero();
    }

    @Test
    void colleaguesSeeAHandleTaskButOnlyTheHandlerCompletesIt() {
        String no = desk.file(complaint(uniqueRoom(), "楼道灯不亮", Category.ENGINEERING));
        desk.complete(no, "dispatch", "engineer", "handler", "engineer2");
        Task handle = desk.task(no, "handle");

        assertThat(handle.getAssignee()).isEqualTo("engineer2");
        assertThat(taskAuthorizations(handle)).as("the handler is in the department").isEmpty();
        assertThat(visibleTo("engineer", no)).isEqualTo(1);
        desk.asUser("engineer", () -> assertThatThrownBy(() -> engine.getTaskService().complete(handle.getId(),
                java.util.Map.of("actionTaken", "换灯泡", "responsibility", "PROPERTY")))
                .hasRootCauseInstanceOf(org.camunda.bpm.engine.TaskAlreadyClaimedException.class));
        assertThat(desk.task(no, "handle")).as("still open").isNotNull();

        desk.complete(no, "handle", "engineer2", "actionTaken", "换灯泡", "responsibility", "PROPERTY");
        assertThat(desk.task(no, "verify")).isNotNull();
    }

    @Test
    void aHandlerFromAnotherDepartmentIsAuthorizedOnTheirTaskAlone() {
        String no = desk.file(complaint(uniqueRoom(), "楼道灯不亮", Category.ENGINEERING));
        desk.complete(no, "dispatch", "engineer", "handler", "guard");
        Task handle = desk.task(no, "handle");

        assertThat(taskAuthorizations(handle)).extracting(Authorization::getUserId).containsExactly("guard");
        assertThat(visibleTo("guard", no)).isEqualTo(1);
        assertThat(visibleTo("cleaner", no)).isZero();
        desk.complete(no, "handle", "guard", "actionTaken", "已更换", "responsibility", "PROPERTY");
        assertThat(desk.task(no, "verify")).isNotNull();
    }

    @Test
    void theManagerOfferedAVerificationIsAuthorizedOnThatTask() {
        String no = desk.file(complaint(uniqueRoom(), "草坪没人修剪", Category.CLEANING_GREENING));
        desk.complete(no, "dispatch", "cleaner");
        desk.complete(no, "handle", "cleaner", "actionTaken", "已修剪", "responsibility", "PROPERTY");
        Task verify = desk.task(no, "verify");

        assertThat(taskAuthorizations(verify)).extracting(Authorization::getGroupId).containsExactly("manager");
        assertThat(visibleTo("manager", no)).isEqualTo(1);
    }

    @Test
    void aPublicAreaRepairIsAcceptedByTheManagerAndAPrivateOneByCustomerService() {
        String publicRepair = handledRepair(true);
        String privateRepair = handledRepair(false);

        assertThat(definitionKey(desk.task(publicRepair, "accept"))).isEqualTo("repair-acceptance");
        desk.asUser("cs", () -> assertThatThrownBy(() -> engine.getTaskService().complete(
                desk.task(publicRepair, "accept").getId(), java.util.Map.of("accepted", true)))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("经理验收"));
        desk.asUser("manager", () -> assertThatThrownBy(() -> engine.getTaskService().complete(
                desk.task(privateRepair, "accept").getId(), java.util.Map.of("accepted", true)))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("客服"));

        desk.complete(publicRepair, "accept", "manager", "accepted", "true");
        desk.complete(privateRepair, "accept", "cs", "accepted", "true", "verifyNote", "业主已签字");
        assertThat(desk.task(publicRepair, "callback")).isNotNull();
        assertThat(desk.task(privateRepair, "callback")).isNotNull();
    }

    @Test
    void aNewTemplateVersionIsFollowedByEveryDepartmentsCopy() throws Exception {
        ProcessDefinition template = latest(ProcessKeys.COMPLAINT_WORK);
        String deployment = template.getDeploymentId();
        DeploymentBuilder redeploy = engine.getRepositoryService().createDeployment().name("complaint-work");
        try (InputStream model = engine.getRepositoryService().getProcessModel(template.getId())) {
            String xml = new String(model.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("负责部门处理投诉：", "负责部门处理投诉（新版本）：");
            redeploy.addString("complaint-work.bpmn", xml);
        }
        for (var resource : engine.getRepositoryService().getDeploymentResources(deployment)) {
            if (resource.getName().endsWith(".form")) {
                redeploy.addInputStream(resource.getName(),
                        engine.getRepositoryService().getResourceAsStream(deployment, resource.getName()));
            }
        }
        int version = redeploy.deployWithResult().getDeployedProcessDefinitions().get(0).getVersion();

        AtomicLong following = new AtomicLong();
        Awaitility.await("the department copies of complaint-work v" + version).atMost(Duration.ofSeconds(20))
                .until(() -> {
                    following.set(engine.getRepositoryService().createProcessDefinitionQuery()
                            .versionTag("complaint-work:" + version).count());
                    return following.get() == 4;
                });
        ProcessDefinition engineering = latest("complaint-work-engineering");
        assertThat(engineering.getName()).isEqualTo("投诉部门处理·工程部");
        assertThat(engineering.getVersionTag()).isEqualTo("complaint-work:" + version);
        String no = desk.file(complaint(uniqueRoom(), "楼道灯不亮", Category.ENGINEERING));
        assertThat(desk.work(no).getProcessDefinitionId()).isEqualTo(engineering.getId());
    }

    private String handledRepair(boolean publicArea) {
        String no = desk.file(repair(uniqueRoom(), "单元门门禁坏了", Category.ENGINEERING, publicArea, false));
        if (desk.task(no, "survey") != null) {
            desk.complete(no, "survey", "engineer", "surveyNote", "门禁主板故障", "category", "ENGINEERING");
        }
        desk.complete(no, "dispatch", "engineer", "handler", "engineer2");
        desk.complete(no, "handle", "engineer2", "actionTaken", "更换主板", "responsibility", "PROPERTY");
        return no;
    }

    private ProcessDefinition latest(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult();
    }

    private String definitionKey(Task task) {
        return engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
    }

    /** The task's own authorizations but for the read grant of whoever took the ticket in (the front desk here). */
    private List<Authorization> taskAuthorizations(Task task) {
        return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(task.getId()).list().stream()
                .filter(authorization -> !"frontdesk".equals(authorization.getUserId())).toList();
    }

    private long visibleTo(String user, String ticketNo) {
        AtomicLong count = new AtomicLong();
        desk.asUser(user, () -> count.set(engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(ticketNo).count()));
        return count.get();
    }
}
