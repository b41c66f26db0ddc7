package com.propertydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Service hours 08:30–18:00, Monday to Friday, with the State Council's 2026 holidays and 调休 days. */
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path operatorDir;

    private BusinessCalendar calendar() {
        return new BusinessCalendar(new SlaProperties(LocalTime.of(8, 30), LocalTime.of(18, 0),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY), operatorDir), SHANGHAI);
    }

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
    }

    @Test
    void aFridayEveningTicketStartsCountingOnMondayMorning() {
        // Friday 2026-11-20 19:00, two service hours → Monday 2026-11-23 10:30
        assertThat(calendar().addServiceTime(at("2026-11-20T19:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-23T10:30"));
    }

    @Test
    void timeRunsOverIntoTheNextWorkingDay() {
        // Thursday 16:00 + 24 service hours: 2h Thursday, 9.5h Friday, 9.5h Monday, 3h Tuesday → Tuesday 11:30
        assertThat(calendar().addServiceTime(at("2026-11-19T16:00"), Duration.ofHours(24)))
                .isEqualTo(at("2026-11-24T11:30"));
    }

    @Test
    void holidaysDoNotCount() {
        // Wednesday 2026-09-30 17:00 + 2h: 1h on the 30th, National Day 1–7 Oct is off, Thursday 8 Oct 09:30
        assertThat(calendar().addServiceTime(at("2026-09-30T17:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-10-08T09:30"));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        // Friday 2026-10-09 17:00 + 2h: 1h on Friday, then Saturday 10 Oct is a 调休 working day → 09:30
        assertThat(calendar().addServiceTime(at("2026-10-09T17:00"), Duration.ofHours(2)))
                .isEqualTo(at("2026-10-10T09:30"));
        assertThat(calendar().isWorkingDay(LocalDate.of(2026, 2, 14))).as("春节调休 Saturday").isTrue();
        assertThat(calendar().isWorkingDay(LocalDate.of(2026, 2, 16))).as("春节 Monday").isFalse();
        assertThat(calendar().isWorkingDay(LocalDate.of(2026, 11, 21))).as("ordinary Saturday").isFalse();
    }

    @Test
    void serviceTimeBetweenIsTheInverseOfAdding() {
        BusinessCalendar calendar = calendar();
        Instant start = at("2026-09-29T15:00");
        Instant due = calendar.addServiceTime(start, Duration.ofHours(12));

        assertThat(calendar.serviceTimeBetween(start, due)).isEqualTo(Duration.ofHours(12));
        assertThat(calendar.serviceTimeBetween(at("2026-10-01T09:00"), at("2026-10-07T18:00"))).isZero();
    }

    @Test
    void anOperatorsFileForAYearReplacesTheBuiltInOneWithoutARestart() throws IOException {
        BusinessCalendar calendar = calendar();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("no 2027 file yet: a Friday").isTrue();

        Files.writeString(operatorDir.resolve("2027.yaml"), """
                year: 2027
                holidays:
                  - 2027-01-01        # 元旦
                workdays:
                  - 2027-01-02
                """);

        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).as("a Saturday worked").isTrue();
    }

    @Test
    void aBrokenFileSaysWhatIsWrong() throws IOException {
        Files.writeString(operatorDir.resolve("2026.yaml"), "year: 2026\nholidays:\n  - 2026-13-40..2026-13-41\n");

        assertThatThrownBy(() -> calendar().isWorkingDay(LocalDate.of(2026, 1, 5)))
                .hasMessageContaining("2026-13-40");
    }
}
