package com.propertydesk.notification;

import static com.propertydesk.support.TicketDriver.complaint;
import static com.propertydesk.support.TicketDriver.uniqueRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TestWebhook;
import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.api.TicketResponse;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notices over the real channels: e-mail to a real SMTP server (GreenMail), a signed webhook to a real HTTP
 * receiver; a failing webhook is retried, then an incident, and the ticket is untouched.
 */
class NotificationDeliveryTest extends SpringTestBase {

    @Autowired
    NotificationRepository notifications;

    @Autowired
    NotificationService notificationService;

    /** A complaint whose response due date (Monday 11:00) has passed; its escalation notices are queued. */
    private String escalatedComplaint() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-11-23T09:00").atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant()));
        String no = desk.file(complaint(uniqueRoom(), "楼道灯坏了", Category.ENGINEERING));
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-11-23T11:01")
                .atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        Job timer = desk.jobs(no).stream().filter(job -> job.getDuedate() != null).findFirst().orElseThrow();
        engine.getManagementService().executeJob(timer.getId());
        return no;
    }

    @Test
    void anEscalationIsMailedToEveryoneInTheNotifiedGroups() throws Exception {
        String no = escalatedComplaint();

        desk.runDueJobs(no);

        List<MimeMessage> mails = Arrays.stream(MAIL.getReceivedMessages())
                .filter(mail -> subject(mail).contains(no)).toList();
        assertThat(mails).isNotEmpty();
        MimeMessage mail = mails.get(0);
        assertThat(subject(mail)).isEqualTo("【超时1级】投诉 " + no + " · " + desk.ticket(no).reporter().room()
                + "：一级升级：超过响应时限仍未派单");
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactlyInAnyOrder("engineer@propertydesk.local", "engineer2@propertydesk.local",
                        "manager@propertydesk.local");
        assertThat(mail.getHeader("X-PropertyDesk-Notification")).isNotEmpty();
        assertThat(mails).as("the server keeps a copy per recipient").hasSize(3);
        assertThat(mails.stream().map(NotificationDeliveryTest::noticeId).distinct()).as("one e-mail sent once")
                .hasSize(1);
    }

    @Test
    void aWebhookNoticeIsSignedWithTheSharedSecret() {
        String no = escalatedComplaint();

        desk.runDueJobs(no);

        List<TestWebhook.Received> received = TestWebhook.get().receivedFor(no);
        assertThat(received).hasSize(1);
        TestWebhook.Received call = received.get(0);
        String timestamp = call.header("X-PropertyDesk-Timestamp");
        assertThat(call.header("X-PropertyDesk-Signature"))
                .isEqualTo("sha256=" + WebhookChannel.sign(WEBHOOK_SECRET, timestamp + "." + call.body()));
        assertThat(call.body()).contains("\"kind\":\"ESCALATION\"", "\"recipients\":[\"engineering\",\"manager\"]");
        assertThat(call.header("X-PropertyDesk-Delivery")).isNotBlank();
    }

    @Test
    void aFailingWebhookIsRetriedThenAnIncidentWhileTheTicketStaysIntact() {
        TestWebhook.get().answer(500);
        String no = escalatedComplaint();
        Notification webhook = notice(no, Notification.Channel.WEBHOOK);
        Job delivery = deliveryJob(no);

        for (int attempt = 1; attempt <= 3; attempt++) {
            Throwable failure = catchThrowable(() -> engine.getManagementService().executeJob(delivery.getId()));
            assertThat(failure).as("attempt %d", attempt).hasMessageContaining("answered 500");
        }

        Incident incident = engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(delivery.getProcessInstanceId()).singleResult();
        assertThat(incident).as("an incident in Cockpit").isNotNull();
        assertThat(incident.getIncidentMessage()).contains("answered 500");
        assertThat(TestWebhook.get().receivedFor(no)).hasSize(3);
        assertThat(notifications.findById(webhook.getId()).orElseThrow().getStatus())
                .isEqualTo(Notification.Status.PENDING);
        TicketResponse ticket = desk.ticket(no);
        assertThat(ticket.escalations()).hasSize(1);
        assertThat(ticket.status().name()).isEqualTo("DISPATCHED");
        assertThat(desk.task(no, "dispatch")).isNotNull();
        assertThat(notice(no, Notification.Channel.EMAIL).getStatus()).as("other channels are not held up")
                .isEqualTo(Notification.Status.PENDING);

        TestWebhook.get().answer(200);
        engine.getManagementService().setJobRetries(delivery.getId(), 1);
        engine.getManagementService().executeJob(delivery.getId());

        assertThat(notifications.findById(webhook.getId()).orElseThrow().getStatus())
                .isEqualTo(Notification.Status.SENT);
        assertThat(engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(delivery.getProcessInstanceId()).count()).isZero();
        assertThat(TestWebhook.get().receivedFor(no)).hasSize(4);
    }

    @Test
    void aNoticeThatWasSentIsNeverSentAgain() {
        String no = escalatedComplaint();
        desk.runDueJobs(no);
        Notification webhook = notice(no, Notification.Channel.WEBHOOK);

        notificationService.deliver(webhook.getId());

        assertThat(TestWebhook.get().receivedFor(no)).hasSize(1);
    }

    private Notification notice(String no, Notification.Channel channel) {
        return notifications.findByTicketNoOrderByIdAsc(no).stream().filter(n -> n.getChannel() == channel)
                .findFirst().orElseThrow();
    }

    /** The webhook's delivery job among the ticket's jobs. */
    private Job deliveryJob(String no) {
        long webhookId = notice(no, Notification.Channel.WEBHOOK).getId();
        return desk.jobs(no).stream().filter(job -> {
            Object id = engine.getRuntimeService().getVariable(job.getProcessInstanceId(), "notificationId");
            return id != null && ((Number) id).longValue() == webhookId;
        }).findFirst().orElseThrow();
    }

    private static String noticeId(MimeMessage mail) {
        try {
            return mail.getHeader("X-PropertyDesk-Notification")[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
