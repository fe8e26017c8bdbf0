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

    public PrimitiveActions(ActionTable actions, Map<String, ClusterNode> nodes) {
        this.actions = actions;
        this.nodes = nodes;
    }

    public void create(ScheduledResource rsc) {
        if (rsc.nextRole == Role.UNKNOWN) {
            rsc.nextRole = rsc.assignedTo == null ? Role.STOPPED : Role.STARTED;
        }
        String current = rsc.currentNode();
        boolean needStop = false;
        boolean moving = current != null && rsc.assignedTo != null
                && !current.equals(rsc.assignedTo) && rsc.nextRole.atLeast(Role.STARTED);
        if (moving) {
            needStop = true;
        }
        long clean = rsc.runningOn.stream().filter(n -> !nodes.get(n).unclean()).count();
        long active = rsc.config().needsFencing() ? rsc.runningOn.size() : clean;
        if (active > 1 && "stop_start".equals(rsc.config().multipleActive())) {
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

    private void restartActions(ScheduledResource rsc, boolean needStop) {
        Role role = rsc.role;
        if (role != Role.STOPPED) {
            stop(rsc, !needStop);
            role = Role.STOPPED;
        }
        if (rsc.role.compareTo(rsc.nextRole) <= 0 && role != rsc.role && !rsc.blocked) {
            start(rsc, !needStop);
        }
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
            Action stop = actions.resourceAction(rsc, "stop", node, optional);
            if (rsc.assignedTo == null) {
                stop.setReason("node availability", true);
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
    }
}
