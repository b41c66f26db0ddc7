package com.propertydesk.workflow;

import com.propertydesk.notification.NotificationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends one pending notice ({@code ${deliverNotificationDelegate}}, an asynchronous, retried step). */
@Component("deliverNotificationDelegate")
public class DeliverNotificationDelegate implements JavaDelegate {

    private final NotificationService notifications;

    public DeliverNotificationDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.deliver(((Number) execution.getVariable("notificationId")).longValue());
    }
}
