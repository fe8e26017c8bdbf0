package org.halyard.cib;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.halyard.cib.model.Cib;

/**
 * A node's CIB on disk, as Pacemaker keeps it: {@code cib.xml} with its digest in
 * {@code cib.xml.sig}, and numbered backups {@code cib-N.raw} (+ {@code .sig}) of the versions it
 * replaced. Every file is replaced atomically. A current file that is damaged (unreadable,
 * digest mismatch) is never used: the newest backup that is intact is, and what was wrong is
 * reported so the caller can say it loudly.
 */
public final class CibFileStore {

    public static final String CURRENT = "cib.xml";
    private static final String SIG = ".sig";
    private static final Pattern BACKUP = Pattern.compile("cib-(\\d+)\\.raw");
    private static final Pattern QUARANTINED = Pattern.compile("(cib\\.xml|cib-\\d+\\.raw)\\.damaged-\\d+");

    private final Path dir;
    private final int keepBackups;

    /** What {@link #load()} found: the CIB, the file it came from, and what was wrong with newer ones. */
    public record Loaded(Cib cib, Path from, List<String> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }

        /** True when the current file was damaged and a backup was used instead. */
        public boolean recovered() {
            return !problems.isEmpty();
        }
    }

    public CibFileStore(Path dir, int keepBackups) {
        if (keepBackups < 1) {
            throw new IllegalArgumentException("keep at least one backup");
        }
        this.dir = dir;
        this.keepBackups = keepBackups;
    }

    public Path currentFile() {
        return dir.resolve(CURRENT);
    }

    /**
     * Writes the CIB as the current version; the one it replaces becomes the newest backup.
     *
     * @throws CibException if it cannot be written; the files on disk are then as they were
     */
    public void save(Cib cib) {
        byte[] xml = CibXml.toXml(cib).getBytes(StandardCharsets.UTF_8);
        Path current = currentFile();
        try {
            Files.createDirectories(dir);
            if (Files.exists(current) && intact(current).isEmpty()) {
                int next = backups().stream().mapToInt(CibFileStore::backupNumber).max().orElse(0) + 1;
                Path backup = dir.resolve("cib-" + next + ".raw");
                AtomicFiles.write(backup, out -> copy(current, out));
                AtomicFiles.write(signature(backup), out -> copy(signature(current), out));
                prune();
            }
        } catch (IOException e) {
            throw new CibException(dir.toString(), "cannot keep a backup: " + CibXml.describe(e), e);
        }
        AtomicFiles.write(current, out -> write(out, xml));
        AtomicFiles.write(signature(current), out -> write(out, (digest(xml) + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The newest intact CIB: the current file if intact, else the newest intact backup.
     * Empty when there is no CIB at all (a node's first start).
     *
     * @throws CibException when there are CIB files but none is intact; it names each problem
     */
    public Optional<Loaded> load() {
        List<Path> candidates = new ArrayList<>();
        if (Files.exists(currentFile())) {
            candidates.add(currentFile());
        }
        candidates.addAll(backups().reversed());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        for (Path candidate : candidates) {
            Optional<String> problem = intact(candidate);
            if (problem.isEmpty()) {
                try {
                    return Optional.of(new Loaded(CibXml.load(candidate), candidate, problems));
                } catch (CibException e) {
                    problem = Optional.of(e.getMessage());
                }
            }
            problems.add(problem.get());
        }
        throw new CibException(dir.toString(), "no intact CIB: " + String.join("; ", problems), null);
    }

    /** Moves a damaged current file aside (kept for inspection) so the next save starts clean. */
    public Path quarantineCurrent() {
        return setAside(currentFile(), System.currentTimeMillis());
    }

    /**
     * Moves every CIB file aside, the current one and the backups, when none is intact: they are
     * kept for inspection under names nothing loads, and the next save starts clean.
     *
     * @return the files as they are named now
     */
    public List<Path> quarantineAll() {
        long now = System.currentTimeMillis();
        List<Path> aside = new ArrayList<>();
        if (Files.exists(currentFile())) {
            aside.add(setAside(currentFile(), now));
        }
        for (Path backup : backups()) {
            aside.add(setAside(backup, now));
        }
        return aside;
    }

    /** The CIB files moved aside as damaged, by this start or an earlier one. */
    public List<Path> quarantined() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> QUARANTINED.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Renames a file and its digest file (evidence of what it should have been) to file.damaged-time. */
    private static Path setAside(Path file, long now) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + now);
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            if (Files.exists(signature(file))) {
                Files.move(signature(file), signature(aside), StandardCopyOption.ATOMIC_MOVE);
            }
            return aside;
        } catch (IOException e) {
            throw new CibException(file.toString(), "cannot move aside: " + CibXml.describe(e), e);
        }
    }

    /** Backups, oldest first. */
    List<Path> backups() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> BACKUP.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(CibFileStore::backupNumber)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Empty if the file's digest matches its signature file, else what is wrong. */
    private static Optional<String> intact(Path file) {
        Path sig = signature(file);
        try {
            if (!Files.exists(sig)) {
                return Optional.of(file + ": no digest file " + sig.getFileName() + " (written by something else, "
                        + "or a crash between the two writes)");
            }
            String expected = Files.readString(sig, StandardCharsets.US_ASCII).strip();
            String actual = digest(Files.readAllBytes(file));
            return expected.equals(actual) ? Optional.empty()
                    : Optional.of(file + ": digest mismatch (expected " + expected + ", found " + actual
                            + "): the file was changed or damaged on disk");
        } catch (IOException e) {
            return Optional.of(file + ": " + CibXml.describe(e));
        }
    }

    private void prune() throws IOException {
        List<Path> backups = backups();
        for (int i = 0; i < backups.size() - keepBackups; i++) {
            Files.deleteIfExists(signature(backups.get(i)));
            Files.deleteIfExists(backups.get(i));
        }
    }

    private static int backupNumber(Path backup) {
        Matcher m = BACKUP.matcher(backup.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static Path signature(Path file) {
        return file.resolveSibling(file.getFileName() + SIG);
    }

    static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void copy(Path from, OutputStream out) {
        try {
            Files.copy(from, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
