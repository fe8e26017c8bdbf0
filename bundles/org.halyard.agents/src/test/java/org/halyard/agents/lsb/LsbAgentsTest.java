package org.halyard.agents.lsb;

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
import org.halyard.agents.metadata.AgentMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LsbAgentsTest {

    @TempDir
    Path dir;

    private AgentExecutor executor;
    private Path calls;
    private Path statusCode;

    /** An init script that keeps a pid-less "running" flag and answers status with a configurable code. */
    @BeforeEach
    void writeInitScript() throws IOException {
        calls = dir.resolve("calls");
        statusCode = dir.resolve("status-code");
        Path running = dir.resolve("running");
        Path initDir = Files.createDirectory(dir.resolve("init.d"));
        Scripts.write(initDir.resolve("halyard-test"), """
                ### BEGIN INIT INFO
                # Provides:          halyard-test
                # Short-Description: Test service for Halyard
                # Description:       A service that exists only
                #                    while Halyard's tests run.
                ### END INIT INFO
                echo "$1" >> '%s'
                case "$1" in
                start) touch '%s' ;;
                stop) rm -f '%s'; echo stopping >&2 ;;
                status)
                    [ -f '%s' ] && exit "$(cat '%s')"
                    [ -f '%s' ] && { echo running; exit 0; }
                    echo stopped; exit 3 ;;
                restart) exit 1 ;;
                *) exit 3 ;;
                esac
                exit 0
                """.formatted(calls, running, running, statusCode, statusCode, running));
        executor = new AgentExecutor(AgentPaths.defaults().withLsbDir(initDir));
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void startMonitorStop() throws IOException {
        Operation start = Operation.of("svc", AgentType.parse("lsb:halyard-test"), Operation.START);
        assertEquals(OcfResult.NOT_RUNNING, executor.execute(start.withAction(Operation.MONITOR)).rc());
        assertTrue(executor.execute(start).succeeded());
        OperationResult monitor = executor.execute(start.withAction(Operation.MONITOR));
        assertEquals(OcfResult.OK, monitor.rc(), monitor::summary);
        assertEquals("running\n", monitor.stdout());
        OperationResult stop = executor.execute(start.withAction(Operation.STOP));
        assertTrue(stop.succeeded(), stop::summary);
        assertEquals("stopping\n", stop.stderr());
        assertEquals(OcfResult.NOT_RUNNING, executor.execute(start.withAction(Operation.STATUS)).rc());
        // monitor is passed to init scripts as status
        assertEquals(List.of("status", "start", "status", "stop", "status"), Files.readAllLines(calls));
    }

    @Test
    void statusCodesMapLikePacemaker() throws IOException {
        Operation monitor = Operation.of("svc", AgentType.parse("lsb:halyard-test"), Operation.MONITOR);
        int[] codes = {0, 1, 2, 3, 4, 5, 150, 151};
        OcfResult[] expected = {OcfResult.OK, OcfResult.NOT_RUNNING, OcfResult.NOT_RUNNING, OcfResult.NOT_RUNNING,
            OcfResult.ERR_GENERIC, OcfResult.ERR_GENERIC, OcfResult.ERR_INSTALLED, OcfResult.ERR_PERM};
        for (int i = 0; i < codes.length; i++) {
            Files.writeString(statusCode, Integer.toString(codes[i]));
            OperationResult result = executor.execute(monitor);
            assertEquals(expected[i], result.rc(), "LSB status exit code " + codes[i]);
            assertEquals(codes[i], result.exitCode());
        }
    }

    @Test
    void otherActionsShareOcfCodesUpToSeven() {
        assertEquals(OcfResult.OK, LsbAgents.toOcf("start", 0));
        assertEquals(OcfResult.ERR_GENERIC, LsbAgents.toOcf("start", 1));
        assertEquals(OcfResult.ERR_INSTALLED, LsbAgents.toOcf("start", 5));
        assertEquals(OcfResult.NOT_RUNNING, LsbAgents.toOcf("stop", 7));
        assertEquals(OcfResult.ERR_GENERIC, LsbAgents.toOcf("stop", 8));
        assertEquals(OcfResult.ERR_GENERIC, LsbAgents.toOcf("start", 150));
        OperationResult restart = executor.execute(Operation.of("svc", AgentType.parse("lsb:halyard-test"),
                "restart"));
        assertEquals(OcfResult.ERR_GENERIC, restart.rc());
        assertFalse(restart.succeeded());
    }

    @Test
    void promoteIsNotImplemented() throws IOException {
        OperationResult result = executor.execute(Operation.of("svc", AgentType.parse("lsb:halyard-test"),
                Operation.PROMOTE));
        assertEquals(OcfResult.UNIMPLEMENT_FEATURE, result.rc());
        assertFalse(Files.exists(calls), "the script must not be run for an action LSB does not have");
    }

    @Test
    void metadataComesFromTheLsbHeader() {
        AgentMetadata metadata = executor.metadata(AgentType.parse("lsb:halyard-test"));
        assertEquals("halyard-test", metadata.name());
        assertEquals("Test service for Halyard", metadata.shortdesc());
        assertEquals("A service that exists only while Halyard's tests run.", metadata.longdesc());
        assertTrue(metadata.action("monitor").isPresent());
    }

    @Test
    void missingScriptIsNotInstalled() {
        OperationResult result = executor.execute(Operation.of("svc", AgentType.parse("lsb:nope"), Operation.START));
        assertEquals(ExecStatus.NOT_INSTALLED, result.status());
        assertTrue(result.exitReason().contains(dir.resolve("init.d/nope").toString()), result.exitReason());
    }

    @Test
    void serviceFallsBackToLsbWithoutSystemd() {
        try (AgentExecutor noSystemd = new AgentExecutor(AgentPaths.defaults().withLsbDir(dir.resolve("init.d"))
                .withSystemd(Path.of("/usr/bin/systemctl"), dir.resolve("no-systemd")))) {
            Operation start = Operation.of("svc", AgentType.parse("service:halyard-test"), Operation.START);
            assertTrue(noSystemd.execute(start).succeeded());
            assertEquals(OcfResult.OK, noSystemd.execute(start.withAction(Operation.MONITOR)).rc());
            OperationResult missing = noSystemd.execute(Operation.of("x", AgentType.parse("service:nope"),
                    Operation.START));
            assertEquals(ExecStatus.NOT_INSTALLED, missing.status());
            assertTrue(missing.exitReason().contains("nope.service") && missing.exitReason().contains("init.d/nope"),
                    missing.exitReason());
        }
    }
}
