package com.propertydesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Plain HTTP against the running application, as an integrator or staff member would call it. A {@code user} is
 * a user id (password {@code demo}), {@code "id:password"}, or {@code "Bearer <API token>"}.
 */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String forwardedFor;
    private final HttpClient http;

    public ApiClient(int port) {
        this("http://localhost:" + port, null, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    private ApiClient(String base, String forwardedFor, HttpClient http) {
        this.base = base;
        this.forwardedFor = forwardedFor;
        this.http = http;
    }

    /**
     * This client as if it called from another address, through a reverse proxy that says so in
     * {@code X-Forwarded-For} (the test profile trusts local proxies, as {@code server.forward-headers-strategy=native}
     * does).
     */
    public ApiClient from(String address) {
        return new ApiClient(base, address, http);
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic
            .AtomicInteger();

    /** An address no other caller of this test JVM uses (from 198.18.0.0/15, the range for tests). */
    public static String uniqueAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.18." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    /** An answer: status, headers, the raw body and the body as JSON (null when it is not JSON). */
    public record Reply(int status, java.net.http.HttpHeaders headers, String raw, JsonNode json) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    public Reply get(String path, String user) {
        return send(request(path, user).GET());
    }

    public Reply postJson(String path, String user, Object body, String... headers) {
        return postRaw(path, user, "application/json", toJson(body), headers);
    }

    public Reply putJson(String path, String user, Object body) {
        return send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
    }

    public Reply delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    public Reply postRaw(String path, String user, String contentType, String body, String... headers) {
        HttpRequest.Builder request = request(path, user).POST(HttpRequest.BodyPublishers.ofString(body,
                StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A multipart/form-data upload of one file part, as a browser or an app sends it. */
    public Reply postFile(String path, String user, String partName, String fileName, String declaredType,
            byte[] content) {
        String boundary = "----propertydesk" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A download: status, headers and the bytes. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Download download(String path, String user) {
        try {
            // as a browser asks for a file or a page
            HttpResponse<byte[]> response = http.send(request(path, user).setHeader("Accept", "*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String toJson(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Engine REST variables: {"name": {"value": v}}. */
    public static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
        }
        return Map.of("variables", variables);
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (user != null && user.startsWith("Bearer ")) {
            request.header("Authorization", user);
        } else if (user != null) {
            String password = user.contains(":") ? "" : ":demo";
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
