package com.propertydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.SpringTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What anonymous callers see: health and the API description, nothing else of /actuator. */
class PublicSurfaceTest extends SpringTestBase {

    @Test
    void anonymousCallersSeeHealthAndNothingElseOfTheActuator() {
        ApiClient api = new ApiClient(port);
        for (String open : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(api.get(open, null).status()).as(open).isEqualTo(200);
        }
        for (String closed : List.of("/actuator", "/actuator/", "/actuator/info", "/actuator/env",
                "/actuator/beans")) {
            ApiClient.Reply anonymous = api.get(closed, null);
            assertThat(anonymous.status()).as(closed).isEqualTo(401);
            assertThat(anonymous.raw()).as(closed).doesNotContain("_links");
        }
        assertThat(api.get("/actuator", "engineer").status()).as("staff").isEqualTo(403);
        assertThat(api.get("/actuator/info", "integrator").status()).as("an integrator").isEqualTo(403);
        ApiClient.Reply administrator = api.get("/actuator", "admin");
        assertThat(administrator.status()).isEqualTo(200);
        assertThat(administrator.json().get("_links").has("health")).isTrue();
    }

    @Test
    void theApiDescriptionNamesTheBearerSchemeWhereverBasicIsTaken() {
        JsonNode description = new ApiClient(port).get("/v3/api-docs", null).json();

        JsonNode bearer = description.at("/components/securitySchemes/bearerAuth");
        assertThat(bearer.get("type").asText()).isEqualTo("http");
        assertThat(bearer.get("scheme").asText()).isEqualTo("bearer");
        assertThat(description.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        List<String> withoutBearer = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                operation -> {
                    List<String> schemes = new ArrayList<>();
                    operation.getValue().path("security").forEach(requirement -> requirement.fieldNames()
                            .forEachRemaining(schemes::add));
                    assertThat(schemes).as("%s %s", operation.getKey(), path.getKey()).contains("basicAuth");
                    if (!schemes.contains("bearerAuth")) {
                        withoutBearer.add(path.getKey());
                    }
                }));
        assertThat(withoutBearer).as("only administrators' endpoints take no token").isNotEmpty()
                .allMatch(path -> path.startsWith("/api/v1/admin/"));
        assertThat(description.at("/paths/~1api~1v1~1tickets/post/security").toString())
                .contains("bearerAuth", "basicAuth");
    }
}
