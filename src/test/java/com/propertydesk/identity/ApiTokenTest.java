package com.propertydesk.identity;

import static com.propertydesk.support.LifecycleScenario.complaintBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TicketDriver;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API tokens of integrator accounts: created and revoked by administrators, shown once and stored hashed, acting
 * with the account's rights; and what a stranger's failed attempts do — refuse their own address for a while,
 * never the integrator that holds a token, and never lock the account.
 */
class ApiTokenTest extends SpringTestBase {

    static final String TOKENS = "/api/v1/admin/api-tokens";
    static final String TICKETS = "/api/v1/tickets?size=1";

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private JsonNode create(String user, String name, OffsetDateTime expiresAt) {
        Map<String, Object> body = new HashMap<>(Map.of("user", user, "name", name));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        Reply created = api.postJson(TOKENS, "admin", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json();
    }

    private static String bearer(JsonNode created) {
        return "Bearer " + created.get("token").asText();
    }

    @Test
    void anAdministratorsTokenIsShownOnceStoredHashedAndActsAsItsIntegrator() {
        Reply created = api.postJson(TOKENS, "admin", Map.of("user", "integrator", "name", "业主APP 测试"));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String token = created.json().get("token").asText();
        JsonNode details = created.json().get("details");
        assertThat(token).matches("pdt_[A-Za-z0-9_-]{43}");
        assertThat(created.header("Location")).endsWith(TOKENS + "/" + details.get("id").asText());
        assertThat(details.get("user").asText()).isEqualTo("integrator");
        assertThat(details.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(details.get("createdBy").asText()).isEqualTo("admin");
        assertThat(token).startsWith(details.get("prefix").asText());
        assertThat(details.get("lastUsedAt").isNull()).isTrue();
        // only the hash is stored; neither the list nor the record shows the token again
        String stored = jdbc.queryForObject("SELECT token_hash FROM api_token WHERE id = ?", String.class,
                details.get("id").asLong());
        assertThat(stored).isEqualTo(ApiTokenService.hash(token)).doesNotContain(token);
        assertThat(api.get(TOKENS + "?user=integrator", "admin").raw()).doesNotContain(token)
                .contains(details.get("prefix").asText());
        assertThat(api.get(created.header("Location").replaceFirst("^https?://[^/]+", ""), "admin").raw())
                .doesNotContain(token);

        Reply filed = api.postJson("/api/v1/tickets", "Bearer " + token,
                complaintBody(TicketDriver.uniqueRoom(), "令牌提交的投诉"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        assertThat(filed.json().get("receivedBy").asText()).isEqualTo("integrator");
        String ticketNo = filed.json().get("ticketNo").asText();
        assertThat(api.get("/api/v1/tickets/" + ticketNo, "Bearer " + token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tickets/" + ticketNo, "Bearer " + token).json().get("reporter").get("phone")
                .asText()).as("the integrator's rights: no owner-phones").contains("****");
        JsonNode record = api.get(TOKENS + "/" + details.get("id").asText(), "admin").json();
        assertThat(record.get("lastUsedAt").isNull()).as("last use recorded").isFalse();
    }

    @Test
    void aTokenActsWithExactlyItsAccountsGroups() {
        String account = newIntegrator(Groups.ALL_TICKETS, Groups.OWNER_PHONES);
        String token = bearer(create(account, "呼叫中心", null));
        Reply filed = api.postJson("/api/v1/tickets", "integrator", complaintBody(TicketDriver.uniqueRoom(), "漏水"));
        String ticketNo = filed.json().get("ticketNo").asText();

        Reply read = api.get("/api/v1/tickets/" + ticketNo, token);

        assertThat(read.status()).as("all-tickets: also those others filed").isEqualTo(200);
        assertThat(read.json().get("reporter").get("phone").asText()).as("owner-phones").isEqualTo("13800138000");

        engine.getIdentityService().deleteMembership(account, Groups.ALL_TICKETS);
        assertThat(api.get("/api/v1/tickets/" + ticketNo, token).status()).as("from the next request").isEqualTo(404);

        engine.getIdentityService().deleteMembership(account, Groups.INTEGRATOR);
        Reply refused = api.get(TICKETS, token);
        assertThat(refused.status()).as("no integrator account any more").isEqualTo(401);
    }

    @Test
    void aRevokedTokenIsRefusedFromTheNextRequest() {
        JsonNode created = create("integrator", "即将吊销", null);
        String token = bearer(created);
        assertThat(api.get(TICKETS, token).status()).isEqualTo(200);
        String record = TOKENS + "/" + created.get("details").get("id").asText();

        assertThat(api.delete(record, "admin").status()).isEqualTo(204);

        Reply refused = api.from(ApiClient.uniqueAddress()).get(TICKETS, token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.headers().allValues("WWW-Authenticate")).anyMatch(value -> value.startsWith("Bearer"));
        JsonNode revoked = api.get(record, "admin").json();
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedBy").asText()).isEqualTo("admin");
        assertThat(api.delete(record, "admin").status()).as("again: nothing changes").isEqualTo(204);
        assertThat(api.delete(TOKENS + "/999999999", "admin").status()).isEqualTo(404);
    }

    @Test
    void anExpiredTokenIsRefused() {
        JsonNode created = create("integrator", "短期", OffsetDateTime.now().plusHours(1));
        String token = bearer(created);
        assertThat(api.get(TICKETS, token).status()).isEqualTo(200);

        // an hour later
        jdbc.update("UPDATE api_token SET expires_at = expires_at - INTERVAL '2' HOUR WHERE id = ?",
                created.get("details").get("id").asLong());

        assertThat(api.from(ApiClient.uniqueAddress()).get(TICKETS, token).status()).isEqualTo(401);
        assertThat(api.get(TOKENS + "/" + created.get("details").get("id").asText(), "admin").json().get("status")
                .asText()).isEqualTo("EXPIRED");
    }

    @Test
    void onlyAdministratorsMakeTokensAndOnlyForIntegratorAccounts() {
        String integratorToken = bearer(create("integrator", "不能管理令牌", null));

        assertThat(field(api.postJson(TOKENS, "admin", Map.of("user", "engineer", "name", "x")))).isEqualTo("user");
        assertThat(field(api.postJson(TOKENS, "admin", Map.of("user", "nobody-" + UUID.randomUUID(), "name", "x"))))
                .isEqualTo("user");
        assertThat(field(api.postJson(TOKENS, "admin", Map.of("user", "integrator")))).isEqualTo("name");
        assertThat(field(api.postJson(TOKENS, "admin", Map.of("user", "integrator", "name", "x",
                "expiresAt", OffsetDateTime.now().minusMinutes(1).toString())))).isEqualTo("expiresAt");
        for (String beyond : java.util.List.of("+999999999-12-31T23:59:59-18:00", "9999-12-31T23:59:59Z", "1800000000")) {
            // the expires_at DATETIME holds no later year; a number is no date-time
            assertThat(field(api.postRaw(TOKENS, "admin", "application/json", "{\"user\": \"integrator\", "
                    + "\"name\": \"x\", \"expiresAt\": " + (beyond.contains("-") ? "\"" + beyond + "\"" : beyond)
                    + "}"))).isEqualTo("expiresAt");
        }
        for (String caller : new String[] {"engineer", "manager", "integrator", integratorToken}) {
            Reply refused = api.postJson(TOKENS, caller, Map.of("user", "integrator", "name", "x"));
            assertThat(refused.status()).as(caller).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).contains("系统管理员");
            assertThat(api.get(TOKENS, caller).status()).as(caller).isEqualTo(403);
        }
    }

    private static String field(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        return reply.json().get("errors").get(0).get("field").asText();
    }

    /**
     * Issue 11: a stranger sends 100 wrong passwords for the integrator account and wrong tokens from one address
     * while the integrator works with its token, from its own address and from the stranger's.
     */
    @Test
    void aStrangersHundredWrongAttemptsNeverRefuseTheTokenUsingIntegratorNorLockTheAccount() {
        String token = bearer(create("integrator", "业主APP", null));
        String strangersAddress = ApiClient.uniqueAddress();
        ApiClient stranger = api.from(strangersAddress);
        ApiClient integrator = api.from(ApiClient.uniqueAddress());
        Map<Integer, Integer> strangersAnswers = new TreeMap<>();
        int refusals = 0;
        long firstRetryAfter = -1;
        for (int i = 0; i < 100; i++) {
            String guess = "pdt_" + UUID.randomUUID().toString().replace("-", "") + "abcdefghij1";
            Reply wrong = i % 2 == 0 ? stranger.get(TICKETS, "integrator:guess-" + i)
                    : stranger.get(TICKETS, "Bearer " + guess);
            strangersAnswers.merge(wrong.status(), 1, Integer::sum);
            if (wrong.status() == 429) {
                assertThat(wrong.header("Retry-After")).as("attempt %d", i + 1).matches("[1-9][0-9]*");
                assertThat(Long.parseLong(wrong.header("Retry-After"))).isLessThanOrEqualTo(60);
                assertThat(wrong.contentType()).startsWith("application/problem+json");
                firstRetryAfter = firstRetryAfter < 0 ? i + 1 : firstRetryAfter;
            } else {
                assertThat(wrong.status()).as("attempt %d: %s", i + 1, wrong.raw()).isEqualTo(401);
            }
            refusals += integrator.get(TICKETS, token).status() == 200 ? 0 : 1;
            refusals += stranger.get(TICKETS, token).status() == 200 ? 0 : 1;
        }
        System.out.printf("FIGURE lockout: a stranger's 100 wrong passwords and tokens from %s: answers %s (429 with "
                + "Retry-After from attempt %d); the token-using integrator's 200 requests meanwhile: %d refused%n",
                strangersAddress, strangersAnswers, firstRetryAfter, refusals);

        assertThat(refusals).as("requests of the token-using integrator refused").isZero();
        assertThat(strangersAnswers.get(401)).isEqualTo(9);
        assertThat(strangersAnswers.get(429)).isEqualTo(91);
        // the account is not locked: its password works from any other address, and Camunda counted nothing
        assertThat(api.get(TICKETS, "integrator").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COALESCE(ATTEMPTS_, 0) FROM ACT_ID_USER WHERE ID_ = 'integrator'",
                Integer.class)).isZero();
        // but the stranger's address may not guess on, not even with the right password
        assertThat(stranger.get(TICKETS, "integrator").status()).isEqualTo(429);
    }

    private String newIntegrator(String... groups) {
        String id = "token-" + UUID.randomUUID().toString().substring(0, 8);
        User user = engine.getIdentityService().newUser(id);
        user.setPassword(UUID.randomUUID().toString());
        engine.getIdentityService().saveUser(user);
        engine.getIdentityService().createMembership(id, Groups.INTEGRATOR);
        for (String group : groups) {
            engine.getIdentityService().createMembership(id, group);
        }
        return id;
    }
}
