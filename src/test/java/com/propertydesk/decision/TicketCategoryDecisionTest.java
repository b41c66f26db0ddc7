package com.propertydesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = "processes/ticket-category.dmn")
class TicketCategoryDecisionTest extends DecisionTableTest {

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            卫生间天花板漏水，已经滴到地面     | ENGINEERING       | Rule_Engineering
            电梯停在三楼不动了                 | ENGINEERING       | Rule_Engineering
            单元门禁刷卡没反应                 | ENGINEERING       | Rule_Engineering
            楼下垃圾桶满了没人清理             | CLEANING_GREENING | Rule_CleaningGreening
            草坪很久没有修剪                   | CLEANING_GREENING | Rule_CleaningGreening
            楼上每天半夜跺脚                   | NEIGHBOR_DISPUTE  | Rule_NeighborDispute
            邻居的狗一直叫                     | NEIGHBOR_DISPUTE  | Rule_NeighborDispute
            小区门口乱停车堵住通道             | SECURITY_ORDER    | Rule_SecurityOrder
            有陌生人在单元里发小广告           | SECURITY_ORDER    | Rule_SecurityOrder
            物业费为什么又涨了                 | CUSTOMER_SERVICE  | Rule_CustomerService
            前台客服态度很差                   | CUSTOMER_SERVICE  | Rule_CustomerService
            想了解一下年底的社区活动安排       | none              | none
            """)
    void suggestsCategoryFromKeywords(String description, String category, String rule) {
        Outcome outcome = evaluate("ticket-category", inputs("description", description));

        assertThat(outcome.get("category")).isEqualTo(category);
        assertThat(outcome.ruleId()).isEqualTo(rule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            昨天打过电话。\\n今天厨房又开始漏水   | ENGINEERING
            好几天了\\n楼道的垃圾没人收           | CLEANING_GREENING
            """)
    void findsKeywordsOnAnyLineOfALongDescription(String description, String category) {
        Outcome outcome = evaluate("ticket-category", inputs("description", description.replace("\\n", "\n")));

        assertThat(outcome.get("category")).isEqualTo(category);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = "none")
    void suggestsNothingWithoutADescription(String description) {
        Outcome outcome = evaluate("ticket-category", inputs("description", description));

        assertThat(outcome.outputs()).isEmpty();
        assertThat(outcome.ruleId()).isNull();
    }
}
