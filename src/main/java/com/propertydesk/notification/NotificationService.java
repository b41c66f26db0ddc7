package com.propertydesk.notification;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells staff about a ticket. Every notice is recorded; the log channel writes one line per notice, which the
 * operators' log shipping picks up. (E-mail and webhook channels come with the SLA work.)
 */
@Service
public class NotificationService {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final Clock clock;

    public NotificationService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Notification notifyGroups(String ticketNo, NoticeKind kind, List<String> groups, String subject,
            String body) {
        Notification notice = notifications.save(new Notification(ticketNo, kind, String.join(",", groups), subject,
                body, Notification.Channel.LOG, clock.instant()));
        LOG.warn("NOTICE {} ticket={} to={} subject={}", kind, ticketNo, notice.getRecipients(), subject);
        return notice;
    }
}
