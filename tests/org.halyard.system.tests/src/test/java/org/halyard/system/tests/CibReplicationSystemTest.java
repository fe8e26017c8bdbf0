package org.halyard.system.tests;

import static org.halyard.system.tests.LocalCluster.awaitStatus;
import static org.halyard.system.tests.LocalCluster.nodeState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIB across three daemons (separate JVMs): a change made through one is on all, and survives a full restart. */
class CibReplicationSystemTest {

    /** The daemon's log line for an applied change; its timestamp is the witness, not our polling. */
    private static final String APPLIED = "INFO .*CIB 0\\.\\d+\\.0 -> 0\\.\\d+\\.0: change";

    @TempDir
    Path dir;

    private static boolean allOnline(String status) {
        return List.of("node1", "node2", "node3").stream().allMatch(n -> nodeState(status, n).equals("online"));
    }

    @Test
    void aChangeThroughOneNodeIsOnAllWithinASecondAndSurvivesAFullRestart() throws Exception {
        Path crm = Files.writeString(dir.resolve("web.crm"), """
                primitive web ocf:heartbeat:Dummy \\
                    op monitor interval=10s
                property stonith-enabled=false
                """);
        try (LocalCluster cluster = new LocalCluster(dir, 3, 15425)) {
            DaemonProcess node1 = cluster.start(1, false);
            cluster.start(2, false);
            cluster.start(3, false);
            awaitStatus(node1, "three nodes online", Duration.ofSeconds(90), CibReplicationSystemTest::allOnline);

            Instant before = Instant.now();
            CommandResult load = CommandResult.halyard("configure", "load", crm.toString(), "--socket",
                    node1.stateDir.resolve("halyard.sock").toString());
            assertEquals(0, load.exit(), load.output());
            assertTrue(load.output().startsWith("halyard configure load: done (CIB "), load.output());
            // the origin applies the change when total order delivers it back; the others at the same delivery
            Instant committed = node1.awaitLogLine(APPLIED, before, Duration.ofSeconds(10));
            System.out.println("CIB change: 'halyard configure load' (a JVM of its own) to commit on node1 "
                    + Duration.between(before, committed).toMillis() + " ms");
            for (DaemonProcess daemon : cluster.daemons) {
                Instant applied = daemon.awaitLogLine(APPLIED, before, Duration.ofSeconds(10));
                Duration lag = Duration.between(committed, applied);
                System.out.println("CIB change applied on " + daemon.stateDir.getParent().getFileName() + " "
                        + lag.toMillis() + " ms after node1");
                assertTrue(lag.compareTo(Duration.ofSeconds(1)) <= 0, "readable everywhere within 1 s: " + lag);
                CommandResult show = CommandResult.halyard("configure", "show", "--socket",
                        daemon.stateDir.resolve("halyard.sock").toString());
                assertTrue(show.output().contains("primitive web ocf:heartbeat:Dummy"), show.output());
            }

            // a full restart of every node keeps the configuration
            for (DaemonProcess daemon : List.copyOf(cluster.daemons)) {
                daemon.terminate();
                daemon.awaitExit(Duration.ofSeconds(20));
            }
            cluster.daemons.clear();
            DaemonProcess again = cluster.start(1, false);
            cluster.start(2, false);
            cluster.start(3, false);
            awaitStatus(again, "three nodes online again", Duration.ofSeconds(90), CibReplicationSystemTest::allOnline);
            for (DaemonProcess daemon : cluster.daemons) {
                CommandResult show = CommandResult.halyard("configure", "show", "--socket",
                        daemon.stateDir.resolve("halyard.sock").toString());
                assertTrue(show.output().contains("primitive web ocf:heartbeat:Dummy"), show.output());
            }
        }
    }

    /** One run of the product's {@code halyard}. */
    record CommandResult(int exit, String output) {
        static CommandResult halyard(String... args) throws Exception {
            List<String> command = new java.util.ArrayList<>(List.of(DaemonProcess.HOME.resolve("halyard").toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            return new CommandResult(p.waitFor(), output);
        }
    }
}
