package org.halyard.agents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.halyard.agents.process.ProcessGroup;

/** Test helpers that find agent processes by their environment and kill what a failed test left behind. */
public final class AgentProcesses {

    private AgentProcesses() {
    }

    /** Live processes whose environment contains {@code variable}, e.g. {@code OCF_RESOURCE_INSTANCE=delay-42}. */
    public static List<Long> withEnvironment(String variable) {
        byte[] wanted = variable.getBytes(StandardCharsets.UTF_8);
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                byte[] environ;
                try {
                    environ = Files.readAllBytes(entry.resolve("environ"));
                } catch (IOException e) {
                    continue; // exited meanwhile
                }
                if (containsEntry(environ, wanted) && ProcessGroup.isAlive(pid)) {
                    found.add(pid);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }

    /** Polls until a process with {@code variable} in its environment appears. */
    public static List<Long> awaitWithEnvironment(String variable, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> found = withEnvironment(variable);
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(10);
        }
        return List.of();
    }

    /** Best-effort cleanup after a failed test: SIGKILL everything in the group. */
    public static void killGroup(long pgid) {
        if (pgid > 1) {
            new ProcessGroup(pgid).signal(true);
        }
    }

    public static void kill(List<Long> pids) {
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean containsEntry(byte[] environ, byte[] wanted) {
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == wanted.length && Arrays.equals(environ, start, i, wanted, 0,
                        wanted.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
