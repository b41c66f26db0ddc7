package com.propertydesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The engine REST API's authentication ({@code ProcessEngineAuthenticationFilter}): the user Spring Security
 * authenticated, with the groups and tenants it already knows, so the engine does not query them again (Camunda's
 * {@code ContainerBasedAuthenticationProvider} hands over only the name, and the filter then reads groups and
 * tenants on every request). Instantiated by the engine's filter by class name.
 */
public class EngineRestAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                || authentication.getName() == null || authentication.getName().isEmpty()) {
            return AuthenticationResult.unsuccessful();
        }
        List<String> groups = new ArrayList<>();
        List<String> tenants = new ArrayList<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX)) {
                groups.add(name.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()));
            } else if (name.startsWith(CamundaIdentityAuthenticationProvider.TENANT_PREFIX)) {
                tenants.add(name.substring(CamundaIdentityAuthenticationProvider.TENANT_PREFIX.length()));
            }
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(groups);
        result.setTenants(tenants);
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security answers unauthenticated requests before they get here
    }
}
