package org.halyard.cib;

import org.halyard.cib.model.SourcePosition;

/**
 * The one exception type of the CIB layer: a document that cannot be read, parsed, bound or
 * written. The message always starts with where the problem is, {@code file:line:col: what}
 * (or {@code file: what} when there is no position), so a person can go and fix it.
 */
public class CibException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SourcePosition position;
    private final String detail;

    /** A problem at a known position in a document. */
    public CibException(SourcePosition position, String detail, Throwable cause) {
        super(position + ": " + detail, cause);
        this.position = position;
        this.detail = detail;
    }

    public CibException(SourcePosition position, String detail) {
        this(position, detail, null);
    }

    /** A problem with a whole document or file (e.g. it cannot be read). */
    public CibException(String source, String detail, Throwable cause) {
        super((source == null ? "<unknown>" : source) + ": " + detail, cause);
        this.position = null;
        this.detail = detail;
    }

    /** Where the problem is, or null when it concerns the document as a whole. */
    public SourcePosition position() {
        return position;
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }
}
