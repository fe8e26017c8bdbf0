package org.halyard.scheduler.assign;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.resource.Scores;
import org.halyard.scheduler.utilization.NodeCapacities;
import org.halyard.scheduler.utilization.PlacementStrategy;

/**
 * The nodes of one scheduler run with what assignment needs of them: can they run resources,
 * how many resources and how much capacity were assigned to each so far (to spread load), and
 * how to rank them.
 */
public final class NodeAvailability {

    private final Map<String, ClusterNode> nodes;
    private final Map<String, Integer> assignedCount = new HashMap<>();
    private final PlacementStrategy strategy;
    private final NodeCapacities capacities;

    public NodeAvailability(Map<String, ClusterNode> nodes, PlacementStrategy strategy,
            NodeCapacities capacities) {
        this.nodes = nodes;
        this.strategy = strategy;
        this.capacities = capacities;
    }

    public PlacementStrategy strategy() {
        return strategy;
    }

    public NodeCapacities capacities() {
        return capacities;
    }

    /** Node names in configuration order. */
    public List<String> names() {
        return List.copyOf(nodes.keySet());
    }

    public ClusterNode node(String name) {
        return nodes.get(name);
    }

    /** pcmk__node_available(node, consider_score=false). */
    public boolean canRun(String name) {
        ClusterNode node = nodes.get(name);
        return node != null && node.canRunResources();
    }

    /** pcmk__node_available(node, consider_score=true) for a score-table entry. */
    public boolean canRun(String name, int score) {
        return score >= 0 && canRun(name);
    }

    /** Whether any entry of a score table is a node that can run the resource. */
    public boolean anyAvailable(Map<String, Integer> table) {
        for (Map.Entry<String, Integer> entry : table.entrySet()) {
            if (canRun(entry.getKey(), entry.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Records a resource with these utilization requirements assigned to a node. */
    public void countAssignment(String node, Map<String, Integer> requirements) {
        assignedCount.merge(node, 1, Integer::sum);
        capacities.consume(node, requirements);
    }

    /** Undoes {@link #countAssignment}. */
    public void uncountAssignment(String node, Map<String, Integer> requirements) {
        assignedCount.merge(node, -1, Integer::sum);
        capacities.release(node, requirements);
    }

    public int assignedCount(String node) {
        return assignedCount.getOrDefault(node, 0);
    }

    /** The attribute of a node, or null for an unknown node. */
    public String attribute(String node, String name) {
        ClusterNode n = nodes.get(node);
        return n == null ? null : n.attribute(name);
    }

    /**
     * Ranks score-table entries as Pacemaker's compare_nodes: score (unavailable nodes count as
     * -INFINITY); then under the minimal strategy just the name, so resources pack onto the
     * same nodes; under balanced more free capacity first; then fewer assigned resources, the
     * node currently running the resource, name.
     */
    public Comparator<Map.Entry<String, Integer>> ranking(String active) {
        return (a, b) -> {
            int wa = canRun(a.getKey()) ? a.getValue() : -Scores.INFINITY;
            int wb = canRun(b.getKey()) ? b.getValue() : -Scores.INFINITY;
            if (wa != wb) {
                return wa > wb ? -1 : 1;
            }
            if (strategy == PlacementStrategy.MINIMAL) {
                return a.getKey().compareTo(b.getKey());
            }
            if (strategy == PlacementStrategy.BALANCED) {
                int free = capacities.compare(a.getKey(), b.getKey());
                if (free != 0) {
                    return free < 0 ? -1 : 1;
                }
            }
            int ca = assignedCount(a.getKey());
            int cb = assignedCount(b.getKey());
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            if (active != null) {
                if (active.equals(a.getKey())) {
                    return -1;
                } else if (active.equals(b.getKey())) {
                    return 1;
                }
            }
            return a.getKey().compareTo(b.getKey());
        };
    }

    /** The score table's entries, best first. */
    public List<Map.Entry<String, Integer>> sorted(Map<String, Integer> table, String active) {
        List<Map.Entry<String, Integer>> entries = table.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        return List.copyOf(MergeSort.sort(entries, ranking(active)));
    }
}
