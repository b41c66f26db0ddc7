package com.propertydesk.workflow;

import com.propertydesk.identity.Groups;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Each department's own work processes, made from the templates {@code complaint-work} and {@code repair-work}
 * (processes/*-work.bpmn, which process owners edit in Camunda Modeler): for every department a copy keyed
 * {@code <template>-<department>} (e.g. {@code complaint-work-engineering}, named "投诉部门处理·工程部"), deployed
 * with the template's forms, so that each department's tasks live in a process definition of its own and its members
 * are authorized on that definition instead of task by task (see {@link TaskOwnership}).
 *
 * <p>The copies follow the template: at start-up, and after every deployment that brings a new version of a
 * template (Modeler, REST), the copies of the latest template version are deployed. A copy carries the template's
 * key and version in its version tag ({@code complaint-work:3}), so its origin shows in Cockpit.
 */
@Component
@Order(-10)
public class DepartmentWorkProcesses extends AbstractProcessEnginePlugin implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentWorkProcesses.class);

    private final ObjectProvider<RepositoryService> repository;
    private final TaskOwnership ownership;
    private final Executor afterDeployment = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "department-work-deployer");
        thread.setDaemon(true);
        return thread;
    });

    public DepartmentWorkProcesses(ObjectProvider<RepositoryService> repository,
            TaskOwnership ownership) {
        this.repository = repository;
        this.ownership = ownership;
    }

    @Override
    public void run(ApplicationArguments args) {
        refresh();
    }

    /** Deploys the department copies of every template whose latest version they do not follow yet. */
    public synchronized void refresh() {
        for (String template : ProcessKeys.WORK_TEMPLATES) {
            ProcessDefinition latest = repository.getObject().createProcessDefinitionQuery()
                    .processDefinitionKey(template).latestVersion().singleResult();
            if (latest != null) {
                follow(latest);
            }
        }
    }

    private void follow(ProcessDefinition template) {
        String origin = template.getKey() + ":" + template.getVersion();
        List<String> stale = new ArrayList<>();
        for (String department : Groups.DEPARTMENTS) {
            String key = ProcessKeys.departmentWork(template.getKey(), department);
            ProcessDefinition copy = repository.getObject().createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            if (copy == null || !origin.equals(copy.getVersionTag())) {
                stale.add(department);
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        RepositoryService service = repository.getObject();
        DeploymentBuilder deployment = service.createDeployment().name(template.getKey() + "-departments")
                .source("department work copies of " + origin);
        byte[] model = read(service.getProcessModel(template.getId()));
        for (String department : stale) {
            deployment.addModelInstance(ProcessKeys.departmentWork(template.getKey(), department) + ".bpmn",
                    copyFor(model, template, department, origin));
        }
        // the copies' tasks reference their forms with formRefBinding="deployment": the forms come along
        for (Resource resource : service.getDeploymentResources(template.getDeploymentId())) {
            if (resource.getName().endsWith(".form")) {
                deployment.addInputStream(resource.getName(),
                        service.getResourceAsStream(template.getDeploymentId(), resource.getName()));
            }
        }
        deployment.deploy();
        LOG.info("Deployed the {} work process of {} from {}", template.getKey(), stale, origin);
    }

    private BpmnModelInstance copyFor(byte[] model, ProcessDefinition template, String department, String origin) {
        BpmnModelInstance copy = Bpmn.readModelFromStream(new ByteArrayInputStream(model));
        Process process = copy.getModelElementById(template.getKey());
        process.setId(ProcessKeys.departmentWork(template.getKey(), department));
        process.setName((template.getName() == null ? template.getKey() : template.getName()) + "·"
                + departmentName(department));
        process.setCamundaVersionTag(origin);
        return copy;
    }

    private static String departmentName(String department) {
        return Groups.ALL.stream().filter(group -> group.id().equals(department)).map(Groups.Definition::name)
                .findFirst().orElse(department);
    }

    private static byte[] read(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A deployment that brings a new template version (from Camunda Modeler, say) is followed by its department
     * copies once it has committed; tickets that reach a department meanwhile still run the previous copy.
     */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(this::deployed);
        configuration.setCustomPostDeployers(deployers);
        configuration.setResourceAuthorizationProvider(new OwnedTaskAuthorizationProvider(ownership));
    }

    private void deployed(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getDeployedProcessDefinitions() == null) {
            return;
        }
        boolean bringsTemplate = deployment.getDeployedProcessDefinitions().stream()
                .anyMatch(definition -> ProcessKeys.WORK_TEMPLATES.contains(definition.getKey()));
        if (bringsTemplate && Context.getCommandContext() != null) {
            Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> afterDeployment.execute(this::refreshQuietly));
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.error("Could not deploy the department work processes after a template deployment; they follow "
                    + "at the next start-up", e);
        }
    }
}
