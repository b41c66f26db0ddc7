package com.propertydesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.SpringTestBase;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The application's decisions run on the FEEL engine that parses each text once ({@link FeelParsedOnce}). */
class DecisionFeelEngineTest extends SpringTestBase {

    @Test
    void theEnginesDecisionsUseIt() {
        FeelEngine feel = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration().getFeelEngine();
        assertThat(feel.getClass().getEnclosingClass()).isEqualTo(FeelParsedOnce.class);

        for (int i = 0; i < 2; i++) {
            Object department = engine.getDecisionService().evaluateDecisionTableByKey("ticket-routing",
                    Variables.createVariables().putValue("type", "COMPLAINT").putValue("category", "SECURITY_ORDER")
                            .putValue("publicArea", true)).getSingleResult().getEntry("department");
            assertThat(department).isEqualTo("security");
        }
    }
}
