package org.halyard.cib;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Locale;
import java.util.function.Consumer;

/** Crash-safe replacement of a file: temp file, fsync, atomic rename, fsync of the directory. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces {@code file} with what {@code content} writes to the stream it is given.
     *
     * @throws CibException if anything fails; {@code file} is then left as it was
     */
    static void write(Path file, Consumer<OutputStream> content) {
        String name = file.toString();
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            // Same directory, so that the rename cannot cross file systems.
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            copyPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel),
                        1 << 16);
                content.accept(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new CibException(name, "cannot replace atomically: the file system of "
                        + dir + " does not support atomic rename", e);
            }
            temp = null;
            forceDirectory(dir);
        } catch (IOException e) {
            CibException failure = new CibException(name, "cannot write: " + CibXml.describe(e), e);
            discard(temp, failure);
            throw failure;
        } catch (java.io.UncheckedIOException e) {
            CibException failure = new CibException(name, "cannot write: " + CibXml.describe(e.getCause()), e);
            discard(temp, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            discard(temp, e);
            throw e;
        }
    }

    /** Removes a temp file left by a failed write; a failure to do so is attached, not lost. */
    private static void discard(Path temp, Throwable failure) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from,
                PosixFileAttributeView.class);
        PosixFileAttributeView dest = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && dest != null && Files.exists(from)) {
            dest.setPermissions(source.readAttributes().permissions());
        }
    }

    /** Makes the rename durable. Windows cannot open a directory as a channel, nor needs to. */
    private static void forceDirectory(Path dir) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

}
