package org.halyard.crmsh.syntax;

import org.halyard.crmsh.CrmError;

/**
 * Abandons the statement being parsed; the parser records {@link #error()} and goes on with the
 * next statement. Never leaves the parser.
 */
public final class StatementError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CrmError error;

    public StatementError(CrmError error) {
        super(error.toString(), null, false, false);
        this.error = error;
    }

    public CrmError error() {
        return error;
    }
}
