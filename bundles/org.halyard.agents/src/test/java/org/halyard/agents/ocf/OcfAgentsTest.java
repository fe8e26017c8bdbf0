package org.halyard.agents.ocf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.halyard.agents.AgentExecutor;
import org.halyard.agents.AgentPaths;
import org.halyard.agents.AgentProcesses;
import org.halyard.agents.AgentType;
import org.halyard.agents.ExecStatus;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;
import org.halyard.agents.metadata.ActionDescription;
import org.halyard.agents.metadata.AgentMetadata;
import org.halyard.agents.process.ProcessGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real agents of Debian's resource-agents and pacemaker-resource-agents packages. */
class OcfAgentsTest {

    private static final AgentType HEARTBEAT_DUMMY = AgentType.parse("ocf:heartbeat:Dummy");
    private static final AgentType STATEFUL = AgentType.parse("ocf:pacemaker:Stateful");
    private static final AgentType DELAY = AgentType.parse("ocf:heartbeat:Delay");

    @TempDir
    Path dir;

    private AgentExecutor executor;

    @BeforeEach
    void createExecutor() {
        // pseudo-resource tracking files (Delay) go to the temp dir instead of /run/resource-agents
        executor = new AgentExecutor(AgentPaths.defaults(), Map.of("HA_RSCTMP", dir.toString()), 2,
                Duration.ofSeconds(1));
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void dummyStartMonitorStop() {
        requireAgent("heartbeat/Dummy", "resource-agents");
        Path state = dir.resolve("dummy.state");
        Operation start = Operation.of("dummy1", HEARTBEAT_DUMMY, Operation.START)
                .withParams(Map.of("state", state.toString()));

        OperationResult probe = executor.execute(start.withAction(Operation.MONITOR));
        assertEquals(OcfResult.NOT_RUNNING, probe.rc(), probe::summary);
        assertTrue(probe.succeeded(), "not running is a valid monitor answer");

        OperationResult started = executor.execute(start);
        assertTrue(started.succeeded(), started::summary);
        assertEquals(0, started.exitCode());
        assertTrue(Files.exists(state), "Dummy start creates its state file " + state);

        OperationResult monitor = executor.execute(start.withAction(Operation.MONITOR)
                .withInterval(Duration.ofSeconds(10)));
        assertEquals(ExecStatus.DONE, monitor.status());
        assertEquals(OcfResult.OK, monitor.rc(), monitor::summary);

        OperationResult stopped = executor.execute(start.withAction(Operation.STOP));
        assertTrue(stopped.succeeded(OcfResult.OK), stopped::summary);
        assertFalse(Files.exists(state), "Dummy stop removes its state file");
        assertEquals(OcfResult.NOT_RUNNING, executor.execute(start.withAction(Operation.MONITOR)).rc());
    }

    @Test
    void statefulPromoteAndDemote() {
        requireAgent("pacemaker/Stateful", "pacemaker-resource-agents");
        Operation start = Operation.of("stateful1", STATEFUL, Operation.START)
                .withParams(Map.of("state", dir.resolve("stateful.state").toString()));
        Operation monitor = start.withAction(Operation.MONITOR);

        assertEquals(OcfResult.OK, executor.execute(start).rc());
        OperationResult unpromoted = executor.execute(monitor);
        assertEquals(OcfResult.OK, unpromoted.rc(), "started Stateful is unpromoted: " + unpromoted.summary());

        assertTrue(executor.execute(start.withAction(Operation.PROMOTE)).succeeded());
        OperationResult promoted = executor.execute(monitor);
        assertEquals(OcfResult.RUNNING_PROMOTED, promoted.rc(), promoted::summary);
        assertEquals(8, promoted.exitCode());
        assertTrue(promoted.succeeded(), "running promoted is a valid monitor answer");
        assertFalse(promoted.succeeded(OcfResult.OK));

        assertTrue(executor.execute(start.withAction(Operation.DEMOTE)).succeeded());
        assertEquals(OcfResult.OK, executor.execute(monitor).rc());
        assertTrue(executor.execute(start.withAction(Operation.STOP)).succeeded());
        assertEquals(OcfResult.NOT_RUNNING, executor.execute(monitor).rc());
    }

    /** ocf:pacemaker:Dummy, the scheduler tests' agent, has a state file of its own and the same life cycle. */
    @Test
    void pacemakerDummyStartMonitorStop() {
        requireAgent("pacemaker/Dummy", "pacemaker-resource-agents");
        Path state = dir.resolve("pcmk-dummy.state");
        Operation start = Operation.of("pdummy", AgentType.parse("ocf:pacemaker:Dummy"), Operation.START)
                .withParams(Map.of("state", state.toString()));
        assertEquals(OcfResult.NOT_RUNNING, executor.execute(start.withAction(Operation.MONITOR)).rc());
        assertTrue(executor.execute(start).succeeded());
        assertTrue(Files.exists(state), "started: " + state);
        assertEquals(OcfResult.OK, executor.execute(start.withAction(Operation.MONITOR)).rc());
        assertTrue(executor.execute(start.withAction(Operation.STOP)).succeeded());
        assertEquals(OcfResult.NOT_RUNNING, executor.execute(start.withAction(Operation.MONITOR)).rc());
    }

    /** ocf:heartbeat:anything runs any command as a daemon: a real process whose death the monitor reports. */
    @Test
    void anythingRunsACommandAndSeesItDie() throws Exception {
        requireAgent("heartbeat/anything", "resource-agents");
        Path pidfile = dir.resolve("anything.pid");
        Operation start = Operation.of("sleeper", AgentType.parse("ocf:heartbeat:anything"), Operation.START)
                .withParams(Map.of("binfile", "/bin/sleep", "cmdline_options", "300", "pidfile", pidfile.toString(),
                        "logfile", dir.resolve("anything.log").toString()))
                .withTimeout(Duration.ofSeconds(20));
        OperationResult started = executor.execute(start);
        assertTrue(started.succeeded(), started.summary() + "\n" + started.output());
        long pid = Long.parseLong(Files.readString(pidfile).trim());
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the command runs: pid " + pid);
        assertEquals(OcfResult.OK, executor.execute(start.withAction(Operation.MONITOR)).rc());

        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // it dies behind the agent's back
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        // its pid file is left behind: the agent reports a crash (generic error), not a clean "not running"
        OperationResult monitor = executor.execute(start.withAction(Operation.MONITOR));
        assertEquals(OcfResult.ERR_GENERIC, monitor.rc(), monitor::summary);
        assertFalse(monitor.succeeded());
        assertTrue(executor.execute(start.withAction(Operation.STOP)).succeeded());
        assertEquals(OcfResult.NOT_RUNNING, executor.execute(start.withAction(Operation.MONITOR)).rc(),
                "stopped cleanly: not running");
    }

    /** A promoted instance that failed answers 9 (failed promoted): a failure, not a state. */
    @Test
    void failedPromotedIsAFailure() throws IOException {
        requireAgent("pacemaker/Stateful", "pacemaker-resource-agents");
        Path state = dir.resolve("failed.state");
        Files.writeString(state.resolveSibling("failed.state.rc"), "9\n");
        OperationResult result = executor.execute(Operation.of("stateful3", STATEFUL, Operation.MONITOR)
                .withParams(Map.of("state", state.toString())));
        assertEquals(OcfResult.FAILED_PROMOTED, result.rc(), result::summary);
        assertEquals(9, result.exitCode());
        assertFalse(result.succeeded(), "failed promoted is never a valid monitor answer");
    }

    /** Stateful's monitor exits with whatever its state.rc file says, with an exit reason. */
    @Test
    void degradedResultAndExitReason() throws IOException {
        requireAgent("pacemaker/Stateful", "pacemaker-resource-agents");
        Path state = dir.resolve("degraded.state");
        Files.writeString(state.resolveSibling("degraded.state.rc"), "190\n");
        OperationResult result = executor.execute(Operation.of("stateful2", STATEFUL, Operation.MONITOR)
                .withParams(Map.of("state", state.toString())));
        assertEquals(OcfResult.DEGRADED, result.rc(), result::summary);
        assertEquals(190, result.exitCode());
        assertEquals("190 GB redirected to /dev/null", result.exitReason());
        assertTrue(result.succeeded(), "degraded is a valid monitor answer");
    }

    /** Stateful dumps its environment into envfile: check what Pacemaker's agents expect to find there. */
    @Test
    void environmentHasOcfAndCrmMetaVariables() throws IOException {
        requireAgent("pacemaker/Stateful", "pacemaker-resource-agents");
        Path envfile = dir.resolve("env.txt");
        OperationResult result = executor.execute(Operation.of("stateful:1", STATEFUL, Operation.NOTIFY)
                .withParams(Map.of("state", dir.resolve("s.state").toString(), "envfile", envfile.toString(),
                        "fake", "a b;$(touch " + dir.resolve("injected") + ")"))
                .withMeta(Map.of("notify_type", "pre", "notify_operation", "start", "globally-unique", "false"))
                .withTimeout(Duration.ofMillis(7500)).withInterval(Duration.ofSeconds(0)));
        assertTrue(result.succeeded(), result::summary);
        List<String> env = Files.readAllLines(envfile);
        for (String expected : List.of("OCF_ROOT=/usr/lib/ocf", "OCF_RESOURCE_INSTANCE=stateful:1",
                "OCF_RESOURCE_TYPE=Stateful", "OCF_RESOURCE_PROVIDER=pacemaker", "OCF_RA_VERSION_MAJOR=1",
                "OCF_RESKEY_CRM_meta_timeout=7500", "OCF_RESKEY_CRM_meta_interval=0",
                "OCF_RESKEY_CRM_meta_name=notify", "OCF_RESKEY_CRM_meta_notify_type=pre",
                "OCF_RESKEY_CRM_meta_notify_operation=start", "OCF_RESKEY_CRM_meta_globally_unique=false",
                "OCF_RESKEY_envfile=" + envfile)) {
            assertTrue(env.contains(expected), "agent environment lacks " + expected + ":\n" + env);
        }
        assertFalse(Files.exists(dir.resolve("injected")), "parameter values must never reach a shell");
    }

    @Test
    void timeoutKillsTheWholeProcessGroup() throws Exception {
        requireAgent("heartbeat/Delay", "resource-agents");
        String instance = "delay-" + UUID.randomUUID();
        Operation start = Operation.of(instance, DELAY, Operation.START)
                .withParams(Map.of("startdelay", "30", "stopdelay", "0"))
                .withTimeout(Duration.ofMillis(1500));
        List<Long> agentProcesses = List.of();
        try {
            CompletableFuture<OperationResult> running = executor.submit(start);
            // the agent's shell and its sleep child both carry the instance name in their environment
            String marker = "OCF_RESOURCE_INSTANCE=" + instance;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (agentProcesses.size() < 2 && System.nanoTime() < deadline) {
                agentProcesses = AgentProcesses.awaitWithEnvironment(marker, Duration.ofSeconds(1));
            }
            assertTrue(agentProcesses.size() >= 2, "expected Delay's shell and its sleep, found " + agentProcesses);
            long pgid = ProcessGroup.groupOf(agentProcesses.get(0)).orElseThrow();

            OperationResult result = running.get(10, TimeUnit.SECONDS);
            assertEquals(ExecStatus.TIMEOUT, result.status(), result::summary);
            assertFalse(result.succeeded());
            assertTrue(result.duration().toMillis() >= 1500 && result.duration().toMillis() < 5000,
                    "timed out after " + result.duration());
            assertTrue(result.exitReason().contains("timed out after 1500 ms"), result.exitReason());
            for (long pid : agentProcesses) {
                assertFalse(ProcessGroup.isAlive(pid), "agent process " + pid + " survived the timeout");
            }
            assertTrue(new ProcessGroup(pgid).isEmpty(), "process group " + pgid + " survived the timeout");
        } finally {
            AgentProcesses.kill(agentProcesses);
        }
        assertTrue(executor.execute(start.withAction(Operation.STOP)).succeeded(), "Delay stop cleans up");
    }

    @Test
    void missingAgentIsNotInstalled() {
        AgentType missing = AgentType.parse("ocf:heartbeat:NoSuchAgent");
        OperationResult result = executor.execute(Operation.of("x", missing, Operation.START));
        assertEquals(ExecStatus.NOT_INSTALLED, result.status());
        assertEquals(OcfResult.ERR_INSTALLED, result.rc());
        assertEquals(5, result.rc().code());
        assertTrue(result.exitReason().contains("/usr/lib/ocf/resource.d/heartbeat/NoSuchAgent"),
                result.exitReason());
    }

    @Test
    void dummyMetadata() {
        requireAgent("heartbeat/Dummy", "resource-agents");
        AgentMetadata metadata = executor.metadata(HEARTBEAT_DUMMY);
        assertEquals("Dummy", metadata.name());
        assertEquals("Example stateless resource agent", metadata.shortdesc());
        assertTrue(metadata.parameter("state").orElseThrow().unique());
        assertTrue(metadata.parameter("state").orElseThrow().defaultValue().orElseThrow().endsWith(".state"));
        assertEquals("dummy", metadata.parameter("fake").orElseThrow().defaultValue().orElseThrow());
        ActionDescription monitor = metadata.action("monitor").orElseThrow();
        assertEquals(Duration.ofSeconds(20), monitor.timeout().orElseThrow());
        assertEquals(Duration.ofSeconds(10), monitor.interval());
        assertEquals(Duration.ofSeconds(5), metadata.action("meta-data").orElseThrow().timeout().orElseThrow());
        assertTrue(metadata.action("migrate_to").isPresent());
    }

    private static void requireAgent(String providerAndType, String debianPackage) {
        Path agent = Path.of("/usr/lib/ocf/resource.d").resolve(providerAndType);
        assertTrue(Files.isExecutable(agent), agent + " is missing: install the Debian package " + debianPackage);
    }
}
