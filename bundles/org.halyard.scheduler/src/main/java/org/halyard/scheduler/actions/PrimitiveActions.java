package org.halyard.scheduler.actions;

import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_FIRST_MIGRATABLE;
import static org.halyard.scheduler.actions.OrderFlags.OPTIONAL;
import static org.halyard.scheduler.actions.OrderFlags.PSEUDO_LEFT;

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
        if (rsc.demoteNode != null) {
            actions.resourceAction(rsc, "demote", rsc.demoteNode, false);
        }
        if (rsc.definitionChanged) {
            // Required before the start exists: it takes the node it is created on
            actions.resourceAction(rsc, "start", null, false)
                    .setReason("resource definition change", true);
        }
        String current = actions.activeNode(rsc);
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
        boolean needPromote = false;
        if (moving) {
            // the remaining checks are for a resource staying where it is
        } else if (rsc.failed) {
            // Without a required stop, a failed promoted instance recovers by demotion
            needStop |= rsc.stopNeeded;
            needPromote = !rsc.stopNeeded && rsc.nextRole == Role.PROMOTED;
        } else if (rsc.blocked) {
            needStop = true;
        } else if (rsc.role.compareTo(Role.STARTED) > 0 && current != null
                && rsc.assignedTo != null) {
            // A promoted instance whose start became required must restart
            Action start = actions.resourceAction(rsc, "start", rsc.assignedTo, true);
            needStop |= !start.optional;
        }
        restartActions(rsc, current, needStop, needPromote);
        roleTransition(rsc);
        startForRecurring(rsc);
        if (moving && active <= 1 && canMigrate(rsc, current)) {
            migrationActions(rsc, current);
        }
    }

    /** Pacemaker's pcmk__rsc_can_migrate: only a healthy, singly active, unpromoted move. */
    private boolean canMigrate(ScheduledResource rsc, String current) {
        return rsc.config().allowMigrate() && rsc.managed && !rsc.failed && !rsc.startPending
                && !nodes.get(current).unclean() && rsc.nextRole.compareTo(Role.UNPROMOTED) <= 0
                && rsc.runningOn.size() == 1;
    }

    /**
     * A move by live migration (pcmk__create_migration_actions): migrate_to on the old node,
     * migrate_from on the new one, then the stop on the old node; the start becomes a
     * pseudo-action. Orderings undo the migration (back to stop and start) if any part of it
     * cannot happen.
     */
    private void migrationActions(ScheduledResource rsc, String current) {
        Action start = actions.resourceAction(rsc, "start", rsc.assignedTo, true);
        Action stop = actions.resourceAction(rsc, "stop", current, true);
        Action migrateTo = actions.resourceAction(rsc, "migrate_to", current, true);
        Action migrateFrom = actions.resourceAction(rsc, "migrate_from", rsc.assignedTo, true);
        if (!start.runnable) {
            // a migration needs what the start needs (quorum, fencing)
            migrateTo.runnable = false;
            migrateFrom.runnable = false;
        }
        rsc.migrating = true;
        start.migrateRunnable = true;
        stop.migrateRunnable = true;
        migrateTo.migrateRunnable = true;
        migrateFrom.migrateRunnable = true;
        start.pseudo = true;
        OrderingGraph.link(migrateTo, migrateFrom, OPTIONAL | IMPLIES_FIRST_MIGRATABLE);
        OrderingGraph.link(migrateFrom, stop, OPTIONAL | IMPLIES_FIRST_MIGRATABLE);
        OrderingGraph.link(migrateFrom, start, OPTIONAL | IMPLIES_FIRST_MIGRATABLE | PSEUDO_LEFT);
    }

    /**
     * Pacemaker creates the recurring monitors of an active role after an (optional) start
     * where the resource is assigned, so that start exists even when no role change needs it
     * (pcmk__create_recurring_actions); the summary and orderings then find it on that node.
     */
    private void startForRecurring(ScheduledResource rsc) {
        if (rsc.blocked || rsc.assignedTo == null
                || nodes.get(rsc.assignedTo).maintenance()) {
            return;
        }
        if (rsc.nextRole != Role.STOPPED || !rsc.managed) {
            actions.resourceAction(rsc, "start", rsc.assignedTo, true);
        }
    }

    private void restartActions(ScheduledResource rsc, String current, boolean needStop,
            boolean needPromote) {
        restarting = true;
        Role role = rsc.role;
        while (role != Role.STOPPED) {
            Role next = RoleTransitions.next(role, Role.STOPPED);
            if (!transition(rsc, role, next, !needStop)) {
                break;
            }
            role = next;
        }
        while (rsc.role.compareTo(rsc.nextRole) <= 0 && role != rsc.role && !rsc.blocked) {
            Role next = RoleTransitions.next(role, rsc.role);
            boolean required = needStop || (next == Role.PROMOTED && needPromote);
            if (!transition(rsc, role, next, !required)) {
                break;
            }
            role = next;
        }
        restarting = false;
    }

    /** Schedules the action taking a resource from one role to the next; false if none. */
    private boolean transition(ScheduledResource rsc, Role from, Role to, boolean optional) {
        switch (RoleTransitions.task(from, to)) {
            case "stop" -> stop(rsc, optional);
            case "start" -> start(rsc, optional);
            case "promote" -> promote(rsc, optional);
            case "demote" -> demote(rsc, optional);
            default -> {
                return false;
            }
        }
        return true;
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
        while (role != rsc.nextRole) {
            Role next = RoleTransitions.next(role, rsc.nextRole);
            if (!transition(rsc, role, next, false)) {
                break;
            }
            role = next;
        }
    }

    /** Promotes where it is assigned, unless a start there cannot run. */
    private void promote(ScheduledResource rsc, boolean optional) {
        if (rsc.assignedTo == null) {
            return;
        }
        boolean runnable = actions.find(rsc, "start", rsc.assignedTo).stream()
                .allMatch(Action::runnable);
        if (runnable) {
            Action promote = actions.resourceAction(rsc, "promote", rsc.assignedTo, optional);
            if (expectedNode(rsc, rsc.assignedTo)) {
                promote.pseudo = true;
            }
        } else {
            actions.find(rsc, "promote", rsc.assignedTo).forEach(Action::clearRunnable);
        }
    }

    /** Demotes wherever it is active (a multiply active instance everywhere). */
    private void demote(ScheduledResource rsc, boolean optional) {
        for (String node : rsc.runningOn) {
            if (!expectedNode(rsc, node)) {
                actions.resourceAction(rsc, "demote", node, optional);
            }
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
