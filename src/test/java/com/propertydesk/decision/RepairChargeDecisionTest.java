package com.propertydesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = "processes/repair-charge.dmn")
class RepairChargeDecisionTest extends DecisionTableTest {

    @ParameterizedTest(name = "public {0}, {1} → chargeable {2} ({3})")
    @CsvSource({
        "true,  OWNER,     false, Rule_PublicArea",
        "true,  DEVELOPER, false, Rule_PublicArea",
        "false, OWNER,     true,  Rule_Owner",
        "null,  OWNER,     true,  Rule_Owner",
        "false, DEVELOPER, false, Rule_Free",
        "false, VENDOR,    false, Rule_Free",
        "false, PROPERTY,  false, Rule_Free",
        "false, OTHER,     false, Rule_Free",
    })
    void decidesWhetherTheOwnerPays(String publicArea, String responsibility, boolean chargeable, String rule) {
        Outcome outcome = evaluate("repair-charge", inputs("publicArea",
                "null".equals(publicArea) ? null : Boolean.valueOf(publicArea), "responsibility", responsibility));

        assertThat(outcome.get("chargeable")).isEqualTo(chargeable);
        assertThat(outcome.ruleId()).isEqualTo(rule);
    }
}
