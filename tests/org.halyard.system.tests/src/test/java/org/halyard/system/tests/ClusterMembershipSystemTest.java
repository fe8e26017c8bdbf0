package org.halyard.system.tests;

import static org.halyard.system.tests.LocalCluster.awaitStatus;
import static org.halyard.system.tests.LocalCluster.nodeState;
import static org.halyard.system.tests.LocalCluster.quorate;
import static org.halyard.system.tests.LocalCluster.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three daemons as separate JVMs on loopback: forming, losing members, keeping strangers out. */
class ClusterMembershipSystemTest {

    /** corosync's default token with 3 nodes: 3000 ms + 650 ms token_coefficient. */
    private static final Duration EFFECTIVE_TOKEN = Duration.ofMillis(3650);

    @TempDir
    Path dir;

    @Test
    void formsDetectsACrashKeepsQuorumThenLosesIt() throws Exception {
        try (LocalCluster cluster = new LocalCluster(dir, 3, 15405)) {
            DaemonProcess node1 = cluster.start(1, false);
            DaemonProcess node2 = cluster.start(2, false);
            DaemonProcess node3 = cluster.start(3, false);
            Duration formed = awaitStatus(node1, "all three nodes online and quorate", Duration.ofSeconds(60),
                    s -> quorate(s) && nodeState(s, "node2").equals("online") && nodeState(s, "node3").equals("online"));
            System.out.println("membership: 3 nodes formed, seen by node1 " + formed.toMillis() + " ms after its start");

            long killedAt = System.nanoTime();
            node3.kill();
            Duration detected = awaitStatus(node1, "node3 offline after kill -9", EFFECTIVE_TOKEN.plusSeconds(10),
                    s -> nodeState(s, "node3").equals("offline"));
            Duration sinceKill = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.println("membership: kill -9 of node3 detected by node1 after " + sinceKill.toMillis() + " ms");
            assertTrue(sinceKill.compareTo(EFFECTIVE_TOKEN.plusSeconds(2)) <= 0,
                    "crash detected within token + 2 s, took " + sinceKill.toMillis() + " ms (poll " + detected.toMillis() + ")");
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
            assertTrue(node1.log().contains("node3") || node1.log().contains("127.0.0.3"),
                    "the rejected attempts are logged:\n" + node1.log());
        }
    }
}
