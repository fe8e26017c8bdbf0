package org.halyard.cluster.auth;

import static java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.GROUP_READ;
import static java.nio.file.attribute.PosixFilePermission.GROUP_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_READ;
import static java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE;
import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cluster authkey: {@value #SIZE} random bytes, the same file on every node, readable by
 * its owner only. Nothing uses the bytes directly; every use gets its own key from
 * {@link #derive(String, int)} (HKDF-SHA256), so that a key leaked from one use says nothing
 * about the others. The cluster transport uses {@link #deriveAesKey(String)} with
 * {@link #CLUSTER_TRANSPORT}.
 */
public final class Authkey {

    /** Size of an authkey file in bytes. */
    public static final int SIZE = 256;

    /** HKDF info for the AES-256-GCM key that protects cluster traffic. */
    public static final String CLUSTER_TRANSPORT = "halyard/cluster-transport/aes-256-gcm/v1";

    /** Fixed HKDF salt: separates Halyard's derivations from any other use of the same bytes (RFC 5869 3.1). */
    private static final byte[] SALT = "org.halyard.authkey/v1".getBytes(StandardCharsets.US_ASCII);

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(GROUP_READ, GROUP_WRITE,
            GROUP_EXECUTE, OTHERS_READ, OTHERS_WRITE, OTHERS_EXECUTE);

    private final byte[] key;

    private Authkey(byte[] key) {
        this.key = key;
    }

    /** A new key from a fresh {@link SecureRandom}. */
    public static Authkey generate() {
        return generate(new SecureRandom());
    }

    public static Authkey generate(SecureRandom random) {
        byte[] bytes = new byte[SIZE];
        random.nextBytes(bytes);
        return new Authkey(bytes);
    }

    /** A key from bytes obtained elsewhere (tests, a key copied over SSH); the array is copied. */
    static Authkey fromBytes(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("an authkey has " + SIZE + " bytes, not " + bytes.length);
        }
        return new Authkey(bytes.clone());
    }

    /**
     * Writes the key so that no reader ever sees a partial file and no moment exists where it is
     * readable by others: a temporary file in the same folder is created with mode 0600 (not
     * chmod-ed afterwards), written, fsync-ed, renamed over {@code target} (atomic on one file
     * system; an existing key is replaced), and the folder is fsync-ed so the rename survives a
     * crash.
     *
     * @throws AuthkeyException if any step fails; the temporary file is removed
     */
    public void write(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(EnumSet.of(OWNER_READ, OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            throw new AuthkeyException("cannot write " + target + ": the file system of " + dir
                    + " has no POSIX permissions, so the key could not be kept private", e);
        } catch (IOException e) {
            throw new AuthkeyException("cannot write " + target + ": " + e, e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(key);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // on POSIX file systems rename(2) replaces the target atomically
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
                folder.force(true);
            }
        } catch (IOException e) {
            AuthkeyException failure = new AuthkeyException("cannot write " + target + ": " + e, e);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /**
     * Reads an authkey, refusing one that others could have read (a key that may have leaked
     * is no secret) or that has the wrong size (a truncated copy, or a corosync authkey, which
     * has 128 bytes).
     *
     * @throws AuthkeyException with a message that says what to do
     */
    public static Authkey load(Path file) {
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new AuthkeyException(file + " does not exist; generate an authkey and copy it to every node", e);
        } catch (UnsupportedOperationException e) {
            throw new AuthkeyException("cannot check the permissions of " + file
                    + ": its file system has no POSIX permissions", e);
        } catch (IOException e) {
            throw new AuthkeyException("cannot read " + file + ": " + e, e);
        }
        if (!attributes.isRegularFile()) {
            throw new AuthkeyException(file + " is not a regular file");
        }
        checkPermissions(file, attributes.permissions());
        checkSize(file, attributes.size());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AuthkeyException("cannot read " + file + ": " + e, e);
        }
        checkSize(file, bytes.length); // the file may have changed since its attributes were read
        return new Authkey(bytes);
    }

    private static void checkPermissions(Path file, Set<PosixFilePermission> permissions) {
        Set<PosixFilePermission> exposed = EnumSet.noneOf(PosixFilePermission.class);
        exposed.addAll(permissions);
        exposed.retainAll(GROUP_OR_OTHERS);
        if (exposed.isEmpty()) {
            return;
        }
        List<String> how = new ArrayList<>();
        addIf(how, exposed.contains(GROUP_READ) || exposed.contains(OTHERS_READ), "readable");
        addIf(how, exposed.contains(GROUP_WRITE) || exposed.contains(OTHERS_WRITE), "writable");
        addIf(how, exposed.contains(GROUP_EXECUTE) || exposed.contains(OTHERS_EXECUTE), "executable");
        List<String> who = new ArrayList<>();
        addIf(who, exposed.contains(GROUP_READ) || exposed.contains(GROUP_WRITE) || exposed.contains(GROUP_EXECUTE),
                "group");
        addIf(who, exposed.contains(OTHERS_READ) || exposed.contains(OTHERS_WRITE)
                || exposed.contains(OTHERS_EXECUTE), "others");
        throw new AuthkeyException(String.format("%s is %s by %s (mode %04o); run chmod 600 %s",
                file, String.join("/", how), String.join("/", who), mode(permissions), file));
    }

    private static void addIf(List<String> words, boolean condition, String word) {
        if (condition) {
            words.add(word);
        }
    }

    /** The numeric mode, e.g. 0644. PosixFilePermission's order is owner rwx, group rwx, others rwx. */
    static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    private static void checkSize(Path file, long size) {
        if (size != SIZE) {
            throw new AuthkeyException(file + " has " + size + " bytes, but an authkey has exactly " + SIZE
                    + (size == 128 ? " (a corosync authkey cannot be reused)" : "")
                    + "; generate a new one and copy it to every node");
        }
    }

    /**
     * A key for one purpose: HKDF-SHA256 with a fixed salt and {@code purpose} (UTF-8) as info.
     * The same authkey and purpose always give the same bytes, on every node.
     */
    public byte[] derive(String purpose, int length) {
        return Hkdf.derive(SALT, key, purpose.getBytes(StandardCharsets.UTF_8), length);
    }

    /** A 256-bit AES key for one purpose (for AES-GCM). */
    public SecretKey deriveAesKey(String purpose) {
        return new SecretKeySpec(derive(purpose, 32), "AES");
    }

    /** Whether both are the same key, compared in constant time. */
    public boolean sameKeyAs(Authkey other) {
        return MessageDigest.isEqual(key, other.key);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "Authkey[" + SIZE + " bytes]";
    }
}
