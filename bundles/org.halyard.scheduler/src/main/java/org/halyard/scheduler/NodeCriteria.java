package org.halyard.scheduler;

import java.util.List;
import java.util.Map;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
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
        for (ScheduledResource top : resources) {
            for (ScheduledResource rsc : top.primitives()) {
                stickiness(options, rsc);
            }
        }
        for (ClusterNode node : nodes.values()) {
            for (ScheduledResource top : resources) {
                for (ScheduledResource rsc : top.primitives()) {
                    if (thresholdReached(rsc, node)) {
                        rsc.addScore(node.uname(), node.weight(), -Scores.INFINITY);
                    }
                }
            }
        }
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

    private static boolean thresholdReached(ScheduledResource rsc, ClusterNode node) {
        int threshold = rsc.config().migrationThreshold();
        if (threshold == 0 || rsc.failureIgnored) {
            return false;
        }
        int failures = failCount(rsc.id(), node);
        return failures > 0 && threshold - failures <= 0;
    }

    /** The sum of the resource's fail-count attributes on a node (all operations). */
    static int failCount(String rscId, ClusterNode node) {
        String plain = "fail-count-" + rscId;
        int total = 0;
        for (Map.Entry<String, String> attribute : node.attributes().entrySet()) {
            String name = attribute.getKey();
            if (name.equals(plain) || name.startsWith(plain + "#")) {
                total = Scores.add(total, Scores.parse(attribute.getValue()));
            }
        }
        return total;
    }
}
