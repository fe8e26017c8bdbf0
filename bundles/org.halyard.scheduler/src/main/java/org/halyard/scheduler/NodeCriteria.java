package org.halyard.scheduler;

import java.util.List;
import java.util.Map;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.history.FailCounts;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * Node scores that come from the resources' own state: stickiness to the node a resource is
 * active on, and a ban from nodes where its fail count reached migration-threshold.
 */
final class NodeCriteria {

    private NodeCriteria() {
    }

    static void apply(ClusterOptions options, Map<String, ClusterNode> nodes,
            List<ScheduledResource> resources) {
        long now = options.now().toEpochSecond(java.time.ZoneOffset.UTC);
        ShutdownLocks.apply(options, nodes, resources);
        for (ScheduledResource top : resources) {
            for (ScheduledResource rsc : top.primitives()) {
                stickiness(options, rsc);
            }
        }
        for (ClusterNode node : nodes.values()) {
            for (ScheduledResource top : resources) {
                for (ScheduledResource rsc : top.primitives()) {
                    if (thresholdReached(rsc, node, now)) {
                        ban(rsc, node);
                    }
                }
            }
        }
    }

    /** An anonymous clone instance's failures force the whole clone away from the node. */
    private static void ban(ScheduledResource rsc, ClusterNode node) {
        ScheduledResource clone = rsc.cloneAncestor();
        ScheduledResource target = clone != null && !clone.clone.globallyUnique()
                ? rsc.top() : rsc;
        banWithin(target, node);
    }

    private static void banWithin(ScheduledResource rsc, ClusterNode node) {
        rsc.addScore(node.uname(), node.weight(), -Scores.INFINITY);
        rsc.children().forEach(child -> banWithin(child, node));
    }

    private static void stickiness(ClusterOptions options, ScheduledResource rsc) {
        int stickiness = rsc.config().stickiness();
        if (!rsc.managed || stickiness < 1 || rsc.runningOn.size() != 1) {
            return;
        }
        String node = rsc.runningOn.get(0);
        if (!options.symmetricCluster() && !rsc.allowed.containsKey(node)) {
            return;
        }
        rsc.addScore(node, 0, stickiness);
    }

    private static boolean thresholdReached(ScheduledResource rsc, ClusterNode node,
            long now) {
        int threshold = rsc.config().migrationThreshold();
        if (threshold == 0 || rsc.failureIgnored || rsc.failCountCleared.contains(node.uname())) {
            return false;
        }
        int failures = FailCounts.effective(rsc, node, now);
        for (ScheduledResource filler : rsc.fillers) {
            // A container's failures include those of the resources inside it
            failures = Scores.add(failures, FailCounts.effective(filler, node, now));
        }
        return failures > 0 && threshold - failures <= 0;
    }
}
