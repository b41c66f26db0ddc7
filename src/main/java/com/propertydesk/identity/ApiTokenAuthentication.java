package com.propertydesk.identity;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A caller authenticated by an API token: the integrator account's id and authorities, and which token it was. */
class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String userId;
    private final long tokenId;

    ApiTokenAuthentication(String userId, long tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.userId = userId;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return userId;
    }

    long tokenId() {
        return tokenId;
    }
}
