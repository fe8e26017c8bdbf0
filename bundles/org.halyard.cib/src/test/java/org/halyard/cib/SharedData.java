package org.halyard.cib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared test data ({@code /work/shared} in the workspace): the system property
 * {@code halyard.shared.dir} (the Maven build sets it), else {@code ../../../shared} relative to
 * the working directory, which is the bundle directory when tests run.
 */
public final class SharedData {

    /** Number of inputs in Pacemaker 2.1.5's scheduler regression suite. */
    public static final int SCHEDULER_INPUT_COUNT = 799;

    private SharedData() {
    }

    public static Path sharedDir() {
        String configured = System.getProperty("halyard.shared.dir");
        Path dir = (configured != null ? Path.of(configured) : Path.of("../../../shared"))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("data"))) {
            throw new IllegalStateException("shared test data not found in " + dir
                    + " (set -Dhalyard.shared.dir=/path/to/shared, or run from the bundle directory)");
        }
        return dir;
    }

    /** The scheduler regression suite directory (xml/, summary/, features.tsv, ...). */
    public static Path schedulerDir() {
        return sharedDir().resolve("data/pacemaker-scheduler-2.1.5");
    }

    /** Pacemaker 2.1.5's RelaxNG schemas: pacemaker-X.Y.rng and the files they include. */
    public static Path schemaDir() {
        return sharedDir().resolve("data/pacemaker-schema-2.1.5");
    }

    /** All scheduler inputs ({@code xml/*.xml}), sorted by name. */
    public static List<Path> schedulerInputs() {
        try (Stream<Path> files = Files.list(schedulerDir().resolve("xml"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".xml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test name of an input: its file name without {@code .xml}. */
    public static String testName(Path input) {
        String name = input.getFileName().toString();
        return name.substring(0, name.length() - ".xml".length());
    }
}
