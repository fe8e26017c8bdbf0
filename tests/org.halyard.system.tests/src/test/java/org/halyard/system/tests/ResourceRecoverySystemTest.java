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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern FENCED = Pattern.compile("^(\\S+Z) .* node1 was fenced by ", Pattern.MULTILINE);
    /** What recovers HA on a survivor: its members' starts and the set's promotion. */
    private static final Pattern RECOVERY = Pattern.compile(
            "^(\\S+Z) .* (?:(?:ip|fs|web) start|data(?::\\d+)? promote) on node[23]: OK\\(0\\) in (\\d+) ms", Pattern.MULTILINE);

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

    /** The crm-style commands of the node CLI, each against the live cluster and checked by its effect. */
    @Test
    void theCrmCommandsDoWhatCrmsDoOnTheLiveCluster() throws Exception {
        try (LocalCluster cluster = startCluster(15535, webCluster("property stonith-enabled=false\n"))) {
            DaemonProcess node1 = cluster.daemons.get(0);
            awaitStatus(node1, "HA on node1", SETTLE, s -> groupWithPromoted(s, "node1") && idle(cluster, s));
            String text = halyard(node1, "status");
            assertTrue(text.contains("Online: [ node1 node2 node3 ]") && text.contains("partition with quorum")
                    && text.contains("* Promoted: [ node1 ]"), text);

            halyard(node1, "property", "set", "cluster-recheck-interval=5min");
            assertTrue(halyard(cluster.daemons.get(2), "configure", "show").contains("cluster-recheck-interval=5min"),
                    "a property set on node1 is in node3's configuration");

            halyard(node1, "resource", "stop", "HA");
            awaitStatus(node1, "HA stopped", SETTLE, s -> GROUP.stream().allMatch(
                    id -> placements(s, id).stream().allMatch(p -> p.startsWith("Stopped"))));
            halyard(node1, "resource", "start", "HA");
            awaitStatus(node1, "HA started again on node1", SETTLE, s -> groupWithPromoted(s, "node1"));

            halyard(node1, "resource", "move", "HA", "node2");
            awaitStatus(node1, "HA moved to node2, the promotion with it", SETTLE, s -> groupWithPromoted(s, "node2")
                    && idle(cluster, s));
            assertTrue(halyard(node1, "configure", "show").contains("cli-prefer-HA"));
            halyard(node1, "resource", "unmove", "HA");
            assertFalse(halyard(node1, "configure", "show").contains("cli-prefer-HA"));
            Thread.sleep(2000);
            assertTrue(groupWithPromoted(status(node1), "node2"), "stickiness 100 keeps HA where it is after unmove");

            halyard(node1, "resource", "restart", "web");
            awaitStatus(node1, "web restarted on node2", SETTLE, s -> groupWithPromoted(s, "node2") && idle(cluster, s));
            String node2Log = cluster.daemons.get(1).log();
            assertTrue(node2Log.indexOf("web stop on node2: OK") < node2Log.lastIndexOf("web start on node2: OK")
                    && node2Log.contains("web stop on node2: OK"), "restart is a stop, then a start");

            halyard(node1, "resource", "demote", "ms_data");
            awaitStatus(node1, "no instance promoted, so HA (colocated with the promoted one) stopped", SETTLE,
                    s -> placements(s, "data").stream().noneMatch(p -> p.startsWith("Promoted"))
                            && placements(s, "ip").stream().allMatch(p -> p.startsWith("Stopped")));
            halyard(node1, "resource", "promote", "ms_data");
            awaitStatus(node1, "promoted again, HA back", SETTLE, s -> groupWithPromoted(s, "node2")
                    || groupWithPromoted(s, "node1") || groupWithPromoted(s, "node3"));

            halyard(node1, "node", "maintenance", "node3");
            awaitStatus(node1, "node3 in maintenance", SETTLE, s -> nodeState(s, "node3").equals("maintenance"));
            assertTrue(halyard(node1, "status").contains("Node maintenance: [ node3 ]"));
            halyard(node1, "node", "ready", "node3");
            awaitStatus(node1, "node3 out of maintenance", SETTLE, s -> nodeState(s, "node3").equals("online"));

            String where = placements(status(node1), "web").get(0).substring("Started@".length());
            int n = Integer.parseInt(where.substring("node".length()));
            Files.delete(cluster.runDir(n).resolve("Dummy-web.state"));
            awaitStatus(node1, "web's monitor failure counted", SETTLE,
                    s -> s.contains("<fail-count resource=\"web\" node=\"" + where + "\" count=\"1\""));
            assertTrue(halyard(node1, "failcount", "show", "web").contains("name=fail-count-web node=" + where
                    + " value=1"));
            halyard(node1, "failcount", "clear", "web");
            awaitStatus(node1, "web's failures forgotten", SETTLE, s -> !s.contains("<fail-count resource=\"web\""));
            assertTrue(halyard(node1, "failcount", "show", "web").contains("web: no failures"));
            awaitStatus(node1, "web running after its recovery", SETTLE, s -> placements(s, "web").size() == 1
                    && placements(s, "web").get(0).startsWith("Started@"));
            halyard(node1, "resource", "cleanup", "web");
            awaitStatus(node1, "no failed actions after cleanup", SETTLE, s -> !s.contains("<failed-action"));
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
            // allow-migrate: the healthy group members went by live migration, not stop and start
            String ipAt = placements(after, "ip").get(0);
            String to = ipAt.substring(ipAt.indexOf('@') + 1);
            DaemonProcess source = cluster.daemons.get(Integer.parseInt(where.substring("node".length())) - 1);
            DaemonProcess target = cluster.daemons.get(Integer.parseInt(to.substring("node".length())) - 1);
            assertTrue(source.log().contains("ip migrate_to on " + where + ": OK"), source.log());
            assertTrue(target.log().contains("ip migrate_from on " + to + ": OK"), target.log());

            halyard(node1, "node", "online", where);
            awaitStatus(node1, where + " online again, running its Stateful instance", SETTLE,
                    s -> nodeState(s, where).equals("online") && placements(s, "data").stream()
                            .anyMatch(p -> p.endsWith("@" + where)));
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

            Instant hungAt = Instant.now();
            node1.signal("STOP");
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
            assertFalse(node1.isAlive(), "the hung node was fenced (its daemon killed)");

            // The order, from the survivors' own logs: the fence completed before any recovery
            // action began (an operation's line is logged at its end, with its duration).
            List<DaemonProcess> survivors = cluster.daemons.subList(1, 3);
            Instant fenced = null;
            for (DaemonProcess survivor : survivors) {
                Matcher m = FENCED.matcher(survivor.log());
                if (m.find()) {
                    fenced = OffsetDateTime.parse(m.group(1)).toInstant();
                }
            }
            assertTrue(fenced != null, "the fencing is logged by the DC:\n" + node2.log());
            Instant firstRecovery = null;
            for (DaemonProcess survivor : survivors) {
                Matcher m = RECOVERY.matcher(survivor.log());
                while (m.find()) {
                    Instant began = OffsetDateTime.parse(m.group(1)).toInstant().minusMillis(Long.parseLong(m.group(2)));
                    if (began.isAfter(hungAt) && (firstRecovery == null || began.isBefore(firstRecovery))) {
                        firstRecovery = began;
                    }
                }
            }
            assertTrue(firstRecovery != null, "the recovery's starts and promotion are logged");
            StringBuilder actions = new StringBuilder();
            for (DaemonProcess survivor : survivors) {
                survivor.log().lines().filter(l -> l.contains("fenc") || l.contains("transition") || l.contains(" start on ")
                        || l.contains(" promote on ")).forEach(l -> actions.append(l).append('\n'));
            }
            assertFalse(firstRecovery.isBefore(fenced), "recovery began at " + firstRecovery
                    + ", before the fencing completed at " + fenced + "; the survivors logged:\n" + actions);
            System.out.println("controller: SIGSTOP of node1 -> fenced after " + Duration.between(hungAt, fenced).toMillis()
                    + " ms, recovery began " + Duration.between(fenced, firstRecovery).toMillis() + " ms later");
            assertEquals("offline", nodeState(recovered, "node1"), "fenced means cleanly down, not unclean");
        }
    }
}
