package com.propertydesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = "processes/ticket-urgency.dmn")
class TicketUrgencyDecisionTest extends DecisionTableTest {

    @ParameterizedTest(name = "{0} / {1} / {2} / repeat {3} → {4}, major {5} ({6})")
    @CsvSource(delimiter = '|', textBlock = """
            ENGINEERING       | 整栋楼停电了，电梯也停了           | COMMUNITY  | 0 | EMERGENCY | true  | Rule_EmergencyCommunity
            ENGINEERING       | 电梯困人，有老人被关在里面         | INDIVIDUAL | 0 | EMERGENCY | false | Rule_Emergency
            ENGINEERING       | 厨房水管爆裂，水浸到客厅           | null       | 3 | EMERGENCY | false | Rule_Emergency
            OTHER             | 楼道里闻到燃气味                   | null       | 0 | EMERGENCY | false | Rule_Emergency
            CLEANING_GREENING | 垃圾又没人收                       | INDIVIDUAL | 1 | HIGH      | true  | Rule_Repeat
            CUSTOMER_SERVICE  | 物业费收费不透明                   | COMMUNITY  | 0 | HIGH      | true  | Rule_Community
            CLEANING_GREENING | 单元门口垃圾堆积                   | AREA       | 0 | HIGH      | false | Rule_Area
            SECURITY_ORDER    | 家里被盗了                         | INDIVIDUAL | 0 | HIGH      | false | Rule_SecurityIncident
            SECURITY_ORDER    | 晚上广场舞噪音太大                 | null       | 0 | NORMAL    | false | Rule_Default
            OTHER             | 建议增加儿童游乐设施               | null       | 0 | LOW       | false | Rule_Suggestion
            ENGINEERING       | 楼道灯不亮                         | null       | 0 | NORMAL    | false | Rule_Default
            """)
    void decidesUrgencyAndMajor(String category, String description, String impactScope, int repeatCount,
            String urgency, boolean major, String rule) {
        Outcome outcome = evaluate("ticket-urgency", inputs("category", category, "description", description,
                "impactScope", impactScope, "repeatCount", repeatCount));

        assertThat(outcome.get("urgency")).isEqualTo(urgency);
        assertThat(outcome.get("major")).isEqualTo(major);
        assertThat(outcome.ruleId()).isEqualTo(rule);
    }
}
