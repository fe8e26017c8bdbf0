package org.halyard.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.halyard.agents.process.ProcessGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor with OCF agents written by the test into an OCF root of its own. */
class AgentExecutorTest {

    @TempDir
    Path ocfRoot;

    @Test
    void closingCancelsRunningAndQueuedOperations() throws Exception {
        writeAgent("Sleeper", "sleep 30\n");
        AgentType sleeper = AgentType.parse("ocf:test:Sleeper");
        String instance = "sleeper-" + System.nanoTime();
        List<Long> pids = List.of();
        AgentExecutor executor = new AgentExecutor(AgentPaths.defaults().withOcfRoot(ocfRoot), Map.of(), 1,
                Duration.ofMillis(500));
        try {
            CompletableFuture<OperationResult> running = executor.submit(Operation.of(instance, sleeper,
                    Operation.START));
            CompletableFuture<OperationResult> queued = executor.submit(Operation.of("queued", sleeper,
                    Operation.START));
            pids = AgentProcesses.awaitWithEnvironment("OCF_RESOURCE_INSTANCE=" + instance, Duration.ofSeconds(2));
            assertFalse(pids.isEmpty(), "the first operation did not start");
            executor.close();

            OperationResult first = running.get(5, TimeUnit.SECONDS);
            assertEquals(ExecStatus.CANCELLED, first.status(), first::summary);
            OperationResult second = queued.get(5, TimeUnit.SECONDS);
            assertEquals(ExecStatus.CANCELLED, second.status(), second::summary);
            assertTrue(second.exitReason().contains("before it ran"), second.exitReason());
            for (long pid : pids) {
                assertFalse(ProcessGroup.isAlive(pid), "agent process " + pid + " survived close()");
            }
            assertEquals(ExecStatus.CANCELLED, executor.submit(Operation.of("late", sleeper, Operation.START))
                    .get(1, TimeUnit.SECONDS).status());
        } finally {
            executor.close();
            AgentProcesses.kill(pids);
        }
    }

    @Test
    void inheritedOcfVariablesNeverLeakAndExtraEnvironmentIsPassed() throws IOException {
        Path seen = ocfRoot.resolve("seen");
        writeAgent("Env", "env | grep -E '^(OCF_|HALYARD_)' | sort > '" + seen + "'\n");
        try (AgentExecutor executor = new AgentExecutor(AgentPaths.defaults().withOcfRoot(ocfRoot),
                Map.of("HALYARD_EXTRA", "yes"), 1, Duration.ofSeconds(1))) {
            OperationResult result = executor.execute(Operation.of("env1", AgentType.parse("ocf:test:Env"),
                    Operation.MONITOR).withParams(Map.of("ip", "10.0.0.1")));
            assertEquals(OcfResult.OK, result.rc(), result::summary);
            List<String> env = Files.readAllLines(seen);
            assertTrue(env.contains("HALYARD_EXTRA=yes"), env::toString);
            assertTrue(env.contains("OCF_RESKEY_ip=10.0.0.1"), env::toString);
            assertTrue(env.contains("OCF_ROOT=" + ocfRoot), env::toString);
            assertEquals(4, env.stream().filter(line -> line.startsWith("OCF_RESKEY_")).count(),
                    "only ip and CRM_meta_name/interval/timeout: " + env);
        }
    }

    @Test
    void nonExecutableAgentIsAPermissionError() throws IOException {
        Path agent = writeAgent("Plain", "exit 0\n");
        agent.toFile().setExecutable(false, false);
        try (AgentExecutor executor = new AgentExecutor(AgentPaths.defaults().withOcfRoot(ocfRoot))) {
            OperationResult result = executor.execute(Operation.of("p", AgentType.parse("ocf:test:Plain"),
                    Operation.START));
            assertEquals(ExecStatus.ERROR, result.status());
            assertEquals(OcfResult.ERR_PERM, result.rc());
            assertTrue(result.exitReason().contains(agent + " is not an executable file"), result.exitReason());
        }
    }

    @Test
    void metadataFailuresNameTheAgent() throws IOException {
        writeAgent("Broken", "echo '<resource-agent name=\"Broken\"><actions>'\nexit 0\n");
        writeAgent("Failing", "echo 'no meta-data here' >&2\nexit 3\n");
        try (AgentExecutor executor = new AgentExecutor(AgentPaths.defaults().withOcfRoot(ocfRoot))) {
            AgentException broken = assertThrows(AgentException.class,
                    () -> executor.metadata(AgentType.parse("ocf:test:Broken")));
            assertTrue(broken.getMessage().startsWith("meta-data of ocf:test:Broken is not well-formed XML"),
                    broken.getMessage());
            AgentException failing = assertThrows(AgentException.class,
                    () -> executor.metadata(AgentType.parse("ocf:test:Failing")));
            assertTrue(failing.getMessage().contains("cannot get meta-data of ocf:test:Failing")
                    && failing.getMessage().contains("UNIMPLEMENT_FEATURE(3)")
                    && failing.getMessage().contains("no meta-data here"), failing.getMessage());
        }
    }

    private Path writeAgent(String type, String body) throws IOException {
        Path provider = Files.createDirectories(ocfRoot.resolve("resource.d/test"));
        return Scripts.write(provider.resolve(type), body);
    }
}
