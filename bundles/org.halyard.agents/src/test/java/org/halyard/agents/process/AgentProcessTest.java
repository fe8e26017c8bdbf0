package org.halyard.agents.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.halyard.agents.AgentProcesses;
import org.halyard.agents.process.ProcessOutcome.Ending;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentProcessTest {

    @TempDir
    Path dir;

    private final AgentProcess process = new AgentProcess(Path.of("/usr/bin/setsid"), Duration.ofMillis(500),
            64 * 1024, Path.of(System.getProperty("java.io.tmpdir")));

    @Test
    void largeOutputNeitherBlocksNorGrowsWithoutBound() {
        // 4 MiB on stdout and stderr: would fill and block a pipe nobody reads
        ProcessOutcome outcome = run("head -c 4194304 /dev/zero | tr '\\0' x; echo END; "
                + "head -c 4194304 /dev/zero | tr '\\0' y >&2; echo ERR-END >&2", Duration.ofSeconds(10));
        assertEquals(Ending.EXITED, outcome.ending(), outcome.problem());
        assertTrue(outcome.stdout().startsWith("[... "), "truncation is marked");
        assertTrue(outcome.stdout().endsWith("xxxxEND\n"));
        assertTrue(outcome.stdout().length() < 65 * 1024, "kept " + outcome.stdout().length() + " chars");
        assertTrue(outcome.stderr().endsWith("yyyERR-END\n"));
    }

    /** An agent that starts a daemon returns at once although the daemon keeps its stdout open. */
    @Test
    void backgroundChildHoldingOutputDoesNotDelayTheResult() throws InterruptedException {
        String marker = "HALYARD_TEST_DAEMON=" + System.nanoTime();
        List<Long> daemons = List.of();
        try {
            ProcessOutcome outcome = process.run(new AgentProcess.Request("daemon starter",
                    List.of("/bin/sh", "-c", "sleep 30 & echo started"), Map.of("PATH", "/usr/bin:/bin",
                            marker.split("=")[0], marker.split("=")[1]), null, Duration.ofSeconds(5)));
            assertEquals(Ending.EXITED, outcome.ending());
            assertEquals("started\n", outcome.stdout());
            assertTrue(outcome.duration().toMillis() < 3000, "took " + outcome.duration());
            daemons = AgentProcesses.withEnvironment(marker);
            assertEquals(1, daemons.size(), "the daemon keeps running after a normal exit: " + daemons);
        } finally {
            AgentProcesses.kill(daemons);
        }
    }

    /** A group member that ignores SIGTERM gets SIGKILL after the grace period. */
    @Test
    void termIgnoringAgentIsKilled() throws Exception {
        String marker = "HALYARD_TEST_STUBBORN=" + System.nanoTime();
        CompletableFuture<ProcessOutcome> running = CompletableFuture.supplyAsync(() -> process.run(
                new AgentProcess.Request("stubborn agent", List.of("/bin/sh", "-c",
                        "trap '' TERM; sleep 30 & wait; wait"), Map.of("PATH", "/usr/bin:/bin",
                                marker.split("=")[0], marker.split("=")[1]), null, Duration.ofMillis(300))));
        List<Long> pids = AgentProcesses.awaitWithEnvironment(marker, Duration.ofSeconds(2));
        try {
            ProcessOutcome outcome = running.get(10, TimeUnit.SECONDS);
            assertEquals(Ending.TIMED_OUT, outcome.ending());
            assertEquals(-1, outcome.exitCode());
            assertTrue(outcome.duration().toMillis() >= 800, "SIGKILL only after the grace: " + outcome.duration());
            assertFalse(pids.isEmpty());
            for (long pid : pids) {
                assertFalse(ProcessGroup.isAlive(pid), "process " + pid + " survived");
            }
        } finally {
            AgentProcesses.kill(pids);
        }
    }

    @Test
    void interruptCancelsAndKills() throws Exception {
        String marker = "HALYARD_TEST_CANCEL=" + System.nanoTime();
        CompletableFuture<ProcessOutcome> outcome = new CompletableFuture<>();
        Thread runner = Thread.ofPlatform().start(() -> outcome.complete(process.run(new AgentProcess.Request(
                "cancelled agent", List.of("/bin/sleep", "30"), Map.of(marker.split("=")[0], marker.split("=")[1]),
                null, Duration.ofSeconds(30)))));
        List<Long> pids = AgentProcesses.awaitWithEnvironment(marker, Duration.ofSeconds(2));
        try {
            runner.interrupt();
            ProcessOutcome result = outcome.get(5, TimeUnit.SECONDS);
            assertEquals(Ending.CANCELLED, result.ending());
            assertEquals(1, pids.size());
            assertFalse(ProcessGroup.isAlive(pids.get(0)));
        } finally {
            AgentProcesses.kill(pids);
        }
    }

    @Test
    void stdinIsWrittenAndEnvironmentIsExact() throws IOException {
        Path out = dir.resolve("seen");
        ProcessOutcome outcome = process.run(new AgentProcess.Request("reader", List.of("/bin/sh", "-c",
                "cat > \"$OUT\"; env | grep -c . >&2"), Map.of("OUT", out.toString()), "a=1\nb=2\n",
                Duration.ofSeconds(5)));
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertEquals("a=1\nb=2\n", Files.readString(out));
        // OUT, plus what sh itself sets (PWD, and possibly SHLVL/_)
        assertTrue(Integer.parseInt(outcome.stderr().strip()) <= 4, "unexpected environment size: "
                + outcome.stderr());
    }

    @Test
    void missingProgramFailsToStart() {
        ProcessOutcome outcome = process.run(new AgentProcess.Request("ghost", List.of("/nonexistent/agent"),
                Map.of(), null, Duration.ofSeconds(5)));
        // setsid itself starts and reports the failed exec with exit code 127 (or 126)
        assertTrue(outcome.ending() == Ending.FAILED_TO_START || outcome.exitCode() >= 126, outcome.toString());
        ProcessOutcome noSetsid = new AgentProcess(dir.resolve("setsid"), Duration.ofSeconds(1), 1024, dir)
                .run(new AgentProcess.Request("x", List.of("/bin/true"), Map.of(), null, Duration.ofSeconds(1)));
        assertEquals(Ending.FAILED_TO_START, noSetsid.ending());
        assertTrue(noSetsid.problem().contains("util-linux"), noSetsid.problem());
    }

    private ProcessOutcome run(String script, Duration timeout) {
        return process.run(new AgentProcess.Request("test script", List.of("/bin/sh", "-c", script),
                Map.of("PATH", "/usr/bin:/bin"), null, timeout));
    }
}
