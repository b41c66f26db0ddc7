package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every /api/v1 endpoint fuzzed on MariaDB with a fixed seed: wrong JSON types, huge strings, deep nesting, unknown
 * enum values, 4-byte characters, NUL and other control characters, invalid and extreme dates, negative and huge
 * paging, bad headers and Idempotency-Keys, malformed JSON and bytes that are not UTF-8, wrong content types and
 * broken multipart uploads. Every answer is a 2xx or 4xx, never a 5xx; every 4xx is an RFC 9457 problem detail
 * whose status matches; an invalid-request problem names each field; and where the mutation makes the request
 * invalid by one known field (a number as a name, a name over its limit, a NUL in a description), the answer is a
 * 400 naming exactly that field. At the end a ticket with emoji in its description and room reads back intact,
 * from the API and as the bytes in the table.
 */
class ApiFuzzMariaDbIT extends MariaDbTestBase {

    static final long SEED = 0x5EED_2026_1203L;
    static final int CASES = 1_200;
    static final String INTEGRATOR = "integrator";

    @Autowired
    JdbcTemplate jdbc;

    final Random random = new Random(SEED);
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final Map<String, Integer> endpoints = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    final List<String> tickets = new ArrayList<>();
    final List<String> attachments = new ArrayList<>();
    int tried;

    /** One generated request and what its answer must show. */
    record Case(String endpoint, String method, String path, String user, String contentType, byte[] body,
            Map<String, String> headers, String mustName, String what) {
    }

    @Test
    void everyEndpointAnswersEveryGeneratedRequestWithoutA5xxAndEveryRefusalIsAProblemNamingTheField() {
        long started = System.nanoTime();
        seedTickets();
        List<Supplier<Case>> generators = List.of(
                this::createTicket, this::createTicket, this::createTicket, this::createTicket, this::createTicket,
                this::createTicket, this::getTicket, this::listTickets, this::listTickets, this::feedback,
                this::pause, this::resume, this::upload, this::upload, this::listAttachments, this::download,
                this::kpis, this::analyses, this::apiTokens, this::strayRequest);
        for (int i = 0; i < CASES; i++) {
            run(generators.get(random.nextInt(generators.size())).get());
        }
        // last: wrong credentials count against the caller's address (10 a minute, then 429 for everyone on it)
        for (int i = 0; i < 30; i++) {
            run(badCredentials());
        }

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        int serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue)
                .sum();
        System.out.printf("API fuzz (seed %d): %d requests in %d s; by status %s; 5xx: %d; by endpoint %s%n", SEED,
                tried, seconds, statuses, serverErrors, endpoints);
        failures.stream().limit(40).forEach(failure -> System.out.println("FUZZ " + failure));
        fourByteCharactersReadBackIntact();
        assertThat(tried).isGreaterThanOrEqualTo(1_000);
        assertThat(failures).as("%d of %d answers broke the rules", failures.size(), tried).isEmpty();
        assertThat(serverErrors).isZero();
    }

    // ---- the endpoints

    private Case createTicket() {
        Map<String, Object> body = validTicket();
        Map<String, String> headers = new LinkedHashMap<>();
        String mustName = null;
        String what;
        String contentType = "application/json";
        byte[] bytes = null;
        switch (random.nextInt(14)) {
            case 0 -> what = "valid";
            case 1, 2 -> {
                String[] field = pick(TEXT_FIELDS);
                Raw value = pick(NOT_TEXT);
                put(body, field[0], value);
                mustName = field[0];
                what = field[0] + " = " + value.json;
            }
            case 3 -> {
                String field = pick("type", "channel", "category", "impactScope");
                Object value = random.nextBoolean() ? pick(NOT_ENUM) : pick("complaint", "PRAISE", "FAX", "😭",
                        "COMPLAINT ", "REPAIR\u0000", "ENGINEERING;DROP TABLE ticket", "x".repeat(5000));
                put(body, field, value);
                mustName = field;
                what = field + " = " + abbreviate(String.valueOf(value));
            }
            case 4 -> {
                String field = pick("publicArea", "needsSurvey");
                Raw value = pick(new Raw("1"), new Raw("0"), new Raw("\"true\""), new Raw("\"yes\""), new Raw("[]"),
                        new Raw("{}"), new Raw("0.0"));
                put(body, field, value);
                mustName = field;
                what = field + " = " + value.json;
            }
            case 5 -> {
                Object value = pick(new Raw("1700000000"), new Raw("1e400"), new Raw("-99999999999999999999999"),
                        new Raw("true"), new Raw("{}"), new Raw("[2026, 11, 20]"), "2026-13-45T00:00:00+08:00",
                        "2026-11-20", "2026-11-20T08:30:00", "yesterday", "0001-01-01T00:00:00Z",
                        "1969-12-31T23:59:59Z", "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
                        "+1000000000-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "2026-11-20T08:30:00+19:00",
                        "2026-02-30T08:30:00+08:00", "2026-11-20T24:00:01+08:00", "2026-11-20T08:30:00+08:00😭");
                body.put("occurredAt", value);
                mustName = "occurredAt";
                what = "occurredAt = " + value;
            }
            case 6 -> {
                String[] field = pick(TEXT_FIELDS);
                String text = longText(Integer.parseInt(field[1]));
                put(body, field[0], text);
                if (text.length() > Integer.parseInt(field[1]) || field[0].equals("reporter.phone")) {
                    mustName = field[0];
                }
                what = field[0] + " of " + text.length() + " characters";
            }
            case 7 -> {
                String[] field = pick(TEXT_FIELDS);
                String text = strangeText();
                put(body, field[0], text);
                if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F)) {
                    mustName = field[0];
                }
                what = field[0] + " = " + abbreviate(text);
            }
            case 8 -> {
                int depth = pick(2, 10, 100, 900, 999, 1000, 1001, 5000, 100_000);
                String field = pick("description", "reporter", "type", "occurredAt", "publicArea", "demand");
                put(body, field, new Raw(nested(depth)));
                if (depth < 900) {
                    mustName = field;
                }
                what = field + " nested " + depth + " deep";
            }
            case 9 -> {
                String field = pick("catgory", "reporter.email", "reporter.reporter", "__proto__", "😭", "",
                        "a".repeat(1000), "description ", "ticketNo", "status");
                put(body, field, pick("x", 1, true));
                mustName = field.isEmpty() ? null : field;
                what = "unknown field " + abbreviate(field);
            }
            case 10 -> {
                String field = pick("type", "channel", "reporter", "description", "reporter.phone", "reporter.room");
                if (random.nextBoolean()) {
                    remove(body, field);
                } else {
                    put(body, field, null);
                }
                mustName = field;
                what = "without " + field;
            }
            case 11 -> {
                bytes = malformed(encode(body));
                what = "malformed body " + abbreviate(new String(bytes, StandardCharsets.ISO_8859_1));
            }
            case 12 -> {
                contentType = pick(null, "text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1",
                        "application/json; charset=UTF-16", "application/merge-patch+json", "application/*", "*/*",
                        "json", "application/json; charset=nonsense", "text/json", "application/jsonp");
                what = "Content-Type " + contentType;
            }
            default -> {
                String key = pick(UUID.randomUUID().toString(), "k".repeat(100), "k".repeat(101), "with space",
                        "tab\tkey", "", "\"quoted\"", "abc:def/ghi?x=1#y", "k k",
                        "fuzz-" + random.nextInt(5));
                headers.put("Idempotency-Key", key);
                if (!key.matches("[\\x21-\\x7E]{1,100}") && !key.isEmpty()) {
                    mustName = "Idempotency-Key";
                }
                what = "Idempotency-Key " + abbreviate(key);
            }
        }
        if (bytes == null) {
            bytes = encode(body);
        }
        otherHeaders(headers);
        return new Case("POST /tickets", "POST", "/api/v1/tickets", INTEGRATOR, contentType, bytes, headers, mustName,
                what);
    }

    private Case getTicket() {
        String no = ticketNo();
        return new Case("GET /tickets/{no}", "GET", "/api/v1/tickets/" + segment(no), pick(INTEGRATOR, "cs",
                "engineer", "manager", "guard"), null, null, otherHeaders(new LinkedHashMap<>()), null, "ticket " + no);
    }

    private Case listTickets() {
        List<String> query = new ArrayList<>();
        int parameters = 1 + random.nextInt(4);
        String mustName = null;
        for (int i = 0; i < parameters; i++) {
            String name = pick("status", "type", "category", "urgency", "department", "from", "to", "page", "size",
                    "sort", "page");
            String value = switch (name) {
                case "status" -> pick("RECEIVED", "ARCHIVED", "FIXED", "received", "", "😭", "RECEIVED\u0000",
                        " ARCHIVED");
                case "type" -> pick("COMPLAINT", "REPAIR", "PRAISE", "0");
                case "category" -> pick("ENGINEERING", "PLUMBING", "x".repeat(2000));
                case "urgency" -> pick("URGENT", "HIGH", "LOW", "NORMAL", "\u0000");
                case "department" -> pick("engineering", "cleaning", "", "😭𠮷", "a\u0000b", "' OR 1=1 --",
                        "x".repeat(2000), "${execution}");
                case "from", "to" -> pick("2026-11-01", "2026-11-01T08:00:00+08:00", "2026-11-01T08:00:00",
                        "last-week", "0001-01-01", "9999-12-31", "+999999999-12-31T23:59:59-18:00",
                        "-999999999-01-01T00:00:00+18:00", "2026-02-30", "1970-01-01", "", "2026-11-01T08:00:00Z");
                case "page" -> pick("0", "1", "-1", "2147483647", "2147483648", "-2147483648", "99999999999999999999",
                        "1e3", "0x10", "+1", " 1", "", "abc", "1.5", "499");
                case "size" -> pick("1", "20", "100", "0", "101", "-5", "2147483647", "", "NaN");
                default -> pick("createdAt,desc", "x");
            };
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            if (parameters == 1 && (name.equals("page") && !List.of("0", "1", "499", "").contains(value)
                    || name.equals("size") && !List.of("1", "20", "100", "").contains(value))) {
                mustName = name;
            }
        }
        return new Case("GET /tickets", "GET", "/api/v1/tickets?" + String.join("&", query), pick(INTEGRATOR, "cs",
                "manager"), null, null, otherHeaders(new LinkedHashMap<>()), mustName, String.join("&", query));
    }

    private Case feedback() {
        Map<String, Object> body = new LinkedHashMap<>();
        String mustName = null;
        String what;
        switch (random.nextInt(6)) {
            case 0 -> {
                body.put("rating", pick(1, 5));
                what = "valid";
            }
            case 1 -> {
                Raw value = pick(new Raw("4.5"), new Raw("\"5\""), new Raw("true"), new Raw("[]"), new Raw("{}"),
                        new Raw("2147483648"), new Raw("-99999999999999999999"), new Raw("1e400"));
                body.put("rating", value);
                mustName = "rating";
                what = "rating = " + value.json;
            }
            case 2 -> {
                int rating = pick(0, 6, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
                body.put("rating", rating);
                mustName = "rating";
                what = "rating = " + rating;
            }
            case 3 -> {
                Raw value = pick(new Raw("1"), new Raw("\"true\""), new Raw("\"no\""), new Raw("[]"));
                body.put("accepted", value);
                mustName = "accepted";
                what = "accepted = " + value.json;
            }
            case 4 -> {
                String comment = random.nextBoolean() ? longText(500) : strangeText();
                body.put("rating", 5);
                body.put("comment", comment);
                if (comment.length() > 500 || comment.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n'
                        && c != '\r' || c == 0x7F)) {
                    mustName = "comment";
                }
                what = "comment = " + abbreviate(comment);
            }
            default -> {
                body.put("comment", "好");
                what = "malformed";
            }
        }
        byte[] bytes = what.equals("malformed") ? malformed(encode(body)) : encode(body);
        String no = random.nextInt(4) == 0 ? ticketNo() : pick(tickets);
        return new Case("POST /tickets/{no}/feedback", "POST", "/api/v1/tickets/" + segment(no) + "/feedback",
                INTEGRATOR, "application/json", bytes, otherHeaders(new LinkedHashMap<>()), mustName, what);
    }

    private Case pause() {
        Map<String, Object> body = new LinkedHashMap<>();
        String mustName = null;
        String what;
        switch (random.nextInt(4)) {
            case 0 -> {
                body.put("reason", "业主出差，改约下周一上门");
                what = "valid";
            }
            case 1 -> {
                Raw value = pick(NOT_TEXT);
                body.put("reason", value);
                mustName = "reason";
                what = "reason = " + value.json;
            }
            case 2 -> {
                String reason = random.nextBoolean() ? longText(500) : strangeText();
                body.put("reason", reason);
                if (reason.length() > 500 || reason.trim().isEmpty() || reason.chars().anyMatch(c -> c < 0x20 && c != '\t'
                        && c != '\n' && c != '\r' || c == 0x7F)) {
                    mustName = "reason";
                }
                what = "reason = " + abbreviate(reason);
            }
            default -> {
                mustName = "reason";
                what = "without reason";
            }
        }
        String no = random.nextInt(4) == 0 ? ticketNo() : pick(tickets);
        return new Case("POST /tickets/{no}/pause", "POST", "/api/v1/tickets/" + segment(no) + "/pause", pick("cs",
                "engineer", INTEGRATOR), "application/json", encode(body), otherHeaders(new LinkedHashMap<>()),
                mustName, what);
    }

    private Case resume() {
        String no = random.nextInt(3) == 0 ? ticketNo() : pick(tickets);
        boolean withBody = random.nextBoolean();
        return new Case("POST /tickets/{no}/resume", "POST", "/api/v1/tickets/" + segment(no) + "/resume",
                pick("cs", "engineer", INTEGRATOR), withBody ? pick("application/json", "text/plain", "garbage")
                        : null, withBody ? malformed("{}".getBytes(StandardCharsets.UTF_8)) : null,
                otherHeaders(new LinkedHashMap<>()), null, "resume " + no);
    }

    private Case upload() {
        String no = random.nextInt(5) == 0 ? ticketNo() : pick(tickets);
        String part = "file";
        String fileName = "漏水照片.jpg";
        String declared = "image/jpeg";
        byte[] content = padded(JPEG, 222);
        String mustName = null;
        String what;
        String boundary = "----fuzz" + random.nextInt(1_000_000);
        String contentType = "multipart/form-data; boundary=" + boundary;
        boolean brokenEnvelope = false;
        switch (random.nextInt(8)) {
            case 0 -> what = "valid";
            case 1 -> {
                fileName = pick("a".repeat(256), "漏".repeat(996) + ".jpg", "😭".repeat(128) + ".jpg",
                        "b".repeat(10_000) + ".jpg", "x".repeat(255));
                if (fileName.length() > 255) {
                    mustName = "file.filename";
                }
                what = "file name of " + fileName.length();
            }
            case 2 -> {
                fileName = pick("", "../../etc/passwd", "C:\\Windows\\win.ini", "a\u0000b.jpg", "照片😭𠮷.jpg",
                        "\u202Egpj.exe", "\"quoted\".jpg", "semi;colon.jpg", "new\r\nline.jpg", ".", "..", " ");
                what = "file name " + abbreviate(fileName);
            }
            case 3 -> {
                content = pick(new byte[0], padded(PNG, 1000), padded(PDF, 300), "MZ\u0090\u0000".getBytes(
                        StandardCharsets.ISO_8859_1), randomBytes(2000), padded(JPEG, 3), padded(JPEG, 300_000));
                declared = pick("image/jpeg", "application/octet-stream", "text/html", "", "garbage", "image/*");
                if (content.length == 0) {
                    mustName = "file";
                }
                what = content.length + " bytes declared " + declared;
            }
            case 4 -> {
                part = pick("photo", "", "FILE", "file[]", "😭", "x".repeat(300));
                if (!part.equals("file") && part.length() < 300) {
                    mustName = "file";
                }
                what = "part " + abbreviate(part);
            }
            case 5 -> {
                contentType = pick("multipart/form-data", "multipart/form-data; boundary=other",
                        "multipart/mixed; boundary=" + boundary, "application/json", "image/jpeg", null,
                        "multipart/form-data; boundary=" + "b".repeat(200), "text/plain");
                what = "Content-Type " + contentType;
            }
            case 6 -> {
                brokenEnvelope = true;
                what = "broken envelope";
            }
            default -> {
                int parts = pick(2, 5, 11, 60);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int i = 0; i < parts; i++) {
                    writePart(out, boundary, i == 0 ? "file" : "extra" + i, "p" + i + ".jpg", "image/jpeg",
                            padded(JPEG, 222));
                }
                out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                return new Case("POST /tickets/{no}/attachments", "POST", "/api/v1/tickets/" + segment(no)
                        + "/attachments", INTEGRATOR, contentType, out.toByteArray(), new LinkedHashMap<>(), null,
                        parts + " parts");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePart(out, boundary, part, fileName, declared, content);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] body = out.toByteArray();
        if (brokenEnvelope) {
            body = pick(java.util.Arrays.copyOf(body, random.nextInt(body.length)), ("--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                    randomBytes(500), new byte[0], ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\""
                            + "; filename=\"a.jpg\"\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Case("POST /tickets/{no}/attachments", "POST", "/api/v1/tickets/" + segment(no) + "/attachments",
                INTEGRATOR, contentType, body, new LinkedHashMap<>(), mustName, what);
    }

    private Case listAttachments() {
        String no = random.nextInt(3) == 0 ? ticketNo() : pick(tickets);
        return new Case("GET /tickets/{no}/attachments", "GET", "/api/v1/tickets/" + segment(no) + "/attachments",
                pick(INTEGRATOR, "cs", "guard"), null, null, otherHeaders(new LinkedHashMap<>()), null, no);
    }

    private Case download() {
        String no = random.nextInt(3) == 0 ? ticketNo() : pick(tickets);
        String id = random.nextInt(3) == 0 && !attachments.isEmpty() ? pick(attachments) : pick("0", "-1", "1",
                "abc", "1.5", "99999999999999999999", "9223372036854775807", "😭", "1e3", " 1");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", pick("*/*", "image/*", "application/json", "application/problem+json, */*"));
        String mustName = List.of("abc", "1.5", "99999999999999999999", "😭", "1e3").contains(id) ? "attachmentId"
                : null;
        return new Case("GET /tickets/{no}/attachments/{id}", "GET", "/api/v1/tickets/" + segment(no)
                + "/attachments/" + segment(id), pick(INTEGRATOR, "cs"), null, null, headers, mustName, no + " " + id);
    }

    private Case kpis() {
        if (random.nextInt(20) == 0) {
            return new Case("POST /reports/kpis/rebuild", "POST", "/api/v1/reports/kpis/rebuild", pick("admin",
                    "manager"), null, null, new LinkedHashMap<>(), null, "rebuild");
        }
        List<String> query = new ArrayList<>();
        for (String name : List.of("from", "to", "department", "type")) {
            if (random.nextBoolean()) {
                String value = switch (name) {
                    case "from", "to" -> pick("2026-11-01", "2026-12-01", "2026-11-01T08:00:00+08:00", "0001-01-01",
                            "9999-12-31", "+999999999-12-31T23:59:59-18:00", "2001-01-01", "bad", "");
                    case "department" -> pick("engineering", "😭", "x".repeat(1000), "a\u0000b");
                    default -> pick("COMPLAINT", "REPAIR", "PRAISE", "");
                };
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return new Case("GET /reports/kpis", "GET", "/api/v1/reports/kpis?" + String.join("&", query), pick("manager",
                "gm", "cs", INTEGRATOR), null, null, otherHeaders(new LinkedHashMap<>()), null, String.join("&", query));
    }

    private Case analyses() {
        String base = "/api/v1/reports/complaint-analyses";
        String quarterQuery = "year=" + URLEncoder.encode(pick("2026", "2025", "1999", "-1", "2147483648", "abc", "",
                "99999"), StandardCharsets.UTF_8) + "&quarter=" + URLEncoder.encode(pick("1", "4", "0", "5", "-1",
                "x", "", "2147483647"), StandardCharsets.UTF_8);
        String invalidQuarter = "year=2026&quarter=" + pick("0", "5", "x", "-2147483648");
        String id = pick("1", "0", "-1", "abc", "99999999999999999999", "9223372036854775807", "😭");
        return switch (random.nextInt(9)) {
            case 0, 1 -> {
                Object year = pick(2025, 2000, 1999, 2999, new Raw("\"2025\""), new Raw("2025.5"), new Raw("true"),
                        new Raw("99999999999999999999"), null);
                Object quarter = pick(1, 2, 4, 0, 5, new Raw("\"1\""), new Raw("[]"), null);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("year", year);
                body.put("quarter", quarter);
                boolean broken = random.nextInt(5) == 0;
                byte[] bytes = broken ? malformed(encode(body)) : encode(body);
                yield new Case("POST /complaint-analyses", "POST", base, pick("manager", "cs"), "application/json",
                        bytes, new LinkedHashMap<>(), broken ? null : year instanceof Raw ? "year"
                                : quarter instanceof Raw ? "quarter" : null,
                        (broken ? "malformed " : "") + "year " + year + " quarter " + quarter);
            }
            case 2 -> new Case("GET /complaint-analyses", "GET", base, pick("manager", "gm", "engineer"), null, null,
                    new LinkedHashMap<>(), null, "list");
            case 3, 4 -> new Case("GET /complaint-analyses/preview", "GET", base + "/preview?" + quarterQuery,
                    pick("manager", "cs", INTEGRATOR), null, null, new LinkedHashMap<>(), null, quarterQuery);
            case 5 -> new Case("GET /complaint-analyses/preview/report.html", "GET", base + "/preview/report.html?"
                    + invalidQuarter, "manager", null, null, accept("text/html, application/problem+json"), "quarter",
                    invalidQuarter);
            case 6 -> new Case("GET /complaint-analyses/preview/report.pdf", "GET", base + "/preview/report.pdf?"
                    + invalidQuarter, "manager", null, null, accept("application/pdf, application/problem+json"),
                    "quarter", invalidQuarter);
            case 7 -> new Case("GET /complaint-analyses/{id}", "GET", base + "/" + segment(id), pick("manager", "cs"),
                    null, null, new LinkedHashMap<>(), null, id);
            default -> {
                String kind = pick("report.html", "report.pdf");
                String missing = pick("0", "-1", "abc", "9223372036854775807");
                yield new Case("GET /complaint-analyses/{id}/" + kind, "GET", base + "/" + missing + "/" + kind,
                        "manager", null, null, accept("text/html, application/pdf, application/problem+json"),
                        missing.equals("abc") ? "id" : null, missing);
            }
        };
    }

    private Case apiTokens() {
        String base = "/api/v1/admin/api-tokens";
        String user = pick("admin", "admin", "admin", "cs");
        return switch (random.nextInt(5)) {
            case 0, 1 -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("user", pick("integrator", "cs", "nobody", "", new Raw("123"), "x".repeat(65), "😭",
                        "a\u0000b", null));
                body.put("name", pick("业主APP 😭", "", new Raw("true"), "x".repeat(101), "tab\tname", null));
                body.put("expiresAt", pick(null, "2027-12-31T23:59:59+08:00", "2020-01-01T00:00:00Z",
                        "+999999999-12-31T23:59:59-18:00", "9999-12-31T23:59:59Z", new Raw("1800000000"), "soon",
                        "2027-12-31"));
                byte[] bytes = random.nextInt(6) == 0 ? malformed(encode(body)) : encode(body);
                yield new Case("POST /admin/api-tokens", "POST", base, user, "application/json", bytes,
                        new LinkedHashMap<>(), null, abbreviate(new String(bytes, StandardCharsets.UTF_8)));
            }
            case 2 -> {
                String who = pick("integrator", "", "😭", "x".repeat(1000), "a\u0000b");
                yield new Case("GET /admin/api-tokens", "GET", base + "?user=" + URLEncoder.encode(who,
                        StandardCharsets.UTF_8), user, null, null, new LinkedHashMap<>(), null, who);
            }
            default -> {
                String id = pick("1", "2", "0", "-1", "abc", "99999999999999999999", "9223372036854775807");
                boolean delete = random.nextBoolean();
                yield new Case((delete ? "DELETE" : "GET") + " /admin/api-tokens/{id}", delete ? "DELETE" : "GET",
                        base + "/" + id, user, null, null, new LinkedHashMap<>(), List.of("abc",
                                "99999999999999999999").contains(id) && user.equals("admin") ? "id" : null, id);
            }
        };
    }

    /** Paths and methods nobody mapped, and bodies where none is expected. */
    private Case strayRequest() {
        String path = pick("/api/v1", "/api/v1/", "/api/v1/ticketz", "/api/v1/tickets/" + pick(tickets) + "/nothing",
                "/api/v1/tickets/", "/api/v1/reports", "/api/v1/reports/kpis/", "/api/v1/admin",
                "/api/v1/tickets/" + segment("C-1") + "/attachments/1/x", "/api/v2/tickets");
        String method = pick("GET", "PUT", "PATCH", "DELETE", "POST", "OPTIONS", "HEAD");
        byte[] body = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") ? null
                : encode(validTicket());
        return new Case(method + " (unmapped)", method, path, INTEGRATOR, body == null ? null : "application/json",
                body, new LinkedHashMap<>(), null, method + " " + path);
    }

    private Case badCredentials() {
        String authorization = pick(null, "Basic", "Basic !!!", "Basic " + base64("integrator:wrong"),
                "Basic " + base64("nobody:demo"), "Basic " + base64("integrator"), "Basic " + base64(":"),
                "Basic " + base64("😭:😭"), "Bearer", "Bearer pdt_" + "x".repeat(40), "Bearer " + "y".repeat(3000),
                "Digest username=\"integrator\"", "basic " + base64("integrator:demo"), "Negotiate abc");
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        String path = pick("/api/v1/tickets", "/api/v1/tickets/" + pick(tickets), "/api/v1/reports/kpis",
                "/api/v1/admin/api-tokens");
        return new Case("bad credentials", "GET", path, null, null, null, headers, null, authorization);
    }

    // ---- running and checking

    private void run(Case c) {
        tried++;
        endpoints.merge(c.endpoint(), 1, Integer::sum);
        HttpResponse<byte[]> response;
        try {
            response = send(c);
        } catch (UncheckedIOException e) {
            statuses.merge(0, 1, Integer::sum);
            failures.add("no answer (" + e.getCause() + ") — " + e.getMessage());
            return;
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String type = response.headers().firstValue("Content-Type").orElse("");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        String problem = check(c, status, type, text);
        if (problem != null) {
            failures.add(problem + " — " + c.method() + " " + abbreviate(c.path()) + " as " + c.user() + " ("
                    + c.what() + ", headers " + abbreviate(c.headers().toString()) + ", Content-Type "
                    + c.contentType() + "): " + status + " " + type + " " + abbreviate(text));
        }
        if (status == 201 && c.endpoint().equals("POST /tickets/{no}/attachments")) {
            attachments.add(text.replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1"));
        }
    }

    private String check(Case c, int status, String type, String text) {
        if (status >= 500) {
            return "5xx";
        }
        if (status < 400) {
            return c.mustName() != null ? "accepted although " + c.mustName() + " is invalid" : null;
        }
        if (c.method().equals("HEAD")) {
            return null;
        }
        if (!type.startsWith("application/problem+json")) {
            return "a " + status + " that is no problem detail";
        }
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (IOException e) {
            return "a problem detail that is no JSON";
        }
        if (body.path("status").asInt() != status || !body.path("type").asText().startsWith("urn:propertydesk:")
                && !body.path("type").asText().equals("about:blank")) {
            return "a problem detail without its status or type";
        }
        List<String> fields = new ArrayList<>();
        body.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        if (body.path("type").asText().endsWith(":invalid-request")
                && (fields.isEmpty() || fields.stream().anyMatch(String::isBlank))) {
            return "an invalid request that names no field";
        }
        String accept = c.headers().getOrDefault("Accept", "application/json");
        if (status == 406 && !accept.matches("(?i).*(application/json|application/\\*|\\*/\\*)(;q=[0-9.]+)?(,.*|$)")) {
            // the client takes no JSON answer: refused as it asks, before its body is read
            return null;
        }
        if (status == 400 && body.path("type").asText().matches(".*:(rejected-url|malformed-request)")) {
            // the URL is refused before the body is read
            return null;
        }
        if (c.mustName() != null && (status != 400 && status != 413 || !fields.contains(c.mustName()))) {
            return "a refusal that does not name " + c.mustName() + " (" + fields + ")";
        }
        return null;
    }

    private HttpResponse<byte[]> send(Case c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
                .timeout(Duration.ofSeconds(60));
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        request.method(c.method(), body);
        if (!c.headers().containsKey("Accept")) {
            request.header("Accept", "application/json, application/problem+json");
        }
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.user() != null) {
            request.header("Authorization", "Basic " + base64(c.user() + ":demo"));
        }
        c.headers().forEach((name, value) -> {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException refusedByTheClient) {
                // java.net.http sends no such header value; the server never sees it
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(c.method() + " " + abbreviate(c.path()) + " (" + c.what() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- fixtures

    private void seedTickets() {
        for (Map<String, Object> body : List.of(validTicket(), repair(), validTicket())) {
            HttpResponse<byte[]> filed = send(new Case("seed", "POST", "/api/v1/tickets", INTEGRATOR,
                    "application/json", encode(body), Map.of(), null, "seed"));
            assertThat(filed.statusCode()).as(new String(filed.body(), StandardCharsets.UTF_8)).isEqualTo(201);
            tickets.add(read(filed).get("ticketNo").asText());
        }
    }

    private void fourByteCharactersReadBackIntact() {
        String description = "卫生间漏水😭，墙角渗水发霉𠮷，师傅👷‍♂️快来";
        String room = "3-1-1201🏠";
        Map<String, Object> body = validTicket();
        body.put("description", description);
        put(body, "reporter.room", room);
        put(body, "reporter.name", "𠮷野🌸女士");
        HttpResponse<byte[]> filed = send(new Case("emoji", "POST", "/api/v1/tickets", INTEGRATOR, "application/json",
                encode(body), Map.of("Idempotency-Key", UUID.randomUUID().toString()), null, "emoji"));
        assertThat(filed.statusCode()).as(new String(filed.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        String no = read(filed).get("ticketNo").asText();
        JsonNode ticket = read(send(new Case("emoji", "GET", "/api/v1/tickets/" + no, "cs", null, null, Map.of(),
                null, "emoji")));
        assertThat(ticket.get("description").asText()).isEqualTo(description);
        assertThat(ticket.at("/reporter/room").asText()).isEqualTo(room);
        assertThat(ticket.at("/reporter/name").asText()).isEqualTo("𠮷野🌸女士");
        assertThat(jdbc.queryForObject("SELECT HEX(description) FROM ticket WHERE ticket_no = ?", String.class, no))
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(description.getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.queryForObject("SELECT HEX(reporter_room) FROM ticket WHERE ticket_no = ?", String.class, no))
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(room.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode read(HttpResponse<byte[]> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text fields of a ticket with their length limits. */
    static final String[][] TEXT_FIELDS = {{"reporter.name", "64"}, {"reporter.phone", "20"},
        {"reporter.room", "64"}, {"location", "200"}, {"description", "2000"}, {"demand", "1000"}};

    /** JSON that is anything but a string. */
    static final Raw[] NOT_TEXT = {new Raw("123"), new Raw("true"), new Raw("false"), new Raw("12.5"),
        new Raw("-0"), new Raw("1e400"), new Raw("[]"), new Raw("[\"王女士\"]"), new Raw("{}"),
        new Raw("{\"name\": \"王女士\"}"), new Raw("99999999999999999999999999999")};

    /** JSON that is no enum constant's name. */
    static final Raw[] NOT_ENUM = {new Raw("0"), new Raw("1"), new Raw("true"), new Raw("[]"), new Raw("{}"),
        new Raw("[\"COMPLAINT\"]"), new Raw("1.5")};

    private Map<String, Object> validTicket() {
        Map<String, Object> reporter = new LinkedHashMap<>();
        reporter.put("name", pick("王女士", "李先生", "Ms Wang"));
        reporter.put("phone", pick("13800138000", "021-61234567", "+86 13912345678"));
        reporter.put("room", random.nextInt(9) + 1 + "-" + (random.nextInt(3) + 1) + "-" + (random.nextInt(30) + 1)
                + "0" + (random.nextInt(4) + 1));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "COMPLAINT");
        body.put("channel", pick("WECHAT", "APP", "PHONE"));
        body.put("reporter", reporter);
        body.put("location", "3栋1单元");
        body.put("occurredAt", "2026-11-20T08:30:00+08:00");
        body.put("description", pick("楼道灯不亮", "卫生间天花板漏水，已经滴到地面", "楼上装修噪音太大", "电梯困人"));
        body.put("demand", "尽快处理");
        if (random.nextBoolean()) {
            body.put("category", pick("ENGINEERING", "CLEANING_GREENING", "SECURITY_ORDER", "CUSTOMER_SERVICE"));
        }
        if (random.nextBoolean()) {
            body.put("publicArea", random.nextBoolean());
        }
        return body;
    }

    private Map<String, Object> repair() {
        Map<String, Object> body = validTicket();
        body.put("type", "REPAIR");
        body.put("publicArea", false);
        return body;
    }

    private String ticketNo() {
        return random.nextInt(3) == 0 ? pick(tickets) : pick("C-20261203-9999", "R-20261203-0001", "c-20261203-0001",
                "C-99999999-9999", "😭", "𠮷野", "x".repeat(300), " ", "a b", "..", "%", ";", "a;b=c", "\u0000",
                "\u0007", "<script>", "' OR '1'='1", "${execution}", "C-20261203-0001\n", "\\", "+", "null");
    }

    private String longText(int limit) {
        int length = pick(limit - 1, limit, limit + 1, limit * 2, 10_000, 100_000, 1_000_000);
        String unit = pick("漏", "a", "😭", "𠮷", "é");
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(unit);
        }
        return text.toString();
    }

    private String strangeText() {
        return pick("卫生间漏水😭", "𠮷野家𩸽", "👷‍♂️👨‍👩‍👧‍👦", "a\u0000b", "\u0000", "响铃\u0007", "\u001B[31mred",
                "退格\u0008", "\u007F", "tab\tand\nlines\r\n", "\u202Eabc", "zero\u200Bwidth", "\uFEFFbom",
                "' OR 1=1; DROP TABLE ticket; --", "<script>alert(1)</script>", "${execution.getProcessEngine()}",
                "#{1+1}", "\\\\server\\share", "   ", "", "\uFFFF\uFFFE", "\uDBFF\uDFFF", "Ω≈ç√∫", "𝕿𝖊𝖘𝖙",
                "\u0301\u0301\u0301", "nul\u0000in the middle\u0000", "%00%0a", "\u2028\u2029", "lone\uD83D",
                "\uDE2Dlow");
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private byte[] malformed(byte[] valid) {
        return switch (random.nextInt(12)) {
            case 0 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            case 1 -> randomBytes(1 + random.nextInt(200));
            case 2 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid);
            case 3 -> concat(valid, "}{".getBytes(StandardCharsets.UTF_8));
            case 4 -> new byte[0];
            case 5 -> pick("null", "[]", "\"text\"", "123", "true", "{", "}", "{\"a\"}", "{'type': 'COMPLAINT'}",
                    "{\"type\": COMPLAINT}", "{\"description\": \"a\" \"b\"}", "{,}", "[1,]", "{\"x\": 01}",
                    "{\"x\": NaN}", "{\"x\": Infinity}", "/* comment */ {}", "{\"x\": 1e99999999}",
                    "{\"x\": \"\\uD83D\"}", "{\"x\": \"\\u00\"}", "{\"x\": \"\\q\"}").getBytes(StandardCharsets.UTF_8);
            case 6 -> {
                byte[] broken = valid.clone();
                broken[random.nextInt(broken.length)] = (byte) (int) pick(0xFF, 0xC3, 0x80, 0xF0, 0x00);
                yield broken;
            }
            case 7 -> new String(valid, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            case 8 -> concat(valid, " ".repeat(100_000).getBytes(StandardCharsets.UTF_8));
            case 9 -> ("{\"description\": \"" + "漏".repeat(20_000) + "\"").getBytes(StandardCharsets.UTF_8);
            case 10 -> new String(valid, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"type\": \"REPAIR\", ")
                    .getBytes(StandardCharsets.UTF_8);
            default -> ("{\"x\": " + "1".repeat(2000) + "}").getBytes(StandardCharsets.UTF_8);
        };
    }

    private Map<String, String> otherHeaders(Map<String, String> headers) {
        switch (random.nextInt(10)) {
            case 0 -> headers.put("Accept", pick("*/*", "application/json", "application/problem+json",
                    "application/*", "text/html, */*;q=0.1", "application/json;q=abc"));
            case 1 -> headers.put("Accept-Language", pick("zh-CN", "xx", "*", "en;q=2", "x".repeat(100)));
            case 2 -> headers.put("X-Forwarded-For", pick("not-an-address", "1.2.3.4, 5.6.7.8", "::1", "999.1.1.1"));
            case 3 -> headers.put("X-Fuzz", "v".repeat(pick(1, 100, 4000)));
            case 4 -> headers.put("If-None-Match", pick("*", "\"abc\"", "garbage"));
            case 5 -> headers.put("Content-Encoding", pick("gzip", "br", "identity"));
            default -> {
            }
        }
        return headers;
    }

    private static Map<String, String> accept(String types) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", types);
        return headers;
    }

    // ---- JSON with raw parts

    /** JSON text to put into a body as it is. */
    record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String path, Object value) {
        if (path.startsWith("reporter.") && body.get("reporter") instanceof Map<?, ?> reporter) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) reporter);
            copy.put(path.substring("reporter.".length()), value);
            body.put("reporter", copy);
        } else {
            body.put(path, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Map<String, Object> body, String path) {
        if (path.startsWith("reporter.") && body.get("reporter") instanceof Map<?, ?> reporter) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) reporter);
            copy.remove(path.substring("reporter.".length()));
            body.put("reporter", copy);
        } else {
            body.remove(path);
        }
    }

    static byte[] encode(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String text) {
            quote(out, text);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, String.valueOf(entry.getKey()));
                out.append(':');
                write(out, entry.getValue());
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }

    /** A JSON string; control characters and unpaired surrogates escaped, everything else as UTF-8. */
    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unpaired = Character.isHighSurrogate(c) && (i + 1 >= text.length()
                    || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || unpaired) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    // ---- multipart and bytes

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0,
        1, 1, 0};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

    private static void writePart(ByteArrayOutputStream out, String boundary, String name, String fileName,
            String declared, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + declared + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    static byte[] padded(byte[] head, int length) {
        byte[] content = new byte[length];
        System.arraycopy(head, 0, content, 0, Math.min(head.length, length));
        for (int i = head.length; i < length; i++) {
            content[i] = (byte) (i * 31);
        }
        return content;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A path segment as a client library encodes it. */
    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() <= 160 ? shown : shown.substring(0, 160) + "…(" + text.length() + ")";
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
