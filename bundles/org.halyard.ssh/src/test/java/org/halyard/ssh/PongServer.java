package org.halyard.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.halyard.api.ApiConversation;

/** An in-process SSH server on loopback whose halyard subsystem answers every request with "pong OP". */
final class PongServer {

    private PongServer() {
    }

    /** Starts a server with the given host key file and authorized_keys, on the port (0: any). */
    static SshServer start(Path hostKey, Path authorized, int port) throws IOException {
        return start(hostKey, authorized, port, null);
    }

    /** The same, also running exec requests through the command factory (as OpenSSH runs commands). */
    static SshServer start(Path hostKey, Path authorized, int port, CommandFactory commands) throws IOException {
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(port);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKey);
        keys.setAlgorithm("EC");
        s.setKeyPairProvider(keys);
        s.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorized));
        s.setSubsystemFactories(List.of(new PongSubsystemFactory()));
        s.setCommandFactory(commands);
        s.start();
        return s;
    }

    static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        return generator.generateKeyPair();
    }

    /** Writes the key pair as an OpenSSH private key file, mode 0600 as ssh-add insists. */
    static Path writePrivateKey(KeyPair key, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "admin@test", null, out);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The halyard subsystem of this test server: answers every request with "pong OP". */
    private static final class PongSubsystemFactory implements SubsystemFactory {
        @Override
        public String getName() {
            return HalyardSsh.SUBSYSTEM;
        }

        @Override
        public Command createSubsystem(ChannelSession channel) {
            return pong();
        }
    }

    /** A conversation that answers every request with "pong OP": the subsystem, or a bridge command. */
    static Command pong() {
        return new Command() {
            private InputStream in;
            private OutputStream out;
            private ExitCallback exit;

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
                // errors travel in replies
            }

            @Override
            public void setExitCallback(ExitCallback callback) {
                this.exit = callback;
            }

            @Override
            public void start(ChannelSession session, Environment env) {
                Thread.ofVirtual().start(() -> {
                    try {
                        ApiConversation.serve(in, out, request -> "pong " + request.op());
                    } catch (IOException e) {
                        // the client went away
                    }
                    exit.onExit(0);
                });
            }

            @Override
            public void destroy(ChannelSession session) {
                // the conversation ends with its streams
            }
        };
    }
}
