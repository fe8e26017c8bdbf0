package org.halyard.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;

/**
 * Lets MINA's public-key login use the SSH agent, but only for sessions marked with
 * {@link #USE_AGENT}: a target with its own key file logs in with that key alone. The client
 * never forwards the agent to the nodes.
 */
final class AgentLogin implements SshAgentFactory {

    static final AttributeKey<Boolean> USE_AGENT = new AttributeKey<>();

    private final Path socket;

    private AgentLogin(Path socket) {
        this.socket = socket;
    }

    /** The agent named by {@code SSH_AUTH_SOCK}, when that is set and the socket exists. */
    static Optional<Path> socketFromEnvironment() {
        String value = System.getenv(SshAgent.SSH_AUTHSOCKET_ENV_NAME);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    static AgentLogin at(Path socket) {
        return new AgentLogin(socket);
    }

    Path socket() {
        return socket;
    }

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of();
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
        return Boolean.TRUE.equals(session.getAttribute(USE_AGENT)) ? new UnixSocketAgent(socket) : null;
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) throws IOException {
        throw new IOException("this client does not forward its SSH agent");
    }
}
