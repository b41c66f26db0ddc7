package com.propertydesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = "processes/ticket-routing.dmn")
class TicketRoutingDecisionTest extends DecisionTableTest {

    @ParameterizedTest(name = "{0} / {1} / public {2} → {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            REPAIR    | CLEANING_GREENING | false | engineering      | Rule_Repair
            REPAIR    | ENGINEERING       | true  | engineering      | Rule_Repair
            COMPLAINT | ENGINEERING       | true  | engineering      | Rule_Engineering
            COMPLAINT | CLEANING_GREENING | false | cleaning         | Rule_Cleaning
            COMPLAINT | SECURITY_ORDER    | true  | security         | Rule_Security
            COMPLAINT | CUSTOMER_SERVICE  | false | customer-service | Rule_CustomerService
            COMPLAINT | NEIGHBOR_DISPUTE  | false | customer-service | Rule_CustomerService
            COMPLAINT | OTHER             | null  | customer-service | Rule_CustomerService
            """)
    void routesToTheDepartment(String type, String category, String publicArea, String department, String rule) {
        Outcome outcome = evaluate("ticket-routing", inputs("type", type, "category", category,
                "publicArea", "null".equals(publicArea) ? null : Boolean.valueOf(publicArea)));

        assertThat(outcome.get("department")).isEqualTo(department);
        assertThat(outcome.ruleId()).isEqualTo(rule);
    }
}
