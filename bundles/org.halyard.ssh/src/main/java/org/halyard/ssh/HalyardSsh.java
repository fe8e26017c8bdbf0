package org.halyard.ssh;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.halyard.api.ApiClient;

/**
 * The client's SSH side: strict host-key checking against a known_hosts file (an unknown host is
 * shown to the person once, a changed key is refused outright), public-key login, and the
 * {@code halyard} subsystem as an {@link ApiClient}.
 */
public final class HalyardSsh implements AutoCloseable {

    public static final String SUBSYSTEM = "halyard";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final SshClient client;
    private final Path knownHosts;
    /** What the host-key check saw, to say precisely why a connection was refused. */
    private final AtomicReference<String> hostKeyProblem = new AtomicReference<>();

    public HalyardSsh(Path knownHosts, HostKeyPrompt prompt) {
        this.knownHosts = knownHosts;
        this.client = SshClient.setUpDefaultClient();
        KnownHostsServerKeyVerifier verifier = new KnownHostsServerKeyVerifier(
                (session, address, key) -> askOnce(prompt, address, key), knownHosts);
        verifier.setModifiedServerKeyAcceptor((session, address, entry, expected, actual) -> {
            hostKeyProblem.set("the host key of " + address + " CHANGED: " + knownHosts + " has "
                    + KeyUtils.getFingerPrint(expected) + ", the host now shows " + KeyUtils.getFingerPrint(actual)
                    + ". Someone may be intercepting the connection, so it was refused. If the key was changed "
                    + "on purpose, remove the host's line from " + knownHosts + " and connect again.");
            return false;
        });
        client.setServerKeyVerifier(verifier);
        client.start();
    }

    private boolean askOnce(HostKeyPrompt prompt, SocketAddress address, PublicKey key) {
        boolean trusted = prompt.trustNewHost(address.toString(), KeyUtils.getKeyType(key), KeyUtils.getFingerPrint(key));
        if (!trusted) {
            hostKeyProblem.set(address + " is not in " + knownHosts + " and its key "
                    + KeyUtils.getFingerPrint(key) + " was not trusted");
        }
        return trusted;
    }

    /** Logs in with the target's key and opens the halyard subsystem. */
    public ApiClient connect(SshTarget target) {
        if (!Files.isReadable(target.keyFile())) {
            throw new SshConnectException("key file " + target.keyFile() + " is missing or unreadable", null);
        }
        hostKeyProblem.set(null);
        ClientSession session = null;
        try {
            session = client.connect(target.user(), target.host(), target.port()).verify(TIMEOUT).getSession();
            session.setKeyIdentityProvider(new FileKeyPairProvider(target.keyFile()));
            session.auth().verify(TIMEOUT);
            ChannelSubsystem channel = session.createSubsystemChannel(SUBSYSTEM);
            channel.open().verify(TIMEOUT);
            ClientSession opened = session;
            return new ApiClient(channel.getInvertedOut(), channel.getInvertedIn(), () -> {
                channel.close(false);
                opened.close(false);
            }, target.toString());
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw new SshConnectException(describe(target, e), e);
        }
    }

    private String describe(SshTarget target, Exception e) {
        String problem = hostKeyProblem.get();
        if (problem != null) {
            return target + ": " + problem;
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("No more authentication methods") || message.contains("authentication")) {
            return target + ": login refused: the key " + target.keyFile() + " is not authorized for "
                    + target.user() + " on that node";
        }
        return target + ": cannot connect: " + message;
    }

    private static void closeQuietly(ClientSession session) {
        if (session != null) {
            session.close(true);
        }
    }

    @Override
    public void close() {
        client.stop();
    }
}
