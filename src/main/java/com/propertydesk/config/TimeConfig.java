package com.propertydesk.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class TimeConfig {

    @Bean
    ZoneId serviceZone(PropertyDeskProperties properties) {
        return properties.zone();
    }

    /**
     * The engine's clock. Ticket due dates and the engine's timers must agree on "now", also when a process test
     * moves the engine's clock forward (Camunda's documented time-travel hook, ClockUtil).
     */
    @Bean
    Clock clock(ZoneId serviceZone) {
        return new EngineClock(serviceZone);
    }

    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineClock(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
