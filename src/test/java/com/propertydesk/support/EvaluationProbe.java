package com.propertydesk.support;

import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/**
 * A Spring bean an expression could call ({@code ${evaluationProbe.touch()}}): counts how often the server
 * evaluated one.
 */
@TestComponent("evaluationProbe")
public class EvaluationProbe {

    private final AtomicInteger touched = new AtomicInteger();

    public Date touch() {
        touched.incrementAndGet();
        return new Date();
    }

    public int touched() {
        return touched.get();
    }
}
