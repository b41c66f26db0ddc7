package com.propertydesk.support;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** An {@link ApiClient} that keeps every answer (method, path, status, body), for counting 5xx under load. */
public class RecordingApiClient extends ApiClient {

    /** One answer the application gave. */
    public record Exchange(String method, String path, ApiClient.Reply reply) {

        @Override
        public String toString() {
            return method + " " + path + " → " + reply;
        }
    }

    private final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

    public RecordingApiClient(int port) {
        super(port);
    }

    @Override
    public Reply get(String path, String user) {
        return record("GET", path, super.get(path, user));
    }

    @Override
    public Reply postRaw(String path, String user, String contentType, String body, String... headers) {
        return record("POST", path, super.postRaw(path, user, contentType, body, headers));
    }

    /** Keeps an answer obtained some other way (a webapp session). */
    public Reply record(String method, String path, Reply reply) {
        exchanges.add(new Exchange(method, path, reply));
        return reply;
    }

    public int count() {
        return exchanges.size();
    }

    /** Every answer with a 5xx status from the given one (counted from 0) on. */
    public List<Exchange> serverErrorsSince(int first) {
        return exchanges.stream().skip(first).filter(exchange -> exchange.reply().status() >= 500).toList();
    }
}
