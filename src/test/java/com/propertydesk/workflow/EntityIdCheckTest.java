package com.propertydesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine runs on the cheaper id check, which still refuses what the engine's own check refuses. */
class EntityIdCheckTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:entity-id-check;DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("entityIdCheck");
        configuration.setProcessEnginePlugins(List.of(new EntityIdCheck()));
        engine = configuration.buildProcessEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static <T> T inCommand(Command<T> command) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(command);
    }

    @Test
    void theEngineInsertsThroughIt() {
        DbEntityManager manager = inCommand(context -> context.getDbEntityManager());
        assertThat(manager).isInstanceOf(EntityIdCheck.Checking.class);
        engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn",
                Bpmn.createExecutableProcess("wait").camundaHistoryTimeToLive(1).startEvent().userTask("work")
                        .endEvent().done()).deploy();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("wait", "T-1").getId();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult()
                .getTaskDefinitionKey()).isEqualTo("work");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                .count()).isEqualTo(2);
    }

    @Test
    void aReservedOrMissingIdIsRefusedWithTheEnginesMessage() {
        ExecutionEntity reserved = new ExecutionEntity();
        reserved.setId("*");
        assertThatThrownBy(() -> inCommand(context -> {
            context.getDbEntityManager().insert(reserved);
            return null;
        })).isInstanceOf(ProcessEngineException.class).hasMessageContaining("has an invalid id")
                .hasMessageContaining("is a reserved identifier");
        assertThatThrownBy(() -> inCommand(context -> {
            ((EntityIdCheck.Checking) context.getDbEntityManager()).validateId(new ExecutionEntity());
            return null;
        })).isInstanceOf(ProcessEngineException.class).hasMessageContaining("has an invalid id");
        ExecutionEntity fine = new ExecutionEntity();
        fine.setId("a1");
        DbEntityManager accepted = inCommand(context -> {
            ((EntityIdCheck.Checking) context.getDbEntityManager()).validateId(fine);
            return context.getDbEntityManager();
        });
        assertThat(accepted).isInstanceOf(EntityIdCheck.Checking.class);
    }
}
