package org.halyard.system.tests;

import static org.halyard.system.tests.LocalCluster.awaitStatus;
import static org.halyard.system.tests.LocalCluster.nodeState;
import static org.halyard.system.tests.LocalCluster.quorate;
import static org.halyard.system.tests.LocalCluster.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three daemons as separate JVMs on loopback: forming, losing members, keeping strangers out. */
class ClusterMembershipSystemTest {

    /** corosync's default token with 3 nodes: 3000 ms + 650 ms token_coefficient. */
    private static final Duration EFFECTIVE_TOKEN = Duration.ofMillis(3650);
    /** corosync's default consensus: 1.2 x token. */
    private static final Duration CONSENSUS = Duration.ofMillis(4380);
    /** The membership's log line for a view without a member: "view 4: [node1, node2] lost [node3(3)]". */
    private static final String LOST = "view \\d+: .* (?:lost|left) \\[[^\\]]*";

    @TempDir
    Path dir;

    @Test
    void formsDetectsAHungNodeAndACrashKeepsQuorumThenLosesIt() throws Exception {
        try (LocalCluster cluster = new LocalCluster(dir, 3, 15405)) {
            DaemonProcess node1 = cluster.start(1, false);
            DaemonProcess node2 = cluster.start(2, false);
            DaemonProcess node3 = cluster.start(3, false);
            Duration formed = awaitStatus(node1, "all three nodes online and quorate", Duration.ofSeconds(60),
                    s -> quorate(s) && nodeState(s, "node2").equals("online") && nodeState(s, "node3").equals("online"));
            System.out.println("membership: 3 nodes formed, seen by node1 " + formed.toMillis()
                    + " ms after the three daemons were launched");

            // A hung node (SIGSTOP: its sockets stay open, it just stops answering) is found by the
            // heartbeat timeout: corosync needs token + consensus to form the new ring; so may we.
            Instant stoppedAt = Instant.now();
            node3.signal("STOP");
            for (DaemonProcess survivor : List.of(node1, node2)) {
                Instant seen = survivor.awaitLogLine(LOST + "node3\\(", stoppedAt, EFFECTIVE_TOKEN.plusSeconds(15));
                Duration hung = Duration.between(stoppedAt, seen);
                System.out.println("membership: SIGSTOP of node3 detected by " + survivor.stateDir.getParent().getFileName()
                        + " after " + hung.toMillis() + " ms (its log)");
                assertTrue(hung.compareTo(EFFECTIVE_TOKEN.plus(CONSENSUS)) <= 0,
                        "hung node lost within token + consensus, took " + hung.toMillis() + " ms");
            }
            assertTrue(quorate(status(node1)) && quorate(status(node2)), "two of three keep quorum");

            // Resumed, it comes back by a merge, not as a stranger.
            Instant resumedAt = Instant.now();
            node3.signal("CONT");
            Instant merged = node1.awaitLogLine("view \\d+: .* joined \\[[^\\]]*node3\\(", resumedAt, Duration.ofSeconds(60));
            System.out.println("membership: node3 resumed, merged back after " + Duration.between(resumedAt, merged).toMillis()
                    + " ms");
            awaitStatus(node3, "node3 sees the whole cluster again", Duration.ofSeconds(30),
                    s -> quorate(s) && nodeState(s, "node1").equals("online") && nodeState(s, "node2").equals("online"));

            Instant killedAt = Instant.now();
            node3.kill();
            for (DaemonProcess survivor : List.of(node1, node2)) {
                Instant seen = survivor.awaitLogLine(LOST + "node3\\(", killedAt, EFFECTIVE_TOKEN.plusSeconds(10));
                Duration crash = Duration.between(killedAt, seen);
                System.out.println("membership: kill -9 of node3 detected by " + survivor.stateDir.getParent().getFileName()
                        + " after " + crash.toMillis() + " ms (its log)");
                assertTrue(crash.compareTo(EFFECTIVE_TOKEN.plusSeconds(2)) <= 0,
                        "crash detected within token + 2 s, took " + crash.toMillis() + " ms");
            }
            awaitStatus(node1, "node3 offline in node1's status", Duration.ofSeconds(5),
                    s -> nodeState(s, "node3").equals("offline"));
            assertTrue(quorate(status(node1)), "two of three keep quorum");
            assertTrue(quorate(status(node2)), "on both survivors");

            node2.kill();
            awaitStatus(node1, "node1 alone and without quorum", EFFECTIVE_TOKEN.plusSeconds(10),
                    s -> nodeState(s, "node2").equals("offline") && !quorate(s));
        }
    }

    @Test
    void aNodeWithAnotherAuthkeyStaysOut() throws Exception {
        try (LocalCluster cluster = new LocalCluster(dir, 3, 15415)) {
            DaemonProcess node1 = cluster.start(1, false);
            DaemonProcess node2 = cluster.start(2, false);
            awaitStatus(node1, "node1 and node2 together", Duration.ofSeconds(60),
                    s -> nodeState(s, "node2").equals("online"));
            DaemonProcess stranger = cluster.start(3, true);
            awaitStatus(stranger, "the stranger running (alone)", Duration.ofSeconds(60), s -> s.contains("<status"));
            Thread.sleep(EFFECTIVE_TOKEN.toMillis());
            String seenByNode1 = status(node1);
            assertEquals("offline", nodeState(seenByNode1, "node3"), seenByNode1);
            assertEquals("offline", nodeState(status(stranger), "node1"), "nor does the stranger see the cluster");
            // Logged, but once a minute per peer, not per packet (it sends several a second).
            String log = node1.log();
            long lines = log.lines().filter(l -> l.contains("that did not authenticate")).count();
            assertTrue(lines >= 1 && log.contains("is its authkey different?"), "the rejected attempts are logged:\n" + log);
            assertTrue(lines <= 2, lines + " lines for the stranger's packets, expected one per peer per minute:\n" + log);
        }
    }
}
