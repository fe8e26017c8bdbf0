package org.halyard.cluster.auth;

/**
 * The authkey cannot be written or used. The message names the file and says what to do
 * ({@code /etc/halyard/authkey is readable by group/others (mode 0644); run chmod 600 ...}).
 */
public final class AuthkeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuthkeyException(String message) {
        super(message);
    }

    public AuthkeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
