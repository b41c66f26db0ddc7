package com.propertydesk.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on H2 in memory with the real engine, delegates and web server; the job executor is
 * off so that each test runs the jobs it expects. All H2 tests share this one Spring context (and engine).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, TicketDriver.class, EvaluationProbe.class})
public abstract class SpringTestBase {

    @Autowired
    protected ProcessEngine engine;

    @Autowired
    protected TicketDriver desk;

    @LocalServerPort
    protected int port;

    /** A real SMTP server for the whole test JVM: every e-mail notice of every test lands here. */
    protected static final GreenMail MAIL = startMail();

    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void notificationChannels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("propertydesk.notifications.email.enabled", () -> "true");
        registry.add("propertydesk.notifications.webhook.url", () -> TestWebhook.get().url());
        registry.add("propertydesk.notifications.webhook.secret", () -> WEBHOOK_SECRET);
    }

    @BeforeEach
    void bindAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        TestWebhook.get().answer(200);
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }
}
