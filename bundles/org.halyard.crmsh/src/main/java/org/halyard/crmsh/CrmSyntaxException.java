package org.halyard.crmsh;

import java.util.List;

/**
 * Crm shell text that cannot be turned into a configuration. The message is the first error
 * ({@code file:line:col: what was found, what was expected}); {@link #errors()} has all of them,
 * since the parser continues with the next statement after an error.
 */
public class CrmSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<CrmError> errors;

    public CrmSyntaxException(List<CrmError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error, in source order. */
    public List<CrmError> errors() {
        return errors;
    }

    private static String message(List<CrmError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a syntax exception needs at least one error");
        }
        String first = errors.get(0).toString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}
