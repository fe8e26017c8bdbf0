package org.halyard.ssh;

import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;

/**
 * Answers MINA's password and keyboard-interactive logins from a {@link PasswordPrompt}. Many
 * nodes (PAM) ask for the password through keyboard-interactive with a single hidden prompt, so
 * that is answered too; other interactive challenges are declined.
 */
final class PasswordInteraction implements UserInteraction {

    private final PasswordPrompt prompt;
    private final String target;
    private int asked;
    private boolean cancelled;

    PasswordInteraction(PasswordPrompt prompt, String target) {
        this.prompt = prompt;
        this.target = target;
    }

    @Override
    public String resolveAuthPasswordAttempt(ClientSession session) {
        return ask();
    }

    @Override
    public String[] interactive(ClientSession session, String name, String instruction, String lang,
            String[] prompts, boolean[] echo) {
        if (prompts == null || prompts.length == 0) {
            return new String[0]; // an empty info request only shows the instruction
        }
        if (prompts.length != 1 || echo[0]) {
            return null;
        }
        String password = ask();
        return password == null ? null : new String[] {password};
    }

    private synchronized String ask() {
        String password = prompt.password(target, asked++ > 0);
        cancelled = password == null;
        return password;
    }

    /** True when the person declined to give a password, so the login was theirs to end. */
    synchronized boolean wasCancelled() {
        return cancelled;
    }

    @Override
    public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
        return null; // an expired password is changed on the node, not from here
    }
}
