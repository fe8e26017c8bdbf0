package org.halyard.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.halyard.api.ApiConversation;
import org.halyard.api.ApiHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol as SSH subsystem {@code halyard} on an embedded MINA SSHD server (like NETCONF
 * over SSH): public keys from one authorized_keys file only, no passwords, no shell. Off unless
 * halyardd is started with --ssh-port and --authorized-keys.
 */
final class SshApiServer implements AutoCloseable {

    static final String SUBSYSTEM = "halyard";
    private static final Logger LOG = LoggerFactory.getLogger(SshApiServer.class);

    private final SshServer server;

    private SshApiServer(SshServer server) {
        this.server = server;
    }

    static SshApiServer start(String host, int port, Path authorizedKeys, Path hostKey, ApiHandler handler) {
        if (!Files.isReadable(authorizedKeys)) {
            throw new DaemonException("--authorized-keys " + authorizedKeys + " is missing or unreadable");
        }
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(port);
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKey);
        hostKeys.setAlgorithm("EC"); // ECDSA P-256 needs no extra provider, unlike ed25519
        try {
            // made now rather than at the first login, and its public half written in OpenSSH's format
            // next to it (as sshd's ssh_host_*_key.pub), so an admin can put it in known_hosts first
            KeyPair pair = hostKeys.loadKeys(null).iterator().next();
            writePublicKey(hostKey.resolveSibling(hostKey.getFileName() + ".pub"), pair.getPublic());
        } catch (IOException | RuntimeException e) {
            throw new DaemonException("cannot create or read the SSH host key " + hostKey + ": " + e.getMessage(), e);
        }
        server.setKeyPairProvider(hostKeys);
        server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setSubsystemFactories(List.of(new Subsystem.Factory(handler)));
        try {
            server.start();
        } catch (IOException e) {
            throw new DaemonException("cannot serve SSH on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.info("SSH subsystem \"{}\" on {}:{} for the keys in {} (host key {})", SUBSYSTEM, host, server.getPort(),
                authorizedKeys, hostKey);
        return new SshApiServer(server);
    }

    private static void writePublicKey(Path file, PublicKey key) throws IOException {
        String line = PublicKeyEntry.toString(key) + " halyardd\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, line, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("while stopping the SSH server: {}", e.getMessage());
        }
    }

    /** One subsystem channel: the same conversation as on the Unix socket, over the channel's streams. */
    private static final class Subsystem implements Command {
        private final ApiHandler handler;
        private InputStream in;
        private OutputStream out;
        private ExitCallback exit;
        private Thread conversation;

        Subsystem(ApiHandler handler) {
            this.handler = handler;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // the protocol reports errors in its replies
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            conversation = Thread.ofVirtual().name("halyard-ssh-api").start(() -> {
                int status = 0;
                try {
                    ApiConversation.serve(in, out, handler);
                } catch (IOException e) {
                    LOG.debug("SSH API conversation ended: {}", e.getMessage());
                    status = 1;
                }
                exit.onExit(status);
            });
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (conversation != null) {
                conversation.interrupt();
            }
        }

        record Factory(ApiHandler handler) implements SubsystemFactory {
            @Override
            public String getName() {
                return SUBSYSTEM;
            }

            @Override
            public Command createSubsystem(ChannelSession channel) {
                return new Subsystem(handler);
            }
        }
    }
}
