package org.halyard.ui.connection;

/** No node of a cluster could be reached; the message names each node and why. */
public final class ClusterConnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
