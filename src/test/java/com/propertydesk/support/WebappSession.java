package com.propertydesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A browser-like session of the Camunda webapps: their own login and CSRF token, calling the engine API the
 * webapps use ({@code /camunda/api/engine/engine/default/...}).
 */
public final class WebappSession {

    private final String base;
    /** Cookies by name, as a browser keeps them for this server (JSESSIONID, XSRF-TOKEN). */
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Logs into a webapp (tasklist, cockpit, admin); the answer says which apps the user may use. */
    public static WebappSession login(int port, String user, String password, String app) {
        WebappSession session = new WebappSession(port);
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/" + app + "/default/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        session.lastLogin = session.send(session.withCsrf(HttpRequest.newBuilder(URI.create(session.base
                + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
        // the login starts a new session: fetch its CSRF token as the webapp's frontend does
        session.send(session.withCsrf(HttpRequest.newBuilder(URI.create(session.base
                + "/camunda/api/admin/auth/user/default")).GET()));
        return session;
    }

    private ApiClient.Reply lastLogin;

    public ApiClient.Reply login() {
        return lastLogin;
    }

    public ApiClient.Reply postEngine(String path, String json) {
        return send(withCsrf(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** A POST to the engine API with the Accept header a webapp sends, e.g. Tasklist's application/hal+json. */
    public ApiClient.Reply postEngine(String path, String json, String accept) {
        return send(withCsrf(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)))
                .setHeader("Accept", accept));
    }

    public ApiClient.Reply getEngine(String path) {
        return send(withCsrf(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
                .GET()));
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
        if (cookies.containsKey("XSRF-TOKEN")) {
            request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        return request.header("Accept", "application/json");
    }

    private ApiClient.Reply send(HttpRequest.Builder request) {
        try {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
            JsonNode body = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json")
                    && !response.body().isBlank()) {
                body = new ObjectMapper().readTree(response.body());
            }
            return new ApiClient.Reply(response.statusCode(), response.headers(), response.body(), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
