package com.propertydesk.analysis;

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

/** The general manager's review (总经理审批) of one round: approved, or returned with a note. */
@Entity
@Table(name = "complaint_analysis_review")
public class AnalysisReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "analysis_id")
    private ComplaintAnalysis analysis;

    @Column(name = "review_round", nullable = false)
    private int round;

    @Column(nullable = false)
    private boolean approved;

    private String note;

    @Column(nullable = false)
    private String reviewedBy;

    @Column(nullable = false)
    private Instant reviewedAt;

    protected AnalysisReview() {
    }

    AnalysisReview(ComplaintAnalysis analysis, int round, boolean approved, String note, String reviewedBy,
            Instant reviewedAt) {
        this.analysis = analysis;
        this.round = round;
        this.approved = approved;
        this.note = note;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
    }

    public int getRound() {
        return round;
    }

    public boolean isApproved() {
        return approved;
    }

    public String getNote() {
        return note;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }
}
