package com.propertydesk.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database away is a clean, short 503 ({@link DatabaseUnavailable}), and operators see it at once:
 * <ul>
 * <li>the {@code db} health indicator answers within {@link DatabaseHealth#BOUND}, DOWN when no connection could be
 * had and checked by then; the readiness group includes it (application.yaml), so a load balancer takes the node out
 * within seconds and back within seconds of the database's return;</li>
 * <li>a last filter ahead of Spring Security answers whatever failure still leaves the filter chain: 503 when the
 * database is unreachable (a user lookup in an authentication filter), otherwise a 500 problem detail with a
 * reference in the log, never the servlet container's or Spring's bare error page;</li>
 * <li>Flyway's migrations run without the socket timeout of the {@code mysql} profile, which bounds the statements
 * of requests but would cut off a long schema change.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfig {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageConfig.class);

    /** Replaces Spring Boot's {@code db} indicator (which waits as long as the pool and the driver let it). */
    @Bean(name = "dbHealthIndicator")
    DatabaseHealth dbHealthIndicator(DataSource dataSource) {
        return new DatabaseHealth(dataSource, DatabaseHealth.BOUND);
    }

    @Bean
    FilterRegistrationBean<LastResortErrors> lastResortErrors() {
        var registration = new FilterRegistrationBean<>(new LastResortErrors());
        registration.setName("last-resort-errors");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    Callback migrationsWithoutSocketTimeout() {
        return new MigrationsWithoutSocketTimeout();
    }

    /**
     * A connection taken from the pool and checked, in a thread of its own, and DOWN if that has not succeeded
     * within the bound. One check at a time: a health request while one is still under way waits for that one
     * (again at most the bound) rather than starting another that would hang beside it.
     */
    static class DatabaseHealth implements HealthIndicator {

        static final Duration BOUND = Duration.ofSeconds(2);

        private final DataSource dataSource;
        private final Duration bound;
        private CompletableFuture<Health> running;

        DatabaseHealth(DataSource dataSource, Duration bound) {
            this.dataSource = dataSource;
            this.bound = bound;
        }

        @Override
        public Health health() {
            CompletableFuture<Health> check = check();
            try {
                return check.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return Health.down().withDetail("error", "no connection checked within " + bound.toMillis() + " ms")
                        .build();
            } catch (ExecutionException e) {
                return Health.down(e.getCause() instanceof Exception cause ? cause : e).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().withDetail("error", "interrupted").build();
            }
        }

        private synchronized CompletableFuture<Health> check() {
            if (running == null || running.isDone()) {
                running = CompletableFuture.supplyAsync(this::probe, runnable -> {
                    Thread thread = new Thread(runnable, "db-health-check");
                    thread.setDaemon(true);
                    thread.start();
                });
            }
            return running;
        }

        private Health probe() {
            try (Connection connection = dataSource.getConnection()) {
                int seconds = (int) Math.max(1, bound.toSeconds());
                if (!connection.isValid(seconds)) {
                    return Health.down().withDetail("error", "connection not valid").build();
                }
                return Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName())
                        .withDetail("validationQuery", "isValid()").build();
            } catch (SQLException | RuntimeException e) {
                return Health.down(e).build();
            }
        }
    }

    /** Ahead of Spring Security: what still leaves the filter chain is answered as a problem detail. */
    static class LastResortErrors extends OncePerRequestFilter {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException | RuntimeException e) {
                if (response.isCommitted()) {
                    throw e;
                }
                if (DatabaseUnavailable.in(e)) {
                    LOG.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
                            e.toString());
                    DatabaseUnavailable.write(response, request.getRequestURI());
                    return;
                }
                if (e instanceof IOException && isClientGone(e)) {
                    throw e;
                }
                String reference = UUID.randomUUID().toString();
                LOG.error("Unexpected error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "urn:propertydesk:problem:internal-error");
                problem.put("title", "Internal error");
                problem.put("status", HttpStatus.INTERNAL_SERVER_ERROR.value());
                problem.put("detail", "The request could not be completed; quote reference " + reference);
                problem.put("instance", request.getRequestURI());
                problem.put("reference", reference);
                RawProblem.write(response, HttpStatus.INTERNAL_SERVER_ERROR, JSON.writeValueAsString(problem));
            }
        }

        private static boolean isClientGone(Throwable e) {
            return e.getClass().getName().endsWith("ClientAbortException");
        }

    }

    /**
     * The {@code mysql} profile's socket timeout ({@code MYSQL_SOCKET_TIMEOUT}) bounds every statement a request
     * makes; a schema migration (an index on a large table, Camunda's upgrade scripts) may rightly take longer, so
     * the connection Flyway migrates on has none (the pool restores its own setting when the connection returns).
     */
    static class MigrationsWithoutSocketTimeout implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            // before each migration: its context has the connection the migration runs on (BEFORE_MIGRATE's is
            // another one)
            return event == Event.BEFORE_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                Connection connection = context.getConnection();
                if (connection.getNetworkTimeout() != 0) {
                    connection.setNetworkTimeout(Runnable::run, 0);
                }
            } catch (SQLException | UnsupportedOperationException e) {
                LOG.debug("Socket timeout not lifted for migrations: {}", e.toString());
            }
        }

        @Override
        public String getCallbackName() {
            return "migrations-without-socket-timeout";
        }
    }
}
