package com.propertydesk.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stage a ticket passed: who did what, when, with which note. Never changed once written. */
@Entity
@Table(name = "ticket_timeline")
public class TimelineEntry {

    static final int MAX_NOTE = 2000;
    static final int MAX_ACTION = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Column(nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TimelineStage stage;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String actor;

    private String note;

    protected TimelineEntry() {
    }

    TimelineEntry(Ticket ticket, Instant at, TimelineStage stage, String action, String actor, String note) {
        this.ticket = ticket;
        this.at = at;
        this.stage = stage;
        this.action = truncate(action, MAX_ACTION);
        this.actor = actor;
        this.note = truncate(note, MAX_NOTE);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public TimelineStage getStage() {
        return stage;
    }

    public String getAction() {
        return action;
    }

    public String getActor() {
        return actor;
    }

    public String getNote() {
        return note;
    }
}
