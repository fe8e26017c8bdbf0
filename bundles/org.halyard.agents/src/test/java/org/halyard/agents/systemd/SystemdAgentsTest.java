package org.halyard.agents.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.halyard.agents.AgentExecutor;
import org.halyard.agents.AgentPaths;
import org.halyard.agents.AgentType;
import org.halyard.agents.ExecStatus;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;
import org.halyard.agents.Scripts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd is not running on the build machines: a fake systemctl stands in for it where it must run. */
class SystemdAgentsTest {

    private static final AgentType UNIT = AgentType.parse("systemd:halyard-test");

    @TempDir
    Path dir;

    private Path calls;
    private Path showOutput;
    private Path jobExit;
    private Path systemctl;

    @BeforeEach
    void writeFakeSystemctl() throws IOException {
        calls = dir.resolve("calls");
        showOutput = dir.resolve("show");
        jobExit = dir.resolve("job-exit");
        systemctl = Scripts.write(dir.resolve("systemctl"), """
                echo "$*" >> '%s'
                case "$2" in
                show) cat '%s' ;;
                *) [ -f '%s' ] && exit "$(cat '%s')" ;;
                esac
                exit 0
                """.formatted(calls, showOutput, jobExit, jobExit));
    }

    @Test
    void notRunningSystemdIsReportedAsNotInstalled() {
        try (AgentExecutor executor = new AgentExecutor(AgentPaths.defaults()
                .withSystemd(systemctl, dir.resolve("run-systemd-system")))) {
            OperationResult result = executor.execute(Operation.of("svc", UNIT, Operation.START));
            assertEquals(ExecStatus.NOT_INSTALLED, result.status());
            assertEquals(OcfResult.ERR_INSTALLED, result.rc());
            assertTrue(result.exitReason().contains("systemd is not running"), result.exitReason());
            assertFalse(Files.exists(calls), "systemctl must not be called when systemd is not running");
            // meta-data needs no running systemd
            assertEquals("halyard-test", executor.metadata(UNIT).name());
        }
    }

    @Test
    void jobsAndStatusThroughSystemctl() throws IOException {
        Path runtime = Files.createDirectory(dir.resolve("run-systemd-system"));
        try (AgentExecutor executor = new AgentExecutor(AgentPaths.defaults().withSystemd(systemctl, runtime))) {
            Operation start = Operation.of("svc", UNIT, Operation.START);
            assertTrue(executor.execute(start).succeeded());

            assertEquals(OcfResult.OK, monitor(executor, start, "loaded", "active"));
            assertEquals(OcfResult.OK, monitor(executor, start, "loaded", "reloading"));
            assertEquals(OcfResult.NOT_RUNNING, monitor(executor, start, "loaded", "inactive"));
            assertEquals(OcfResult.NOT_RUNNING, monitor(executor, start, "loaded", "failed"));
            assertEquals(OcfResult.ERR_GENERIC, monitor(executor, start, "loaded", "activating"));
            assertEquals(OcfResult.ERR_INSTALLED, monitor(executor, start, "not-found", "inactive"));

            Files.writeString(jobExit, "5");
            assertEquals(OcfResult.OK, executor.execute(start.withAction(Operation.STOP)).rc(),
                    "stopping a unit systemd does not know leaves it stopped");
            assertEquals(OcfResult.ERR_INSTALLED, executor.execute(start).rc());
            Files.writeString(jobExit, "1");
            assertEquals(OcfResult.ERR_GENERIC, executor.execute(start).rc());
            assertEquals(OcfResult.UNIMPLEMENT_FEATURE, executor.execute(start.withAction(Operation.PROMOTE)).rc());

            List<String> lines = Files.readAllLines(calls);
            assertEquals("--no-ask-password start halyard-test.service", lines.get(0));
            assertEquals("--no-ask-password show --property=LoadState,ActiveState halyard-test.service",
                    lines.get(1));
        }
    }

    @Test
    void unitNames() {
        assertEquals("sshd.service", SystemdAgents.unitName("sshd"));
        assertEquals("getty@tty1.service", SystemdAgents.unitName("getty@tty1"));
        assertEquals("data.mount", SystemdAgents.unitName("data.mount"));
        assertEquals("foo.bar.service", SystemdAgents.unitName("foo.bar"));
    }

    private OcfResult monitor(AgentExecutor executor, Operation start, String load, String active)
            throws IOException {
        Files.writeString(showOutput, "LoadState=" + load + "\nActiveState=" + active + "\n");
        OperationResult result = executor.execute(start.withAction(Operation.MONITOR));
        assertEquals(ExecStatus.DONE, result.status(), result::summary);
        return result.rc();
    }
}
