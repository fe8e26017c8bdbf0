package org.halyard.scheduler.utilization;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.nodes.Nodes;

/**
 * The capacity each node has left while resources are assigned: configured capacity minus the
 * requirements of the resources assigned to it so far. An attribute a node does not define
 * counts as 0.
 */
public final class NodeCapacities {

    private final Map<String, Map<String, Integer>> remaining = new HashMap<>();

    /** @param configured each node's configured capacities, by node name */
    public NodeCapacities(Map<String, Map<String, Integer>> configured) {
        configured.forEach((node, capacity) -> remaining.put(node, new HashMap<>(capacity)));
    }

    /** The capacities the configured nodes offer, before anything is assigned. */
    public static NodeCapacities configured(Cib cib, LocalDateTime now) {
        Map<String, Map<String, Integer>> configured = new HashMap<>();
        for (Node node : cib.configuration().flatMap(Configuration::nodes).map(Nodes::nodes)
                .orElse(List.of())) {
            String uname = node.getUname() != null ? node.getUname() : node.getId();
            configured.putIfAbsent(uname, Utilization.read(node.utilizations(), now));
        }
        return new NodeCapacities(configured);
    }

    /** What a node has left of each attribute it defines (a copy). */
    public Map<String, Integer> remaining(String node) {
        return Map.copyOf(capacity(node));
    }

    /**
     * Takes a resource's requirements from a node. As in Pacemaker, an attribute the node does
     * not define becomes 0 rather than negative.
     */
    public void consume(String node, Map<String, Integer> requirements) {
        Map<String, Integer> capacity = capacity(node);
        requirements.forEach((name, required) -> capacity.compute(name,
                (k, current) -> current == null ? 0 : current - required));
    }

    /** Gives a resource's requirements back to a node (an unassignment). */
    public void release(String node, Map<String, Integer> requirements) {
        Map<String, Integer> capacity = capacity(node);
        requirements.forEach((name, required) -> capacity.merge(name, required, Integer::sum));
    }

    /** Whether a node has what is left for every requirement. */
    public boolean hasEnough(String node, Map<String, Integer> requirements) {
        Map<String, Integer> capacity = capacity(node);
        for (Map.Entry<String, Integer> required : requirements.entrySet()) {
            if (required.getValue() > capacity.getOrDefault(required.getKey(), 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares free capacity attribute by attribute (pcmk__compare_node_capacities): each
     * attribute where a node has more counts one for it.
     *
     * @return negative if node1 has more free capacity, positive if node2 has, else 0
     */
    public int compare(String node1, String node2) {
        Map<String, Integer> c1 = capacity(node1);
        Map<String, Integer> c2 = capacity(node2);
        Set<String> names = new HashSet<>(c1.keySet());
        names.addAll(c2.keySet());
        int result = 0;
        for (String name : names) {
            result -= Integer.compare(c1.getOrDefault(name, 0), c2.getOrDefault(name, 0));
        }
        return result;
    }

    private Map<String, Integer> capacity(String node) {
        return remaining.computeIfAbsent(node, k -> new HashMap<>());
    }
}
