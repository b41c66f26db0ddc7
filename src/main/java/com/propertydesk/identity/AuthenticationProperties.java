package com.propertydesk.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication of {@code /api} and {@code /engine-rest} callers.
 *
 * @param cacheTtl           how long verified credentials and a user's groups are remembered at most (each use
 *                           still checks the identity stamps, so a change is seen at once; this bounds memory)
 * @param failuresPerAddress failed token or integrator-password attempts from one client address within
 *                           {@code failureWindow} before that address is refused (429 with Retry-After)
 * @param failureWindow      the window in which failures are counted and for which an address stays refused
 */
@ConfigurationProperties("propertydesk.authentication")
public record AuthenticationProperties(@DefaultValue("PT1M") Duration cacheTtl,
        @DefaultValue("10") int failuresPerAddress, @DefaultValue("PT1M") Duration failureWindow) {
}
