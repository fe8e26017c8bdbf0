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
     * The pseudo-action standing for "one or more of a set" (a set with require-all=false),
     * created once per name.
     */
    public Action oneOrMore(String name) {
        for (Action action : all) {
            if (action.rsc() == null && action.requiresAny && action.task().equals(name)) {
                return action;
            }
        }
        Action action = new Action(all.size(), null, name, null, true);
        action.pseudo = true;
        action.runnable = true;
        action.requiresAny = true;
        all.add(action);
        return action;
    }

    /** A pseudo-action of a collective resource (a group's start, running, stop, stopped). */
    public Action pseudoAction(ScheduledResource rsc, String task) {
        Action action = resourceAction(rsc, task, null, true);
        action.pseudo = true;
        action.runnable = true;
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
        NoQuorumPolicy policy = options.effectiveQuorumPolicy();
        ScheduledResource rsc = action.rsc();
        if (policy == NoQuorumPolicy.STOP || policy == NoQuorumPolicy.SUICIDE
                || policy == NoQuorumPolicy.DEMOTE) {
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

    /** True if the resource will be in at least this role (helper for the summary). */
    public static boolean active(ScheduledResource rsc) {
        return rsc.role.compareTo(Role.STOPPED) > 0;
    }
}
