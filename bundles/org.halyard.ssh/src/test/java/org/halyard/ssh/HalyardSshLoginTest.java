package org.halyard.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.halyard.api.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins without a key file (SSH agent, password) and one shared session per target. */
class HalyardSshLoginTest {

    private static final String PASSWORD = "correct horse";

    @TempDir
    Path dir;

    private SshServer server;
    private KeyPair user;
    private Path knownHosts;
    private final List<String> passwordPrompts = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        user = PongServer.ecKeyPair();
        Path authorized = Files.writeString(dir.resolve("authorized_keys"),
                PublicKeyEntry.toString(user.getPublic()) + " admin@test\n");
        server = PongServer.start(dir.resolve("host_key"), authorized, 0);
        server.setPasswordAuthenticator((name, password, session) -> "admin".equals(name) && PASSWORD.equals(password));
        knownHosts = dir.resolve("known_hosts");
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop(true);
    }

    private SshTarget withoutKey() {
        return new SshTarget("127.0.0.1", server.getPort(), "admin");
    }

    private String answer(String target, boolean retry, String password) {
        passwordPrompts.add(target + (retry ? " (retry)" : ""));
        return password;
    }

    @Test
    void passwordLoginAsksThroughThePromptAndSharesOneSessionForTwoChannels() throws Exception {
        try (HalyardSsh ssh = new HalyardSsh(knownHosts, (h, t, f) -> true,
                (target, retry) -> answer(target, retry, PASSWORD), Optional.empty())) {
            try (ApiClient events = ssh.connect(withoutKey()); ApiClient commands = ssh.connect(withoutKey())) {
                assertEquals("pong watch", events.call(events.request("watch")).text());
                assertEquals("pong status", commands.call(commands.request("status")).text());
                assertEquals(1, server.getActiveSessions().size(), "both channels on one SSH session");
                assertEquals(1, ssh.sessionCount());
            }
            assertEquals(0, ssh.sessionCount(), "the session closes with its last channel");
            waitUntilNoServerSessions();
        }
        assertEquals(List.of("admin@127.0.0.1:" + server.getPort()), passwordPrompts,
                "asked once for the one login, never again for the second channel");
    }

    @Test
    void aWrongPasswordIsAskedAgainAndThenRefusedWithAClearMessage() {
        try (HalyardSsh ssh = new HalyardSsh(knownHosts, (h, t, f) -> true,
                (target, retry) -> answer(target, retry, "wrong"), Optional.empty())) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(withoutKey()));
            assertTrue(e.getMessage().contains("login refused: the password was not accepted for admin"), e.getMessage());
        }
        assertTrue(passwordPrompts.size() > 1 && passwordPrompts.get(1).endsWith("(retry)"), passwordPrompts.toString());
    }

    @Test
    void givingNoPasswordCancelsTheLogin() {
        try (HalyardSsh ssh = new HalyardSsh(knownHosts, (h, t, f) -> true,
                (target, retry) -> answer(target, retry, null), Optional.empty())) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(withoutKey()));
            assertTrue(e.getMessage().endsWith("login cancelled (no password given)"), e.getMessage());
        }
    }

    @Test
    void withoutKeyAgentOrPasswordTheLoginSaysWhatIsMissing() {
        try (HalyardSsh ssh = new HalyardSsh(knownHosts, (h, t, f) -> true, PasswordPrompt.NONE, Optional.empty())) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(withoutKey()));
            assertTrue(e.getMessage().contains("no key file given, no SSH agent (SSH_AUTH_SOCK) and no password prompt"),
                    e.getMessage());
        }
    }

    @Test
    void theSshAgentLogsInWhenNoKeyFileIsGiven() throws Exception {
        Path sshAgent = Path.of("/usr/bin/ssh-agent");
        Path sshAdd = Path.of("/usr/bin/ssh-add");
        assertTrue(Files.isExecutable(sshAgent) && Files.isExecutable(sshAdd),
                "OpenSSH's ssh-agent and ssh-add are needed (Debian package openssh-client; scripts/test.sh installs it)");
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder(sshAgent.toString(), "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(socket) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Path key = PongServer.writePrivateKey(user, dir.resolve("id_agent"));
            ProcessBuilder add = new ProcessBuilder(sshAdd.toString(), key.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("add.log").toFile());
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            assertEquals(0, add.start().waitFor(), () -> "ssh-add: " + read(dir.resolve("add.log")));
            // the key file is gone: only the agent holds the key now
            Files.delete(key);

            try (HalyardSsh ssh = new HalyardSsh(knownHosts, (h, t, f) -> true, PasswordPrompt.NONE,
                    Optional.of(socket)); ApiClient api = ssh.connect(withoutKey())) {
                assertEquals("pong status", api.call(api.request("status")).text());
            }
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void anAgentWithoutTheRightKeyIsNamedInTheRefusal() throws Exception {
        Path socket = dir.resolve("empty-agent.sock");
        assertTrue(Files.isExecutable(Path.of("/usr/bin/ssh-agent")),
                "OpenSSH's ssh-agent is needed (Debian package openssh-client; scripts/test.sh installs it)");
        Process agent = new ProcessBuilder("/usr/bin/ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(socket) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            try (HalyardSsh ssh = new HalyardSsh(knownHosts, (h, t, f) -> true, PasswordPrompt.NONE,
                    Optional.of(socket))) {
                SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(withoutKey()));
                assertTrue(e.getMessage().contains("none of the SSH agent's keys (" + socket + ") is authorized for admin"),
                        e.getMessage());
            }
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void waitUntilNoServerSessions() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!server.getActiveSessions().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.getActiveSessions().size(), "the server saw the session end");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
