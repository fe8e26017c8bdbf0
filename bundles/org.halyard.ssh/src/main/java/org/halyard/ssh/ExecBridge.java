package org.halyard.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.halyard.api.ApiClient;
import org.halyard.api.ApiCodec;
import org.halyard.api.ApiException;
import org.halyard.api.Frames;
import org.halyard.api.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol over an exec channel, for nodes whose SSH server is OpenSSH rather than halyardd's
 * own: the channel runs a command such as {@code sudo -n /opt/halyard/halyard api}, a bridge that
 * joins its stdin/stdout to the local daemon. OpenSSH accepts any exec request, so whether the
 * command works only shows when it runs: a {@code status} request is sent as a probe before the
 * channel is handed out, and a command that ends instead of answering is reported with its exit
 * status and what it wrote to stderr ("sudo: a password is required").
 */
final class ExecBridge {

    /** Enough for any error message; a bridge that keeps writing to stderr cannot fill memory. */
    private static final Logger LOG = LoggerFactory.getLogger(ExecBridge.class);
    private static final int STDERR_LIMIT = 4096;
    private static final String PROBE_OP = "status";

    private final String command;
    private final Duration timeout;

    ExecBridge(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    /**
     * Runs the command on the session and returns the protocol client over its stdin/stdout;
     * closing the client closes the channel and then runs {@code onClose}.
     *
     * @throws SshConnectException naming the command, its exit status and stderr when it failed
     */
    ApiClient open(ClientSession session, String target, Runnable onClose) {
        ChannelExec channel;
        BoundedOutput stderr = new BoundedOutput(STDERR_LIMIT);
        try {
            channel = session.createExecChannel(command);
            channel.setErr(stderr);
            channel.open().verify(timeout);
        } catch (IOException | RuntimeException e) {
            throw new SshConnectException(target + ": cannot run the remote command \"" + command + "\": "
                    + e.getMessage(), e);
        }
        try {
            probe(channel);
        } catch (IOException | ApiException e) {
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            channel.close(true);
            throw new SshConnectException(target + ": " + failure(channel, stderr.text(), e), e);
        } catch (TimeoutException e) {
            channel.close(true);
            throw new SshConnectException(target + ": the remote command \"" + command + "\" did not answer within "
                    + timeout.toSeconds() + " s" + said(stderr.text()), e);
        }
        return new ApiClient(channel.getInvertedOut(), channel.getInvertedIn(), () -> {
            channel.close(false);
            onClose.run();
        }, target);
    }

    /** One request and its reply, whatever it says: any reply proves the bridge reached a daemon. */
    private void probe(ChannelExec channel) throws IOException, TimeoutException {
        try {
            Frames.write(channel.getInvertedIn(), ApiCodec.encode(new Request("probe", PROBE_OP)));
        } catch (IOException e) {
            // the command may have exited already; what it printed before says more than the broken pipe
            LOG.debug("probe request not sent: {}", e.getMessage());
        }
        FutureTask<byte[]> reply = new FutureTask<>(() -> Frames.read(channel.getInvertedOut()));
        Thread.ofVirtual().name("halyard-ssh-probe").start(reply);
        byte[] frame;
        try {
            frame = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the remote command", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw new IOException(String.valueOf(e.getCause()), e.getCause());
        }
        if (frame == null) {
            throw new IOException("it ended without answering");
        }
    }

    private String failure(ChannelExec channel, String stderr, Exception e) {
        StringBuilder message = new StringBuilder("the remote command \"").append(command).append('"');
        Integer status = channel.getExitStatus();
        String signal = channel.getExitSignal();
        if (status != null) {
            message.append(" exited with status ").append(status);
        } else if (signal != null) {
            message.append(" was killed by signal ").append(signal);
        } else {
            message.append(" failed: ").append(e.getMessage());
        }
        message.append(said(stderr));
        if (e instanceof ApiException) {
            message.append("; what it printed is not the Halyard protocol (").append(e.getMessage()).append(')');
        }
        if (stderr.contains("a password is required")) {
            // sudo -n refuses instead of prompting: the fix is on the node, not in the client
            message.append(" (sudo needs a NOPASSWD rule for this command for that user on the node)");
        }
        return message.toString();
    }

    private static String said(String stderr) {
        return stderr.isEmpty() ? " and wrote nothing to stderr" : ": " + stderr;
    }

    /** Keeps the first bytes written to it, up to a limit, as the command's error output. */
    private static final class BoundedOutput extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;

        BoundedOutput(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (bytes.size() < limit) {
                bytes.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, Math.max(0, Math.min(len, limit - bytes.size())));
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8).strip().replaceAll("\\s*\\R\\s*", "; ");
        }
    }
}
