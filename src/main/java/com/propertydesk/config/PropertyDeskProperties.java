package com.propertydesk.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-cutting settings.
 *
 * @param zone the service centre's time zone: ticket numbers, dates shown to people, service hours
 */
@ConfigurationProperties("propertydesk")
public record PropertyDeskProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
