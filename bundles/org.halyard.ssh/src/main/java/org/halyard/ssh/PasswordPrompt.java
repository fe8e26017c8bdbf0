package org.halyard.ssh;

/**
 * Asks the person for a node's SSH password when no key is accepted. Called again for each
 * attempt; the answer is handed to the SSH login and never kept, so a reconnect asks again.
 */
@FunctionalInterface
public interface PasswordPrompt {

    /** No password login: the node must accept a key (file or agent). */
    PasswordPrompt NONE = (target, retry) -> null;

    /**
     * @param target whom the password is for, as {@code user@host[:port]}
     * @param retry  true when the previous password for this login was refused
     * @return the password, or null to give up the login
     */
    String password(String target, boolean retry);
}
