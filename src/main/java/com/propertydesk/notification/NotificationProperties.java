package com.propertydesk.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notices go besides the log.
 *
 * @param email   e-mail to the members of the notified groups (needs spring.mail.host)
 * @param webhook an HTTP POST of every notice to one URL, signed with an HMAC of the body
 */
@ConfigurationProperties("propertydesk.notifications")
public record NotificationProperties(@DefaultValue Email email, @DefaultValue Webhook webhook) {

    public record Email(@DefaultValue("false") boolean enabled,
            @DefaultValue("service-desk@propertydesk.local") String from) {
    }

    /**
     * @param url     where to POST; no webhook when empty
     * @param secret  the HMAC-SHA256 key for the X-PropertyDesk-Signature header
     * @param timeout how long to wait for the receiver
     */
    public record Webhook(URI url, String secret, @DefaultValue("PT10S") Duration timeout) {

        boolean enabled() {
            return url != null && !url.toString().isBlank();
        }
    }
}
