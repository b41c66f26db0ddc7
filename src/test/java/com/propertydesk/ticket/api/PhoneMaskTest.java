package com.propertydesk.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneMaskTest {

    @ParameterizedTest
    @CsvSource({"13800138000, 138****8000", "021-61234567, 021****4567", "+86 13800138000, 861****8000",
        "12345, ****"})
    void keepsTheFirstThreeAndLastFourDigits(String phone, String masked) {
        assertThat(PhoneMask.mask(phone)).isEqualTo(masked);
    }
}
