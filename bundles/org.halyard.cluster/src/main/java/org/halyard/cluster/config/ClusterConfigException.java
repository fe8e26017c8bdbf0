package org.halyard.cluster.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used. The message lists every error, one per line, as
 * {@code file:line:col: what is wrong}; {@link #errors()} gives them one by one (for a problems
 * view). Syntax errors stop reading at the first one; semantic errors are all collected so that
 * an admin can fix them in one go.
 */
public final class ClusterConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigDiagnostic> errors;

    public ClusterConfigException(List<ConfigDiagnostic> errors) {
        super(format(errors));
        this.errors = List.copyOf(errors);
    }

    public ClusterConfigException(ConfigDiagnostic error) {
        this(List.of(error));
    }

    /** An error that has a cause outside the text, such as a file that cannot be read. */
    public ClusterConfigException(ConfigDiagnostic error, Throwable cause) {
        super(format(List.of(error)), cause);
        this.errors = List.of(error);
    }

    /** The errors, ordered by position. Never empty. */
    public List<ConfigDiagnostic> errors() {
        return errors;
    }

    private static String format(List<ConfigDiagnostic> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an exception needs at least one error");
        }
        return errors.stream().map(ConfigDiagnostic::toString).collect(Collectors.joining("\n"));
    }
}
