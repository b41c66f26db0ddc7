package com.propertydesk.sla;

import com.propertydesk.identity.StaffDirectory;
import com.propertydesk.notification.NoticeKind;
import com.propertydesk.notification.NotificationService;
import com.propertydesk.ticket.EscalationLevel;
import com.propertydesk.ticket.Ticket;
import com.propertydesk.ticket.TicketLifecycle;
import com.propertydesk.ticket.TicketStatus;
import com.propertydesk.ticket.TimelineStage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates a ticket whose due date passed: records it (once per level and due date, also with several nodes:
 * a unique key backs the check), writes the timeline and notifies the level's groups.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class EscalationService {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationService.class);

    private final TicketLifecycle lifecycle;
    private final NotificationService notifications;
    private final ServiceLevelPolicy serviceLevels;
    private final StaffDirectory staff;
    private final Clock clock;

    public EscalationService(TicketLifecycle lifecycle, NotificationService notifications,
            ServiceLevelPolicy serviceLevels, StaffDirectory staff, Clock clock) {
        this.lifecycle = lifecycle;
        this.notifications = notifications;
        this.serviceLevels = serviceLevels;
        this.staff = staff;
        this.clock = clock;
    }

    /** Returns false when there is nothing to escalate (done already, not overdue, or the ticket moved on). */
    public boolean escalate(String ticketNo, EscalationLevel level) {
        Ticket ticket = lifecycle.get(ticketNo);
        Instant now = clock.instant();
        Instant dueAt = level.dueAt(ticket);
        if (ticket.getStatus() == TicketStatus.ARCHIVED || dueAt == null || dueAt.isAfter(now)
                || ticket.escalated(level.level(), dueAt)
                || (level == EscalationLevel.RESPONSE && ticket.getRespondedAt() != null)) {
            LOG.info("Ticket {}: no {} escalation (due {}, status {})", ticketNo, level, dueAt, ticket.getStatus());
            return false;
        }
        List<String> groups = level.groups(ticket.getDepartment());
        String notified = groups.stream().map(staff::departmentName).collect(Collectors.joining("、"));
        String due = serviceLevels.showTime(dueAt);
        ticket.escalate(level.level(), now, dueAt, level.label(), notified);
        ticket.record(now, TimelineStage.ESCALATED, TicketLifecycle.SYSTEM, level.label(),
                "时限 " + due + "，已通知" + notified);
        String subject = "【超时" + level.level() + "级】" + ticket.getType().label() + " " + ticketNo + " · "
                + ticket.getReporterRoom() + "：" + level.label();
        notifications.notifyGroups(ticketNo, NoticeKind.ESCALATION, groups, subject,
                level.label() + "\n时限：" + due + "\n紧急程度：" + ticket.getUrgency().label() + "\n问题："
                        + ticket.getDescription(),
                "ESCALATION:" + ticketNo + ":" + level.level() + ":" + dueAt.getEpochSecond());
        return true;
    }
}
