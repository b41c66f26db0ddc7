package com.propertydesk.workflow;

import com.propertydesk.identity.StaffDirectory;
import com.propertydesk.notification.NoticeKind;
import com.propertydesk.notification.NotificationService;
import com.propertydesk.ticket.Ticket;
import com.propertydesk.ticket.TicketLifecycle;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells staff groups about the ticket ({@code ${notifyDelegate}}); the model gives the input parameters
 * {@code notifyGroups} (comma-separated group ids) and {@code noticeKind}. Asynchronous in the models: a failing
 * channel is retried and then an incident, never a lost ticket.
 */
@Component("notifyDelegate")
public class NotifyDelegate implements JavaDelegate {

    private static final int SUMMARY = 60;

    private final NotificationService notifications;
    private final TicketLifecycle lifecycle;
    private final StaffDirectory staff;

    public NotifyDelegate(NotificationService notifications, TicketLifecycle lifecycle, StaffDirectory staff) {
        this.notifications = notifications;
        this.lifecycle = lifecycle;
        this.staff = staff;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ticketNo = Vars.requiredText(execution, ProcessVars.TICKET_NO, "工单号");
        NoticeKind kind = Vars.requiredEnum(execution, "noticeKind", NoticeKind.class, "通知类型");
        List<String> groups = Arrays.stream(Vars.requiredText(execution, "notifyGroups", "通知对象").split(","))
                .map(String::strip).filter(group -> !group.isEmpty()).toList();
        Ticket ticket = lifecycle.get(ticketNo);
        String description = ticket.getDescription().length() > SUMMARY
                ? ticket.getDescription().substring(0, SUMMARY) + "…" : ticket.getDescription();
        String subject = "【紧急】" + ticket.getType().label() + " " + ticketNo + " · " + ticket.getReporterRoom()
                + "：" + description;
        notifications.notifyGroups(ticketNo, kind, groups, subject, ticket.getDescription(),
                kind + ":" + ticketNo);
        lifecycle.notified(ticketNo, groups.stream().map(staff::departmentName).collect(Collectors.joining("、")),
                subject);
    }
}
