package com.propertydesk.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Failed attempts counted per client address, never per account, for the credentials of machine clients (API
 * tokens, integrator passwords): a stranger who sends wrong ones slows down only their own address. After
 * {@code failuresPerAddress} failures within {@code failureWindow} (counted from the first), the address is refused
 * until the window is over; the answer says when ({@code Retry-After}). A valid API token is never refused: it
 * cannot be guessed, so checking it tells a stranger nothing (see {@link ApiTokenService}).
 *
 * <p>Counted in this node's memory: with several nodes behind a load balancer, a stranger gets the allowance once
 * per node, still a fixed guessing rate; a shared counter would make every failed attempt a database write that
 * strangers could cause at will. Behind a reverse proxy the client address is the proxy's unless the proxy's
 * {@code X-Forwarded-For} is trusted ({@code server.forward-headers-strategy=native}).
 */
@Component
class AddressThrottle {

    private final int limit;
    private final Duration window;
    private final Cache<String, Window> windows;

    AddressThrottle(AuthenticationProperties properties) {
        this.limit = properties.failuresPerAddress();
        this.window = properties.failureWindow();
        this.windows = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** The failures of one address since the first of them. */
    private static final class Window {

        final long startedNanos = System.nanoTime();
        final AtomicInteger failures = new AtomicInteger();
    }

    /** Refuses the attempt when the address has used up its failures. */
    void refuseIfBlocked(String address) {
        Window current = windows.getIfPresent(address);
        if (current != null && current.failures.get() >= limit) {
            throw new ThrottledException(retryAfter(current));
        }
    }

    boolean blocked(String address) {
        Window current = windows.getIfPresent(address);
        return current != null && current.failures.get() >= limit;
    }

    /** Counts a failure; the one that uses up the allowance is already answered with Retry-After. */
    void failed(String address) {
        Window current = windows.get(address, key -> new Window());
        if (current.failures.incrementAndGet() >= limit) {
            throw new ThrottledException(retryAfter(current));
        }
    }

    private long retryAfter(Window current) {
        long left = window.toNanos() - (System.nanoTime() - current.startedNanos);
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }
}
