package com.propertydesk.analysis;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the REST API shows of the quarterly complaint analyses. */
public final class AnalysisViews {

    private AnalysisViews() {
    }

    @Schema(name = "ComplaintAnalysisSummary")
    public record Summary(@Schema(requiredMode = REQUIRED) long id, @Schema(requiredMode = REQUIRED) int year,
            @Schema(requiredMode = REQUIRED) int quarter, @Schema(requiredMode = REQUIRED) String label,
            @Schema(requiredMode = REQUIRED) AnalysisStatus status, @Schema(requiredMode = REQUIRED) String statusLabel,
            @Schema(requiredMode = REQUIRED) OffsetDateTime createdAt, OffsetDateTime approvedAt, String url) {
    }

    @Schema(name = "ComplaintAnalysis")
    public record Detail(@Schema(requiredMode = REQUIRED) long id, @Schema(requiredMode = REQUIRED) int year,
            @Schema(requiredMode = REQUIRED) int quarter, @Schema(requiredMode = REQUIRED) String label,
            @Schema(requiredMode = REQUIRED) AnalysisStatus status, @Schema(requiredMode = REQUIRED) String statusLabel,
            @Schema(description = "1, and one more after each return by the general manager",
                    requiredMode = REQUIRED) int round,
            String startedBy, OffsetDateTime createdAt, String approvedBy, OffsetDateTime approvedAt,
            @Schema(description = "The report as a page with charts") String htmlUrl,
            @Schema(description = "The report as PDF") String pdfUrl,
            AnalysisReport report, @Schema(requiredMode = REQUIRED) List<Measures> measures,
            @Schema(requiredMode = REQUIRED) List<Review> reviews) {
    }

    /** A department's corrective and preventive measures (纠正和预防措施) in one round. */
    @Schema(name = "CorrectiveMeasures")
    public record Measures(@Schema(requiredMode = REQUIRED) String department,
            @Schema(requiredMode = REQUIRED) String departmentLabel, @Schema(requiredMode = REQUIRED) int round,
            String cause,
            String correctiveMeasures, String preventiveMeasures, String responsible, LocalDate completeBy,
            String submittedBy, OffsetDateTime submittedAt) {
    }

    /** The general manager's review of a round. */
    @Schema(name = "ComplaintAnalysisReview")
    public record Review(@Schema(requiredMode = REQUIRED) int round, @Schema(requiredMode = REQUIRED) boolean approved,
            String note, String reviewedBy, OffsetDateTime reviewedAt) {
    }

    /** Which quarter to analyse; both empty: the last quarter that has ended. */
    @Schema(name = "StartComplaintAnalysis")
    public record StartRequest(@Schema(example = "2026") Integer year, @Schema(example = "3") Integer quarter) {
    }
}
