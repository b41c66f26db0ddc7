package com.propertydesk.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Contenders on threads of their own, released at the same instant; their results in contender order. */
public final class Race {

    private Race() {
    }

    /** Runs the contenders (0 … n-1) at once and waits at most the given seconds for all of them. */
    public static <T> List<T> run(int contenders, long seconds, IntFunction<T> contender) {
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        CyclicBarrier start = new CyclicBarrier(contenders);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int index = i;
                running.add(threads.submit(() -> {
                    start.await(seconds, TimeUnit.SECONDS);
                    return contender.apply(index);
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new AssertionError("the race did not end within " + seconds + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }
}
