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

    /** Adds the line(s) for a resource and, for a group or clone, its members. */
    public void addResource(ScheduledResource rsc) {
        if (!rsc.children().isEmpty()) {
            rsc.children().forEach(this::addResource);
            return;
        }
        String current = actions.activeNode(rsc);
        String next = rsc.assignedTo;
        if (current != null && rsc.role == Role.STOPPED) {
            rsc.role = Role.STARTED;
        }
        if ((current == null && (rsc.orphan || rsc.instanceOrphan)) || !rsc.managed
                || (current == null && next == null)) {
            return;
        }
        boolean moving = current != null && next != null && !current.equals(next);
        Action start = actions.first(rsc, "start", next);
        String startNode = start == null || !start.runnable() ? null : current;
        Action stop = actions.first(rsc, "stop", startNode);
        if (stop == null && rsc.stopUnexpected) {
            stop = actions.first(rsc, "stop", null); // it stops elsewhere, not where it stays
        }
        Actions found = new Actions(start, stop, actions.first(rsc, "promote", next),
                actions.first(rsc, "demote", next));
        if (rsc.role == rsc.nextRole) {
            sameRole(rsc, current, next, moving, found);
        } else {
            roleChange(rsc, current, next, moving, found);
        }
    }

    /** The actions of a resource the summary line depends on. */
    private record Actions(Action start, Action stop, Action promote, Action demote) {
    }

    private void sameRole(ScheduledResource rsc, String current, String next, boolean moving,
            Actions a) {
        Action start = a.start();
        Action stop = a.stop();
        Action migrateFrom = actions.first(rsc, "migrate_from", next);
        if (migrateFrom != null && current != null && migrateFrom.runnable()) {
            item("Migrate", rsc, current, next, start, null);
            return;
        }
        if (rsc.reload) {
            item("Reload", rsc, current, next, start, null);
            return;
        }
        if (start == null || start.optional()) {
            if (a.demote() != null && a.promote() != null && !a.demote().optional()
                    && !a.promote().optional()) {
                item("Re-promote", rsc, current, next, a.promote(), a.demote());
            }
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
            Actions a) {
        Action start = a.start();
        Action stop = a.stop();
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
        } else if (rsc.role == Role.PROMOTED) {
            item("Demote", rsc, current, next, a.demote(), null);
        } else if (rsc.nextRole == Role.PROMOTED) {
            item("Promote", rsc, current, next, a.promote(), null);
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
        String reason = null;
        if (why.reason() != null && !action.runnable()) {
            reason = "due to " + why.reason() + " (blocked)";
        } else if (why.reason() != null) {
            reason = "due to " + why.reason();
        } else if (!action.runnable()) {
            reason = "blocked";
        }
        items.add(new SummaryItem(change, rsc.id(), details(rsc, origin, destination), reason,
                false));
    }

    /** The text in parentheses, with roles where promotion is involved (rsc_action_item). */
    private static String details(ScheduledResource rsc, String origin, String destination) {
        boolean needRole = rsc.role.compareTo(Role.STARTED) > 0
                || rsc.nextRole.compareTo(Role.UNPROMOTED) > 0;
        boolean sameHost = origin != null && origin.equals(destination);
        boolean sameRole = rsc.role == rsc.nextRole;
        String role = rsc.role.text();
        String nextRole = rsc.nextRole.text();
        if (origin == null) {
            return needRole ? role + " -> " + nextRole + " " + destination : destination;
        } else if (destination == null) {
            return needRole ? role + " " + origin : origin;
        } else if (sameRole && sameHost) {
            return needRole ? role + " " + origin : origin;
        } else if (sameRole) {
            return needRole ? origin + " -> " + destination + " " + role
                    : origin + " -> " + destination;
        } else if (sameHost) {
            return role + " -> " + nextRole + " " + origin;
        }
        return role + " " + origin + " -> " + nextRole + " " + destination;
    }
}
