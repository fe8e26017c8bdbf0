package org.halyard.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.halyard.api.ApiClient;
import org.halyard.api.ApiConversation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against an in-process SSH server that offers the halyard subsystem (answering "pong OP"). */
class HalyardSshTest {

    @TempDir
    Path dir;

    private SshServer server;
    private Path userKey;
    private final List<String> prompts = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        KeyPair user = ecKeyPair();
        userKey = dir.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(userKey)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(user, "admin@test", null, out);
        }
        Path authorized = Files.writeString(dir.resolve("authorized_keys"),
                PublicKeyEntry.toString(user.getPublic()) + " admin@test\n");
        server = newServer(dir.resolve("host_key"), authorized, 0);
    }

    private SshServer newServer(Path hostKey, Path authorized, int port) throws IOException {
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(port);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKey);
        keys.setAlgorithm("EC");
        s.setKeyPairProvider(keys);
        s.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorized));
        s.setSubsystemFactories(List.of(new PongSubsystemFactory()));
        s.start();
        return s;
    }

    @AfterEach
    void stopServer() throws IOException {
        server.stop(true);
    }

    private SshTarget target() {
        return new SshTarget("127.0.0.1", server.getPort(), "admin", userKey);
    }

    @Test
    void unknownHostIsAskedOnceThenRemembered() {
        Path knownHosts = dir.resolve("known_hosts");
        try (HalyardSsh ssh = new HalyardSsh(knownHosts, this::trust)) {
            try (ApiClient api = ssh.connect(target())) {
                assertEquals("pong status", api.call(api.request("status")).text());
            }
            try (ApiClient api = ssh.connect(target())) {
                assertEquals("pong again", api.call(api.request("again")).text());
            }
        }
        assertEquals(1, prompts.size(), "asked once: " + prompts);
        assertTrue(prompts.get(0).contains("SHA256:"), "the person sees the fingerprint: " + prompts.get(0));
    }

    private boolean trust(String host, String type, String fingerprint) {
        prompts.add(host + " " + type + " " + fingerprint);
        return true;
    }

    @Test
    void anUntrustedHostIsRefused() {
        try (HalyardSsh ssh = new HalyardSsh(dir.resolve("known_hosts"), (host, type, fp) -> false)) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(target()));
            assertTrue(e.getMessage().contains("is not in " + dir.resolve("known_hosts") + " and its key SHA256:"),
                    e.getMessage());
        }
    }

    @Test
    void aChangedHostKeyIsRefusedWithAWarningAndNeverTrustedSilently() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        try (HalyardSsh ssh = new HalyardSsh(knownHosts, this::trust)) {
            ssh.connect(target()).close();
        }
        int port = server.getPort();
        server.stop(true);
        // the same address with another host key: what an attacker in the middle looks like
        server = newServer(dir.resolve("other_host_key"), dir.resolve("authorized_keys"), port);
        try (HalyardSsh ssh = new HalyardSsh(knownHosts, this::trust)) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(target()));
            assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
            assertTrue(e.getMessage().contains("remove the host's line from " + knownHosts), e.getMessage());
        }
        assertEquals(1, prompts.size(), "a changed key is never offered for trust: " + prompts);
    }

    @Test
    void aKeyThatIsNotAuthorizedIsNamed() throws Exception {
        Path otherKey = dir.resolve("id_other");
        try (OutputStream out = Files.newOutputStream(otherKey)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(ecKeyPair(), "other", null, out);
        }
        try (HalyardSsh ssh = new HalyardSsh(dir.resolve("known_hosts"), this::trust)) {
            SshConnectException e = assertThrows(SshConnectException.class,
                    () -> ssh.connect(new SshTarget("127.0.0.1", server.getPort(), "admin", otherKey)));
            assertTrue(e.getMessage().endsWith("login refused: the key " + otherKey
                    + " is not authorized for admin on that node"), e.getMessage());
        }
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** The halyard subsystem of this test server: answers every request with "pong OP". */
    private static final class PongSubsystemFactory implements SubsystemFactory {
        @Override
        public String getName() {
            return HalyardSsh.SUBSYSTEM;
        }

        @Override
        public Command createSubsystem(ChannelSession channel) {
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
}
