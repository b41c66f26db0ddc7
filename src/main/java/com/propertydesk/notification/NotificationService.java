package com.propertydesk.notification;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells staff about a ticket. The log line is written at once; every other configured channel (e-mail,
 * webhook) gets a pending notice delivered by a job of its own (the notification-delivery process) after the
 * caller's transaction commits: a failing channel is retried and then shows as an incident in Cockpit, and it
 * never rolls back or loses the ticket. A notice with a dedup key is recorded once per channel.
 */
@Service
public class NotificationService {

    static final String DELIVERY_PROCESS = "notification-delivery";
    static final String NOTIFICATION_ID = "notificationId";

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final List<NotificationChannel> channels;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, List<NotificationChannel> channels,
            RuntimeService runtimeService, Clock clock) {
        this.notifications = notifications;
        this.channels = channels;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Transactional
    public void notifyGroups(String ticketNo, NoticeKind kind, List<String> groups, String subject, String body,
            String dedupKey) {
        if (dedupKey != null && notifications.existsByDedupKey(dedupKey)) {
            LOG.info("Notice {} was sent already", dedupKey);
            return;
        }
        String recipients = String.join(",", groups);
        Notification logged = new Notification(ticketNo, kind, recipients, subject, body, Notification.Channel.LOG,
                dedupKey, clock.instant());
        logged.sent(clock.instant());
        notifications.save(logged);
        LOG.warn("NOTICE {} ticket={} to={} subject={}", kind, ticketNo, recipients, subject);
        for (NotificationChannel channel : channels) {
            if (channel.type() != Notification.Channel.LOG && channel.enabled()) {
                Notification pending = notifications.save(new Notification(ticketNo, kind, recipients, subject, body,
                        channel.type(), dedupKey, clock.instant()));
                runtimeService.startProcessInstanceByKey(DELIVERY_PROCESS, ticketNo,
                        java.util.Map.of(NOTIFICATION_ID, pending.getId()));
            }
        }
    }

    /** Sends a pending notice over its channel; a notice already sent is not sent again. */
    @Transactional
    public void deliver(long notificationId) {
        Notification notice = notifications.findById(notificationId).orElseThrow(() ->
                new IllegalStateException("No notification " + notificationId));
        if (notice.getStatus() == Notification.Status.SENT) {
            return;
        }
        channels.stream().filter(channel -> channel.type() == notice.getChannel()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No channel " + notice.getChannel()))
                .send(notice);
        notice.sent(clock.instant());
    }
}
