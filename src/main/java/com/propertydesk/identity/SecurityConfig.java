package com.propertydesk.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertydesk.config.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. {@code /api/**} and {@code /engine-rest/**} take HTTP Basic against the Camunda identity
 * service (Camunda Modeler deploys with a user name and password) and API tokens of integrator accounts
 * ({@code Authorization: Bearer}, {@link ApiTokenService}); the engine REST API additionally runs as the
 * authenticated user inside the engine, with the groups and tenants already known
 * ({@link EngineRestAuthenticationProvider}). Tasklist, Cockpit and Admin keep their own session login and CSRF
 * protection; a GET to {@code /api/**} from a browser logged into them runs as that user (the links on Tasklist
 * forms, see {@link TasklistSessionAuthenticationFilter}). Health and the OpenAPI description are public; the rest
 * of {@code /actuator} is for administrators. While the database (which holds the accounts) cannot be reached, a
 * request that needs authentication is answered 503 with Retry-After ({@link DatabaseUnavailable}), not 401.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String REALM = "Property Service Desk";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
            ApiTokenService tokens, IdentityStamps stamps, IdentityCache identities, ObjectMapper json,
            ProcessEngine engine) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (DatabaseUnavailable.in(e)) {
                // the accounts are in the database: not knowing who calls is no reason to say 401
                DatabaseUnavailable.write(response, request.getRequestURI());
                return;
            }
            if (e instanceof ThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                writeProblem(json, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
                        "从本地址登录失败的次数过多，请在 " + throttled.retryAfterSeconds() + " 秒后重试"
                                + "（Too many failed authentication attempts from this address）",
                        request.getRequestURI());
                return;
            }
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Authentication required: send HTTP Basic credentials of a Property Service Desk account or an "
                            + "integrator's API token (Authorization: Bearer pdt_…)",
                    request.getRequestURI());
        };
        AccessDeniedHandler forbidden = (request, response, e) -> writeProblem(json, response,
                HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this", request.getRequestURI());
        // path patterns over the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's
        var paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher health = new OrRequestMatcher(paths.matcher("/actuator/health"),
                paths.matcher("/actuator/health/**"));
        RequestMatcher actuator = new AndRequestMatcher(paths.matcher("/actuator/**"),
                new NegatedRequestMatcher(health));
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"),
                        actuator))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(actuator).hasAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX
                                + Groups.ADMIN)
                        .anyRequest().authenticated())
                // this provider alone: with Spring's global manager as a parent, a wrong password would be checked
                // (and counted against the caller's address) twice
                .authenticationManager(new ProviderManager(identity))
                .addFilterBefore(new TasklistSessionAuthenticationFilter(stamps, identities, engine.getName()),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, unauthorized),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * A URL the firewall refuses (an encoded ; % / \\ or line break, a .. segment): a 400 problem detail like any
     * other request error, not Boot's error page.
     */
    @Bean
    RequestRejectedHandler rejectedAsProblem(ObjectMapper json) {
        return (request, response, e) -> writeProblem(json, response, HttpStatus.BAD_REQUEST, "rejected-url",
                "The URL contains characters or segments that are not allowed (an encoded ; % / \\ or line break, "
                        + "a .. segment): encode only the characters of a value, as in ticket numbers",
                instanceOf(request.getRequestURI()));
    }

    private static String instanceOf(String requestUri) {
        try {
            return URI.create(requestUri).toString();
        } catch (IllegalArgumentException notAUri) {
            return "/";
        }
    }

    /** Webapps, health, OpenAPI: Spring Security stays out of the way; the Camunda webapps secure themselves. */
    @Bean
    @Order(2)
    SecurityFilterChain otherRequests(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Engine REST calls run as the authenticated user: the engine knows who claims and completes a task. The user,
     * groups and tenants come from Spring Security, so the engine does not read them again.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", EngineRestAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Refuses expressions smuggled into task queries, on both engine APIs; see {@link QueryExpressionGuard}. */
    @Bean
    FilterRegistrationBean<QueryExpressionGuard> queryExpressionGuard() {
        var registration = new FilterRegistrationBean<>(new QueryExpressionGuard());
        registration.setName("query-expression-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String type,
            String detail, String instance) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:propertydesk:problem:" + type));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(instance));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
