package com.propertydesk.analysis;

/** No such analysis the caller may read. */
public class AnalysisNotFoundException extends RuntimeException {

    public AnalysisNotFoundException(long id) {
        super("There is no complaint analysis " + id + " you may see");
    }
}
