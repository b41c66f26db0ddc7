package com.propertydesk.notification;

/** One way of telling people. A channel that cannot deliver throws: the delivery job is retried. */
public interface NotificationChannel {

    Notification.Channel type();

    /** Whether this channel is configured; notices are only queued for enabled channels. */
    boolean enabled();

    void send(Notification notice);
}
