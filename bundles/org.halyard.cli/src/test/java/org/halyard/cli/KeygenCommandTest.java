package org.halyard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int halyard(String... args) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Halyard.run(List.of(args), ps, ps);
    }

    @Test
    void writesA256ByteKeyReadableByOwnerOnly() throws Exception {
        Path key = dir.resolve("authkey");
        assertEquals(Halyard.OK, halyard("keygen", "--file", key.toString()), out.toString());
        assertEquals(256, Files.size(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("wrote 256 random bytes to " + key + " (mode 0600); copy it to every node\n", out.toString());
    }

    @Test
    void neverReplacesAnExistingKeyWithoutForce() throws Exception {
        Path key = dir.resolve("authkey");
        halyard("keygen", "--file", key.toString());
        byte[] first = Files.readAllBytes(key);
        out.reset();
        assertEquals(Halyard.FAILED, halyard("keygen", "--file", key.toString()));
        assertEquals(key + " exists already; keep it, or replace it on every node with --force\n", out.toString());
        assertArrayEquals(first, Files.readAllBytes(key), "the old key is untouched");

        assertEquals(Halyard.OK, halyard("keygen", "--file", key.toString(), "--force"));
        assertFalse(Arrays.equals(first, Files.readAllBytes(key)), "--force writes a new key");
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        assertEquals(Halyard.USAGE, halyard("keygen", "--file"));
        assertEquals("halyard keygen: --file needs a path", out.toString().lines().findFirst().orElseThrow());
    }
}
