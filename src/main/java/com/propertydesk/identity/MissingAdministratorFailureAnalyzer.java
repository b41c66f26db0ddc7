package com.propertydesk.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing administrator into a start-up message that says what to do. */
public class MissingAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdministratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingAdministratorException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variables PROPERTYDESK_ADMIN_USER and PROPERTYDESK_ADMIN_PASSWORD (the first "
                        + "administrator, member of camunda-admin), or run with propertydesk.demo.enabled=true for "
                        + "a demonstration with the demo users.",
                cause);
    }
}
