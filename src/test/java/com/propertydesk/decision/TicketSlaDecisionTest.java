package com.propertydesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = "processes/ticket-sla.dmn")
class TicketSlaDecisionTest extends DecisionTableTest {

    @ParameterizedTest(name = "{0} {1} → respond {2}, resolve {3}, callback {4}")
    @CsvSource(delimiter = '|', textBlock = """
            COMPLAINT | EMERGENCY | PT15M | PT4H  | PT24H | Rule_ComplaintEmergency
            COMPLAINT | HIGH      | PT30M | PT12H | PT24H | Rule_ComplaintHigh
            COMPLAINT | NORMAL    | PT2H  | PT24H | PT24H | Rule_ComplaintNormal
            COMPLAINT | LOW       | PT4H  | PT72H | PT24H | Rule_ComplaintLow
            REPAIR    | EMERGENCY | PT15M | PT4H  | PT24H | Rule_RepairEmergency
            REPAIR    | HIGH      | PT30M | PT12H | PT24H | Rule_RepairHigh
            REPAIR    | NORMAL    | PT2H  | PT24H | PT24H | Rule_RepairNormal
            REPAIR    | LOW       | PT4H  | PT72H | PT24H | Rule_RepairLow
            """)
    void givesTheServiceTerms(String type, String urgency, String response, String resolve, String callback,
            String rule) {
        Outcome outcome = evaluate("ticket-sla", inputs("type", type, "urgency", urgency));

        assertThat(outcome.get("responseWithin")).isEqualTo(response);
        assertThat(outcome.get("resolveWithin")).isEqualTo(resolve);
        assertThat(outcome.get("callbackWithin")).isEqualTo(callback);
        assertThat(outcome.ruleId()).isEqualTo(rule);
    }
}
