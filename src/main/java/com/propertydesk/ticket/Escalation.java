package com.propertydesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A service-level breach that was escalated: the level of the ladder, when, why and who was told. */
@Entity
@Table(name = "ticket_escalation")
public class Escalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Column(nullable = false)
    private int level;

    @Column(nullable = false)
    private Instant at;

    /** The due date that was missed: one escalation per level and due date. */
    private Instant dueAt;

    @Column(nullable = false)
    private String reason;

    private String notified;

    protected Escalation() {
    }

    Escalation(Ticket ticket, int level, Instant at, Instant dueAt, String reason, String notified) {
        this.ticket = ticket;
        this.level = level;
        this.at = at;
        this.dueAt = dueAt;
        this.reason = reason;
        this.notified = notified;
    }

    public int getLevel() {
        return level;
    }

    public Instant getAt() {
        return at;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getReason() {
        return reason;
    }

    public String getNotified() {
        return notified;
    }
}
