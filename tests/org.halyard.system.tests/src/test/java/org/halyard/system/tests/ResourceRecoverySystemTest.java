package org.halyard.system.tests;

import static org.halyard.system.tests.LocalCluster.awaitStatus;
import static org.halyard.system.tests.LocalCluster.halyard;
import static org.halyard.system.tests.LocalCluster.nodeState;
import static org.halyard.system.tests.LocalCluster.placements;
import static org.halyard.system.tests.LocalCluster.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller with real agents (Debian's resource-agents and pacemaker-resource-agents):
 * three daemons as separate JVMs run the seed's web cluster (a group of Dummy resources ordered
 * after and colocated with the promoted instance of a Stateful set), recover it after a crash,
 * after a failing monitor and on standby, and fence a hung node before recovering its resources.
 */
class ResourceRecoverySystemTest {

    private static final Duration FORM = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final List<String> GROUP = List.of("ip", "fs", "web");

    @TempDir
    Path dir;

    private static String webCluster(String extra) {
        return """
                primitive data ocf:pacemaker:Stateful \\
                    op monitor interval=2s role=Master timeout=10s \\
                    op monitor interval=3s role=Slave timeout=10s
                ms ms_data data \\
                    meta master-max=1 master-node-max=1 clone-max=3 clone-node-max=1
                primitive ip ocf:heartbeat:Dummy op monitor interval=1s timeout=10s
                primitive fs ocf:heartbeat:Dummy op monitor interval=1s timeout=10s
                primitive web ocf:heartbeat:Dummy op monitor interval=1s timeout=10s
                group HA ip fs web
                location prefer-node1 HA 50: node1
                colocation ha_with_promoted inf: HA ms_data:Master
                order ha_after_promote inf: ms_data:promote HA:start
                rsc_defaults resource-stickiness=100
                """ + extra;
    }

    private LocalCluster startCluster(int port, String config) throws Exception {
        LocalCluster cluster = new LocalCluster(dir, 3, port);
        for (int n = 1; n <= 3; n++) {
            cluster.start(n, false, "--fence-agents", DaemonProcess.HOME.toString());
        }
        DaemonProcess node1 = cluster.daemons.get(0);
        awaitStatus(node1, "all three nodes online", FORM, s -> LocalCluster.quorate(s)
                && nodeState(s, "node2").equals("online") && nodeState(s, "node3").equals("online"));
        Path crm = Files.writeString(dir.resolve("web.crm"), config);
        halyard(node1, "configure", "load", crm.toString());
        return cluster;
    }

    /** True when the DC (which alone knows) has no transition in flight. */
    private static boolean idle(LocalCluster cluster, String status) {
        java.util.regex.Matcher dc = java.util.regex.Pattern.compile(" dc=\"node(\\d)\"").matcher(status);
        try {
            return dc.find() && status(cluster.daemons.get(Integer.parseInt(dc.group(1)) - 1))
                    .contains("transition-busy=\"false\"");
        } catch (Exception e) {
            return false;
        }
    }

    /** True when the whole group runs on the node where the Stateful set is promoted. */
    private static boolean groupWithPromoted(String status, String node) {
        return GROUP.stream().allMatch(id -> placements(status, id).equals(List.of("Started@" + node)))
                && placements(status, "data").contains("Promoted@" + node);
    }

    @Test
    void theWebClusterStartsOnThePreferredNodeAndMovesWithThePromotedSetWhenItsNodeIsKilled() throws Exception {
        try (LocalCluster cluster = startCluster(15505, webCluster("property stonith-enabled=false\n"))) {
            DaemonProcess node1 = cluster.daemons.get(0);
            DaemonProcess node2 = cluster.daemons.get(1);
            awaitStatus(node1, "HA and the promoted data on node1", SETTLE, s -> groupWithPromoted(s, "node1")
                    && placements(s, "data").size() == 3);

            long killedAt = System.nanoTime();
            node1.kill();
            awaitStatus(node2, "HA and the promoted data on a survivor", SETTLE,
                    s -> groupWithPromoted(s, "node2") || groupWithPromoted(s, "node3"));
            Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.println("controller: kill -9 of node1 -> HA running and data promoted on a survivor in "
                    + failover.toMillis() + " ms");
            assertTrue(failover.compareTo(Duration.ofSeconds(10)) < 0, "failover took " + failover.toMillis() + " ms");
        }
    }

    @Test
    void aFailingMonitorRestartsInPlaceThenMovesAfterMigrationThresholdAndStandbyMigratesAwayFromANode()
            throws Exception {
        String config = webCluster("property stonith-enabled=false\n").replace(
                "primitive web ocf:heartbeat:Dummy op monitor interval=1s timeout=10s",
                "primitive web ocf:heartbeat:Dummy op monitor interval=1s timeout=10s meta migration-threshold=2")
                .replace("group HA ip fs web", "group HA ip fs web meta allow-migrate=true");
        try (LocalCluster cluster = startCluster(15515, config)) {
            DaemonProcess node1 = cluster.daemons.get(0);
            awaitStatus(node1, "HA on node1", SETTLE, s -> groupWithPromoted(s, "node1") && idle(cluster, s));

            Path state = cluster.runDir(1).resolve("Dummy-web.state");
            assertTrue(Files.exists(state), "Dummy keeps its state in the node's run directory: " + state);
            Files.delete(state); // the resource "dies" behind the cluster's back
            awaitStatus(node1, "web restarted on node1 with fail-count 1", SETTLE,
                    s -> s.contains("<fail-count resource=\"web\" node=\"node1\" count=\"1\"")
                            && groupWithPromoted(s, "node1") && idle(cluster, s) && Files.exists(state));
            assertTrue(halyard(node1, "status").contains("Failed Resource Actions:"));

            Files.delete(state);
            String moved = status(node1);
            Duration took = awaitStatus(node1, "HA moved away from node1 after the second failure", SETTLE,
                    s -> groupWithPromoted(s, "node2") || groupWithPromoted(s, "node3"));
            System.out.println("controller: second monitor failure -> HA moved in " + took.toMillis() + " ms");

            String where = groupWithPromoted(status(node1), "node2") ? "node2" : "node3";
            halyard(node1, "node", "standby", where);
            awaitStatus(node1, "HA running again, away from standby " + where, SETTLE,
                    s -> GROUP.stream().allMatch(id -> placements(s, id).size() == 1
                            && placements(s, id).get(0).startsWith("Started@")
                            && !placements(s, id).get(0).endsWith("@" + where))
                            && placements(s, "data").stream().noneMatch(p -> p.endsWith("@" + where)));
            String after = status(node1);
            assertFalse(moved.isEmpty());
            // allow-migrate: the healthy group members went by live migration, not stop and start
            String ipAt = placements(after, "ip").get(0);
            String to = ipAt.substring(ipAt.indexOf('@') + 1);
            DaemonProcess source = cluster.daemons.get(Integer.parseInt(where.substring("node".length())) - 1);
            DaemonProcess target = cluster.daemons.get(Integer.parseInt(to.substring("node".length())) - 1);
            assertTrue(source.log().contains("ip migrate_to on " + where + ": OK"), source.log());
            assertTrue(target.log().contains("ip migrate_from on " + to + ": OK"), target.log());
        }
    }

    @Test
    void withStonithAHungNodeIsFencedBeforeItsResourcesAreRecovered() throws Exception {
        Path stateRoot = Files.createDirectories(dir.resolve("states"));
        String config = webCluster("""
                primitive power stonith:fence_halyard_local params state_root=%s
                property stonith-enabled=true stonith-timeout=30s
                """.formatted(stateRoot));
        try (LocalCluster cluster = startCluster(15525, config)) {
            for (int n = 1; n <= 3; n++) {
                // the power switch finds each node's pid file under STATE_ROOT/NODE
                Files.createSymbolicLink(stateRoot.resolve("node" + n), cluster.daemons.get(n - 1).stateDir);
            }
            DaemonProcess node1 = cluster.daemons.get(0);
            DaemonProcess node2 = cluster.daemons.get(1);
            awaitStatus(node1, "HA on node1", SETTLE, s -> groupWithPromoted(s, "node1"));

            long pid = node1.pid();
            new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor();
            String recovered = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && recovered == null) {
                String s = status(node2);
                if (groupWithPromoted(s, "node2") || groupWithPromoted(s, "node3")) {
                    recovered = s;
                }
                Thread.sleep(200);
            }
            assertTrue(recovered != null, "HA recovered on a survivor; last status:\n" + status(node2) + "\nlog:\n"
                    + node2.log());
            assertFalse(node1.isAlive(), "the hung node was fenced (its daemon killed) before recovery");
            assertTrue(node2.log().contains("node1 was fenced") || cluster.daemons.get(2).log()
                    .contains("node1 was fenced"), "the fencing is logged");
            assertEquals("offline", nodeState(recovered, "node1"), "fenced means cleanly down, not unclean");
        }
    }
}
