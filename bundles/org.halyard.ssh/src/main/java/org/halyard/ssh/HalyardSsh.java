package org.halyard.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Optional;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.halyard.api.ApiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's SSH side: strict host-key checking against a known_hosts file (an unknown host is
 * shown to the person once, a changed key is refused outright); login with a key file (an
 * encrypted one's passphrase asked through {@link PasswordPrompt}), else the SSH agent
 * ({@code SSH_AUTH_SOCK}), and a password asked through the same prompt when a key is not
 * accepted; the {@code halyard} subsystem, or an exec channel running a bridge command on OpenSSH
 * nodes, as an {@link ApiClient}. Every {@link #connect} opens one channel; channels to the same
 * target share one logged-in session.
 */
public final class HalyardSsh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HalyardSsh.class);

    public static final String SUBSYSTEM = "halyard";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** What the host-key check saw on a session, to say precisely why it was refused. */
    private static final AttributeKey<String> HOST_KEY_PROBLEM = new AttributeKey<>();

    private final SshClient client;
    private final Path knownHosts;
    private final PasswordPrompt passwords;
    private final Optional<AgentLogin> agent;
    private final SessionPool sessions = new SessionPool();

    /** Key-file or agent login ({@code SSH_AUTH_SOCK}), no passwords. */
    public HalyardSsh(Path knownHosts, HostKeyPrompt prompt) {
        this(knownHosts, prompt, PasswordPrompt.NONE, AgentLogin.socketFromEnvironment());
    }

    /**
     * @param agentSocket the SSH agent's socket for targets without a key file; empty: no agent
     */
    public HalyardSsh(Path knownHosts, HostKeyPrompt prompt, PasswordPrompt passwords, Optional<Path> agentSocket) {
        this.knownHosts = knownHosts;
        this.passwords = passwords;
        this.agent = agentSocket.map(AgentLogin::at);
        this.client = SshClient.setUpDefaultClient();
        KnownHostsServerKeyVerifier verifier = new KnownHostsServerKeyVerifier(
                (session, address, key) -> askOnce(prompt, session, address, key), knownHosts);
        verifier.setModifiedServerKeyAcceptor((session, address, entry, expected, actual) -> {
            session.setAttribute(HOST_KEY_PROBLEM, "the host key of " + address + " CHANGED: " + knownHosts + " has "
                    + KeyUtils.getFingerPrint(expected) + ", the host now shows " + KeyUtils.getFingerPrint(actual)
                    + ". Someone may be intercepting the connection, so it was refused. If the key was changed "
                    + "on purpose, remove the host's line from " + knownHosts + " and connect again.");
            return false;
        });
        client.setServerKeyVerifier(verifier);
        agent.ifPresent(client::setAgentFactory);
        client.start();
    }

    /** The agent socket named by {@code SSH_AUTH_SOCK} if it exists, for the constructor. */
    public static Optional<Path> agentSocketFromEnvironment() {
        return AgentLogin.socketFromEnvironment();
    }

    private boolean askOnce(HostKeyPrompt prompt, ClientSession session, SocketAddress address, PublicKey key) {
        boolean trusted = prompt.trustNewHost(address.toString(), KeyUtils.getKeyType(key), KeyUtils.getFingerPrint(key));
        if (!trusted) {
            session.setAttribute(HOST_KEY_PROBLEM, address + " is not in " + knownHosts + " and its key "
                    + KeyUtils.getFingerPrint(key) + " was not trusted");
        }
        return trusted;
    }

    /**
     * Opens a halyard subsystem channel to the target, logging in first unless a session to it
     * is open already. Closing the returned client closes the channel, and the session with its
     * last channel.
     */
    public ApiClient connect(SshTarget target) {
        return connect(target, "");
    }

    /**
     * Like {@link #connect(SshTarget)}, but with a remote command (e.g.
     * {@code sudo -n /opt/halyard/halyard api}) the channel is an exec channel running that
     * bridge instead of the subsystem: for nodes whose SSH server is OpenSSH.
     *
     * @param remoteCommand the bridge to run; empty or null: the {@value #SUBSYSTEM} subsystem
     * @throws SshConnectException when the login fails, or the subsystem or command does not work
     */
    public ApiClient connect(SshTarget target, String remoteCommand) {
        SessionPool.Lease lease = sessions.lease(target, this::login);
        try {
            if (remoteCommand == null || remoteCommand.isBlank()) {
                return openSubsystem(target, lease);
            }
            return new ExecBridge(remoteCommand.strip(), TIMEOUT).open(lease.session(), target.toString(),
                    lease::release);
        } catch (SshConnectException e) {
            lease.release();
            throw e;
        }
    }

    private ApiClient openSubsystem(SshTarget target, SessionPool.Lease lease) {
        try {
            ChannelSubsystem channel = lease.session().createSubsystemChannel(SUBSYSTEM);
            channel.open().verify(TIMEOUT);
            return new ApiClient(channel.getInvertedOut(), channel.getInvertedIn(), () -> {
                channel.close(false);
                lease.release();
            }, target.toString());
        } catch (IOException | RuntimeException e) {
            throw new SshConnectException(target + ": cannot open the " + SUBSYSTEM + " subsystem: " + e.getMessage()
                    + " (is the Halyard daemon's SSH subsystem configured on that node? For OpenSSH nodes, give the "
                    + "cluster a remote command such as \"sudo -n /opt/halyard/halyard api\")", e);
        }
    }

    private ClientSession login(SshTarget target) {
        Optional<Path> key = target.key();
        if (key.isPresent() && !Files.isReadable(key.get())) {
            throw new SshConnectException("key file " + key.get() + " is missing or unreadable", null);
        }
        if (key.isEmpty() && agent.isEmpty() && passwords == PasswordPrompt.NONE) {
            throw new SshConnectException(target + ": no way to log in: no key file given, no SSH agent "
                    + "(SSH_AUTH_SOCK) and no password prompt", null);
        }
        ClientSession session = null;
        PasswordInteraction interaction = new PasswordInteraction(passwords, target.toString());
        try {
            session = client.connect(target.user(), target.host(), target.port()).verify(TIMEOUT).getSession();
            // read once the host is reached and trusted, as ssh asks: a node that is down asks for nothing
            session.setKeyIdentityProvider(key.map(file -> readKey(target, file))
                    .orElse(KeyIdentityProvider.EMPTY_KEYS_PROVIDER));
            session.setAttribute(AgentLogin.USE_AGENT, key.isEmpty() && agent.isPresent());
            if (passwords != PasswordPrompt.NONE) {
                session.setUserInteraction(interaction);
            }
            session.auth().verify(TIMEOUT);
            LOG.debug("logged in to {}", target);
            return session;
        } catch (SshConnectException keyFileProblem) {
            session.close(true); // only reading the key file throws this, once connected
            throw keyFileProblem;
        } catch (IOException | RuntimeException e) {
            String problem = session == null ? null : session.getAttribute(HOST_KEY_PROBLEM);
            if (session != null) {
                session.close(true);
            }
            if (interaction.wasCancelled()) {
                throw SshConnectException.cancelled(target + ": login cancelled (no password given)", e);
            }
            throw new SshConnectException(describe(target, problem, e), e);
        }
    }

    /**
     * Reads the key file, asking for its passphrase if it is encrypted. MINA would skip a key it
     * cannot read and go on to the password, so a cancelled or wrong passphrase ends the login here.
     */
    private KeyIdentityProvider readKey(SshTarget target, Path file) {
        // a passphrase gets as many attempts as MINA gives a password
        int attempts = CoreModuleProperties.PASSWORD_PROMPTS.getRequired(client);
        KeyFilePassphrase passphrase = new KeyFilePassphrase(passwords, target.toString(), file, attempts);
        PathResource resource = new PathResource(file);
        Iterable<KeyPair> keys;
        try (InputStream in = resource.openInputStream()) {
            keys = SecurityUtils.loadKeyPairIdentities(null, resource, in, passphrase);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (passphrase.wasCancelled()) {
                throw SshConnectException.cancelled(target + ": login cancelled (no passphrase given for the key file "
                        + file + ")", e);
            }
            if (passphrase.wasAlwaysWrong()) {
                throw new SshConnectException(target + ": the passphrase for the key file " + file + " was wrong "
                        + attempts + " times", e);
            }
            throw new SshConnectException(target + ": cannot read the key file " + file + ": " + e.getMessage(), e);
        }
        if (keys == null) {
            throw new SshConnectException(target + ": the key file " + file + " holds no private key", null);
        }
        return KeyIdentityProvider.wrapKeyPairs(keys);
    }

    private String describe(SshTarget target, String hostKeyProblem, Exception e) {
        if (hostKeyProblem != null) {
            return target + ": " + hostKeyProblem;
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("No more authentication methods") || message.contains("authentication")) {
            return target + ": login refused: " + refusedLogin(target) + " for " + target.user() + " on that node";
        }
        return target + ": cannot connect: " + message;
    }

    private String refusedLogin(SshTarget target) {
        String keys = target.key().map(k -> "the key " + k + " is not authorized")
                .orElse(agent.map(a -> "none of the SSH agent's keys (" + a.socket() + ") is authorized").orElse(""));
        if (passwords == PasswordPrompt.NONE) {
            return keys;
        }
        return keys.isEmpty() ? "the password was not accepted" : keys + " and the password was refused";
    }

    /** How many targets this client holds a logged-in session to. */
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        sessions.closeAll();
        client.stop();
    }
}
