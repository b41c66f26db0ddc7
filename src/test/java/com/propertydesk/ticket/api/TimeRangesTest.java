package com.propertydesk.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertydesk.config.InvalidFieldException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeRangesTest {

    private final TimeRanges ranges = new TimeRanges(ZoneId.of("Asia/Shanghai"));

    @Test
    void aDateIsAWholeDayInTheServiceCentresZone() {
        TimeRanges.Range range = ranges.parse("2026-11-01", "2026-11-30");

        assertThat(range.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
    }

    @Test
    void aDateTimeIsThatInstant() {
        TimeRanges.Range range = ranges.parse("2026-11-01T08:00:00+08:00", null);

        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(range.to()).isNull();
    }

    @Test
    void anEmptyRangeNamesTo() {
        assertThatThrownBy(() -> ranges.parse("2026-11-02", "2026-11-01"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.getField()).isEqualTo("to"));
    }
}
