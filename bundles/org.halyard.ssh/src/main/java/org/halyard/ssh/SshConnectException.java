package org.halyard.ssh;

/** A node could not be reached or refused us; the message says which and what to do. */
public final class SshConnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean cancelled;

    public SshConnectException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private SshConnectException(String message, Throwable cause, boolean cancelled) {
        super(message, cause);
        this.cancelled = cancelled;
    }

    /** The person declined to give a password or passphrase: nobody should ask again on their own. */
    public static SshConnectException cancelled(String message, Throwable cause) {
        return new SshConnectException(message, cause, true);
    }

    public boolean cancelledByPerson() {
        return cancelled;
    }
}
