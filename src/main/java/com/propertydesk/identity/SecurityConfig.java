package com.propertydesk.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. {@code /api/**} and {@code /engine-rest/**} take HTTP Basic against the Camunda identity
 * service (Camunda Modeler deploys with a user name and password); the engine REST API additionally runs as the
 * authenticated user inside the engine. Tasklist, Cockpit and Admin keep their own session login and CSRF
 * protection; a GET to {@code /api/**} from a browser logged into them runs as that user (the links on Tasklist
 * forms, see {@link TasklistSessionAuthenticationFilter}). Health and the OpenAPI description are public.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String REALM = "Property Service Desk";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
            ObjectMapper json, ProcessEngine engine) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Authentication required: send HTTP Basic credentials of a Property Service Desk account",
                    request.getRequestURI());
        };
        AccessDeniedHandler forbidden = (request, response, e) -> writeProblem(json, response,
                HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this", request.getRequestURI());
        // path patterns over the whole request path: /engine-rest is Jersey's servlet, not Spring MVC's
        var paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .authenticationProvider(identity)
                .addFilterBefore(new TasklistSessionAuthenticationFilter(engine.getIdentityService(),
                        engine.getName()), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
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

    /** Engine REST calls run as the authenticated user: the engine knows who claims and completes a task. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
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
