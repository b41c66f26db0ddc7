package com.propertydesk.notification;

import org.springframework.stereotype.Component;

/** The log line every notice gets at once (written by {@link NotificationService}). */
@Component
public class LogChannel implements NotificationChannel {

    @Override
    public Notification.Channel type() {
        return Notification.Channel.LOG;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void send(Notification notice) {
        // logged when recorded
    }
}
