package com.propertydesk.identity;

import static com.propertydesk.support.LifecycleScenario.complaintBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TicketDriver;
import com.propertydesk.support.WebappSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may do what: every demo user, an anonymous caller and a wrong password, against each endpoint and task
 * action; and API tokens: the integrator's, a call centre's (an integrator account in {@code all-tickets} and
 * {@code owner-phones}), a revoked, an expired and a wrong one. The fixture is an ENGINEERING complaint the owner's
 * app ({@code integrator}) filed, waiting for dispatch. Refused tokens are sent each from an address of its own, so
 * that the per-address throttle (its own test: {@link ApiTokenTest}) does not turn their 401 into a 429.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends SpringTestBase {

    static final String ANONYMOUS = "(anonymous)";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final String ANALYSES = "/api/v1/reports/complaint-analyses";
    static final String WRONG_PASSWORD = "matrix-wrong:not-the-password";
    static final String TOKEN_INTEGRATOR = "token: integrator";
    static final String TOKEN_CALL_CENTRE = "token: call centre";
    static final String TOKEN_REVOKED = "token: revoked";
    static final String TOKEN_EXPIRED = "token: expired";
    static final String TOKEN_WRONG = "token: wrong";
    static final String CALL_CENTRE = "matrix-callcentre";

    /** The actions, in the order of the expectation strings below. */
    enum Action {
        FILE_TICKET, READ_TICKET, LIST_SHOWS_IT, PHONE_WHOLE, SEE_DISPATCH_TASK, CLAIM_DISPATCH_TASK,
        TASKLIST, COCKPIT, DEPLOY, MANAGE_USERS, MODIFY_PROCESS, CREATE_FILTER, ATTACH_EVIDENCE, OPEN_EVIDENCE,
        READ_KPIS, START_ANALYSIS, READ_ANALYSIS, PREVIEW_ANALYSIS
    }

    /** Expected per action, T allowed, F denied; one string per role in Action order. */
    static final Map<String, String> MATRIX = Map.ofEntries(
            Map.entry("admin",      "TTTFTTTTTTTTTTTTTT"),
            Map.entry("frontdesk",  "TTTFFFTFFFFFTTFFFF"),
            Map.entry("cs",         "TTTTFFTFFFFFTTTFTT"),
            Map.entry("engineer",   "TTTFTTTFFFFFTTFFFF"),
            Map.entry("engineer2",  "TTTFTTTFFFFFTTFFFF"),
            Map.entry("cleaner",    "TFFFFFTFFFFFFFFFFF"),
            Map.entry("guard",      "TFFFFFTFFFFFFFFFFF"),
            Map.entry("manager",    "TTTTFFTFFFFFTTTTTT"),
            Map.entry("gm",         "TTTFFFTFFFFFTTTFTT"),
            Map.entry("integrator", "TTTFFFFFFFFFTTFFFF"),
            Map.entry(ANONYMOUS,    "FFFFFFFFFFFFFFFFFF"),
            Map.entry(WRONG_PASSWORD, "FFFFFFFFFFFFFFFFFF"),
            Map.entry(TOKEN_INTEGRATOR,  "TTTFFFFFFFFFTTFFFF"),
            Map.entry(TOKEN_CALL_CENTRE, "TTTTFFFFFFFFTTFFFF"),
            Map.entry(TOKEN_REVOKED,     "FFFFFFFFFFFFFFFFFF"),
            Map.entry(TOKEN_EXPIRED,     "FFFFFFFFFFFFFFFFFF"),
            Map.entry(TOKEN_WRONG,       "FFFFFFFFFFFFFFFFFF"));

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String ticketNo;
    String dispatchTaskId;
    String evidenceUrl;
    String analysisUrl;
    /** The Authorization of each token role ("Bearer pdt_…"). */
    final Map<String, String> tokens = new HashMap<>();

    /** Once per class, inside the first test (the process-coverage listener records engine work per test). */
    @BeforeEach
    void fixture() {
        if (ticketNo != null) {
            return;
        }
        api = new ApiClient(port);
        if (engine.getIdentityService().createUserQuery().userId("matrix-wrong").count() == 0) {
            User user = engine.getIdentityService().newUser("matrix-wrong");
            user.setPassword("the-password");
            engine.getIdentityService().saveUser(user);
            engine.getIdentityService().createMembership("matrix-wrong", Groups.ENGINEERING);
        }
        Reply filed = api.postJson("/api/v1/tickets", "integrator", complaintBody(TicketDriver.uniqueRoom(), "厨房漏水"));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        ticketNo = filed.json().get("ticketNo").asText();
        evidenceUrl = api.postFile("/api/v1/tickets/" + ticketNo + "/attachments", "integrator", "file", "照片.png",
                "image/png", PNG).json().get("url").asText();
        // an analysis of a quarter without complaints: no department reads it by being in it
        Reply analysis = api.postJson(ANALYSES, "manager", Map.of("year", 2000, "quarter", 3));
        assertThat(analysis.status()).as(analysis.raw()).isEqualTo(201);
        analysisUrl = ANALYSES + "/" + analysis.json().get("id").asText();
        dispatchTaskId = new LifecycleScenario(api, false).awaitTask(ticketNo, "dispatch", "admin", "").get("id")
                .asText();
        if (engine.getIdentityService().createUserQuery().userId(CALL_CENTRE).count() == 0) {
            User user = engine.getIdentityService().newUser(CALL_CENTRE);
            user.setPassword(UUID.randomUUID().toString());
            engine.getIdentityService().saveUser(user);
            for (String group : List.of(Groups.INTEGRATOR, Groups.ALL_TICKETS, Groups.OWNER_PHONES)) {
                engine.getIdentityService().createMembership(CALL_CENTRE, group);
            }
        }
        tokens.put(TOKEN_INTEGRATOR, token("integrator").get("token").asText());
        tokens.put(TOKEN_CALL_CENTRE, token(CALL_CENTRE).get("token").asText());
        JsonNode revoked = token("integrator");
        tokens.put(TOKEN_REVOKED, revoked.get("token").asText());
        assertThat(api.delete("/api/v1/admin/api-tokens/" + revoked.get("details").get("id").asText(), "admin")
                .status()).isEqualTo(204);
        JsonNode expired = token("integrator");
        tokens.put(TOKEN_EXPIRED, expired.get("token").asText());
        jdbc.update("UPDATE api_token SET expires_at = created_at WHERE id = ?",
                expired.get("details").get("id").asLong());
        tokens.put(TOKEN_WRONG, "pdt_" + "x".repeat(43));
        tokens.replaceAll((role, secret) -> "Bearer " + secret);
    }

    private JsonNode token(String account) {
        Reply created = api.postJson("/api/v1/admin/api-tokens", "admin", Map.of("user", account, "name", "matrix"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        MATRIX.forEach((role, expected) -> {
            for (Action action : Action.values()) {
                cases.add(Arguments.of(role, action, expected.charAt(action.ordinal()) == 'T'));
            }
        });
        return cases.stream().sorted((a, b) -> a.get()[0].toString().compareTo(b.get()[0].toString()));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("cases")
    void eachRoleGetsExactlyItsRights(String role, Action action, boolean allowed) {
        String user = ANONYMOUS.equals(role) ? null : tokens.getOrDefault(role, role);
        ApiClient client = role.startsWith("token") && MATRIX.get(role).indexOf('T') < 0
                ? api.from(ApiClient.uniqueAddress()) : api;
        assertThat(attempt(client, user, action)).as("%s %s", role, action).isEqualTo(allowed);
    }

    /** A revoked, an expired and a wrong token are told so (401), on the ticket API and the engine REST API. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {TOKEN_REVOKED, TOKEN_EXPIRED, TOKEN_WRONG})
    void aRefusedTokenIsUnauthorizedEverywhere(String role) {
        String token = tokens.get(role);
        List<Reply> replies = List.of(
                api.from(ApiClient.uniqueAddress()).get("/api/v1/tickets/" + ticketNo, token),
                api.from(ApiClient.uniqueAddress()).postJson("/api/v1/tickets", token,
                        complaintBody(TicketDriver.uniqueRoom(), "测试")),
                api.from(ApiClient.uniqueAddress()).get("/engine-rest/task?maxResults=1", token),
                api.from(ApiClient.uniqueAddress()).postJson("/engine-rest/task/" + dispatchTaskId + "/claim", token,
                        Map.of("userId", "integrator")));
        for (Reply reply : replies) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(401);
            assertThat(reply.json().get("type").asText()).isEqualTo("urn:propertydesk:problem:unauthorized");
        }
    }

    /** The account a credential stands for. */
    private static String accountOf(String user) {
        if (user == null) {
            return "nobody";
        }
        if (user.startsWith("Bearer ")) {
            return "integrator";
        }
        return user.split(":")[0];
    }

    private boolean attempt(ApiClient api, String user, Action action) {
        return switch (action) {
            case FILE_TICKET -> {
                Reply reply = api.postJson("/api/v1/tickets", user, complaintBody(TicketDriver.uniqueRoom(), "测试"));
                yield expect(reply, 201, 401, 403);
            }
            case READ_TICKET -> expect(api.get("/api/v1/tickets/" + ticketNo, user), 200, 401, 404);
            case LIST_SHOWS_IT -> {
                Reply reply = api.get("/api/v1/tickets?size=100&status=DISPATCHED", user);
                if (reply.status() == 401) {
                    yield false;
                }
                assertThat(reply.status()).isEqualTo(200);
                boolean shown = false;
                for (JsonNode item : reply.json().get("items")) {
                    shown |= item.get("ticketNo").asText().equals(ticketNo);
                    assertThat(item.get("reporter").get("phone").asText()).as("lists never show a whole phone")
                            .contains("****");
                }
                yield shown;
            }
            case PHONE_WHOLE -> {
                Reply reply = api.get("/api/v1/tickets/" + ticketNo, user);
                yield reply.status() == 200 && reply.json().get("reporter").get("phone").asText()
                        .equals("13800138000");
            }
            case SEE_DISPATCH_TASK -> {
                Reply reply = api.get("/engine-rest/task?processInstanceBusinessKey=" + ticketNo
                        + "&taskDefinitionKey=dispatch", user);
                yield reply.status() == 200 && reply.json().size() == 1;
            }
            case CLAIM_DISPATCH_TASK -> {
                Reply reply = api.postJson("/engine-rest/task/" + dispatchTaskId + "/claim", user,
                        Map.of("userId", accountOf(user)));
                boolean claimed = expect(reply, 204, 401, 403, 404);
                if (claimed) {
                    api.postJson("/engine-rest/task/" + dispatchTaskId + "/unclaim", "admin", Map.of());
                }
                yield claimed;
            }
            case TASKLIST, COCKPIT -> {
                if (user == null) {
                    yield false;
                }
                if (user.startsWith("Bearer ")) {
                    // the webapps take their own login only: a token opens none of them
                    yield api.get("/camunda/api/engine/engine/default/task/count", user).status() == 200;
                }
                String[] credentials = user.contains(":") ? user.split(":") : new String[] {user, "demo"};
                Reply login = WebappSession.login(port, credentials[0], credentials[1], "tasklist").login();
                yield login.status() == 200 && login.json().get("authorizedApps").toString()
                        .contains(action == Action.TASKLIST ? "\"tasklist\"" : "\"cockpit\"");
            }
            case DEPLOY -> {
                Reply reply = deploy(api, user);
                boolean deployed = expect(reply, 200, 401, 403);
                if (deployed) {
                    engine.getRepositoryService().deleteDeployment(reply.json().get("id").asText(), true);
                }
                yield deployed;
            }
            case MANAGE_USERS -> {
                String id = "matrix" + Math.abs((user == null ? "anon" : user).hashCode());
                Reply reply = api.postJson("/engine-rest/user/create", user, Map.of("profile", Map.of("id", id,
                        "firstName", "临时", "lastName", "用户"), "credentials", Map.of("password", "a-Password-123")));
                boolean created = expect(reply, 204, 401, 403);
                if (created) {
                    engine.getIdentityService().deleteUser(id);
                }
                yield created;
            }
            case MODIFY_PROCESS -> {
                String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(
                        ticketNo).processDefinitionKey("complaint").singleResult().getId();
                // an instruction every non-administrator must be refused; an administrator's changes nothing lasting
                Reply reply = api.postJson("/engine-rest/process-instance/" + instance + "/variables", user,
                        Map.of("modifications", Map.of("matrixProbe", Map.of("value", "x"))));
                yield expect(reply, 204, 401, 403);
            }
            case CREATE_FILTER -> {
                Reply reply = api.postJson("/engine-rest/filter/create", user, Map.of("resourceType", "Task",
                        "name", "matrix", "query", Map.of()));
                boolean created = expect(reply, 200, 401, 403);
                if (created) {
                    engine.getFilterService().deleteFilter(reply.json().get("id").asText());
                }
                yield created;
            }
            case ATTACH_EVIDENCE -> expect(api.postFile("/api/v1/tickets/" + ticketNo + "/attachments", user, "file",
                    "证据.png", "image/png", PNG), 201, 401, 403, 404);
            case OPEN_EVIDENCE -> {
                int status = api.download(evidenceUrl, user).status();
                assertThat(status).isIn(200, 401, 404);
                yield status == 200;
            }
            case READ_KPIS -> expect(api.get("/api/v1/reports/kpis?from=2026-01-01&to=2026-12-31", user), 200, 401,
                    403);
            case START_ANALYSIS -> {
                // the first allowed role starts the quarter's analysis, the next one is told it exists
                Reply started = api.postJson(ANALYSES, user, Map.of("year", 2000, "quarter", 2));
                assertThat(started.status()).as(started.raw()).isIn(201, 409, 401, 403);
                yield started.status() == 201 || started.status() == 409;
            }
            case READ_ANALYSIS -> expect(api.get(analysisUrl, user), 200, 401, 403, 404);
            case PREVIEW_ANALYSIS -> expect(api.get(ANALYSES + "/preview", user), 200, 401, 403);
        };
    }

    /** True for the allowed status, false for a denial; anything else fails the test. */
    private static boolean expect(Reply reply, int allowed, int... denied) {
        if (reply.status() == allowed) {
            return true;
        }
        assertThat(denied).as("status %d: %s", reply.status(), reply.raw()).contains(reply.status());
        return false;
    }

    private static Reply deploy(ApiClient api, String user) {
        String boundary = "----matrix";
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="matrix">
                  <process id="matrix-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start" />
                  </process>
                </definitions>
                """;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"matrix.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        return api.postRaw("/engine-rest/deployment/create", user, "multipart/form-data; boundary=" + boundary, body);
    }
}
