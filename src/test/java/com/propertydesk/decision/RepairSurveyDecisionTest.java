package com.propertydesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = "processes/repair-survey.dmn")
class RepairSurveyDecisionTest extends DecisionTableTest {

    @ParameterizedTest(name = "asked {0}, {1}, public {2} → survey {3} ({4})")
    @CsvSource({
        "true,  ENGINEERING, false, true,  Rule_Requested",
        "false, null,        false, true,  Rule_Unclassified",
        "false, null,        true,  true,  Rule_Unclassified",
        "false, ENGINEERING, true,  true,  Rule_PublicArea",
        "false, ENGINEERING, false, false, Rule_Default",
        "false, OTHER,       null,  false, Rule_Default",
    })
    void decidesWhetherEngineeringSurveysFirst(boolean needsSurvey, String category, String publicArea,
            boolean surveyRequired, String rule) {
        Outcome outcome = evaluate("repair-survey", inputs("needsSurvey", needsSurvey, "category", category,
                "publicArea", "null".equals(publicArea) ? null : Boolean.valueOf(publicArea)));

        assertThat(outcome.get("surveyRequired")).isEqualTo(surveyRequired);
        assertThat(outcome.ruleId()).isEqualTo(rule);
    }
}
