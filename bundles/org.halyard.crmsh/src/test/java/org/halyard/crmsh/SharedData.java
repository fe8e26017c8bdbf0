package org.halyard.crmsh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared test data: the system property {@code halyard.shared.dir} (the Maven build sets
 * it), else {@code ../../../shared} relative to the working directory, which is the bundle
 * directory when Maven runs the tests.
 */
final class SharedData {

    private SharedData() {
    }

    static Path sharedDir() {
        String configured = System.getProperty("halyard.shared.dir");
        Path dir = (configured != null ? Path.of(configured) : Path.of("../../../shared"))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("seeds"))) {
            throw new IllegalStateException("shared test data not found in " + dir
                    + " (set -Dhalyard.shared.dir=/path/to/shared, or run from the bundle directory)");
        }
        return dir;
    }

    /** Files in a shared directory whose names end with {@code suffix}, sorted. */
    static List<Path> files(String directory, String suffix) {
        try (Stream<Path> files = Files.list(sharedDir().resolve(directory))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
