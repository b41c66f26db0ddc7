package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.ApiClient;
import com.propertydesk.support.StatementCounter;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * What authentication costs per request, on MariaDB: a no-op engine REST call ({@code GET /engine-rest/version})
 * sent one after the other by one client, as
 * <ul>
 * <li>{@code reference}: the same request whose identity (admin, camunda-admin) a benchmark-only filter hands over
 * for free: Tomcat, the security chain, the engine REST filter and Jersey, without any credential check or
 * identity lookup — what an unauthenticated engine answers with;</li>
 * <li>{@code basic}: HTTP Basic of a staff account (admin), as Camunda Modeler sends it;</li>
 * <li>{@code basic integrator} and {@code bearer}: the integrator account with its password and with an API
 * token;</li>
 * <li>{@code anonymous}: no credentials, refused (401) by the security chain.</li>
 * </ul>
 * Prints p50/p90/p99 and the ratio to the reference; no timed assertion. Run it with
 * <pre>
 * mvn verify -Pbenchmark -Dit.test=AuthenticationBenchmark -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * or, quicker (no packaging), {@code mvn test -Dtest=AuthenticationBenchmark}
 * ({@code -Dbench.requests} per kind and round, default 500; five rounds, interleaved, after a warm-up).
 */
class AuthenticationBenchmark extends MariaDbTestBase {

    static final String REFERENCE_HEADER = "X-Benchmark-Free-Identity";
    private static final String PATH = "/engine-rest/version";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Hands the identity over for free on requests that carry the reference header; nothing else changes. */
    @TestConfiguration
    @Import(StatementCounter.Counting.class)
    static class FreeIdentity {

        @Bean
        @Order(0)
        SecurityFilterChain freeIdentity(HttpSecurity http) throws Exception {
            Filter given = (request, response, chain) -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                        List.of(new SimpleGrantedAuthority("GROUP_camunda-admin"))));
                SecurityContextHolder.setContext(context);
                chain.doFilter(request, response);
            };
            return http.securityMatcher(request -> request.getHeader(REFERENCE_HEADER) != null)
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .addFilterAt(given, BasicAuthenticationFilter.class)
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(AbstractHttpConfigurer::disable)
                    .build();
        }
    }

    @Test
    void noOpRequestByAuthentication() {
        int requests = Integer.getInteger("bench.requests", 500);
        Map<String, Supplier<HttpRequest>> kinds = new LinkedHashMap<>();
        kinds.put("reference (identity given)", () -> request().header(REFERENCE_HEADER, "1").build());
        kinds.put("basic admin", () -> request().header("Authorization", basic("admin", "demo")).build());
        kinds.put("basic integrator", () -> request().header("Authorization", basic("integrator", "demo")).build());
        String token = integratorToken();
        if (token != null) {
            kinds.put("bearer integrator", () -> request().header("Authorization", "Bearer " + token).build());
        }
        kinds.put("anonymous (401)", () -> request().build());
        Map<String, Integer> expected = Map.of("anonymous (401)", 401);

        kinds.forEach((kind, request) -> {
            int status = send(request.get()).statusCode();
            assertThat(status).as(kind).isEqualTo(expected.getOrDefault(kind, 200));
        });
        for (int i = 0; i < Math.max(200, requests / 2); i++) {
            kinds.values().forEach(request -> send(request.get()));
        }
        Map<String, List<Long>> micros = new LinkedHashMap<>();
        Map<String, long[]> sql = new LinkedHashMap<>();
        kinds.keySet().forEach(kind -> micros.put(kind, new ArrayList<>()));
        kinds.keySet().forEach(kind -> sql.put(kind, new long[2]));
        for (int round = 0; round < 5; round++) {
            kinds.forEach((kind, request) -> {
                long statements = StatementCounter.statements();
                long commits = StatementCounter.commits();
                for (int i = 0; i < requests; i++) {
                    long started = System.nanoTime();
                    send(request.get());
                    micros.get(kind).add((System.nanoTime() - started) / 1_000);
                }
                sql.get(kind)[0] += StatementCounter.statements() - statements;
                sql.get(kind)[1] += StatementCounter.commits() - commits;
            });
        }
        double reference = percentile(micros.get("reference (identity given)"), 50);
        System.out.printf("BENCHMARK authentication: GET %s, one client, %d requests per kind%n", PATH,
                5 * requests);
        System.out.printf("BENCHMARK authentication: %-28s %9s %9s %9s %9s %9s %9s%n", "kind", "p50 ms", "p90 ms",
                "p99 ms", "p50/ref", "SQL/req", "commit/req");
        micros.forEach((kind, values) -> System.out.printf(
                "BENCHMARK authentication: %-28s %9.2f %9.2f %9.2f %8.2f× %9.2f %9.2f%n", kind,
                percentile(values, 50) / 1000, percentile(values, 90) / 1000, percentile(values, 99) / 1000,
                percentile(values, 50) / reference, sql.get(kind)[0] / (5.0 * requests),
                sql.get(kind)[1] / (5.0 * requests)));
    }

    /** An API token of the integrator account, or null where the application has no API tokens. */
    private String integratorToken() {
        var reply = new ApiClient(port).postJson("/api/v1/admin/api-tokens", "admin",
                Map.of("user", "integrator", "name", "benchmark"));
        return reply.status() == 201 ? reply.json().get("token").asText() : null;
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(List<Long> values, int percent) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
