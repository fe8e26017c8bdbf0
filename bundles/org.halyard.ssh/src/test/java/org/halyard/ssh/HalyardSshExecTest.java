package org.halyard.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.halyard.api.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exec mode, as against an OpenSSH node: the channel runs a bridge command instead of the
 * subsystem. The test server runs "sudo -n /opt/halyard/halyard api" as a bridge answering
 * "pong OP", "sudo -n /opt/halyard/locked api" as sudo refusing without a password, and
 * "/opt/halyard/halyard usage" as a command printing text that is not the protocol.
 */
class HalyardSshExecTest {

    private static final String BRIDGE = "sudo -n /opt/halyard/halyard api";
    private static final String NEEDS_PASSWORD = "sudo -n /opt/halyard/locked api";
    private static final String PRINTS_USAGE = "/opt/halyard/halyard usage";

    @TempDir
    Path dir;

    private SshServer server;
    private Path userKey;
    private final List<String> commandsRun = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        KeyPair user = PongServer.ecKeyPair();
        userKey = PongServer.writePrivateKey(user, dir.resolve("id_ecdsa"));
        Path authorized = Files.writeString(dir.resolve("authorized_keys"),
                PublicKeyEntry.toString(user.getPublic()) + " admin@test\n");
        server = PongServer.start(dir.resolve("host_key"), authorized, 0, (channel, command) -> {
            commandsRun.add(command);
            return switch (command) {
                case BRIDGE -> PongServer.pong();
                case NEEDS_PASSWORD -> new Exits(1, "", "sudo: a password is required\n");
                case PRINTS_USAGE -> new Exits(2, "usage: halyard <command> ...\n", "");
                default -> new Exits(127, "", "sh: 1: " + command + ": not found\n");
            };
        });
    }

    @AfterEach
    void stopServer() throws IOException {
        server.stop(true);
    }

    private HalyardSsh ssh() {
        return new HalyardSsh(dir.resolve("known_hosts"), (host, type, fingerprint) -> true);
    }

    private SshTarget target() {
        return new SshTarget("127.0.0.1", server.getPort(), "admin", userKey);
    }

    @Test
    void theBridgeCommandCarriesTheProtocolOnOneSession() {
        try (HalyardSsh ssh = ssh()) {
            try (ApiClient events = ssh.connect(target(), BRIDGE); ApiClient commands = ssh.connect(target(), BRIDGE)) {
                assertEquals("pong watch", events.call(events.request("watch")).text());
                assertEquals("pong status", commands.call(commands.request("status")).text());
                assertEquals(1, ssh.sessionCount(), "both exec channels on one SSH session");
            }
            assertEquals(0, ssh.sessionCount(), "the session closes with its last channel");
        }
        assertEquals(List.of(BRIDGE, BRIDGE), commandsRun, "the command ran as given, once per channel");
    }

    @Test
    void anEmptyCommandMeansTheSubsystem() {
        try (HalyardSsh ssh = ssh(); ApiClient api = ssh.connect(target(), " ")) {
            assertEquals("pong status", api.call(api.request("status")).text());
        }
        assertEquals(List.of(), commandsRun, "no command ran");
    }

    @Test
    void sudoAskingForAPasswordIsReportedWithItsMessageAndExitStatus() {
        try (HalyardSsh ssh = ssh()) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(target(), NEEDS_PASSWORD));
            assertEquals(target() + ": the remote command \"" + NEEDS_PASSWORD + "\" exited with status 1: "
                    + "sudo: a password is required (sudo needs a NOPASSWD rule for this command for that user on "
                    + "the node)", e.getMessage());
            assertEquals(0, ssh.sessionCount(), "the failed channel released its session");
        }
    }

    @Test
    void aCommandThatDoesNotSpeakTheProtocolIsNamed() {
        try (HalyardSsh ssh = ssh()) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(target(), PRINTS_USAGE));
            assertTrue(e.getMessage().startsWith(target() + ": the remote command \"" + PRINTS_USAGE
                    + "\" exited with status 2 and wrote nothing to stderr; what it printed is not the Halyard "
                    + "protocol (not a Halyard frame: header \"usage: halyard <command> ...\")"), e.getMessage());
        }
    }

    @Test
    void aMissingCommandIsReportedAsTheShellSaysIt() {
        try (HalyardSsh ssh = ssh()) {
            SshConnectException e = assertThrows(SshConnectException.class,
                    () -> ssh.connect(target(), "/opt/nowhere/halyard api"));
            assertEquals(target() + ": the remote command \"/opt/nowhere/halyard api\" exited with status 127: "
                    + "sh: 1: /opt/nowhere/halyard api: not found", e.getMessage());
        }
    }

    /** A command that writes its output, then exits with a status, without reading its input. */
    private static final class Exits implements Command {
        private final int status;
        private final String stdout;
        private final String stderr;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        Exits(int status, String stdout, String stderr) {
            this.status = status;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public void setInputStream(InputStream in) {
            // never read, as sudo refusing never reads
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            out.write(stdout.getBytes(StandardCharsets.UTF_8));
            out.flush();
            err.write(stderr.getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(status);
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing runs after start
        }
    }
}
