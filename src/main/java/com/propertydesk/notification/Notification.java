package com.propertydesk.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A notice sent (or to be sent) to staff about a ticket: the record that someone was told. */
@Entity
@Table(name = "notification")
public class Notification {

    /** How the notice travels. */
    public enum Channel {
        LOG, EMAIL, WEBHOOK
    }

    /** Where the notice is. */
    public enum Status {
        PENDING, SENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String ticketNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeKind kind;

    /** Comma-separated group ids. */
    @Column(nullable = false)
    private String recipients;

    @Column(nullable = false)
    private String subject;

    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant sentAt;

    /** What makes two notices the same one (an escalation: ticket, level, missed due date). */
    private String dedupKey;

    private int attempts;

    protected Notification() {
    }

    Notification(String ticketNo, NoticeKind kind, String recipients, String subject, String body, Channel channel,
            String dedupKey, Instant now) {
        this.ticketNo = ticketNo;
        this.kind = kind;
        this.recipients = recipients;
        this.subject = subject;
        this.body = body;
        this.channel = channel;
        this.dedupKey = dedupKey;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    void sent(Instant at) {
        this.status = Status.SENT;
        this.sentAt = at;
        this.attempts++;
    }

    public Long getId() {
        return id;
    }

    public String getTicketNo() {
        return ticketNo;
    }

    public NoticeKind getKind() {
        return kind;
    }

    public String getRecipients() {
        return recipients;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Channel getChannel() {
        return channel;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public int getAttempts() {
        return attempts;
    }
}
