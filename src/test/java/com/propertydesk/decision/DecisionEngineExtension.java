package com.propertydesk.decision;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** Camunda's JUnit 5 extension on the bare decision-test engine (decision-tests.camunda.cfg.xml). */
public class DecisionEngineExtension extends ProcessEngineExtension {

    public DecisionEngineExtension() {
        configurationResource = "decision-tests.camunda.cfg.xml";
    }
}
