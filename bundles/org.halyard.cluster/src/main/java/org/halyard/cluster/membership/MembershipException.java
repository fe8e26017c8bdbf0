package org.halyard.cluster.membership;

/** The membership layer cannot do what was asked; the message says why and what to check. */
public class MembershipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MembershipException(String message) {
        super(message);
    }

    public MembershipException(String message, Throwable cause) {
        super(message, cause);
    }
}
