package com.propertydesk.ticket.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Shows stored instants in the service centre's time zone (Asia/Shanghai unless configured). */
@Component
public class TimeMapper {

    private final ZoneId zone;

    public TimeMapper(ZoneId zone) {
        this.zone = zone;
    }

    public OffsetDateTime toOffset(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    public Instant toInstant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
