package org.halyard.scheduler.actions;

import java.util.Map;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * Creates the start and stop actions that take a primitive from its current state to its
 * assigned one (Pacemaker's pcmk__primitive_create_actions): optional stop and start when it
 * stays, required ones when it moves, restarts after a failure, or stops.
 */
public final class PrimitiveActions {

    private final ActionTable actions;
    private final Map<String, ClusterNode> nodes;
    /** Restart actions are being created (Pacemaker's pe_rsc_restarting). */
    private boolean restarting;

    public PrimitiveActions(ActionTable actions, Map<String, ClusterNode> nodes) {
        this.actions = actions;
        this.nodes = nodes;
    }

    public void create(ScheduledResource rsc) {
        if (rsc.nextRole == Role.UNKNOWN) {
            rsc.nextRole = rsc.assignedTo == null ? Role.STOPPED : Role.STARTED;
        }
        if (rsc.forcedStopNode != null) {
            actions.resourceAction(rsc, "stop", rsc.forcedStopNode, false);
        }
        if (rsc.definitionChanged) {
            // Required before the start exists: it takes the node it is created on
            actions.resourceAction(rsc, "start", null, false)
                    .setReason("resource definition change", true);
        }
        String current = activeNode(rsc);
        boolean needStop = false;
        boolean moving = current != null && rsc.assignedTo != null
                && !current.equals(rsc.assignedTo) && rsc.nextRole.atLeast(Role.STARTED);
        if (moving) {
            needStop = true;
        }
        long clean = rsc.runningOn.stream().filter(n -> !nodes.get(n).unclean()).count();
        long active = rsc.config().needsFencing() ? rsc.runningOn.size() : clean;
        String policy = rsc.config().multipleActive();
        rsc.stopUnexpected = active > 1 && "stop_unexpected".equals(policy);
        if (active > 1 && ("stop_start".equals(policy) || rsc.stopUnexpected)) {
            needStop = true;
        }
        if (rsc.startPending && rsc.assignedTo != null) {
            actions.resourceAction(rsc, "start", rsc.assignedTo, true).printAlways = true;
        }
        if (!moving && (rsc.failed && rsc.stopNeeded || rsc.blocked)) {
            needStop = true;
        }
        restartActions(rsc, needStop);
        roleTransition(rsc);
    }

    /**
     * Where it is active for deciding a move (Pacemaker's pe__find_active_on): unless its starts
     * need fencing, a node that is online and clean is preferred over the first one listed.
     */
    private String activeNode(ScheduledResource rsc) {
        if (!rsc.config().needsFencing()) {
            for (String node : rsc.runningOn) {
                ClusterNode n = nodes.get(node);
                if (n.online() && !n.unclean()) {
                    return node;
                }
            }
        }
        return rsc.currentNode();
    }

    private void restartActions(ScheduledResource rsc, boolean needStop) {
        restarting = true;
        Role role = rsc.role;
        if (role != Role.STOPPED) {
            stop(rsc, !needStop);
            role = Role.STOPPED;
        }
        if (rsc.role.compareTo(rsc.nextRole) <= 0 && role != rsc.role && !rsc.blocked) {
            start(rsc, !needStop);
        }
        restarting = false;
    }

    /**
     * With multiple-active=stop_unexpected, the node it is assigned to is where it is expected:
     * while restarting, it is neither stopped nor really started there.
     */
    private boolean expectedNode(ScheduledResource rsc, String node) {
        return restarting && rsc.stopUnexpected && rsc.nextRole.compareTo(Role.STOPPED) > 0
                && node.equals(rsc.assignedTo);
    }

    private void roleTransition(ScheduledResource rsc) {
        Role role = rsc.role;
        if (role == rsc.nextRole) {
            return;
        }
        if (role == Role.STOPPED && rsc.nextRole.atLeast(Role.STARTED)) {
            start(rsc, false);
        } else if (role.atLeast(Role.STARTED) && rsc.nextRole == Role.STOPPED) {
            stop(rsc, false);
        }
    }

    private void stop(ScheduledResource rsc, boolean optional) {
        for (String node : rsc.runningOn) {
            if (expectedNode(rsc, node)) {
                continue;
            }
            Action stop = actions.resourceAction(rsc, "stop", node, optional);
            if (rsc.assignedTo == null) {
                stop.setReason("node availability", true);
            } else if (restarting && rsc.stopUnexpected) {
                stop.setReason("being multiply active", true);
            }
            if (!rsc.managed) {
                stop.runnable = false;
            }
        }
    }

    private void start(ScheduledResource rsc, boolean optional) {
        if (rsc.assignedTo == null) {
            return;
        }
        Action start = actions.resourceAction(rsc, "start", rsc.assignedTo, true);
        if (start.runnable && !optional) {
            start.optional = false;
        }
        if (expectedNode(rsc, rsc.assignedTo)) {
            start.pseudo = true; // it already runs there
        }
    }
}
