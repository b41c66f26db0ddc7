package com.propertydesk.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Every notice as a JSON POST to the configured URL (a WeChat Work or DingTalk relay, the call centre). The
 * receiver checks {@code X-PropertyDesk-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with the
 * shared secret and {@code X-PropertyDesk-Timestamp}, and may ignore a repeated {@code X-PropertyDesk-Delivery}.
 * Anything but a 2xx answer is a failure, retried by the delivery job.
 */
@Component
public class WebhookChannel implements NotificationChannel {

    static final String SIGNATURE = "X-PropertyDesk-Signature";
    static final String TIMESTAMP = "X-PropertyDesk-Timestamp";
    static final String DELIVERY = "X-PropertyDesk-Delivery";

    private final NotificationProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    public WebhookChannel(NotificationProperties properties, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhook().timeout()).build();
    }

    @Override
    public Notification.Channel type() {
        return Notification.Channel.WEBHOOK;
    }

    @Override
    public boolean enabled() {
        return properties.webhook().enabled();
    }

    @Override
    public void send(Notification notice) {
        String body = body(notice);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(properties.webhook().url())
                .timeout(properties.webhook().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(DELIVERY, String.valueOf(notice.getId()))
                .header(TIMESTAMP, timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String secret = properties.webhook().secret();
        if (secret != null && !secret.isBlank()) {
            request.header(SIGNATURE, "sha256=" + sign(secret, timestamp + "." + body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Webhook " + properties.webhook().url() + " answered "
                        + response.statusCode() + " to notice " + notice.getId());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Webhook " + properties.webhook().url() + " unreachable: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the webhook", e);
        }
    }

    private String body(Notification notice) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", notice.getId());
        payload.put("kind", notice.getKind());
        payload.put("ticketNo", notice.getTicketNo());
        payload.put("recipients", notice.getRecipients().split(","));
        payload.put("subject", notice.getSubject());
        payload.put("body", notice.getBody());
        payload.put("createdAt", notice.getCreatedAt().toString());
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
