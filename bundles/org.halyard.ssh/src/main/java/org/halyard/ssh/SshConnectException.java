package org.halyard.ssh;

/** A node could not be reached or refused us; the message says which and what to do. */
public final class SshConnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SshConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
