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

/** A part a repair used (材料): what, how many, recorded by whom when. */
@Entity
@Table(name = "ticket_part")
public class UsedPart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int quantity;

    @Column(nullable = false)
    private Instant usedAt;

    @Column(nullable = false)
    private String usedBy;

    protected UsedPart() {
    }

    UsedPart(Ticket ticket, String name, int quantity, Instant usedAt, String usedBy) {
        this.ticket = ticket;
        this.name = name;
        this.quantity = quantity;
        this.usedAt = usedAt;
        this.usedBy = usedBy;
    }

    public String getName() {
        return name;
    }

    public int getQuantity() {
        return quantity;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public String getUsedBy() {
        return usedBy;
    }
}
