package org.halyard.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.halyard.api.ApiClient;
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
        KeyPair user = PongServer.ecKeyPair();
        userKey = PongServer.writePrivateKey(user, dir.resolve("id_ecdsa"));
        Path authorized = Files.writeString(dir.resolve("authorized_keys"),
                PublicKeyEntry.toString(user.getPublic()) + " admin@test\n");
        server = PongServer.start(dir.resolve("host_key"), authorized, 0);
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
        server = PongServer.start(dir.resolve("other_host_key"), dir.resolve("authorized_keys"), port);
        try (HalyardSsh ssh = new HalyardSsh(knownHosts, this::trust)) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(target()));
            assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
            assertTrue(e.getMessage().contains("remove the host's line from " + knownHosts), e.getMessage());
        }
        assertEquals(1, prompts.size(), "a changed key is never offered for trust: " + prompts);
    }

    @Test
    void aKeyThatIsNotAuthorizedIsNamed() throws Exception {
        Path otherKey = PongServer.writePrivateKey(PongServer.ecKeyPair(), dir.resolve("id_other"));
        try (HalyardSsh ssh = new HalyardSsh(dir.resolve("known_hosts"), this::trust)) {
            SshConnectException e = assertThrows(SshConnectException.class,
                    () -> ssh.connect(new SshTarget("127.0.0.1", server.getPort(), "admin", otherKey)));
            assertTrue(e.getMessage().endsWith("login refused: the key " + otherKey
                    + " is not authorized for admin on that node"), e.getMessage());
        }
    }
}
