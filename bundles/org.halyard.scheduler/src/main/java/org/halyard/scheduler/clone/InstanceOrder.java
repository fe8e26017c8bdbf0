package org.halyard.scheduler.clone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.assign.NodeAvailability;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.colocation.Colocation;
import org.halyard.scheduler.colocation.ColocationIndex;
import org.halyard.scheduler.colocation.ColocationScores;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * The order clone instances are assigned in (Pacemaker's pcmk__cmp_instance): active
 * instances first (less multiply active, on allowed and usable nodes, on less crowded nodes,
 * not failed, better colocated), then by priority, then by instance number.
 */
final class InstanceOrder implements Comparator<ScheduledResource> {

    private final NodeAvailability nodes;
    private final ColocationIndex colocations;
    private final ColocationScores colocationScores;
    private final Map<String, Integer> counts;

    InstanceOrder(NodeAvailability nodes, ColocationIndex colocations,
            ColocationScores colocationScores, Map<String, Integer> counts) {
        this.nodes = nodes;
        this.colocations = colocations;
        this.colocationScores = colocationScores;
        this.counts = counts;
    }

    @Override
    public int compare(ScheduledResource a, ScheduledResource b) {
        List<String> activeA = activeNodes(a);
        List<String> activeB = activeNodes(b);
        if (!activeA.isEmpty() && !activeB.isEmpty() && activeA.size() != activeB.size()) {
            return activeA.size() < activeB.size() ? -1 : 1;
        }
        String nodeA = allowedOrNull(a, activeNode(a, activeA));
        String nodeB = allowedOrNull(b, activeNode(b, activeB));
        boolean canA = nodeA != null || activeA.isEmpty();
        boolean canB = nodeB != null || activeB.isEmpty();
        if (canA != canB) {
            return canA ? -1 : 1;
        }
        if (a.priority != b.priority) {
            return a.priority > b.priority ? -1 : 1;
        }
        if (nodeA == null || nodeB == null) {
            return nodeA == null && nodeB == null ? 0 : nodeA == null ? 1 : -1;
        }
        int result = byNode(a, b, nodeA, nodeB);
        return result != 0 ? result
                : Integer.compare(a.instanceNumber(), b.instanceNumber());
    }

    private int byNode(ScheduledResource a, ScheduledResource b, String nodeA, String nodeB) {
        boolean usableA = nodes.canRun(nodeA);
        boolean usableB = nodes.canRun(nodeB);
        if (usableA != usableB) {
            return usableA ? -1 : 1;
        }
        ScheduledResource clone = a.parent();
        boolean parentA = clone.allowed.containsKey(nodeA);
        boolean parentB = clone.allowed.containsKey(nodeB);
        if (!parentA || !parentB) {
            return parentA == parentB ? 0 : parentA ? -1 : 1;
        }
        int countA = counts.getOrDefault(nodeA, 0);
        int countB = counts.getOrDefault(nodeB, 0);
        if (countA != countB) {
            return countA < countB ? -1 : 1;
        }
        boolean failedA = failed(a);
        boolean failedB = failed(b);
        if (failedA != failedB) {
            return failedA ? 1 : -1;
        }
        int scoreA = colocatedScore(a);
        int scoreB = colocatedScore(b);
        return scoreA == scoreB ? 0 : scoreA > scoreB ? -1 : 1;
    }

    /** The nodes an instance (or any member of it) is active on. */
    private static List<String> activeNodes(ScheduledResource instance) {
        List<String> active = new ArrayList<>();
        for (ScheduledResource primitive : instance.primitives()) {
            for (String node : primitive.runningOn) {
                if (!active.contains(node)) {
                    active.add(node);
                }
            }
        }
        return active;
    }

    /** Pacemaker's pe__find_active_on: a clean online node unless starts need fencing. */
    private String activeNode(ScheduledResource instance, List<String> active) {
        if (active.isEmpty()) {
            return null;
        }
        boolean needsFencing = instance.primitives().stream()
                .anyMatch(p -> p.config().needsFencing());
        if (!needsFencing) {
            for (String node : active) {
                ClusterNode n = nodes.node(node);
                if (n.online() && !n.unclean()) {
                    return node;
                }
            }
        }
        return active.get(0);
    }

    private static String allowedOrNull(ScheduledResource instance, String node) {
        if (node == null) {
            return null;
        }
        Integer score = instance.allowed.get(node);
        return score == null || score < 0 ? null : node;
    }

    private static boolean failed(ScheduledResource rsc) {
        return rsc.failed || rsc.children().stream().anyMatch(InstanceOrder::failed);
    }

    /** The instance's current node scored by its clone's colocations. */
    private int colocatedScore(ScheduledResource instance) {
        String current = CloneAssigner.currentNode(instance);
        ScheduledResource clone = instance.parent();
        Map<String, Integer> table = new LinkedHashMap<>();
        table.put(current, nodes.node(current).weight());
        for (Colocation c : colocations.thisWith(clone)) {
            table = colocationScores.addColocatedScores(c.primary(), table, c.nodeAttribute(),
                    c.score() / (float) Scores.INFINITY, false, false);
        }
        for (Colocation c : colocations.withThis(clone)) {
            if (c.influence() || current == null) {
                table = colocationScores.addColocatedScores(c.dependent(), table,
                        c.nodeAttribute(), c.score() / (float) Scores.INFINITY, false, true);
            }
        }
        return table.get(current);
    }
}
