package org.halyard.cluster.config;

import java.util.Objects;

/**
 * One problem found in a configuration file, printed the way compilers do:
 * {@code corosync.conf:12:5: what is wrong} (warnings carry a {@code warning: } prefix).
 *
 * @param severity whether the configuration is refused ({@link Severity#ERROR}) or only reported
 * @param position where the problem is
 * @param message  what is wrong and, where possible, what to do about it
 */
public record ConfigDiagnostic(Severity severity, SourcePosition position, String message) {

    /** How bad a diagnostic is. */
    public enum Severity {
        /** The configuration cannot be used; it is refused with a {@link ClusterConfigException}. */
        ERROR,
        /** The configuration is used, but part of it is ignored or behaves differently in Halyard. */
        WARNING
    }

    public ConfigDiagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return position + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
