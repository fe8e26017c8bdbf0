package org.halyard.agents.fence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.halyard.agents.AgentExecutor;
import org.halyard.agents.AgentPaths;
import org.halyard.agents.AgentType;
import org.halyard.agents.ExecStatus;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;
import org.halyard.agents.Scripts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FenceAgentsTest {

    private static final AgentType RECORDER = AgentType.parse("stonith:fence_recorder");

    @TempDir
    Path dir;

    private Path stdin;
    private Path arguments;
    private AgentExecutor executor;

    /** A fence agent that records its arguments and stdin and exits with the code in its exit_code parameter. */
    @BeforeEach
    void writeFenceAgent() throws IOException {
        stdin = dir.resolve("stdin");
        arguments = dir.resolve("arguments");
        Scripts.write(dir.resolve("fence_recorder"), """
                echo "$#" > '%s'
                code=0
                while IFS= read -r line; do
                    echo "$line" >> '%s'
                    case "$line" in exit_code=*) code=${line#exit_code=} ;; esac
                done
                exit "$code"
                """.formatted(arguments, stdin));
        executor = new AgentExecutor(AgentPaths.defaults().withFenceDir(dir));
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void argumentsArriveAsKeyValueLinesOnStdin() throws IOException {
        OperationResult result = executor.execute(Operation.of("fence-dev", RECORDER, Operation.REBOOT)
                .withTarget("node2")
                .withParams(Map.of("ipaddr", "10.0.0.9", "login", "admin", "passwd", "s3cret; rm -rf /",
                        "pcmk_host_list", "node1 node2")));
        assertTrue(result.succeeded(), result::summary);
        assertEquals(List.of("0"), Files.readAllLines(arguments), "fence agents get no command line arguments");
        assertEquals(List.of("ipaddr=10.0.0.9", "login=admin", "passwd=s3cret; rm -rf /", "action=reboot",
                "nodename=node2", "port=node2"), Files.readAllLines(stdin));
    }

    @Test
    void hostArgumentAndHostMapChooseThePlug() throws IOException {
        executor.execute(Operation.of("fence-dev", RECORDER, Operation.OFF).withTarget("node2")
                .withParams(Map.of("pcmk_host_argument", "plug", "pcmk_host_map", "node1:3;node2:7,8")));
        assertEquals(List.of("action=off", "nodename=node2", "plug=7,8"), Files.readAllLines(stdin));
        Files.delete(stdin);
        executor.execute(Operation.of("fence-dev", RECORDER, Operation.MONITOR)
                .withParams(Map.of("pcmk_host_argument", "none")));
        assertEquals(List.of("action=monitor"), Files.readAllLines(stdin));
        assertEquals("node1", FenceAgents.plug("node2:7", "node1"));
    }

    @Test
    void exitCodesMapToResults() {
        Operation status = Operation.of("fence-dev", RECORDER, Operation.STATUS).withTarget("node1");
        assertEquals(OcfResult.OK, run(status, 0).rc());
        OperationResult off = run(status, 2);
        assertEquals(OcfResult.NOT_RUNNING, off.rc(), "status exit 2 means the plug is off");
        assertTrue(off.succeeded());
        assertEquals(2, off.exitCode());
        assertEquals(OcfResult.ERR_GENERIC, run(status, 1).rc());
        OperationResult failedOff = run(status.withAction(Operation.OFF), 2);
        assertEquals(OcfResult.ERR_GENERIC, failedOff.rc(), "only status has a 'plug off' exit code");
        assertFalse(failedOff.succeeded());
    }

    @Test
    void lineBreaksInParametersAreRejected() throws IOException {
        OperationResult result = executor.execute(Operation.of("fence-dev", RECORDER, Operation.OFF)
                .withTarget("node1").withParams(Map.of("login", "admin\naction=on")));
        assertEquals(ExecStatus.ERROR, result.status());
        assertTrue(result.exitReason().contains("\"login\" contains a line break"), result.exitReason());
        assertFalse(Files.exists(stdin), "the agent must not run");
    }

    @Test
    void missingFenceAgentIsNotInstalled() {
        OperationResult result = executor.execute(Operation.of("fence-dev", AgentType.parse("stonith:fence_nope"),
                Operation.MONITOR));
        assertEquals(ExecStatus.NOT_INSTALLED, result.status());
        assertTrue(result.exitReason().contains(dir.resolve("fence_nope").toString()), result.exitReason());
    }

    private OperationResult run(Operation operation, int exitCode) {
        return executor.execute(operation.withParams(Map.of("exit_code", Integer.toString(exitCode))));
    }
}
