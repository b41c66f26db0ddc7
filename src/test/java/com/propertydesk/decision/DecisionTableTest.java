package com.propertydesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Decision tables evaluated by a bare in-memory engine, one table row per test case: each case names the rule
 * it must hit, read back from the engine's decision history, so a reordered or shadowed row fails its case.
 */
@ExtendWith(DecisionEngineExtension.class)
abstract class DecisionTableTest {

    private ProcessEngine engine;

    @BeforeEach
    void useEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The outputs of one evaluation and the id of the rule that produced them (null when none matched). */
    record Outcome(Map<String, Object> outputs, String ruleId) {

        Object get(String output) {
            return outputs.get(output);
        }
    }

    Outcome evaluate(String decisionKey, Map<String, Object> inputs) {
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey(decisionKey)
                .variables(inputs).evaluate();
        assertThat(result.size()).as("matched rules").isLessThanOrEqualTo(1);
        HistoricDecisionInstance instance = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(decisionKey).includeOutputs().singleResult();
        String ruleId = instance.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).findFirst()
                .orElse(null);
        return new Outcome(result.isEmpty() ? Map.of() : result.getSingleResult().getEntryMap(), ruleId);
    }

    /** Inputs by name; a "null" text stands for a missing value, as CSV sources cannot pass null in quotes. */
    static Map<String, Object> inputs(Object... namesAndValues) {
        Map<String, Object> inputs = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            inputs.put((String) namesAndValues[i], "null".equals(value) ? null : value);
        }
        return inputs;
    }
}
