package com.propertydesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient.Reply;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * A complaint or a repair filed over the integrator API and walked to ARCHIVED through the engine REST API by the
 * people whose job each step is (and, for a repair, the owner's acceptance through the feedback endpoint), then
 * read back with its timeline. Run on H2 and on MariaDB.
 */
public final class LifecycleScenario {

    private final ApiClient api;
    /** Whether a job executor runs the asynchronous steps; if not, the scenario runs them through the API. */
    private final boolean jobExecutorRunning;

    public LifecycleScenario(ApiClient api, boolean jobExecutorRunning) {
        this.api = api;
        this.jobExecutorRunning = jobExecutorRunning;
    }

    public static Map<String, Object> complaintBody(String room, String description) {
        return Map.of("type", "COMPLAINT", "channel", "WECHAT",
                "reporter", Map.of("name", "王女士", "phone", "13800138000", "room", room),
                "location", "3栋1单元", "occurredAt", "2026-11-20T08:30:00+08:00",
                "description", description, "demand", "尽快维修");
    }

    /** Files a complaint, walks it to ARCHIVED and returns the ticket as the API shows it at the end. */
    public JsonNode fileComplaintAndWalkToArchive(String room) {
        String key = UUID.randomUUID().toString();
        Reply filed = api.postJson("/api/v1/tickets", "integrator", complaintBody(room, "卫生间天花板漏水，已经滴到地面"),
                "Idempotency-Key", key);
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String no = filed.json().get("ticketNo").asText();
        assertThat(filed.header("Location")).endsWith("/api/v1/tickets/" + no);
        assertThat(filed.json().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(filed.json().get("receivedBy").asText()).isEqualTo("integrator");

        Reply retried = api.postJson("/api/v1/tickets", "integrator", complaintBody(room, "卫生间天花板漏水，已经滴到地面"),
                "Idempotency-Key", key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().get("ticketNo").asText()).as("a retry returns the first ticket").isEqualTo(no);
        return walkComplaintToArchive(no, room);
    }

    /** Walks a filed complaint (from the room, its description recognisably engineering) to ARCHIVED. */
    public JsonNode walkComplaintToArchive(String no, String room) {
        JsonNode dispatch = awaitTask(no, "dispatch", "engineer", "&candidateGroup=engineering");
        assertThat(dispatch.get("name").asText()).isEqualTo("派单 · " + no + " · " + room);
        Reply form = api.get("/engine-rest/task/" + dispatch.get("id").asText() + "/deployed-form", "engineer");
        assertThat(form.status()).as("the Camunda Form is deployed with the process").isEqualTo(200);
        assertThat(form.json().get("id").asText()).isEqualTo("complaint-dispatch");
        assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + no + "&candidateGroup=cleaning",
                "cleaner").json()).as("not offered to cleaning").isEmpty();

        work(no, "dispatch", "engineer", ApiClient.variables("handler", "engineer2", "dispatchNote", "今天上门"));
        work(no, "handle", "engineer2", ApiClient.variables("actionTaken", "更换防水层", "responsibility", "PROPERTY"));
        work(no, "verify", "engineer", ApiClient.variables("verified", "true", "verifyNote", "已不漏"));
        work(no, "callback", "cs", ApiClient.variables("ownerReached", "true", "satisfaction", "SATISFIED"));

        Reply ticket = api.get("/api/v1/tickets/" + no, "integrator");
        assertThat(ticket.status()).isEqualTo(200);
        return ticket.json();
    }

    public static Map<String, Object> repairBody(String room, String description) {
        return Map.of("type", "REPAIR", "channel", "APP",
                "reporter", Map.of("name", "李先生", "phone", "13900139000", "room", room),
                "description", description, "demand", "明天上午上门", "publicArea", false);
    }

    /**
     * Files a private-area repair, walks it through dispatch (with an appointment), handling (parts, an owner's
     * responsibility, a charge), the owner's acceptance through the app and the callback; returns the ticket.
     */
    public JsonNode fileRepairAndWalkToArchive(String room) {
        Reply filed = api.postJson("/api/v1/tickets", "integrator", repairBody(room, "厨房水龙头漏水，关不紧"),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String no = filed.json().get("ticketNo").asText();
        assertThat(no).startsWith("R-");
        return walkRepairToArchive(no);
    }

    /** Walks a filed private-area repair to ARCHIVED, the owner accepting through the app. */
    public JsonNode walkRepairToArchive(String no) {
        String appointment = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withHour(10).withMinute(0)
                .withSecond(0).withNano(0).toString();

        work(no, "dispatch", "engineer", ApiClient.variables("handler", "engineer2", "appointmentAt", appointment));
        JsonNode handle = awaitTask(no, "handle", "engineer2", "&assignee=engineer2");
        assertThat(handle.get("followUp").asText()).as("the appointment is on the handler's task").isNotEmpty();
        work(no, "handle", "engineer2", ApiClient.variables("actionTaken", "更换水龙头", "responsibility", "OWNER",
                "partsUsed", "水龙头 × 1\n生料带 × 2", "charge", 80));
        awaitTask(no, "accept", "cs", "&candidateGroup=customer-service");

        Reply accepted = api.postJson("/api/v1/tickets/" + no + "/feedback", "integrator",
                Map.of("accepted", true, "rating", 5, "comment", "师傅很专业"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("CALLBACK");

        work(no, "callback", "cs", ApiClient.variables("ownerReached", "true", "satisfaction", "SATISFIED"));
        Reply ticket = api.get("/api/v1/tickets/" + no, "integrator");
        assertThat(ticket.status()).isEqualTo(200);
        assertThat(OffsetDateTime.parse(ticket.json().get("appointmentAt").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(appointment).toInstant());
        return ticket.json();
    }

    /** What the integrator reads at the end of the repair walk. */
    public static void assertRepairArchivedWithItsTimeline(JsonNode ticket) {
        assertThat(ticket.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(ticket.get("resolution").asText()).isEqualTo("RESOLVED");
        assertThat(ticket.get("department").asText()).isEqualTo("engineering");
        assertThat(ticket.get("handler").asText()).isEqualTo("engineer2");
        assertThat(ticket.get("chargeable").asBoolean()).isTrue();
        assertThat(ticket.get("charge").decimalValue()).isEqualByComparingTo("80");
        assertThat(ticket.get("rating").asInt()).isEqualTo(5);
        assertThat(ticket.get("responsibility").asText()).isEqualTo("OWNER");
        List<String> parts = new ArrayList<>();
        ticket.get("parts").forEach(part -> parts.add(part.get("name").asText() + "×" + part.get("quantity").asInt()));
        assertThat(parts).containsExactly("水龙头×1", "生料带×2");
        List<String> stages = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> {
            stages.add(entry.get("stage").asText());
            actors.add(entry.get("actor").asText());
        });
        assertThat(stages).containsExactly("RECEIVED", "CLASSIFIED", "ASSESSED", "ROUTED", "DISPATCHED", "HANDLED",
                "CHARGED", "ACCEPTED", "CALLBACK", "ARCHIVED");
        assertThat(actors).containsExactly("integrator", "system", "system", "system", "engineer", "engineer2",
                "system", "integrator", "cs", "system");
    }

    /** What the integrator reads at the end: archived, resolved, and a timeline entry per stage by the right people. */
    public static void assertComplaintArchivedWithItsTimeline(JsonNode ticket) {
        assertThat(ticket.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(ticket.get("resolution").asText()).isEqualTo("RESOLVED");
        assertThat(ticket.get("satisfaction").asText()).isEqualTo("SATISFIED");
        assertThat(ticket.get("category").asText()).isEqualTo("ENGINEERING");
        assertThat(ticket.get("urgency").asText()).isEqualTo("NORMAL");
        assertThat(ticket.get("department").asText()).isEqualTo("engineering");
        assertThat(ticket.get("handler").asText()).isEqualTo("engineer2");
        assertThat(ticket.get("receivedBy").asText()).isEqualTo("integrator");
        assertThat(ticket.get("reporter").get("phone").asText()).as("the owner's app is not granted owner-phones")
                .isEqualTo("138****8000");
        assertThat(ticket.get("reworkCount").asInt()).isZero();
        assertThat(ticket.get("reopenCount").asInt()).isZero();
        assertThat(ticket.get("responseDueAt").asText()).isNotEmpty();
        assertThat(ticket.get("escalations").isArray()).isTrue();
        assertThat(ticket.get("attachments").isArray()).isTrue();
        List<String> stages = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> {
            stages.add(entry.get("stage").asText());
            actors.add(entry.get("actor").asText());
            assertThat(entry.get("at").asText()).isNotEmpty();
            assertThat(entry.get("action").asText()).isNotEmpty();
        });
        assertThat(stages).containsExactly("RECEIVED", "CLASSIFIED", "ASSESSED", "ROUTED", "DISPATCHED", "HANDLED",
                "VERIFIED", "CALLBACK", "ARCHIVED");
        assertThat(actors).containsExactly("integrator", "system", "system", "system", "engineer", "engineer2",
                "engineer", "cs", "system");
    }

    /** Claims and submits the form of the ticket's open task of that step, as the user. */
    public void work(String no, String taskKey, String user, Map<String, Object> form) {
        JsonNode task = awaitTask(no, taskKey, user, "");
        String id = task.get("id").asText();
        if (task.get("assignee").isNull()) {
            Reply claim = api.postJson("/engine-rest/task/" + id + "/claim", user, Map.of("userId", user));
            assertThat(claim.status()).as("%s claims %s: %s", user, taskKey, claim.raw()).isEqualTo(204);
        }
        Reply submit = api.postJson("/engine-rest/task/" + id + "/submit-form", user, form);
        assertThat(submit.status()).as("%s submits %s: %s", user, taskKey, submit.raw()).isEqualTo(204);
    }

    /** The open task of a step, as the user sees it; asynchronous steps run first. */
    public JsonNode awaitTask(String no, String taskKey, String user, String extraQuery) {
        String query = "/engine-rest/task?processInstanceBusinessKey=" + ApiClient.encode(no)
                + "&taskDefinitionKey=" + taskKey + extraQuery;
        List<JsonNode> found = new ArrayList<>();
        Awaitility.await(taskKey + " of " + no).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!jobExecutorRunning) {
                        runJobs(no);
                    }
                    Reply reply = api.get(query, user);
                    assertThat(reply.status()).isEqualTo(200);
                    reply.json().forEach(found::add);
                    return !found.isEmpty();
                });
        return found.get(0);
    }

    /** Executes the ticket's due jobs through the engine REST API, as an administrator would from Cockpit. */
    private void runJobs(String no) {
        for (JsonNode instance : api.get("/engine-rest/process-instance?businessKey=" + ApiClient.encode(no), "admin")
                .json()) {
            for (JsonNode job : api.get("/engine-rest/job?executable=true&processInstanceId="
                    + instance.get("id").asText(), "admin").json()) {
                Reply executed = api.postRaw("/engine-rest/job/" + job.get("id").asText() + "/execute", "admin",
                        "application/json", "");
                assertThat(executed.status()).as(executed.raw()).isEqualTo(204);
            }
        }
    }
}
