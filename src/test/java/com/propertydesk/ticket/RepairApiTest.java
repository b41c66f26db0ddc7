package com.propertydesk.ticket;

import static com.propertydesk.support.LifecycleScenario.repairBody;
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

/** Repairs over the integrator API on H2: intake to archive with the owner's acceptance; feedback errors. */
class RepairApiTest extends SpringTestBase {

    ApiClient api;
    LifecycleScenario scenario;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        scenario = new LifecycleScenario(api, false);
    }

    @Test
    void aRepairIsWalkedFromIntakeThroughTheOwnersAcceptanceToArchive() {
        JsonNode ticket = scenario.fileRepairAndWalkToArchive(TicketDriver.uniqueRoom());

        LifecycleScenario.assertRepairArchivedWithItsTimeline(ticket);
    }

    @Test
    void theOwnerRatesAnArchivedRepair() {
        String no = scenario.fileRepairAndWalkToArchive(TicketDriver.uniqueRoom()).get("ticketNo").asText();

        Reply rated = api.postJson("/api/v1/tickets/" + no + "/feedback", "integrator",
                Map.of("rating", 4, "comment", "总体不错"));

        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.json().get("rating").asInt()).isEqualTo(4);
        JsonNode last = rated.json().get("timeline").get(rated.json().get("timeline").size() - 1);
        assertThat(last.get("stage").asText()).isEqualTo("FEEDBACK");
        assertThat(last.get("note").asText()).isEqualTo("总体不错");
    }

    @Test
    void feedbackThatDoesNotFitIsAProblemNamingWhy() {
        Map<String, Object> body = new HashMap<>(repairBody(TicketDriver.uniqueRoom(), "楼道灯不亮"));
        body.put("publicArea", true);
        String publicRepair = api.postJson("/api/v1/tickets", "integrator", body).json().get("ticketNo").asText();
        scenario.awaitTask(publicRepair, "survey", "engineer", "");

        Reply tooEarly = api.postJson("/api/v1/tickets/" + publicRepair + "/feedback", "integrator",
                Map.of("accepted", true));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.contentType()).startsWith("application/problem+json");
        assertThat(tooEarly.json().get("detail").asText()).contains("awaits no acceptance");

        Reply outOfRange = api.postJson("/api/v1/tickets/" + publicRepair + "/feedback", "integrator",
                Map.of("rating", 6));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().get("errors").get(0).get("field").asText()).isEqualTo("rating");

        Reply unknown = api.postJson("/api/v1/tickets/R-19990101-0001/feedback", "integrator", Map.of("rating", 5));
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aRepairCanAskForASurveyAtIntake() {
        Map<String, Object> body = new HashMap<>(repairBody(TicketDriver.uniqueRoom(), "厨房水龙头漏水"));
        body.put("needsSurvey", true);

        Reply filed = api.postJson("/api/v1/tickets", "frontdesk", body);

        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.json().get("needsSurvey").asBoolean()).isTrue();
        String no = filed.json().get("ticketNo").asText();
        JsonNode survey = scenario.awaitTask(no, "survey", "engineer", "&candidateGroup=engineering");
        Reply form = api.get("/engine-rest/task/" + survey.get("id").asText() + "/deployed-form", "engineer");
        assertThat(form.json().get("id").asText()).isEqualTo("repair-survey");
    }
}
