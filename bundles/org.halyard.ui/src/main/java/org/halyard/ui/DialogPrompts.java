package org.halyard.ui;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.halyard.ssh.HostKeyPrompt;
import org.halyard.ssh.PasswordPrompt;

/**
 * The SSH questions put to the person, from the connecting Job's thread: trust a new host key
 * (showing its fingerprint), a password and a key file's passphrase (asked each time, never kept).
 */
final class DialogPrompts implements HostKeyPrompt, PasswordPrompt {

    @Override
    public boolean trustNewHost(String hostAndPort, String keyType, String fingerprint) {
        return ask(shell -> MessageDialog.openQuestion(shell, "Unknown Host",
                hostAndPort + " is not in the known_hosts file yet.\n\nIts " + keyType + " key fingerprint is\n"
                        + fingerprint + "\n\nCompare it with the node's (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). "
                        + "Trust this host and remember its key?"), false);
    }

    @Override
    public String password(String target, boolean retry) {
        return ask(shell -> masked(shell, "SSH Password",
                (retry ? "That password was refused. " : "") + "Password for " + target + ":"), null);
    }

    @Override
    public String passphrase(String target, Path keyFile, boolean retry) {
        return ask(shell -> masked(shell, "Key Passphrase", (retry ? "That passphrase did not decrypt the key. " : "")
                + "Passphrase for the key file " + keyFile + " (to log in to " + target + "):"), null);
    }

    /** A text field showing dots for what is typed; null when the person cancels. */
    private static String masked(Shell shell, String title, String message) {
        InputDialog dialog = new InputDialog(shell, title, message, "", null) {
            @Override
            protected int getInputTextStyle() {
                return SWT.SINGLE | SWT.BORDER | SWT.PASSWORD;
            }
        };
        return dialog.open() == Window.OK ? dialog.getValue() : null;
    }

    private static <T> T ask(java.util.function.Function<Shell, T> question, T withoutUi) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return withoutUi;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        AtomicReference<T> answer = new AtomicReference<>(withoutUi);
        display.syncExec(() -> {
            var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            answer.set(question.apply(window == null ? null : window.getShell()));
        });
        return answer.get();
    }
}
