package org.halyard.cluster.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.halyard.cluster.config.ConfigDiagnostic.Severity;

/** Collects the errors and warnings of one read, so that all of them reach the admin at once. */
final class Diagnostics {

    private final String source;
    private final List<ConfigDiagnostic> errors = new ArrayList<>();
    private final List<ConfigDiagnostic> warnings = new ArrayList<>();

    Diagnostics(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void error(SourcePosition at, String message) {
        errors.add(new ConfigDiagnostic(Severity.ERROR, at, message));
    }

    void warning(SourcePosition at, String message) {
        warnings.add(new ConfigDiagnostic(Severity.WARNING, at, message));
    }

    /** An error about the file as a whole (something missing rather than something wrong). */
    void fileError(String message) {
        error(SourcePosition.wholeFile(source), message);
    }

    void fileWarning(String message) {
        warning(SourcePosition.wholeFile(source), message);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** @throws ClusterConfigException with every error, in file order, if there is any */
    void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw new ClusterConfigException(sorted(errors));
        }
    }

    /** The warnings in file order. */
    List<ConfigDiagnostic> warnings() {
        return sorted(warnings);
    }

    private static List<ConfigDiagnostic> sorted(List<ConfigDiagnostic> list) {
        // stable: diagnostics at the same place keep the order they were found in
        return list.stream().sorted(Comparator.comparing(ConfigDiagnostic::position)).toList();
    }
}
