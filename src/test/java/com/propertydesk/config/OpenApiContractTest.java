package com.propertydesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.SpringTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API description is a contract a generated client can trust: operation ids that say what they do, the problem
 * detail with its members by name (errors[] of field and message), and the members always present marked required.
 * It also leaves the description in target/openapi/api-docs.json, from which the build generates a Java client
 * (see GeneratedClientIT).
 */
class OpenApiContractTest extends SpringTestBase {

    /** Where the build's client generator reads the description (openapi-generator-maven-plugin in the pom). */
    static final Path SPEC = Path.of(System.getProperty("openapi.spec", "target/openapi/api-docs.json"));

    /** A verb and what it acts on, camelCase; no springdoc-made names such as get1 or list_2. */
    private static final Pattern OPERATION_ID = Pattern.compile("(create|get|list|post|pause|resume|upload|download"
            + "|rebuild|start|preview|revoke)[A-Z][A-Za-z]*");

    private JsonNode description;

    @BeforeEach
    void readTheDescription() throws IOException {
        ApiClient.Reply reply = new ApiClient(port).get("/v3/api-docs", null);
        assertThat(reply.status()).isEqualTo(200);
        description = reply.json();
        Files.createDirectories(SPEC.toAbsolutePath().getParent());
        Files.writeString(SPEC, reply.raw());
    }

    @Test
    void everyOperationHasAMeaningfulUniqueId() {
        Map<String, String> owners = new HashMap<>();
        List<String> problems = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            String id = op.getValue().path("operationId").asText("");
            if (!OPERATION_ID.matcher(id).matches()) {
                problems.add(where + ": " + id);
            }
            String before = owners.put(id, where);
            if (before != null) {
                problems.add(where + ": " + id + " also names " + before);
            }
        }));
        assertThat(problems).as("operation ids").isEmpty();
        assertThat(operationId("post", "/api/v1/tickets")).isEqualTo("createTicket");
        assertThat(operationId("get", "/api/v1/tickets")).isEqualTo("listTickets");
        assertThat(operationId("get", "/api/v1/tickets/{ticketNo}")).isEqualTo("getTicket");
        assertThat(operationId("post", "/api/v1/tickets/{ticketNo}/feedback")).isEqualTo("postFeedback");
        assertThat(operationId("get", "/api/v1/reports/kpis")).isEqualTo("getKpis");
    }

    private String operationId(String method, String path) {
        return description.path("paths").path(path).path(method).path("operationId").asText();
    }

    @Test
    void theProblemDetailNamesItsMembersAndListsTheFieldErrors() {
        JsonNode problem = schema("ProblemDetail");
        assertThat(fieldNames(problem.get("properties")))
                .contains("type", "title", "status", "detail", "instance", "errors")
                .as("Spring's ProblemDetail.properties map is never on the wire").doesNotContain("properties");
        assertThat(texts(problem.get("required"))).contains("type", "title", "status");
        assertThat(problem.at("/properties/instance/format").asText())
                .as("a path: RFC 9457 allows a relative reference").isEqualTo("uri-reference");
        JsonNode errors = problem.at("/properties/errors");
        assertThat(errors.get("type").asText()).isEqualTo("array");
        assertThat(errors.at("/items/$ref").asText()).isEqualTo("#/components/schemas/FieldProblem");
        JsonNode field = schema("FieldProblem");
        assertThat(fieldNames(field.get("properties"))).containsExactlyInAnyOrder("field", "message");
        assertThat(texts(field.get("required"))).containsExactlyInAnyOrder("field", "message");
        assertThat(description.at("/paths/~1api~1v1~1tickets/post/responses/400/content/application~1problem+json"
                + "/schema/$ref").asText()).isEqualTo("#/components/schemas/ProblemDetail");
    }

    @Test
    void membersAlwaysPresentAreRequired() {
        assertThat(texts(schema("Ticket").get("required"))).contains("ticketNo", "type", "channel", "status",
                "major", "receivedBy", "reporter", "description", "createdAt", "reworkCount", "reopenCount",
                "escalations", "attachments", "timeline").doesNotContain("handler", "category", "resolution");
        assertThat(texts(schema("TicketSummary").get("required"))).contains("ticketNo", "type", "status",
                "createdAt", "reporter");
        assertThat(texts(schema("TicketPage").get("required"))).containsExactlyInAnyOrder("items", "page", "size",
                "totalElements", "totalPages", "totalExact");
        assertThat(texts(schema("Kpis").get("required"))).contains("from", "to", "received", "responseOnTimeRate",
                "commonRepairFaults").doesNotContain("department", "type");
        assertThat(texts(schema("Indicator").get("required"))).containsExactlyInAnyOrder("numerator", "denominator",
                "unit", "definition");
        assertThat(texts(schema("ApiToken").get("required"))).contains("id", "user", "prefix", "status")
                .doesNotContain("expiresAt", "revokedAt");
        // every object an operation answers with says which members it always has
        List<String> withoutRequired = new ArrayList<>();
        description.path("components").path("schemas").fields().forEachRemaining(entry -> {
            if (List.of("Ticket", "TicketSummary", "TicketPage", "ReporterView", "Escalation", "TimelineEntry",
                    "Part", "Attachment", "ProblemDetail", "FieldProblem", "Kpis", "Indicator", "CategoryCount",
                    "ApiToken", "ApiTokenCreated", "ComplaintAnalysisSummary", "ComplaintAnalysis",
                    "CorrectiveMeasures", "ComplaintAnalysisReview").contains(entry.getKey())
                    && !entry.getValue().has("required")) {
                withoutRequired.add(entry.getKey());
            }
        });
        assertThat(withoutRequired).isEmpty();
    }

    @Test
    void eachEnumOfTheVocabularyIsOneNamedSchemaWhereverItIsUsed() {
        assertThat(texts(schema("TicketStatus").get("enum"))).containsExactly("RECEIVED", "DISPATCHED",
                "IN_PROGRESS", "VERIFYING", "CALLBACK", "ARCHIVED");
        assertThat(description.at("/components/schemas/Ticket/properties/status/$ref").asText())
                .isEqualTo("#/components/schemas/TicketStatus");
        assertThat(description.at("/components/schemas/TicketSummary/properties/status/$ref").asText())
                .isEqualTo("#/components/schemas/TicketStatus");
        assertThat(description.at("/components/schemas/CreateTicketRequest/properties/channel/$ref").asText())
                .isEqualTo("#/components/schemas/Channel");
        Map<String, String> parameters = new HashMap<>();
        description.at("/paths/~1api~1v1~1tickets/get/parameters").forEach(parameter -> parameters.put(
                parameter.get("name").asText(), parameter.at("/schema/$ref").asText()));
        assertThat(parameters).containsEntry("status", "#/components/schemas/TicketStatus")
                .containsEntry("type", "#/components/schemas/TicketType")
                .containsEntry("category", "#/components/schemas/Category")
                .containsEntry("urgency", "#/components/schemas/Urgency");
    }

    private JsonNode schema(String name) {
        JsonNode schema = description.at("/components/schemas/" + name);
        assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
        return schema;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node != null) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> texts.add(item.asText()));
        }
        return texts;
    }
}
