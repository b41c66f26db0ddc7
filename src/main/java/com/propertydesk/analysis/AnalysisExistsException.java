package com.propertydesk.analysis;

/** The quarter already has its analysis (started by the schedule or by a manager). */
public class AnalysisExistsException extends RuntimeException {

    private final long analysisId;

    public AnalysisExistsException(Quarter quarter, long analysisId) {
        super("The complaint analysis of " + quarter.label() + " exists already: analysis " + analysisId);
        this.analysisId = analysisId;
    }

    public long getAnalysisId() {
        return analysisId;
    }
}
