package org.halyard.scheduler;

import java.util.List;
import java.util.Map;
import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.actions.ActionTable;
import org.halyard.scheduler.actions.OrderFlags;
import org.halyard.scheduler.actions.OrderingGraph;
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
            Action stonith = actions.nodeAction("stonith", node.uname(), reason);
            summary.addNodeAction("Fence (" + options.stonithAction() + ")", node.uname(),
                    reason);
            for (Action action : List.copyOf(actions.all())) {
                ScheduledResource rsc = action.rsc();
                if (rsc != null && rsc.children().isEmpty() && rsc.managed) {
                    orderVsFencing(action, node.uname(), stonith, actions);
                }
            }
        }
    }

    /**
     * Pacemaker's order_start_vs_fencing and order_stop_vs_fencing: what runs on the fenced node
     * is stopped (and demoted) by the fencing, and what needs fencing (requires=fencing, the
     * default with stonith) starts or is promoted anywhere only after it. Without these a
     * survivor could promote its instance while the hung node still runs the promoted one.
     */
    private static void orderVsFencing(Action action, String target, Action stonith, ActionTable actions) {
        boolean needsFencing = action.rsc().config().needsFencing();
        boolean onTarget = target.equals(action.node());
        switch (action.task()) {
            case "stop", "demote" -> {
                if (onTarget) {
                    action.impliedByFencing();
                    if (needsFencing) {
                        OrderingGraph.link(stonith, action, OrderFlags.OPTIONAL);
                        if ("stop".equals(action.task())) {
                            OrderingGraph.link(stonith,
                                    actions.first(action.rsc().top(), "stop", null), OrderFlags.OPTIONAL);
                        }
                    }
                }
            }
            case "start", "promote" -> {
                if (needsFencing) {
                    OrderingGraph.link(stonith, action, OrderFlags.OPTIONAL);
                }
            }
            default -> {
            }
        }
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
