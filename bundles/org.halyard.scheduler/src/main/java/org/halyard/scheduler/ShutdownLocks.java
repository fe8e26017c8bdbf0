package org.halyard.scheduler;

import java.util.List;
import java.util.Map;
import org.halyard.cib.model.CibValues;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * The shutdown-lock cluster option (Pacemaker's pcmk__primitive_shutdown_lock): a resource
 * active on a node that shuts down cleanly stays locked to it (banned everywhere else) until
 * the node returns or shutdown-lock-limit expires. A lock recorded in the history (read by
 * HistoryReader) counts too.
 */
final class ShutdownLocks {

    private ShutdownLocks() {
    }

    static boolean enabled(ClusterOptions options) {
        return CibValues.isTrue(options.options().get("shutdown-lock"));
    }

    static void apply(ClusterOptions options, Map<String, ClusterNode> nodes,
            List<ScheduledResource> topLevel) {
        if (!enabled(options)) {
            return;
        }
        for (ScheduledResource top : topLevel) {
            for (ScheduledResource rsc : top.primitives()) {
                lock(rsc, nodes);
            }
        }
    }

    private static void lock(ScheduledResource rsc, Map<String, ClusterNode> nodes) {
        if (rsc.config().isStonith()) {
            return; // fence devices are never locked
        }
        if (rsc.lockNode != null) {
            if (!rsc.runningOn.isEmpty()) {
                rsc.lockNode = null; // started elsewhere meanwhile: leave it alone
            }
        } else if (rsc.runningOn.size() == 1) {
            ClusterNode node = nodes.get(rsc.runningOn.get(0));
            if (node.shutdown() && !node.unclean()) {
                rsc.lockNode = node.uname();
            }
        }
        if (rsc.lockNode == null) {
            return;
        }
        for (ClusterNode node : nodes.values()) {
            if (!node.uname().equals(rsc.lockNode)) {
                rsc.addScore(node.uname(), node.weight(), -Scores.INFINITY);
            }
        }
    }
}
