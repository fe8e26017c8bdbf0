package org.halyard.cib.validation;

/** How bad a {@link Problem} is, in Pacemaker's terms. */
public enum Severity {
    /** Pacemaker would reject the CIB or ignore part of it (its "error:" messages). */
    ERROR,
    /** Suspicious but accepted (its "warning:" messages), or ignored silently by Pacemaker. */
    WARNING
}
