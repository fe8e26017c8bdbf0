package org.halyard.daemon;

/** The daemon cannot start or go on; the message says what the admin must fix. */
public final class DaemonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DaemonException(String message) {
        super(message);
    }

    public DaemonException(String message, Throwable cause) {
        super(message, cause);
    }
}
