package org.halyard.scheduler.output;

import java.util.ArrayList;
import java.util.List;
import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.actions.ActionTable;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * Derives the transition summary from current state, assignment and actions, line for line
 * as crm_simulate decides between Start, Stop, Move, Recover and Restart.
 */
public final class SummaryBuilder {

    private final ActionTable actions;
    private final List<SummaryItem> items = new ArrayList<>();

    public SummaryBuilder(ActionTable actions) {
        this.actions = actions;
    }

    public List<SummaryItem> items() {
        return items;
    }

    /** Node actions are listed newest first, as crm_simulate lists them. */
    public void addNodeAction(String change, String node, String reason) {
        items.add(0, new SummaryItem(change, node, null, reason, true));
    }

    /** Adds the line(s) for a resource and, for a group, its members. */
    public void addResource(ScheduledResource rsc) {
        if (!rsc.children().isEmpty()) {
            rsc.children().forEach(this::addResource);
            return;
        }
        String current = rsc.currentNode();
        String next = rsc.assignedTo;
        if (current != null && rsc.role == Role.STOPPED) {
            rsc.role = Role.STARTED;
        }
        if ((current == null && rsc.orphan) || !rsc.managed || (current == null && next == null)) {
            return;
        }
        boolean moving = current != null && next != null && !current.equals(next);
        Action start = actions.first(rsc, "start", next);
        String startNode = start == null || !start.runnable() ? null : current;
        Action stop = actions.first(rsc, "stop", startNode);
        if (stop == null && rsc.stopUnexpected) {
            stop = actions.first(rsc, "stop", null); // it stops elsewhere, not where it stays
        }
        if (rsc.role == rsc.nextRole) {
            sameRole(rsc, current, next, moving, start, stop);
        } else {
            roleChange(rsc, current, next, moving, start, stop);
        }
    }

    private void sameRole(ScheduledResource rsc, String current, String next, boolean moving,
            Action start, Action stop) {
        if (rsc.reload) {
            item("Reload", rsc, current, next, start, null);
            return;
        }
        if (start == null || start.optional()) {
            return;
        }
        if (!start.runnable()) {
            Action source = stop != null && stop.reason() != null ? stop : start;
            item("Stop", rsc, current, null, stop != null ? stop : start, source);
        } else if (moving) {
            item(rsc.failed ? "Recover" : "Move", rsc, current, next, stop, null);
        } else if (rsc.failed) {
            item("Recover", rsc, current, null, stop, null);
        } else {
            item("Restart", rsc, current, next, start, null);
        }
    }

    private void roleChange(ScheduledResource rsc, String current, String next, boolean moving,
            Action start, Action stop) {
        if (stop != null && (rsc.nextRole == Role.STOPPED || (start != null && !start.runnable()))) {
            for (String node : rsc.runningOn) {
                Action stopOp = actions.first(rsc, "stop", node);
                Action source = stopOp != null && stopOp.reason() != null ? stopOp : start;
                item("Stop", rsc, node, null, stopOp, source);
            }
        } else if (stop != null && rsc.failed && rsc.stopNeeded) {
            item("Recover", rsc, current, next, stop, start);
        } else if (moving) {
            item("Move", rsc, current, next, stop, null);
        } else if (rsc.reload) {
            item("Reload", rsc, current, next, start, null);
        } else if (stop != null && !stop.optional()) {
            item("Restart", rsc, current, next, start, null);
        } else if (rsc.role == Role.STOPPED && rsc.nextRole.compareTo(Role.STOPPED) > 0) {
            item("Start", rsc, current, next, start, null);
        }
    }

    private void item(String change, ScheduledResource rsc, String origin, String destination,
            Action action, Action source) {
        if (action == null) {
            return;
        }
        Action why = source == null ? action : source;
        String details;
        if (origin == null) {
            details = destination;
        } else if (destination == null || origin.equals(destination)) {
            details = origin;
        } else {
            details = origin + " -> " + destination;
        }
        String reason = null;
        if (why.reason() != null && !action.runnable()) {
            reason = "due to " + why.reason() + " (blocked)";
        } else if (why.reason() != null) {
            reason = "due to " + why.reason();
        } else if (!action.runnable()) {
            reason = "blocked";
        }
        items.add(new SummaryItem(change, rsc.id(), details, reason, false));
    }
}
