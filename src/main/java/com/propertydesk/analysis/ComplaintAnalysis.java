package com.propertydesk.analysis;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One quarter's complaint analysis: the report as built (JSON), the departments' measures per review round and
 * the general manager's reviews. A return by the general manager opens the next round.
 */
@Entity
@Table(name = "complaint_analysis")
public class ComplaintAnalysis {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "period_year", nullable = false)
    private int year;

    @Column(name = "period_quarter", nullable = false)
    private int quarter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AnalysisStatus status;

    @Column(name = "review_round", nullable = false)
    private int round;

    @Column(name = "report_json", nullable = false)
    private String reportJson;

    private String processInstanceId;

    private String startedBy;

    @Column(nullable = false)
    private Instant createdAt;

    private String approvedBy;

    private Instant approvedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "analysis", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("round ASC, department ASC")
    private List<CorrectiveAction> actions = new ArrayList<>();

    @OneToMany(mappedBy = "analysis", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("round ASC")
    private List<AnalysisReview> reviews = new ArrayList<>();

    protected ComplaintAnalysis() {
    }

    public ComplaintAnalysis(Quarter quarter, String reportJson, String processInstanceId, String startedBy,
            Instant createdAt) {
        this.year = quarter.year();
        this.quarter = quarter.quarter();
        this.reportJson = reportJson;
        this.processInstanceId = processInstanceId;
        this.startedBy = startedBy;
        this.createdAt = createdAt;
        this.status = AnalysisStatus.MEASURES;
        this.round = 1;
    }

    /** A department's measures for the current round; a repeated submission replaces its own. */
    public CorrectiveAction submitMeasures(String department, String cause, String corrective, String preventive,
            String responsible, LocalDate completeBy, String by, Instant at) {
        actions.removeIf(action -> action.getRound() == round && action.getDepartment().equals(department));
        CorrectiveAction action = new CorrectiveAction(this, department, round, cause, corrective, preventive,
                responsible, completeBy, by, at);
        actions.add(action);
        return action;
    }

    /** All departments have answered: the general manager's turn. */
    public void awaitApproval() {
        status = AnalysisStatus.AWAITING_APPROVAL;
    }

    /** The general manager's decision; a return opens the next round of measures. */
    public void review(boolean approved, String note, String by, Instant at) {
        reviews.removeIf(review -> review.getRound() == round);
        reviews.add(new AnalysisReview(this, round, approved, note, by, at));
        if (!approved) {
            status = AnalysisStatus.MEASURES;
            round++;
        }
    }

    /** Archived as approved by whoever approved the last round. */
    public void archive(Instant at) {
        AnalysisReview last = reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
        if (last == null || !last.isApproved()) {
            throw new IllegalStateException("Analysis " + id + " has not been approved");
        }
        status = AnalysisStatus.APPROVED;
        approvedBy = last.getReviewedBy();
        approvedAt = at;
    }

    /** The latest measures of a department, from this round or an earlier one. */
    public Optional<CorrectiveAction> latestMeasures(String department) {
        return actions.stream().filter(action -> action.getDepartment().equals(department))
                .reduce((first, second) -> second.getRound() >= first.getRound() ? second : first);
    }

    /** The general manager's last return note, if the last review was a return. */
    public Optional<AnalysisReview> lastReturn() {
        return reviews.isEmpty() || reviews.get(reviews.size() - 1).isApproved() ? Optional.empty()
                : Optional.of(reviews.get(reviews.size() - 1));
    }

    public Quarter getQuarter() {
        return new Quarter(year, quarter);
    }

    public Long getId() {
        return id;
    }

    public AnalysisStatus getStatus() {
        return status;
    }

    public int getRound() {
        return round;
    }

    public String getReportJson() {
        return reportJson;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public List<CorrectiveAction> getActions() {
        return Collections.unmodifiableList(actions);
    }

    public List<AnalysisReview> getReviews() {
        return Collections.unmodifiableList(reviews);
    }
}
