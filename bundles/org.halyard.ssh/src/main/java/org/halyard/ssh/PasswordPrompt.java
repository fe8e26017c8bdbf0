package org.halyard.ssh;

import java.nio.file.Path;

/**
 * Asks the person for a node's SSH password when no key is accepted, and for the passphrase of
 * an encrypted key file. Called again for each attempt; the answer is handed to the SSH login
 * and never kept, so a reconnect asks again.
 */
@FunctionalInterface
public interface PasswordPrompt {

    /** No password login: the node must accept a key (file or agent), and an encrypted key file cannot be read. */
    PasswordPrompt NONE = (target, retry) -> null;

    /**
     * @param target whom the password is for, as {@code user@host[:port]}
     * @param retry  true when the previous password for this login was refused
     * @return the password, or null to give up the login
     */
    String password(String target, boolean retry);

    /**
     * Asks for the passphrase that decrypts a private key file. A prompt that asks for
     * passwords only gives none, so the login is given up.
     *
     * @param target  whom the key logs in to, as {@code user@host[:port]}
     * @param keyFile the encrypted private key file
     * @param retry   true when the previous passphrase did not decrypt the key
     * @return the passphrase, or null to give up the login
     */
    default String passphrase(String target, Path keyFile, boolean retry) {
        return null;
    }
}
