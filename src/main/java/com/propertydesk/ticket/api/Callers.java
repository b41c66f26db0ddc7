package com.propertydesk.ticket.api;

import com.propertydesk.identity.CamundaIdentityAuthenticationProvider;
import com.propertydesk.ticket.Caller;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The API caller as the ticket services see it: user id and Camunda groups. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
                .map(authority -> authority.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet()));
    }
}
