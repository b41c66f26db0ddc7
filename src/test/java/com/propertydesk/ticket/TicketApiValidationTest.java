package com.propertydesk.ticket;

import static com.propertydesk.support.LifecycleScenario.complaintBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.SpringTestBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input gets a 4xx problem detail that names the field, never a 500, and never a half-written ticket or a
 * started process.
 */
class TicketApiValidationTest extends SpringTestBase {

    @Autowired
    TicketRepository tickets;

    ApiClient api;
    long ticketsBefore;
    long processesBefore;

    @BeforeEach
    void countBefore() {
        api = new ApiClient(port);
        ticketsBefore = tickets.count();
        processesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(tickets.count()).as("tickets stored").isEqualTo(ticketsBefore);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).as("processes started")
                .isEqualTo(processesBefore);
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({
        "type, type",
        "channel, channel",
        "reporter, reporter",
        "description, description",
    })
    void aMissingRequiredFieldIsNamed(String removed, String field) {
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
        body.remove(removed);

        assertInvalid(post(body), field);
    }

    @ParameterizedTest(name = "reporter without {0}")
    @CsvSource({"phone", "room"})
    void aMissingReporterFieldIsNamedWithItsPath(String removed) {
        Map<String, Object> reporter = new HashMap<>(Map.of("name", "王女士", "phone", "13800138000",
                "room", "1-1-101"));
        reporter.remove(removed);
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
        body.put("reporter", reporter);

        assertInvalid(post(body), "reporter." + removed);
    }

    @Test
    void blankTextCountsAsMissing() {
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "   "));
        body.put("reporter", Map.of("phone", "13800138000", "room", " "));

        Reply reply = post(body);

        assertThat(fields(reply)).contains("description", "reporter.room");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "channel, FAX",
        "type, PRAISE",
        "category, PLUMBING",
        "impactScope, EVERYONE",
    })
    void anUnknownEnumValueIsNamedWithTheAllowedValues(String field, String value) {
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
        body.put(field, value);

        Reply reply = post(body);

        assertInvalid(reply, field);
        assertThat(reply.json().get("errors").get(0).get("message").asText()).startsWith("must be one of [");
    }

    @Test
    void anOversizedDescriptionIsRefused() {
        assertInvalid(post(complaintBody("1-1-101", "漏".repeat(2001))), "description");
    }

    @Test
    void aDescriptionOfExactlyTheLimitIsAccepted() {
        Reply reply = post(complaintBody("1-1-101", "漏".repeat(2000)));

        assertThat(reply.status()).isEqualTo(201);
        ticketsBefore++;
        processesBefore++;
    }

    @ParameterizedTest
    @CsvSource({"12345", "1380013800", "phone-number", "23800138000"})
    void anImplausiblePhoneNumberIsRefused(String phone) {
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
        body.put("reporter", Map.of("phone", phone, "room", "1-1-101"));

        assertInvalid(post(body), "reporter.phone");
    }

    @Test
    void aFutureOccurrenceIsRefused() {
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
        body.put("occurredAt", "2999-01-01T08:00:00+08:00");

        assertInvalid(post(body), "occurredAt");
    }

    @Test
    void aDateWithoutOffsetIsRefusedWithTheExpectedFormat() {
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
        body.put("occurredAt", "yesterday");

        Reply reply = post(body);

        assertInvalid(reply, "occurredAt");
        assertThat(reply.json().get("detail").asText()).contains("ISO-8601");
    }

    @Test
    void anUnknownFieldIsNamed() {
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
        body.put("catgory", "ENGINEERING");

        assertInvalid(post(body), "catgory");
    }

    @Test
    void aFieldOfTheWrongShapeIsNamed() {
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
        body.put("reporter", "王女士 13800138000");

        assertInvalid(post(body), "reporter");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Reply reply = api.postRaw("/api/v1/tickets", "integrator", "application/json",
                "{\"type\": \"COMPLAINT\", \"channel\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("title").asText()).isEqualTo("Malformed JSON");
        assertThat(reply.json().get("detail").asText()).contains("line 1");
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        Reply reply = api.postRaw("/api/v1/tickets", "integrator", "application/json", "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void aWrongContentTypeIsUnsupported(String contentType) {
        Reply reply = api.postRaw("/api/v1/tickets", "integrator", contentType,
                ApiClient.toJson(complaintBody("1-1-101", "楼道灯不亮")));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(fields(reply)).containsExactly("Content-Type");
    }

    @Test
    void anOverlongIdempotencyKeyIsNamed() {
        Reply reply = api.postJson("/api/v1/tickets", "integrator", complaintBody("1-1-101", "楼道灯不亮"),
                "Idempotency-Key", "k".repeat(101));

        assertInvalid(reply, "Idempotency-Key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            status=FIXED            | status
            urgency=URGENT          | urgency
            size=0                  | size
            size=1000               | size
            page=-1                 | page
            from=last-week          | from
            from=2026-11-10&to=2026-11-01 | to
            receivedBy=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | receivedBy
            """)
    void aBadListParameterIsNamed(String query, String field) {
        Reply reply = api.get("/api/v1/tickets?" + query, "integrator");

        assertInvalid(reply, field);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            reporter.name | 123
            reporter.name | true
            reporter.name | 12.5
            reporter.room | 1201
            description   | 42
            description   | false
            demand        | 0
            location      | 3.0
            type          | 0
            channel       | 1
            publicArea    | 1
            publicArea    | '"true"'
            needsSurvey   | 0
            type          | '"REPAIR\\u0000"'
            type          | '" COMPLAINT"'
            channel       | '"WECHAT\\t"'
            """)
    void aValueOfTheWrongJsonTypeIsNamedNotCoerced(String field, String json) {
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
        Map<String, Object> reporter = new HashMap<>(Map.of("name", "王女士", "phone", "13800138000",
                "room", "1-1-101"));
        body.put("reporter", reporter);
        String marker = "\"__value__\"";
        if (field.startsWith("reporter.")) {
            reporter.put(field.substring("reporter.".length()), "__value__");
        } else {
            body.put(field, "__value__");
        }

        Reply reply = api.postRaw("/api/v1/tickets", "integrator", "application/json",
                ApiClient.toJson(body).replace(marker, json));

        assertInvalid(reply, field);
    }

    @Test
    void aRatingOfTheWrongJsonTypeIsNamed() {
        for (String rating : List.of("4.5", "\"5\"", "true")) {
            Reply reply = api.postRaw("/api/v1/tickets/C-20260101-0001/feedback", "integrator",
                    "application/json", "{\"rating\": " + rating + "}");
            assertInvalid(reply, "rating");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"description", "demand", "location", "reporter.name", "reporter.room"})
    void aNulOrAnotherControlCharacterInTextIsNamed(String field) {
        for (String text : List.of("楼道\u0000灯不亮", "\u0007响铃", "退格\u0008")) {
            Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
            if (field.startsWith("reporter.")) {
                Map<String, Object> reporter = new HashMap<>(Map.of("name", "王女士", "phone", "13800138000",
                        "room", "1-1-101"));
                reporter.put(field.substring("reporter.".length()), text);
                body.put("reporter", reporter);
            } else {
                body.put(field, text);
            }

            Reply reply = post(body);

            assertInvalid(reply, field);
            assertThat(reply.json().at("/errors/0/message").asText()).contains("control characters");
        }
    }

    @Test
    void halfACharacterIsNamed() {
        for (String text : List.of("lone\\ud83d", "\\ude2dlow", "a\\udbff\\udbffb")) {
            String body = ApiClient.toJson(complaintBody("1-1-101", "__text__")).replace("__text__", text);

            Reply reply = api.postRaw("/api/v1/tickets", "integrator", "application/json", body);

            assertInvalid(reply, "description");
            assertThat(reply.json().at("/errors/0/message").asText()).contains("Unicode");
        }
    }

    @Test
    void tabsAndLineBreaksAndFourByteCharactersAreText() {
        Reply reply = post(complaintBody("1-1-101🏠", "第一行😭\n第二行\t𠮷\r\n第三行"));

        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        assertThat(reply.json().get("description").asText()).isEqualTo("第一行😭\n第二行\t𠮷\r\n第三行");
        assertThat(reply.json().at("/reporter/room").asText()).isEqualTo("1-1-101🏠");
        ticketsBefore++;
        processesBefore++;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0001-01-01T00:00:00Z",
        "1969-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00+18:00",
        "+999999999-12-31T23:59:59-18:00",
    })
    void anOccurrenceAtTheEndsOfTheCalendarIsNamed(String occurredAt) {
        Map<String, Object> body = new HashMap<>(complaintBody("1-1-101", "楼道灯不亮"));
        body.put("occurredAt", occurredAt);

        assertInvalid(post(body), "occurredAt");
    }

    @Test
    void anOccurrenceAsANumberOrBeyondTheCalendarIsNamed() {
        for (String value : List.of("1e400", "99999999999999999999999999", "\"+1000000000-01-01T00:00:00Z\"", "[]",
                "{}")) {
            String body = ApiClient.toJson(complaintBody("1-1-101", "楼道灯不亮"))
                    .replace("\"2026-11-20T08:30:00+08:00\"", value);
            assertInvalid(api.postRaw("/api/v1/tickets", "integrator", "application/json", body), "occurredAt");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            page=2147483647                          | page
            page=2147483647&size=100                 | page
            page=99999999999                         | page
            size=-2147483648                         | size
            from=0001-01-01                          | from
            from=%2B999999999-12-31T23:59:59-18:00    | from
            to=9999-12-31T23:59:59Z                  | to
            to=-999999999-01-01T00:00:00%2B18:00      | to
            page=0x10                                | page
            size=%2B5                                | size
            page=%201                                | page
            status=RECEIVED%00                       | status
            type=%20REPAIR                           | type
            urgency=high                             | urgency
            """)
    void aListParameterAtTheEndsOfItsRangeIsNamed(String query, String field) {
        assertInvalid(api.get("/api/v1/tickets?" + query, "integrator"), field);
    }

    @Test
    void theIdempotencyKeyRuleIsCheckedAndDocumented() {
        for (String key : List.of("with space", "tab\tkey", "k".repeat(101))) {
            assertInvalid(api.postJson("/api/v1/tickets", "integrator", complaintBody("1-1-101", "楼道灯不亮"),
                    "Idempotency-Key", key), "Idempotency-Key");
        }
        JsonNode header = null;
        for (JsonNode parameter : api.get("/v3/api-docs", null).json().at("/paths/~1api~1v1~1tickets/post/parameters")) {
            if (parameter.get("name").asText().equals("Idempotency-Key")) {
                header = parameter;
            }
        }
        assertThat(header).isNotNull();
        assertThat(header.get("description").asText()).contains("1 to 100 visible ASCII", "[\\x21-\\x7E]{1,100}");
        assertThat(header.at("/schema/pattern").asText()).isEqualTo("^[\\x21-\\x7E]{1,100}$");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/pdf
            text/html
            application/json;q=abc
            image/*
            """)
    void aProblemIsAProblemDetailWhateverTheClientAccepts(String accept) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/tickets"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "integrator:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Accept", accept).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\": 0}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + response.statusCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"%3B", "a%3Bb", "%25", "..", "C-20261203-0001%0A"})
    void aUrlTheFirewallRefusesIsAProblemDetail(String segment) {
        Reply reply = api.get("/api/v1/tickets/" + segment, "integrator");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:propertydesk:problem:rejected-url");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"%5C", "a%00b", "%5C/attachments"})
    void aUrlTomcatRefusesIsAProblemDetailToo(String segment) {
        Reply reply = api.get("/api/v1/tickets/" + segment, "integrator");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:propertydesk:problem:malformed-request");
    }

    private Reply post(Object body) {
        return api.postJson("/api/v1/tickets", "integrator", body);
    }

    private static void assertInvalid(Reply reply, String field) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).startsWith("urn:propertydesk:problem:");
        assertThat(fields(reply)).as(reply.raw()).contains(field);
    }

    private static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = reply.json().get("errors");
        if (errors != null) {
            errors.forEach(error -> fields.add(error.get("field").asText()));
        }
        return fields;
    }
}
