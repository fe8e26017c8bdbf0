package org.halyard.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.halyard.api.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key files beyond an unencrypted ECDSA key: an RSA key, which must sign with SHA-2 as OpenSSH
 * servers since 8.8 demand, and an encrypted key whose passphrase is asked through the prompt.
 */
class HalyardSshKeyFileTest {

    private static final String PASSPHRASE = "open sesame";

    @TempDir
    Path dir;

    private SshServer server;
    private Path authorized;
    private final List<String> prompts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        authorized = Files.createFile(dir.resolve("authorized_keys"));
        server = PongServer.start(dir.resolve("host_key"), authorized, 0);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop(true);
    }

    private SshTarget target(Path key) {
        return new SshTarget("127.0.0.1", server.getPort(), "admin", key);
    }

    @Test
    void anRsaKeyLogsInWithASha2SignatureNeverSha1() throws Exception {
        KeyPair rsa = PongServer.rsaKeyPair();
        Files.writeString(authorized, PublicKeyEntry.toString(rsa.getPublic()) + " admin@test\n");
        Path key = PongServer.writePrivateKey(rsa, dir.resolve("id_rsa"));
        // the server verifies user signatures with rsa-sha2-512 and rsa-sha2-256 only (MINA's default
        // also takes ssh-rsa): an ssh-rsa (SHA-1) signature finds no verifier and the login fails
        server.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory(
                List.of(BuiltinSignatures.rsaSHA512, BuiltinSignatures.rsaSHA256))));
        try (HalyardSsh ssh = new HalyardSsh(dir.resolve("known_hosts"), (h, t, f) -> true);
                ApiClient api = ssh.connect(target(key))) {
            assertEquals("pong status", api.call(api.request("status")).text());
        }
    }

    @Test
    void anEncryptedKeyLogsInWithThePassphraseAskedThroughThePrompt() throws Exception {
        Path key = encryptedKey();
        try (HalyardSsh ssh = sshAnswering(PASSPHRASE); ApiClient api = ssh.connect(target(key))) {
            assertEquals("pong status", api.call(api.request("status")).text());
        }
        assertEquals(List.of("admin@127.0.0.1:" + server.getPort() + " " + key), prompts);
    }

    @Test
    void aWrongPassphraseIsAskedAgain() throws Exception {
        Path key = encryptedKey();
        try (HalyardSsh ssh = sshAnswering("wrong", PASSPHRASE); ApiClient api = ssh.connect(target(key))) {
            assertEquals("pong status", api.call(api.request("status")).text());
        }
        String asked = "admin@127.0.0.1:" + server.getPort() + " " + key;
        assertEquals(List.of(asked, asked + " (retry)"), prompts);
    }

    @Test
    void aPassphraseWrongEveryTimeIsAskedAFewTimesThenRefusedNamingTheKeyFile() throws Exception {
        Path key = encryptedKey();
        try (HalyardSsh ssh = sshAnswering("wrong", "still wrong", "wrong again", PASSPHRASE)) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(target(key)));
            assertTrue(e.getMessage().endsWith("the passphrase for the key file " + key + " was wrong 3 times"),
                    e.getMessage());
        }
        assertEquals(3, prompts.size(), "asked as often as a password: " + prompts);
    }

    @Test
    void cancellingThePassphraseCancelsTheLoginNamingTheKeyFile() throws Exception {
        Path key = encryptedKey();
        try (HalyardSsh ssh = sshAnswering((String) null)) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(target(key)));
            assertTrue(e.getMessage().endsWith("login cancelled (no passphrase given for the key file " + key + ")"),
                    e.getMessage());
        }
        assertEquals(1, prompts.size(), "asked once, no password asked after: " + prompts);
    }

    @Test
    void aFileWithoutAPrivateKeyIsNamedInsteadOfTriedAsOne() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("id_ecdsa.pub"), "ecdsa-sha2-nistp256 AAAA admin@test\n");
        try (HalyardSsh ssh = new HalyardSsh(dir.resolve("known_hosts"), (h, t, f) -> true)) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(target(notAKey)));
            assertTrue(e.getMessage().endsWith("the key file " + notAKey + " holds no private key"), e.getMessage());
        }
    }

    @Test
    void aDamagedKeyFileIsNamedWithWhatIsWrong() throws Exception {
        Path key = PongServer.writePrivateKey(PongServer.ecKeyPair(), dir.resolve("id_ecdsa"));
        List<String> lines = Files.readAllLines(key);
        // the last line of the key's body lost: the file ends before the key does
        lines.remove(lines.size() - 2);
        Files.write(key, lines);
        try (HalyardSsh ssh = new HalyardSsh(dir.resolve("known_hosts"), (h, t, f) -> true)) {
            SshConnectException e = assertThrows(SshConnectException.class, () -> ssh.connect(target(key)));
            assertTrue(e.getMessage().contains(": cannot read the key file " + key + ": "), e.getMessage());
        }
    }

    /** An ECDSA key encrypted by OpenSSH's ssh-keygen with {@link #PASSPHRASE}, authorized on the server. */
    private Path encryptedKey() throws Exception {
        Path sshKeygen = Path.of("/usr/bin/ssh-keygen");
        assertTrue(Files.isExecutable(sshKeygen),
                "OpenSSH's ssh-keygen is needed (Debian package openssh-client; scripts/test.sh installs it)");
        Path key = dir.resolve("id_ecdsa");
        Process keygen = new ProcessBuilder(sshKeygen.toString(), "-q", "-t", "ecdsa", "-N", PASSPHRASE,
                "-C", "admin@test", "-f", key.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("keygen.log").toFile()).start();
        assertEquals(0, keygen.waitFor(), () -> "ssh-keygen: " + read(dir.resolve("keygen.log")));
        Files.writeString(authorized, Files.readString(Path.of(key + ".pub")), StandardOpenOption.APPEND);
        return key;
    }

    /** A client whose prompt answers passphrase questions with these answers in turn, and no password. */
    private HalyardSsh sshAnswering(String... answers) {
        Iterator<String> next = Arrays.asList(answers).iterator();
        PasswordPrompt prompt = new PasswordPrompt() {
            @Override
            public String password(String target, boolean retry) {
                prompts.add("password for " + target);
                return null;
            }

            @Override
            public String passphrase(String target, Path keyFile, boolean retry) {
                prompts.add(target + " " + keyFile + (retry ? " (retry)" : ""));
                return next.hasNext() ? next.next() : null;
            }
        };
        return new HalyardSsh(dir.resolve("known_hosts"), (h, t, f) -> true, prompt, Optional.empty());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
