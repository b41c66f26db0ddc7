package com.propertydesk.identity;

/** Outside demo mode there is no administrator and none was configured. */
public class MissingAdministratorException extends RuntimeException {

    public MissingAdministratorException() {
        super("No administrator account: demo mode is off and PROPERTYDESK_ADMIN_USER / "
                + "PROPERTYDESK_ADMIN_PASSWORD are not set");
    }
}
