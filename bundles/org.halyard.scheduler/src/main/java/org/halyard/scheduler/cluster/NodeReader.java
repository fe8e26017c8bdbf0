package org.halyard.scheduler.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.halyard.cib.model.Cib;
import org.halyard.scheduler.rules.NodeRules;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.Score;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.nodes.Nodes;
import org.halyard.cib.model.status.NodeState;
import org.halyard.cib.model.status.Status;
import org.halyard.cib.model.status.TransientAttributes;

/**
 * Reads the cluster nodes: configuration plus node_state, deciding online, unclean, standby,
 * maintenance, shutdown and pending as Pacemaker's unpack_node_state does.
 */
public final class NodeReader {

    private NodeReader() {
    }

    /** The nodes in configuration order. */
    public static List<ClusterNode> read(Cib cib, ClusterOptions options) {
        List<ClusterNode> nodes = new ArrayList<>();
        List<Node> configured = cib.configuration().flatMap(Configuration::nodes)
                .map(Nodes::nodes).orElse(List.of());
        Map<String, NodeState> statesById = new HashMap<>();
        Map<String, NodeState> statesByName = new HashMap<>();
        for (NodeState state : cib.status().map(Status::nodeStates).orElse(List.of())) {
            if (state.getId() != null) {
                statesById.putIfAbsent(state.getId(), state);
            }
            if (state.getUname() != null) {
                statesByName.putIfAbsent(state.getUname(), state);
            }
        }
        for (Node node : configured) {
            String uname = node.getUname() != null ? node.getUname() : node.getId();
            NodeState state = statesById.get(node.getId());
            if (state == null || (state.getUname() != null
                    && !state.getUname().equals(uname))) {
                state = Optional.ofNullable(statesByName.get(uname)).orElse(state);
            }
            nodes.add(read(node, uname, state, options));
        }
        return List.copyOf(nodes);
    }

    private static ClusterNode read(Node node, String uname, NodeState state,
            ClusterOptions options) {
        Map<String, String> attributes = new LinkedHashMap<>();
        // Sets apply by score, highest first; a set's rule is evaluated at the current time
        List<AttributeSet> sets = new ArrayList<>(node.instanceAttributes());
        sets.sort(java.util.Comparator.comparingInt(AttributeSet::scoreValue).reversed());
        for (AttributeSet set : sets) {
            if (set.rule().isEmpty()
                    || NodeRules.matches(set.rule().get(), Map.of(), options.now())) {
                set.asMap().forEach((name, value) -> {
                    if (value != null) {
                        attributes.putIfAbsent(name, value);
                    }
                });
            }
        }
        attributes.put("#uname", uname);
        attributes.put("#id", node.getId());
        attributes.put("#kind", "cluster");
        boolean dc = node.getId() != null && node.getId().equals(options.dcUuid());
        attributes.put("#is_dc", dc ? "true" : "false");
        int weight = Score.parse(node.getScore()).map(Score::value).orElse(0);
        if ("ping".equals(node.getType())) {
            return new ClusterNode(node.getId(), uname, weight, attributes, false, false, null,
                    false, false, false, false, state == null, dc);
        }
        if (state == null) {
            // Unseen nodes are unclean until seen, if startup fencing applies
            return new ClusterNode(node.getId(), uname, weight, attributes, false,
                    options.startupFencing(), null, false, false, false, false, true, dc);
        }
        for (TransientAttributes transients : state.transientAttributes().stream().toList()) {
            for (AttributeSet set : transients.instanceAttributes()) {
                putAll(attributes, set, true);
            }
        }
        return NodeMembership.decide(node.getId(), uname, weight, attributes, state, options, dc);
    }

    private static void putAll(Map<String, String> into, AttributeSet set, boolean overwrite) {
        if (set.isConditional()) {
            return;
        }
        set.asMap().forEach((name, value) -> {
            if (value != null && (overwrite || !into.containsKey(name))) {
                into.put(name, value);
            }
        });
    }

    static boolean isTrue(String value) {
        return CibValues.isTrue(value);
    }
}
