package org.halyard.ssh;

import java.nio.file.Path;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;

/**
 * Answers MINA's question for the passphrase of an encrypted key file from a {@link PasswordPrompt}:
 * a passphrase that does not decrypt the key is asked for again, up to a number of attempts.
 */
final class KeyFilePassphrase implements FilePasswordProvider {

    private final PasswordPrompt prompt;
    private final String target;
    private final Path keyFile;
    private final int attempts;
    private boolean cancelled;
    private boolean alwaysWrong;

    KeyFilePassphrase(PasswordPrompt prompt, String target, Path keyFile, int attempts) {
        this.prompt = prompt;
        this.target = target;
        this.keyFile = keyFile;
        this.attempts = attempts;
    }

    @Override
    public String getPassword(SessionContext session, NamedResource resourceKey, int retryIndex) {
        String passphrase = prompt.passphrase(target, keyFile, retryIndex > 0);
        // MINA takes an empty passphrase for none given, and ends the decoding as for null
        cancelled = passphrase == null || passphrase.isEmpty();
        return passphrase;
    }

    @Override
    public ResourceDecodeResult handleDecodeAttemptResult(SessionContext session, NamedResource resourceKey,
            int retryIndex, String passphrase, Exception err) {
        if (err == null) {
            return ResourceDecodeResult.TERMINATE; // decrypted: MINA ignores the answer
        }
        alwaysWrong = retryIndex + 1 >= attempts;
        return alwaysWrong ? ResourceDecodeResult.TERMINATE : ResourceDecodeResult.RETRY;
    }

    /** True when the person declined to give a passphrase, so the login was theirs to end. */
    boolean wasCancelled() {
        return cancelled;
    }

    /** True when no passphrase given in all the attempts decrypted the key. */
    boolean wasAlwaysWrong() {
        return alwaysWrong;
    }
}
