package org.halyard.system.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code halyardd} started from the materialized daemon product, as a separate process. */
final class DaemonProcess implements AutoCloseable {

    static final Path HOME = Path.of(System.getProperty("halyard.daemon.home",
            "../../daemon/product/target/products/org.halyard.daemon.product/linux/gtk/x86_64/halyardd"));

    final Path configDir;
    final Path stateDir;
    final Path output;
    private final Process process;

    private DaemonProcess(Path configDir, Path stateDir, Path output, Process process) {
        this.configDir = configDir;
        this.stateDir = stateDir;
        this.output = output;
        this.process = process;
    }

    static DaemonProcess start(Path configDir, Path stateDir, String... extraArgs) throws IOException {
        Path script = HOME.resolve("halyardd");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing: the daemon product must be built first (mvn package)");
        }
        Files.createDirectories(stateDir);
        Path output = stateDir.resolveSibling(stateDir.getFileName() + ".out");
        List<String> command = new ArrayList<>(List.of(script.toString(), "--config", configDir.toString(),
                "--state", stateDir.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new DaemonProcess(configDir, stateDir, output, process);
    }

    long pid() {
        return process.pid();
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output) : "";
    }

    String log() throws IOException {
        Path log = stateDir.resolve("halyardd.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits until the daemon's log contains the text; fails with what the daemon printed. */
    void awaitLog(String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("halyardd exited with " + process.exitValue() + " before logging \"" + text
                        + "\"; it printed:\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("halyardd did not log \"" + text + "\" within " + timeout + "; it printed:\n"
                        + output());
            }
            Thread.sleep(50);
        }
    }

    /**
     * When the daemon first logged a line matching {@code regex} at or after {@code after}, from the
     * log's own timestamps: the daemon is the witness, not the test's polling (which starts a JVM
     * per look). Waits for such a line up to {@code timeout}.
     */
    Instant awaitLogLine(String regex, Instant after, Duration timeout) throws Exception {
        Pattern line = Pattern.compile("^(\\S+Z) .*" + regex, Pattern.MULTILINE);
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Matcher m = line.matcher(log());
            while (m.find()) {
                Instant at = OffsetDateTime.parse(m.group(1)).toInstant();
                if (!at.isBefore(after.truncatedTo(ChronoUnit.MILLIS))) {
                    return at;
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("halyardd did not log /" + regex + "/ after " + after + " within " + timeout
                + "; its log:\n" + log());
    }

    /** Sends a signal by name ("STOP" hangs the node as a stuck kernel would, "CONT" resumes it). */
    void signal(String name) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed with " + rc);
        }
    }

    /** SIGKILL: the node dies without a word, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it. */
    void terminate() {
        process.destroy();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("halyardd (pid " + process.pid() + ") still runs " + timeout + " after being stopped");
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Never leaves a daemon behind, whatever the test did. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
