package com.propertydesk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts created at start-up.
 *
 * @param demo  demo users with the well-known password {@code demo}; never in production
 * @param admin the first administrator outside demo mode (PROPERTYDESK_ADMIN_USER, PROPERTYDESK_ADMIN_PASSWORD)
 */
@ConfigurationProperties("propertydesk")
public record IdentityProperties(@DefaultValue Demo demo, @DefaultValue Admin admin) {

    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    public record Admin(String user, String password) {

        boolean configured() {
            return user != null && !user.isBlank() && password != null && !password.isBlank();
        }
    }
}
