package org.sectorcrm.core;

/** The acting staff user's role or partner does not allow this operation. */
public class AccessDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
