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
import java.time.LocalDate;

/** A department's corrective and preventive measures (纠正和预防措施) in one review round. */
@Entity
@Table(name = "complaint_analysis_action")
public class CorrectiveAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "analysis_id")
    private ComplaintAnalysis analysis;

    @Column(nullable = false)
    private String department;

    @Column(name = "review_round", nullable = false)
    private int round;

    @Column(nullable = false)
    private String cause;

    @Column(nullable = false)
    private String correctiveMeasures;

    @Column(nullable = false)
    private String preventiveMeasures;

    private String responsible;

    private LocalDate completeBy;

    @Column(nullable = false)
    private String submittedBy;

    @Column(nullable = false)
    private Instant submittedAt;

    protected CorrectiveAction() {
    }

    CorrectiveAction(ComplaintAnalysis analysis, String department, int round, String cause, String corrective,
            String preventive, String responsible, LocalDate completeBy, String submittedBy, Instant submittedAt) {
        this.analysis = analysis;
        this.department = department;
        this.round = round;
        this.cause = cause;
        this.correctiveMeasures = corrective;
        this.preventiveMeasures = preventive;
        this.responsible = responsible;
        this.completeBy = completeBy;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    public String getDepartment() {
        return department;
    }

    public int getRound() {
        return round;
    }

    public String getCause() {
        return cause;
    }

    public String getCorrectiveMeasures() {
        return correctiveMeasures;
    }

    public String getPreventiveMeasures() {
        return preventiveMeasures;
    }

    public String getResponsible() {
        return responsible;
    }

    public LocalDate getCompleteBy() {
        return completeBy;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
