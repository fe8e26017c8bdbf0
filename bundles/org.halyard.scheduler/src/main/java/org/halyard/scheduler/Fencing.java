package org.halyard.scheduler;

import java.util.List;
import java.util.Map;
import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.actions.ActionTable;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.cluster.NoQuorumPolicy;
import org.halyard.scheduler.output.SummaryBuilder;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * Fencing of unclean nodes: a fence action per node that can be fenced, and the stops of its
 * resources become implied by the fencing (pseudo-actions that cannot fail).
 */
final class Fencing {

    private Fencing() {
    }

    static void schedule(ClusterOptions options, Map<String, ClusterNode> nodes,
            List<ScheduledResource> resources, ActionTable actions, boolean haveStonith,
            SummaryBuilder summary) {
        boolean anyManaged = resources.stream().anyMatch(Fencing::managed);
        for (ClusterNode node : nodes.values()) {
            if (!node.unclean() || !anyManaged || !canFence(options, node, haveStonith)) {
                continue;
            }
            String reason = node.fenceReason() == null ? "node is unclean" : node.fenceReason();
            actions.nodeAction("stonith", node.uname(), reason);
            summary.addNodeAction("Fence (" + options.stonithAction() + ")", node.uname(),
                    reason);
            for (Action action : actions.all()) {
                if (action.rsc() != null && "stop".equals(action.task())
                        && node.uname().equals(action.node())) {
                    impliedByFencing(action);
                }
            }
        }
    }

    private static void impliedByFencing(Action stop) {
        stop.impliedByFencing();
    }

    private static boolean managed(ScheduledResource rsc) {
        return rsc.managed || rsc.children().stream().anyMatch(Fencing::managed);
    }

    static boolean canFence(ClusterOptions options, ClusterNode node, boolean haveStonith) {
        if (!options.stonithEnabled() || !haveStonith) {
            return false;
        }
        return options.haveQuorum() || options.noQuorumPolicy() == NoQuorumPolicy.IGNORE
                || node.online();
    }
}
