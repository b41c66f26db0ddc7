package com.propertydesk.ticket;

import static com.propertydesk.support.LifecycleScenario.complaintBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TicketDriver;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The integrator API end to end on H2: REST → process → database, staff working through the engine REST API. */
class ComplaintApiTest extends SpringTestBase {

    @Autowired
    TicketRepository tickets;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aComplaintFiledOverRestIsWalkedToArchiveByTheRightPeople() {
        JsonNode ticket = new LifecycleScenario(api, false).fileComplaintAndWalkToArchive(TicketDriver.uniqueRoom());

        LifecycleScenario.assertComplaintArchivedWithItsTimeline(ticket);
    }

    @Test
    void aFormValueTheProcessRefusesIsABadRequestWithTheReasonNotAServerError() {
        LifecycleScenario scenario = new LifecycleScenario(api, false);
        String no = api.postJson("/api/v1/tickets", "integrator",
                complaintBody(TicketDriver.uniqueRoom(), "卫生间漏水")).json().get("ticketNo").asText();
        String task = scenario.awaitTask(no, "dispatch", "engineer", "").get("id").asText();
        api.postJson("/engine-rest/task/" + task + "/claim", "engineer", java.util.Map.of("userId", "engineer"));

        Reply refused = api.postJson("/engine-rest/task/" + task + "/submit-form", "engineer",
                ApiClient.variables("handler", "nobody"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("BadUserRequestException");
        assertThat(refused.json().get("message").asText()).isEqualTo("处理人 nobody 不存在，请填写员工的用户名");
        Reply missing = api.get("/engine-rest/task/unknown-task-id", "engineer");
        assertThat(missing.status()).as("other engine errors keep their status").isEqualTo(404);
    }

    @Test
    void theHandlerCannotClaimTheVerificationOfTheirOwnWork() {
        LifecycleScenario scenario = new LifecycleScenario(api, false);
        String no = api.postJson("/api/v1/tickets", "integrator",
                complaintBody(TicketDriver.uniqueRoom(), "卫生间漏水")).json().get("ticketNo").asText();
        scenario.work(no, "dispatch", "engineer", ApiClient.variables("handler", "engineer2"));
        scenario.work(no, "handle", "engineer2", ApiClient.variables("actionTaken", "已修", "responsibility",
                "PROPERTY"));
        String verify = scenario.awaitTask(no, "verify", "engineer2", "").get("id").asText();

        Reply claim = api.postJson("/engine-rest/task/" + verify + "/claim", "engineer2",
                java.util.Map.of("userId", "engineer2"));

        assertThat(claim.status()).isEqualTo(400);
        assertThat(claim.json().get("message").asText()).contains("四眼原则");
    }

    @Test
    void anIdempotencyKeyReusedForAnotherBodyIsRefused() {
        Reply first = api.postJson("/api/v1/tickets", "integrator", complaintBody("1-1-101", "楼道灯不亮"),
                "Idempotency-Key", "key-reused-1");
        long count = tickets.count();

        Reply other = api.postJson("/api/v1/tickets", "integrator", complaintBody("1-1-101", "电梯不动了"),
                "Idempotency-Key", "key-reused-1");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(other.json().get("ticketNo").asText()).isEqualTo(first.json().get("ticketNo").asText());
        assertThat(tickets.count()).isEqualTo(count);
    }

    @Test
    void theSameIdempotencyKeyFromAnotherCallerIsAnotherTicket() {
        Reply mine = api.postJson("/api/v1/tickets", "integrator", complaintBody("1-1-102", "楼道灯不亮"),
                "Idempotency-Key", "shared-key");
        Reply theirs = api.postJson("/api/v1/tickets", "frontdesk", complaintBody("1-1-102", "楼道灯不亮"),
                "Idempotency-Key", "shared-key");

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("ticketNo").asText()).isNotEqualTo(mine.json().get("ticketNo").asText());
        assertThat(theirs.json().get("receivedBy").asText()).isEqualTo("frontdesk");
    }

    @Test
    void ticketNumbersAreReadableAndDistinct() {
        String first = api.postJson("/api/v1/tickets", "frontdesk", complaintBody("1-2-201", "楼道灯不亮"))
                .json().get("ticketNo").asText();
        String second = api.postJson("/api/v1/tickets", "frontdesk", complaintBody("1-2-202", "楼道灯不亮"))
                .json().get("ticketNo").asText();

        assertThat(first).matches("C-\\d{8}-\\d{4}");
        assertThat(second).matches("C-\\d{8}-\\d{4}").isNotEqualTo(first);
        assertThat(Long.parseLong(second.substring(11))).isEqualTo(Long.parseLong(first.substring(11)) + 1);
    }

    @Test
    void listsFilterAndPageAndNeverShowAWholePhoneNumber() {
        Map<String, Object> body = new HashMap<>(complaintBody("88-8-808", "小区门口乱停车"));
        body.put("category", "SECURITY_ORDER");
        String no = api.postJson("/api/v1/tickets", "frontdesk", body).json().get("ticketNo").asText();
        new LifecycleScenario(api, false).awaitTask(no, "dispatch", "guard", "");

        Reply page = api.get("/api/v1/tickets?category=SECURITY_ORDER&department=security&status=DISPATCHED"
                + "&type=COMPLAINT&urgency=NORMAL&size=100", "cs");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("size").asInt()).isEqualTo(100);
        JsonNode item = findItem(page.json(), no);
        assertThat(item).as("the new ticket is listed").isNotNull();
        assertThat(item.get("reporter").get("phone").asText()).isEqualTo("138****8000");
        assertThat(item.has("timeline")).isFalse();
        page.json().get("items").forEach(each -> {
            assertThat(each.get("category").asText()).isEqualTo("SECURITY_ORDER");
            assertThat(each.get("status").asText()).isEqualTo("DISPATCHED");
        });
        assertThat(findItem(api.get("/api/v1/tickets?category=ENGINEERING&size=100", "cs").json(), no))
                .isNull();
        assertThat(findItem(api.get("/api/v1/tickets?from=2000-01-01&to=2000-01-31", "cs").json(), no))
                .as("outside the time range").isNull();
        Reply firstPage = api.get("/api/v1/tickets?size=1&page=0", "cs");
        assertThat(firstPage.json().get("items")).hasSize(1);
        assertThat(firstPage.json().get("totalElements").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void whoTookTicketsInFindsThemByReceivedByWithinWhatTheCallerMayRead() {
        String atTheDesk = api.postJson("/api/v1/tickets", "frontdesk", complaintBody("66-1-601", "楼道灯不亮"))
                .json().get("ticketNo").asText();
        Map<String, Object> body = new HashMap<>(complaintBody("66-1-602", "卫生间天花板漏水"));
        body.put("category", "ENGINEERING");
        String byTheEngineer = api.postJson("/api/v1/tickets", "engineer", body).json().get("ticketNo").asText();

        JsonNode desks = api.get("/api/v1/tickets?receivedBy=frontdesk&size=100", "frontdesk").json();
        assertThat(findItem(desks, atTheDesk)).as("首问负责制: the clerk's own ticket").isNotNull();
        assertThat(findItem(desks, byTheEngineer)).isNull();
        desks.get("items").forEach(each -> assertThat(each.get("receivedBy").asText()).isEqualTo("frontdesk"));

        assertThat(findItem(api.get("/api/v1/tickets?receivedBy=engineer&size=100", "engineer").json(),
                byTheEngineer)).isNotNull();
        assertThat(findItem(api.get("/api/v1/tickets?receivedBy=engineer&size=100", "cleaner").json(),
                byTheEngineer)).as("the filter narrows what the caller may read, never widens it").isNull();
    }

    @Test
    void anUnknownTicketIsA404ProblemNotAnError() {
        Reply reply = api.get("/api/v1/tickets/C-19990101-9999", "integrator");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asText()).contains("C-19990101-9999");
    }

    @Test
    void healthAndTheApiDescriptionAreOpenButTicketsAreNot() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
        Reply anonymous = api.get("/api/v1/tickets", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        // a wrong password briefly locks the account (Camunda's login throttling): probe with accounts no other
        // test signs in with
        assertThat(api.get("/api/v1/tickets", "nobody:demo").status()).isEqualTo(401);
        String probe = "probe" + Long.toString(System.nanoTime(), 36);
        org.camunda.bpm.engine.identity.User user = engine.getIdentityService().newUser(probe);
        user.setPassword("demo");
        engine.getIdentityService().saveUser(user);
        engine.getIdentityService().createMembership(probe, "gm");
        assertThat(api.get("/api/v1/tickets", probe + ":wrong").status()).isEqualTo(401);
        engine.getIdentityService().deleteUser(probe);
        assertThat(api.get("/engine-rest/task", null).status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/task", "nobody:wrong").status()).isEqualTo(401);
    }

    @Test
    void theApiDescriptionGivesEveryErrorAnswerAProblemDetailBody() {
        JsonNode description = api.get("/v3/api-docs", null).json();
        assertThat(description.at("/components/schemas/ProblemDetail/properties").has("detail")).isTrue();
        int errors = 0;
        for (JsonNode path : description.get("paths")) {
            for (JsonNode operation : path) {
                var responses = operation.get("responses").fields();
                while (responses.hasNext()) {
                    var response = responses.next();
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        errors++;
                        assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                                .as("%s %s: %s", operation.get("operationId"), response.getKey(), response.getValue())
                                .isEqualTo("#/components/schemas/ProblemDetail");
                    }
                }
            }
        }
        assertThat(errors).as("documented error answers").isGreaterThan(20);
    }

    private static JsonNode findItem(JsonNode page, String no) {
        for (JsonNode item : page.get("items")) {
            if (item.get("ticketNo").asText().equals(no)) {
                return item;
            }
        }
        return null;
    }
}
