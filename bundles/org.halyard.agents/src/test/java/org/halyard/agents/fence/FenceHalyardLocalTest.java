package org.halyard.agents.fence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.halyard.agents.AgentExecutor;
import org.halyard.agents.AgentPaths;
import org.halyard.agents.AgentProcesses;
import org.halyard.agents.AgentType;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;
import org.halyard.agents.metadata.AgentMetadata;
import org.halyard.agents.process.ProcessGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fence agent shipped for local test clusters, {@code fence/fence_halyard_local}, run like any fence agent. */
class FenceHalyardLocalTest {

    private static final AgentType AGENT = AgentType.parse("stonith:fence_halyard_local");
    private static final Path FENCE_DIR = Path.of("fence").toAbsolutePath();

    @TempDir
    Path stateRoot;

    private AgentExecutor executor;
    private Process daemon;
    private Process bystander;

    @BeforeEach
    void createExecutor() throws IOException {
        assertTrue(Files.isExecutable(FENCE_DIR.resolve("fence_halyard_local")),
                "run the tests from the bundle directory: " + FENCE_DIR + "/fence_halyard_local not found");
        Files.createDirectory(stateRoot.resolve("node1"));
        Files.createDirectory(stateRoot.resolve("node2"));
        executor = new AgentExecutor(AgentPaths.defaults().withFenceDir(FENCE_DIR));
    }

    @AfterEach
    void cleanUp() {
        executor.close();
        for (Process process : new Process[] {daemon, bystander}) {
            if (process != null) {
                AgentProcesses.killGroup(process.pid());
                process.destroyForcibly();
            }
        }
    }

    @Test
    void offKillsTheDaemonsWholeProcessGroup() throws Exception {
        // a stand-in daemon leading its own process group, with a child like the JVM's helpers
        daemon = new ProcessBuilder("/usr/bin/setsid", "/bin/sh", "-c", "sleep 60 & sleep 60").start();
        ProcessGroup group = new ProcessGroup(daemon.pid());
        awaitMembers(group, 2);
        Path pidFile = writePid("node1", daemon.pid());

        assertEquals(OcfResult.OK, fence(Operation.STATUS, "node1").rc(), "daemon running: status ON");
        OperationResult off = fence(Operation.OFF, "node1");
        assertTrue(off.succeeded(), off.summary() + "\n" + off.output());

        assertTrue(daemon.waitFor(5, TimeUnit.SECONDS), "the daemon survived fencing");
        assertEquals(137, daemon.exitValue(), "killed by SIGKILL");
        assertTrue(group.isEmpty(), "members of the daemon's process group survived: " + group.liveMembers());
        assertFalse(Files.exists(pidFile), "the stale pid file is removed");
        OperationResult status = fence(Operation.STATUS, "node1");
        assertEquals(OcfResult.NOT_RUNNING, status.rc(), "fenced node: status OFF");
        assertEquals(2, status.exitCode());
        assertEquals("Status: OFF\n", status.stdout());
        assertTrue(fence(Operation.OFF, "node1").succeeded(), "fencing an already-off node succeeds");
    }

    /** A daemon in its parent's process group (here: this JVM's) is killed alone, never the group. */
    @Test
    void daemonThatLeadsNoGroupIsKilledAlone() throws Exception {
        daemon = new ProcessBuilder("sleep", "60").start();
        bystander = new ProcessBuilder("sleep", "60").start();
        writePid("node2", daemon.pid());

        OperationResult reboot = fence(Operation.REBOOT, "node2");
        assertTrue(reboot.succeeded(), reboot.summary() + "\n" + reboot.output());
        assertTrue(daemon.waitFor(5, TimeUnit.SECONDS), "the daemon survived fencing");
        assertTrue(bystander.isAlive(), "a process of the same group that is not the daemon was killed");
    }

    /** The agents a daemon runs are in sessions of their own (setsid): a power-off takes them too. */
    @Test
    void whatTheDaemonStartedInItsOwnSessionDiesWithIt() throws Exception {
        Path agentPid = Files.createTempFile("agent", ".pid");
        daemon = new ProcessBuilder("/bin/sh", "-c",
                "/usr/bin/setsid /bin/sh -c 'echo $$ > " + agentPid + "; exec sleep 60' & sleep 60").start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Files.readString(agentPid).isBlank()) {
            assertTrue(System.nanoTime() < deadline, "the agent did not start");
            Thread.sleep(20);
        }
        ProcessHandle agent = ProcessHandle.of(Long.parseLong(Files.readString(agentPid).trim())).orElseThrow();
        writePid("node2", daemon.pid());

        OperationResult off = fence(Operation.OFF, "node2");
        assertTrue(off.succeeded(), off.summary() + "\n" + off.output());
        assertTrue(daemon.waitFor(5, TimeUnit.SECONDS), "the daemon survived fencing");
        assertTrue(agent.onExit().get(5, TimeUnit.SECONDS) != null && !agent.isAlive(),
                "the agent in its own session survived the power-off");
        Files.delete(agentPid);
    }

    @Test
    void unknownNodeFails() {
        OperationResult result = fence(Operation.OFF, "node9");
        assertEquals(OcfResult.ERR_GENERIC, result.rc());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().contains("unknown node 'node9'"), result.stderr());
    }

    @Test
    void monitorListAndMetadata() {
        assertEquals(OcfResult.OK, executor.execute(operation(Operation.MONITOR)).rc());
        OperationResult list = executor.execute(operation(Operation.LIST));
        assertEquals(List.of("node1,", "node2,"), list.stdout().lines().sorted().toList());
        assertEquals(OcfResult.ERR_GENERIC, executor.execute(operation(Operation.MONITOR)
                .withParams(Map.of("state_root", stateRoot.resolve("missing").toString()))).rc());

        AgentMetadata metadata = executor.metadata(AGENT);
        assertEquals("fence_halyard_local", metadata.name());
        assertTrue(metadata.parameter("state_root").orElseThrow().required());
        assertTrue(metadata.parameter("plug").isPresent());
        for (String action : List.of("on", "off", "reboot", "status", "monitor", "list", "metadata")) {
            assertTrue(metadata.action(action).isPresent(), "metadata lacks action " + action);
        }
    }

    private OperationResult fence(String action, String node) {
        return executor.execute(operation(action).withTarget(node));
    }

    private Operation operation(String action) {
        return Operation.of("fence-local", AGENT, action).withTimeout(Duration.ofSeconds(10))
                .withParams(Map.of("state_root", stateRoot.toString()));
    }

    private Path writePid(String node, long pid) throws IOException {
        return Files.writeString(stateRoot.resolve(node).resolve("halyardd.pid"), pid + "\n");
    }

    private static void awaitMembers(ProcessGroup group, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (group.liveMembers().size() < count) {
            assertTrue(System.nanoTime() < deadline, "process group " + group.id() + " has only "
                    + group.liveMembers());
            Thread.sleep(10);
        }
    }
}
