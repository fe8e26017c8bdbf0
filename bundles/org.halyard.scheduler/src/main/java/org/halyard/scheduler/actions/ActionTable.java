package org.halyard.scheduler.actions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.cluster.NoQuorumPolicy;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * The actions of one scheduler run, indexed by resource, created as Pacemaker's custom_action
 * does: an existing action with the same key and node is reused, and runnability follows the
 * node's state and the quorum policy.
 */
public final class ActionTable {

    private final ClusterOptions options;
    private final Map<String, ClusterNode> nodes;
    private final List<Action> all = new ArrayList<>();
    private final Map<ScheduledResource, List<Action>> byResource = new HashMap<>();

    public ActionTable(ClusterOptions options, Map<String, ClusterNode> nodes) {
        this.options = options;
        this.nodes = nodes;
    }

    /**
     * Where a resource is active for deciding a move and describing it (Pacemaker's
     * pe__current_node): unless its starts need fencing, an online clean node is preferred
     * over the first one listed, since it may start elsewhere before an unclean node is fenced.
     */
    public String activeNode(ScheduledResource rsc) {
        if (!rsc.config().needsFencing()) {
            for (String node : rsc.runningOn) {
                ClusterNode n = nodes.get(node);
                if (n != null && n.online() && !n.unclean()) {
                    return node;
                }
            }
        }
        return rsc.currentNode();
    }

    /** Every action in creation order. */
    public List<Action> all() {
        return all;
    }

    public List<Action> of(ScheduledResource rsc) {
        return byResource.getOrDefault(rsc, List.of());
    }

    /** Actions of a resource with this task on a node (any node when node is null). */
    public List<Action> find(ScheduledResource rsc, String task, String node) {
        List<Action> result = new ArrayList<>();
        for (Action action : of(rsc)) {
            if (action.task().equals(task)
                    && (node == null || action.node == null || node.equals(action.node))) {
                result.add(action);
            }
        }
        return result;
    }

    public Action first(ScheduledResource rsc, String task, String node) {
        List<Action> found = find(rsc, task, node);
        return found.isEmpty() ? null : found.get(0);
    }

    /** A node-level action (fencing), always required. */
    public Action nodeAction(String task, String node, String reason) {
        Action action = new Action(all.size(), null, task, node, false);
        action.reason = reason;
        all.add(action);
        return action;
    }

    /** A resource action: reused if one with the same key and node exists. */
    public Action resourceAction(ScheduledResource rsc, String task, String node,
            boolean optional) {
        Action action = null;
        for (Action existing : of(rsc)) {
            if (existing.task().equals(task)
                    && (node == null || existing.node == null || node.equals(existing.node))) {
                action = existing;
                if (existing.node == null) {
                    existing.node = node;
                }
                break;
            }
        }
        if (action == null) {
            action = new Action(all.size(), rsc, task, node, optional);
            all.add(action);
            byResource.computeIfAbsent(rsc, r -> new ArrayList<>()).add(action);
        }
        updateOptional(action, optional);
        updateRunnable(action);
        return action;
    }

    /**
     * The pseudo-action marking that the resources leaving a node have stopped, so the capacity
     * they used is free (load_stopped_NODE), created once per node.
     */
    public Action loadStopped(String node) {
        String task = "load_stopped_" + node;
        for (Action action : all) {
            if (action.rsc() == null && action.task().equals(task)) {
                return action;
            }
        }
        Action action = new Action(all.size(), null, task, node, false);
        action.pseudo = true;
        all.add(action);
        return action;
    }

    /**
     * The pseudo-action standing for "one or more of a set" (a set with require-all=false,
     * or clone-min instances of a clone), created once per name.
     *
     * @param required how many actions ordered before it must be runnable (0 means one)
     */
    public Action oneOrMore(String name, int required) {
        for (Action action : all) {
            if (action.rsc() == null && action.requiredBefore > 0 && action.task().equals(name)) {
                action.requiredBefore = Math.max(action.requiredBefore, required);
                return action;
            }
        }
        Action action = new Action(all.size(), null, name, null, true);
        action.pseudo = true;
        action.runnable = true;
        action.requiredBefore = Math.max(1, required);
        all.add(action);
        return action;
    }

    /** A pseudo-action of a collective resource (a group's start, running, stop, stopped). */
    public Action pseudoAction(ScheduledResource rsc, String task) {
        return pseudoAction(rsc, task, true, true);
    }

    /** A pseudo-action of a collective resource with the given flags (a clone's). */
    public Action pseudoAction(ScheduledResource rsc, String task, boolean optional,
            boolean runnable) {
        Action action = resourceAction(rsc, task, null, optional);
        action.pseudo = true;
        action.runnable = runnable;
        return action;
    }

    private static void updateOptional(Action action, boolean optional) {
        if (action.node != null && !action.pseudo && !action.rsc().managed) {
            action.optional = true;
        } else if (!optional) {
            action.optional = false;
        }
    }

    private void updateRunnable(Action action) {
        if (action.pseudo) {
            return;
        }
        ClusterNode node = action.node == null ? null : nodes.get(action.node);
        if (node == null) {
            action.runnable = false;
        } else if (!node.online()) {
            action.runnable = false;
        } else if (node.pending()) {
            action.runnable = false;
        } else if (!"start".equals(action.task()) && !"promote".equals(action.task())
                || !action.rsc().config().needsQuorum()) {
            // An action that needs neither quorum nor fencing loses any earlier reason
            action.reason = null;
            action.runnable = true;
        } else {
            quorumRunnable(action);
        }
    }

    private void quorumRunnable(Action action) {
        ScheduledResource rsc = action.rsc();
        NoQuorumPolicy policy = effectivePolicy(rsc);
        if (policy == NoQuorumPolicy.STOP || policy == NoQuorumPolicy.SUICIDE) {
            action.runnable = false;
            action.setReason("no quorum", true);
        } else if (policy == NoQuorumPolicy.FREEZE) {
            if (rsc.runningOn.isEmpty() || rsc.nextRole.compareTo(rsc.role) > 0) {
                action.runnable = false;
                action.setReason("quorum freeze", true);
            }
        } else {
            action.runnable = true;
        }
    }

    /**
     * Pacemaker's effective_quorum_policy: without quorum, no-quorum-policy=demote lets an
     * active instance of a promotable clone keep running, but no higher than Unpromoted;
     * anything else stops.
     */
    private NoQuorumPolicy effectivePolicy(ScheduledResource rsc) {
        NoQuorumPolicy policy = options.effectiveQuorumPolicy();
        if (policy != NoQuorumPolicy.DEMOTE) {
            return policy;
        }
        if (rsc.role != Role.PROMOTED && rsc.role != Role.UNPROMOTED) {
            return NoQuorumPolicy.STOP;
        }
        if (rsc.nextRole.compareTo(Role.UNPROMOTED) > 0) {
            rsc.nextRole = Role.UNPROMOTED;
        }
        return NoQuorumPolicy.IGNORE;
    }

    /** True if the resource will be in at least this role (helper for the summary). */
    public static boolean active(ScheduledResource rsc) {
        return rsc.role.compareTo(Role.STOPPED) > 0;
    }
}
