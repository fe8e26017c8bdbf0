package org.halyard.cib.validation;

import java.util.Locale;
import java.util.Objects;
import org.halyard.cib.model.SourcePosition;

/**
 * One finding of {@link CibValidator}.
 *
 * @param severity  how bad it is
 * @param check     which rule found it
 * @param elementId id of the element concerned (null if it has none)
 * @param location  where that element starts (null if the CIB was not loaded from a document)
 * @param message   what is wrong, naming the element by kind and id
 */
public record Problem(Severity severity, Check check, String elementId, SourcePosition location,
        String message) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code cib.xml:42:7: error: colocation "fs_deps" refers to unknown resource "ms_drbd"}. */
    @Override
    public String toString() {
        return (location == null ? "" : location + ": ") + severity.name().toLowerCase(Locale.ROOT)
                + ": " + message;
    }
}
