package org.halyard.agents.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.halyard.agents.process.ProcessOutcome.Ending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one agent command in a session and process group of its own ({@code setsid}), with an exact environment,
 * optional standard input and a timeout after which the whole group gets SIGTERM and, after a grace period,
 * SIGKILL.
 * <p>
 * Output goes to temporary files rather than pipes: an agent that starts a daemon leaves the daemon holding its
 * output descriptors, and a pipe would then never reach end-of-file; a file also cannot fill up and block the
 * agent. Only the last {@code outputLimit} bytes of each stream are kept.
 */
public final class AgentProcess {

    private static final Logger LOG = LoggerFactory.getLogger(AgentProcess.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final int KILL_ATTEMPTS = 3;
    private static final long POLL_MILLIS = 20;

    /**
     * A command to run.
     *
     * @param description who runs what, for messages ({@code "ip start (ocf:heartbeat:IPaddr2)"})
     * @param command     the program and its arguments; never interpreted by a shell
     * @param environment the complete environment of the agent
     * @param stdin       written to the agent's standard input, or {@code null} for {@code /dev/null}
     */
    public record Request(String description, List<String> command, Map<String, String> environment, String stdin,
            Duration timeout) {
        public Request {
            Objects.requireNonNull(description, "description");
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private final Path setsid;
    private final Duration killGrace;
    private final int outputLimit;
    private final Path outputDir;

    /**
     * @param setsid      util-linux {@code setsid}, which starts the agent in a new session
     * @param killGrace   how long members of a timed-out group may take to exit after SIGTERM before SIGKILL
     * @param outputLimit the number of bytes kept from the end of each of stdout and stderr
     * @param outputDir   where the output files live while the agent runs
     */
    public AgentProcess(Path setsid, Duration killGrace, int outputLimit, Path outputDir) {
        this.setsid = Objects.requireNonNull(setsid, "setsid");
        this.killGrace = Objects.requireNonNull(killGrace, "killGrace");
        this.outputLimit = outputLimit;
        this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
    }

    public ProcessOutcome run(Request request) {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        if (!Files.isExecutable(setsid)) {
            return notStarted(started, startNanos, "cannot run " + request.description() + ": " + setsid
                    + " not found (install util-linux)");
        }
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile(outputDir, "halyard-agent-", ".stdout");
            stderr = Files.createTempFile(outputDir, "halyard-agent-", ".stderr");
            return runWithOutputFiles(request, stdout, stderr, started, startNanos);
        } catch (IOException e) {
            return notStarted(started, startNanos, "cannot run " + request.description() + ": " + e.getMessage());
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private ProcessOutcome runWithOutputFiles(Request request, Path stdout, Path stderr, Instant started,
            long startNanos) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(setsid.toString());
        command.addAll(request.command());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(request.environment());
        builder.directory(new File("/"));
        builder.redirectOutput(stdout.toFile());
        builder.redirectError(stderr.toFile());
        builder.redirectInput(request.stdin() == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return notStarted(started, startNanos, "cannot run " + request.description() + ": " + e.getMessage());
        }
        if (request.stdin() != null) {
            feed(process, request.stdin(), request.description());
        }
        Ending ending;
        String problem = "";
        try {
            if (process.waitFor(request.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                ending = Ending.EXITED;
            } else {
                ending = Ending.TIMED_OUT;
                problem = request.description() + " timed out after " + request.timeout().toMillis() + " ms";
                problem += terminate(process, request.description());
            }
        } catch (InterruptedException e) {
            ending = Ending.CANCELLED;
            problem = request.description() + " cancelled" + terminate(process, request.description());
            Thread.currentThread().interrupt();
        }
        int exitCode = ending == Ending.EXITED ? process.exitValue() : -1;
        return new ProcessOutcome(ending, exitCode, tail(stdout), tail(stderr), started, since(startNanos), problem);
    }

    /** Writes stdin on its own thread so that an agent that does not read it cannot block the timeout. */
    private static void feed(Process process, String input, String description) {
        Thread.ofVirtual().name("agent-stdin-" + process.pid()).start(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.debug("{} did not read all of its standard input: {}", description, e.getMessage());
            }
        });
    }

    /**
     * Kills the agent's process group: SIGTERM to every member, SIGKILL to whatever is left after the grace period.
     * Keeps going if interrupted (the interrupt is restored afterwards): leaving the group alive is not an option.
     *
     * @return a note for the result's message if something could not be killed, else empty
     */
    private String terminate(Process process, String description) {
        ProcessGroup group = new ProcessGroup(process.pid());
        boolean interrupted = Thread.interrupted();
        try {
            // the leader may not have called setsid() yet, in which case the group is still empty
            process.destroy();
            int termed = group.signal(false);
            LOG.debug("{}: sent SIGTERM to process group {} ({} processes)", description, group.id(), termed);
            if (awaitGone(process, group, killGrace)) {
                return "";
            }
            process.destroyForcibly();
            int killed = group.signal(true);
            LOG.warn("{}: process group {} still running {} ms after SIGTERM, sent SIGKILL to {} processes",
                    description, group.id(), killGrace.toMillis(), killed);
            for (int attempt = 1; attempt <= KILL_ATTEMPTS; attempt++) {
                if (awaitGone(process, group, KILL_WAIT)) {
                    return "";
                }
                group.signal(true);
            }
            List<Long> left = group.liveMembers();
            LOG.error("{}: processes {} of group {} survive SIGKILL (uninterruptible sleep?)", description, left,
                    group.id());
            return "; processes " + left + " of its process group survive SIGKILL";
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits, ignoring interrupts, until the leader has been reaped and no member of the group is alive. */
    private static boolean awaitGone(Process process, ProcessGroup group, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                if (!process.isAlive() && group.isEmpty()) {
                    return true;
                }
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String tail(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long skipped = Math.max(0, length - outputLimit);
            byte[] bytes = new byte[(int) (length - skipped)];
            raf.seek(skipped);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return skipped == 0 ? text : "[... " + skipped + " bytes of output omitted ...]\n" + text;
        }
    }

    private static ProcessOutcome notStarted(Instant started, long startNanos, String problem) {
        return new ProcessOutcome(Ending.FAILED_TO_START, -1, "", "", started, since(startNanos), problem);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete agent output file {}: {}", file, e.getMessage());
        }
    }
}
