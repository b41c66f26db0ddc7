package com.propertydesk.identity;

import com.propertydesk.identity.IdentityCache.Profile;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a person logged into Tasklist open the links on its forms (an attachment, the quarterly report) without
 * being asked for a password again: a GET to {@code /api/**} without an Authorization header runs as the user of
 * the Camunda webapp session, if there is one. Only reads: anything that changes data still needs HTTP Basic, so
 * the webapps' session cannot be used for cross-site writes. The user's groups are the identity service's as they
 * are now (from the {@link IdentityCache} while the identity stamps are unchanged), and a user deleted since
 * logging in gets nothing.
 */
class TasklistSessionAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityStamps stamps;
    private final IdentityCache identities;
    private final String engineName;

    TasklistSessionAuthenticationFilter(IdentityStamps stamps, IdentityCache identities, String engineName) {
        this.stamps = stamps;
        this.identities = identities;
        this.engineName = engineName;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String userId = session == null ? null : sessionUser(session);
        Profile profile = userId == null ? null : identities.profile(userId, stamps.current(userId));
        if (profile != null && profile.exists()) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null,
                    CamundaIdentityAuthenticationProvider.authorities(profile)));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private String sessionUser(HttpSession session) {
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engineName);
        return authentication == null ? null : authentication.getName();
    }
}
