package com.propertydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertydesk.ticket.ServiceTerms;
import com.propertydesk.ticket.Urgency;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServiceLevelPolicyTest {

    private final ServiceLevelPolicy policy = new ServiceLevelPolicy(java.time.ZoneId.of("Asia/Shanghai"),
            new BusinessCalendar(new SlaProperties(java.time.LocalTime.of(8, 30), java.time.LocalTime.of(18, 0),
                    java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY),
                    java.nio.file.Path.of("target/no-calendar")), java.time.ZoneId.of("Asia/Shanghai")));

    @Test
    void dueDatesCountFromReceipt() {
        Instant received = Instant.parse("2026-11-23T01:00:00Z");

        ServiceTerms terms = policy.terms(received, Urgency.EMERGENCY, "PT15M", "PT4H", "PT24H");

        assertThat(terms.responseDueAt()).isEqualTo(Instant.parse("2026-11-23T01:15:00Z"));
        assertThat(terms.resolveDueAt()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
        assertThat(terms.callbackWithin()).isEqualTo("PT24H");
    }

    @ParameterizedTest
    @CsvSource({"PT15M, 15分钟", "PT4H, 4小时", "PT24H, 1天", "P3D, 3天", "PT1H30M, 1小时30分钟", "PT45S, 45秒"})
    void describesDurationsForStaff(String iso, String text) {
        assertThat(ServiceLevelPolicy.describe(iso)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"2 hours", "P1M", "PT0S", "-PT1H"})
    void refusesDurationsAProcessOwnerGotWrong(String iso) {
        assertThatThrownBy(() -> policy.terms(Instant.now(), Urgency.NORMAL, iso, "PT24H", "PT24H"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("responseWithin");
    }

    @ParameterizedTest
    @CsvSource({"EMERGENCY, 100", "HIGH, 75", "NORMAL, 50", "LOW, 25"})
    void urgencyGivesThePriority(Urgency urgency, int priority) {
        assertThat(policy.taskPriority(urgency)).isEqualTo(priority);
    }
}
