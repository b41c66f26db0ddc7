package com.propertydesk.identity;

import com.propertydesk.config.DatabaseUnavailable;
import com.propertydesk.identity.IdentityCache.Profile;
import com.propertydesk.identity.IdentityStamps.Stamp;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against the Camunda identity service, so that integrators, staff and Camunda Modeler use the same
 * accounts as Tasklist. Authorities are the user's group ids prefixed with {@code GROUP_} and tenant ids prefixed
 * with {@code TENANT_}.
 *
 * <p>Paid once, not per request: the user's groups and tenants and each verified password are remembered
 * ({@link IdentityCache}) for as long as the identity stamps stay unchanged ({@link IdentityStamps}: one read of two
 * rows per request), so a password change, a lock or a membership change on any node counts from the next request.
 *
 * <p>Staff keep Camunda's login throttling (a wrong password locks the account for a growing time, in the end for
 * good). Integrator accounts (group {@code integrator}) are machine clients that strangers can address, so that
 * lock would let anyone shut the integration out: their password is checked without it and failures are throttled
 * per client address instead ({@link AddressThrottle}); an address that used up its failures is refused (429 with
 * Retry-After) even with the right password, or it could keep guessing. Integrators should prefer API tokens, which
 * a stranger cannot exhaust from any address ({@link ApiTokenService}).
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    public static final String GROUP_PREFIX = "GROUP_";
    public static final String TENANT_PREFIX = "TENANT_";

    private final IdentityService identityService;
    private final IdentityStamps stamps;
    private final IdentityCache cache;
    private final AddressThrottle throttle;
    private final StampingIdentityPlugin engineIdentity;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, IdentityStamps stamps,
            IdentityCache cache, AddressThrottle throttle, StampingIdentityPlugin engineIdentity) {
        this.identityService = identityService;
        this.stamps = stamps;
        this.cache = cache;
        this.throttle = throttle;
        this.engineIdentity = engineIdentity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return check(authentication);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.in(e)) {
                // an AuthenticationException the provider manager passes on: the entry point answers 503
                throw new InternalAuthenticationServiceException("The accounts cannot be read: database unavailable",
                        e);
            }
            throw e;
        }
    }

    private Authentication check(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null) {
            throw wrong();
        }
        String password = credentials.toString();
        // the stamp first: whatever is read after it is at least as new as it
        Stamp stamp = stamps.current(user);
        Profile profile = cache.profile(user, stamp);
        if (!profile.exists()) {
            throw wrong();
        }
        boolean integrator = profile.inGroup(Groups.INTEGRATOR);
        String address = address(authentication);
        if (integrator) {
            throttle.refuseIfBlocked(address);
        }
        if (!cache.verified(user, password, stamp)) {
            boolean matches = integrator ? engineIdentity.passwordMatchesIgnoringLock(user, password)
                    : checkPassword(user, password);
            if (!matches) {
                if (integrator) {
                    throttle.failed(address);
                }
                throw wrong();
            }
            cache.rememberVerified(user, password, stamp);
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(profile));
    }

    /** Camunda's check with its login throttling; two wrong passwords at once may collide on the lock. */
    private boolean checkPassword(String user, String password) {
        try {
            return identityService.checkPassword(user, password);
        } catch (OptimisticLockingException concurrentFailure) {
            return false;
        }
    }

    static List<GrantedAuthority> authorities(Profile profile) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        profile.groups().forEach(group -> authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + group)));
        profile.tenants().forEach(tenant -> authorities.add(new SimpleGrantedAuthority(TENANT_PREFIX + tenant)));
        return List.copyOf(authorities);
    }

    static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }

    private static BadCredentialsException wrong() {
        return new BadCredentialsException("Wrong user name or password");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
