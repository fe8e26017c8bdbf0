package org.halyard.cluster.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthkeyTest {

    @TempDir
    Path dir;

    private static Authkey counting() {
        byte[] bytes = new byte[Authkey.SIZE];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return Authkey.fromBytes(bytes);
    }

    private Path keyWithMode(String permissions, int size) throws IOException {
        Path file = dir.resolve("authkey");
        Files.write(file, new byte[size]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static String refusal(Path file) {
        return assertThrows(AuthkeyException.class, () -> Authkey.load(file)).getMessage();
    }

    @Test
    void generatedKeysAreFreshRandomBytes() {
        Authkey a = Authkey.generate();
        Authkey b = Authkey.generate();
        assertFalse(a.sameKeyAs(b));
        assertTrue(a.sameKeyAs(a));
        // a seeded SHA1PRNG is deterministic: the bytes really come from the given SecureRandom
        assertTrue(Authkey.generate(seeded()).sameKeyAs(Authkey.generate(seeded())));
    }

    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(42);
            return random;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writeThenLoadGivesTheSameKeyWithMode0600AndNoLeftovers() throws IOException {
        Path file = dir.resolve("authkey");
        Authkey key = Authkey.generate();
        key.write(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Authkey.SIZE, Files.size(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "the temporary file is renamed, not left behind");
        }
        assertTrue(Authkey.load(file).sameKeyAs(key));
    }

    @Test
    void writeReplacesAnExistingKeyAndDoesNotInheritItsMode() throws IOException {
        Path file = keyWithMode("rw-r--r--", 10);
        Authkey key = Authkey.generate();
        key.write(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Authkey.load(file).sameKeyAs(key));
    }

    @Test
    void writeIntoAMissingFolderFailsWithoutLeftovers() {
        Path file = dir.resolve("missing/authkey");
        AuthkeyException e = assertThrows(AuthkeyException.class, () -> Authkey.generate().write(file));
        assertTrue(e.getMessage().startsWith("cannot write " + file + ": java.nio.file.NoSuchFileException"),
                e.getMessage());
    }

    @Test
    void refusesKeysOthersCanReachWithTheModeAndTheFix() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("rw-r--r--", "is readable by group/others (mode 0644)");
        cases.put("rw-r-----", "is readable by group (mode 0640)");
        cases.put("rw-----w-", "is writable by others (mode 0602)");
        cases.put("rw-rw----", "is readable/writable by group (mode 0660)");
        cases.put("rw---x---", "is executable by group (mode 0610)");
        cases.put("rw-r---w-", "is readable/writable by group/others (mode 0642)");
        cases.put("rwxrwxrwx", "is readable/writable/executable by group/others (mode 0777)");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = keyWithMode(c.getKey(), Authkey.SIZE);
            assertEquals(file + " " + c.getValue() + "; run chmod 600 " + file, refusal(file), c.getKey());
        }
    }

    @Test
    void acceptsOwnerOnlyModes() throws IOException {
        for (String mode : List.of("rw-------", "r--------")) {
            assertEquals("Authkey[256 bytes]", Authkey.load(keyWithMode(mode, Authkey.SIZE)).toString());
        }
    }

    @Test
    void refusesKeysOfTheWrongSize() throws IOException {
        Path corosync = keyWithMode("rw-------", 128);
        assertEquals(corosync + " has 128 bytes, but an authkey has exactly 256 (a corosync authkey cannot be"
                + " reused); generate a new one and copy it to every node", refusal(corosync));
        Path truncated = keyWithMode("rw-------", 255);
        assertEquals(truncated + " has 255 bytes, but an authkey has exactly 256; generate a new one and copy it to"
                + " every node", refusal(truncated));
        Path empty = keyWithMode("rw-------", 0);
        assertEquals(empty + " has 0 bytes, but an authkey has exactly 256; generate a new one and copy it to"
                + " every node", refusal(empty));
    }

    @Test
    void refusesWhatIsNotAKeyFile() throws IOException {
        Path missing = dir.resolve("nothing");
        assertEquals(missing + " does not exist; generate an authkey and copy it to every node", refusal(missing));
        Path folder = Files.createDirectory(dir.resolve("folder"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        assertEquals(folder + " is not a regular file", refusal(folder));
    }

    @Test
    void derivationIsPinnedSoEveryNodeAndVersionAgrees() {
        // HKDF-SHA256(salt "org.halyard.authkey/v1", IKM bytes 0..255, info CLUSTER_TRANSPORT), computed independently
        assertEquals("ab96a4e03cb40d01d7c628a1b2ba729375b22a9c4d6cc75ffe7e58dba8c7cdb2",
                HexFormat.of().formatHex(counting().derive(Authkey.CLUSTER_TRANSPORT, 32)));
    }

    @Test
    void purposesGetIndependentKeys() {
        Authkey key = Authkey.generate();
        byte[] transport = key.derive(Authkey.CLUSTER_TRANSPORT, 32);
        assertArrayEquals(transport, key.derive(Authkey.CLUSTER_TRANSPORT, 32));
        assertFalse(Arrays.equals(transport, key.derive("halyard/other-purpose/v1", 32)));
        assertFalse(Arrays.equals(transport, Authkey.generate().derive(Authkey.CLUSTER_TRANSPORT, 32)));
        assertEquals(64, key.derive("x", 64).length);
        SecretKey aes = key.deriveAesKey(Authkey.CLUSTER_TRANSPORT);
        assertEquals("AES", aes.getAlgorithm());
        assertArrayEquals(transport, aes.getEncoded());
    }

    /** Two nodes loading the same file talk AES-GCM; a node with another key, or a tampered message, fails. */
    @Test
    void derivedKeyWorksForAesGcmBetweenNodes() throws Exception {
        Path file = dir.resolve("authkey");
        Authkey.generate().write(file);
        SecretKey sender = Authkey.load(file).deriveAesKey(Authkey.CLUSTER_TRANSPORT);
        SecretKey receiver = Authkey.load(file).deriveAesKey(Authkey.CLUSTER_TRANSPORT);
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        byte[] message = "view 7: alpha beta".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, sender, nonce, message);
        assertArrayEquals(message, gcm(Cipher.DECRYPT_MODE, receiver, nonce, sealed));

        sealed[0] ^= 1;
        assertThrows(AEADBadTagException.class, () -> gcm(Cipher.DECRYPT_MODE, receiver, nonce, sealed));
        sealed[0] ^= 1;
        SecretKey stranger = Authkey.generate().deriveAesKey(Authkey.CLUSTER_TRANSPORT);
        assertThrows(AEADBadTagException.class, () -> gcm(Cipher.DECRYPT_MODE, stranger, nonce, sealed));
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] nonce, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(input);
    }

    @Test
    void modeIsTheOctalAdminsKnow() {
        assertEquals(0644, Authkey.mode(PosixFilePermissions.fromString("rw-r--r--")));
        assertEquals(0600, Authkey.mode(PosixFilePermissions.fromString("rw-------")));
        assertEquals(0751, Authkey.mode(PosixFilePermissions.fromString("rwxr-x--x")));
    }

    @Test
    void fromBytesInsistsOnTheSize() {
        assertThrows(IllegalArgumentException.class, () -> Authkey.fromBytes(new byte[128]));
    }
}
