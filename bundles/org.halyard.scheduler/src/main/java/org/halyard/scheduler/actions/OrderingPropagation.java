package org.halyard.scheduler.actions;

import static org.halyard.scheduler.actions.OrderFlags.ASYMMETRICAL;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_FIRST;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_FIRST_MIGRATABLE;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_FIRST_PRINTED;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_THEN;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_THEN_PRINTED;
import static org.halyard.scheduler.actions.OrderFlags.ONE_OR_MORE;
import static org.halyard.scheduler.actions.OrderFlags.PROMOTED_IMPLIES_FIRST;
import static org.halyard.scheduler.actions.OrderFlags.PSEUDO_LEFT;
import static org.halyard.scheduler.actions.OrderFlags.RESTART;
import static org.halyard.scheduler.actions.OrderFlags.RUNNABLE_LEFT;
import static org.halyard.scheduler.actions.OrderFlags.SAME_NODE;
import static org.halyard.scheduler.actions.OrderFlags.has;

import java.util.List;
import java.util.function.Consumer;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Variant;

/**
 * Propagates action flags along orderings until nothing changes: a required "first" makes an
 * implied "then" required, an unrunnable "first" makes a runnable-left "then" unrunnable, a
 * restart forces the stop, and so on (Pacemaker's pcmk__update_action_for_orderings). Each
 * change records why, which the transition summary shows ("due to ...").
 */
public final class OrderingPropagation {

    private static final int MAX_ROUNDS = 10_000;

    private final ActionTable actions;
    private final Consumer<Action> onUnrunnable;
    private final Interleave interleave;
    private boolean changed;

    /** @param onUnrunnable called when a start or promote becomes unrunnable (colocations) */
    public OrderingPropagation(ActionTable actions, Consumer<Action> onUnrunnable) {
        this.actions = actions;
        this.onUnrunnable = onUnrunnable;
        this.interleave = new Interleave(actions, () -> changed = true);
    }

    public void run() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            changed = false;
            List<Action> all = List.copyOf(actions.all());
            for (int i = all.size() - 1; i >= 0; i--) {
                update(all.get(i));
            }
            if (!changed) {
                return;
            }
        }
    }

    private record Flags(boolean optional, boolean runnable) {
    }

    private void update(Action then) {
        if (then.requiredBefore > 0) {
            requiresEnough(then);
        }
        for (OrderEdge edge : List.copyOf(then.before)) {
            update(then, edge);
        }
    }

    /** Applies one ordering to its actions. */
    private void update(Action then, OrderEdge edge) {
        if (edge.flags == 0) {
            return;
        }
        Action first = edge.first();
        if (has(edge.flags, SAME_NODE) && first.node != null && then.node != null
                && !first.node.equals(then.node)) {
            edge.flags = 0;
            return;
        }
        if (first.rsc() != null && then.rsc() != null && first.rsc() != then.rsc()
                && !isAncestor(first.rsc(), then.rsc())) {
            first = forOrdering(first);
        }
        if (first != edge.first()) {
            if (OrderingGraph.link(first, then, edge.flags)) {
                changed = true;
            }
            edge.flags = 0;
            return;
        }
        boolean wasRunnable = then.runnable;
        apply(first, then, flags(first, then.node), flags(then, first.node), edge.flags);
        if (wasRunnable && !then.runnable) {
            onUnrunnable.accept(then);
        }
    }

    /**
     * A group member's action changed by an ordering on the group: like Pacemaker, settle its own
     * orderings (a start made unrunnable makes its stop required) and those of what follows it
     * before the next member is updated, which decides the reasons the later members get.
     */
    private void reprocess(Action action) {
        for (OrderEdge edge : List.copyOf(action.before)) {
            Action first = edge.first();
            int before = state(first);
            update(action, edge);
            if (state(first) != before) {
                for (OrderEdge after : List.copyOf(first.after)) {
                    update(after.then());
                }
            }
        }
        for (OrderEdge after : List.copyOf(action.after)) {
            update(after.then());
        }
    }

    /** The flags propagation changes, as bits, to notice a change. */
    private static int state(Action action) {
        return (action.optional ? 1 : 0) | (action.runnable ? 2 : 0) | (action.migrateRunnable ? 4 : 0)
                | (action.pseudo ? 8 : 0);
    }

    /** Runnable while enough actions ordered before it one-or-more are runnable. */
    private void requiresEnough(Action then) {
        int runnable = 0;
        for (OrderEdge edge : then.before) {
            if (has(edge.flags, ONE_OR_MORE) && flags(edge.first(), null).runnable()) {
                runnable++;
            }
        }
        if (runnable < then.requiredBefore && then.runnable) {
            then.runnable = false;
            changed = true;
        }
    }

    private static boolean isAncestor(ScheduledResource ancestor, ScheduledResource rsc) {
        for (ScheduledResource p = rsc.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** A collective's start/stop is ordered by its running/stopped pseudo-action. */
    private Action forOrdering(Action action) {
        if (action.rsc().variant() == Variant.PRIMITIVE) {
            return action;
        }
        String task = switch (action.task()) {
            case "start" -> "running";
            case "stop" -> "stopped";
            case "promote" -> "promoted";
            case "demote" -> "demoted";
            default -> action.task();
        };
        Action remapped = actions.first(action.rsc(), task, null);
        return remapped == null ? action : remapped;
    }

    /** The flags an ordering sees: a group's are derived from its members' actions. */
    private Flags flags(Action action, String node) {
        ScheduledResource rsc = action.rsc();
        if (rsc != null && rsc.isClone()) {
            // Runnable anywhere is what counts for orderings, optional is per node
            boolean runnable = cloneFlags(action, null).runnable();
            return new Flags(cloneFlags(action, node).optional(), runnable);
        }
        if (rsc == null || rsc.variant() != Variant.GROUP) {
            return new Flags(action.optional, action.runnable);
        }
        boolean optional = true;
        boolean runnable = true;
        String memberTask = switch (action.task()) {
            case "running" -> "start";
            case "stopped" -> "stop";
            case "promoted" -> "promote";
            case "demoted" -> "demote";
            default -> action.task();
        };
        for (ScheduledResource member : rsc.children()) {
            Action memberAction = actions.first(member, memberTask, action.node);
            if (memberAction != null) {
                if (optional && !memberAction.optional) {
                    optional = false;
                    setChanged(action.optional);
                    action.optional = false;
                }
                if (!memberTask.equals(action.task()) && runnable && !memberAction.runnable) {
                    runnable = false;
                    setChanged(action.runnable);
                    action.runnable = false;
                }
            } else if (!"stop".equals(memberTask) && !"demote".equals(memberTask)) {
                runnable = false;
            }
        }
        return new Flags(optional, runnable);
    }

    /**
     * A clone's pseudo-action is required if an instance's action is, and runnable if any
     * instance's is (Pacemaker's summary_action_flags).
     */
    private Flags cloneFlags(Action action, String node) {
        String task = instanceTask(action.task());
        boolean optional = true;
        boolean anyRunnable = false;
        for (ScheduledResource child : action.rsc().children()) {
            Action childAction = actions.first(child, task,
                    child.children().isEmpty() ? node : null);
            if (childAction == null) {
                continue;
            }
            Flags childFlags = flags(childAction, node);
            if (optional && !childFlags.optional()) {
                optional = false;
                setChanged(action.optional);
                action.optional = false;
            }
            anyRunnable |= childFlags.runnable();
        }
        if (!anyRunnable && node == null && action.runnable) {
            action.runnable = false;
            changed = true;
        }
        return new Flags(optional, anyRunnable);
    }

    /** The instance action a clone's action summarizes. */
    static String instanceTask(String task) {
        return switch (task) {
            case "running" -> "start";
            case "stopped" -> "stop";
            case "promoted" -> "promote";
            case "demoted" -> "demote";
            default -> task;
        };
    }

    private void setChanged(boolean was) {
        changed |= was;
    }

    private void apply(Action first, Action then, Flags firstFlags, Flags thenFlags, int type) {
        if (has(type, IMPLIES_THEN)) {
            if (then.rsc() != null) {
                updateOrdered(then.rsc(), first, then, firstFlags, true, false, IMPLIES_THEN);
            } else if (!firstFlags.optional && then.optional) {
                then.optional = false;
                changed = true;
            }
        }
        if (has(type, RESTART) && then.rsc() != null) {
            updateOrdered(then.rsc(), first, then, firstFlags, true, true, RESTART);
        }
        if (has(type, IMPLIES_FIRST)) {
            if (first.rsc() != null) {
                updateOrdered(first.rsc(), first, then, firstFlags, true, false, IMPLIES_FIRST);
            } else if (!firstFlags.optional && first.runnable) {
                first.runnable = false;
                changed = true;
            }
        }
        if (has(type, RUNNABLE_LEFT)) {
            if (then.rsc() != null) {
                updateOrdered(then.rsc(), first, then, firstFlags, false, true, RUNNABLE_LEFT);
            } else if (!firstFlags.runnable && then.runnable) {
                then.runnable = false;
                changed = true;
            }
        }
        if (has(type, ASYMMETRICAL) && then.rsc() != null) {
            updateOrdered(then.rsc(), first, then, firstFlags, false, true, ASYMMETRICAL);
        }
        if (has(type, IMPLIES_FIRST_MIGRATABLE) && then.rsc() != null) {
            updateOrdered(then.rsc(), first, then, firstFlags, true, false, IMPLIES_FIRST_MIGRATABLE);
        }
        if (has(type, PSEUDO_LEFT) && then.rsc() != null) {
            updateOrdered(then.rsc(), first, then, firstFlags, true, false, PSEUDO_LEFT);
        }
        if (has(type, PROMOTED_IMPLIES_FIRST) && then.rsc() != null) {
            updateOrdered(then.rsc(), first, then, firstFlags, true, false,
                    PROMOTED_IMPLIES_FIRST);
        }
        if (first.runnable && has(type, IMPLIES_THEN_PRINTED) && !firstFlags.optional) {
            then.printAlways = true;
        }
        if (has(type, IMPLIES_FIRST_PRINTED) && !thenFlags.optional) {
            first.printAlways = true;
        }
        if ((type & (IMPLIES_THEN | IMPLIES_FIRST | RESTART)) != 0 && first.rsc() != null
                && !first.rsc().managed && first.rsc().blocked && !first.runnable
                && "stop".equals(first.task()) && then.runnable) {
            then.runnable = false;
            changed = true;
        }
    }

    /** The resource's update method: a group also updates its members' matching actions. */
    private void updateOrdered(ScheduledResource via, Action first, Action then, Flags flags,
            boolean filterOptional, boolean filterRunnable, int type) {
        if (via.isClone()) {
            updateClone(first, then, flags, filterOptional, filterRunnable, type);
            return;
        }
        updatePrimitive(first, then, flags, filterOptional, filterRunnable, type);
        if (via.variant() == Variant.GROUP && then.rsc() != null) {
            for (ScheduledResource member : then.rsc().children()) {
                Action memberAction = actions.first(member, then.task(), then.node);
                if (memberAction != null) {
                    int before = state(memberAction);
                    updatePrimitive(first, memberAction, flags, filterOptional, filterRunnable,
                            type);
                    if (state(memberAction) != before) {
                        reprocess(memberAction);
                    }
                }
            }
        }
    }

    /**
     * A clone's update method (pcmk__multi_update_actions): between interleaved clones, each
     * instance is ordered after the instance on its node; otherwise the clone's action and
     * each runnable instance action follow "first".
     */
    private void updateClone(Action first, Action then, Flags flags, boolean filterOptional,
            boolean filterRunnable, int type) {
        if (then.rsc() == null) {
            return;
        }
        if (interleave.applies(first, then)) {
            interleave.update(first, then, type, (f, t) -> updateOrdered(t.rsc(), f, t,
                    flags(f, null), filterOptional, filterRunnable, type));
            return;
        }
        updatePrimitive(first, then, flags, filterOptional, filterRunnable, type);
        for (ScheduledResource child : then.rsc().children()) {
            Action childAction = actions.first(child, then.task(), then.node);
            if (childAction != null && flags(childAction, then.node).runnable()) {
                updateOrdered(child, first, childAction, flags, filterOptional, filterRunnable,
                        type);
            }
        }
    }

    private void updatePrimitive(Action first, Action then, Flags flags, boolean filterOptional,
            boolean filterRunnable, int type) {
        boolean thenOptional = then.optional;
        if (has(type, PROMOTED_IMPLIES_FIRST) && filterOptional && then.rsc() != null
                && then.rsc().role == Role.PROMOTED && !then.optional) {
            clearOptional(first, then);
        }
        if (has(type, ASYMMETRICAL)) {
            asymmetric(first, then);
        }
        if (has(type, IMPLIES_FIRST) && !thenOptional && filterOptional && !flags.optional
                && first.optional) {
            clearOptional(first, then);
        }
        if (has(type, IMPLIES_FIRST) && first.migrateRunnable && !then.migrateRunnable && !then.optional) {
            clearMigrateRunnable(first, then);
        }
        if (has(type, IMPLIES_FIRST_MIGRATABLE) && filterOptional) {
            // a migration step is only worth doing if what follows it still migrates
            if (!then.migrateRunnable || !then.runnable) {
                clearRunnable(first, then);
            }
            if (!then.optional) {
                clearOptional(first, then);
            }
        }
        if (has(type, PSEUDO_LEFT) && filterOptional && !first.runnable) {
            // the migration is off: the start becomes a real start
            clearMigrateRunnable(then, first);
            if (then.pseudo) {
                then.pseudo = false;
                changed = true;
            }
        }
        if (has(type, RUNNABLE_LEFT) && filterRunnable && then.runnable && !flags.runnable) {
            clearRunnable(then, first);
            clearMigrateRunnable(then, first);
        }
        if (has(type, IMPLIES_THEN) && filterOptional && then.optional && !flags.optional
                && !first.migrateRunnable) {
            // a migrating "first" counts as optional: its move does not restart "then"
            clearOptional(then, first);
        }
        if (has(type, RESTART)) {
            restart(first, then, filterOptional, filterRunnable);
        }
    }

    private void asymmetric(Action first, Action then) {
        ScheduledResource rsc = then.rsc();
        if (rsc.role == Role.STOPPED && "stop".equals(then.task())) {
            return;
        }
        if (rsc.role.compareTo(Role.STARTED) >= 0 && then.optional && then.node != null
                && rsc.runningOn.size() == 1 && then.node.equals(rsc.runningOn.get(0))
                && "start".equals(then.task())) {
            return;
        }
        if (!first.runnable) {
            clearOptional(then, first);
            clearRunnable(then, first);
        }
    }

    private void restart(Action first, Action then, boolean filterOptional,
            boolean filterRunnable) {
        boolean apply = filterOptional && !then.optional;
        if (filterRunnable && !then.runnable && then.rsc().managed
                && first.rsc() == then.rsc()) {
            apply = true;
        }
        if (!apply) {
            return;
        }
        if (first.runnable) {
            clearOptional(first, then);
        }
        if (!then.optional) {
            clearOptional(first, then);
        }
        if (!then.migrateRunnable) {
            clearMigrateRunnable(first, then);
        }
        if (!first.optional && !first.runnable) {
            clearRunnable(then, first);
        }
    }

    private void clearOptional(Action action, Action because) {
        if (action.optional) {
            action.optional = false;
            changed = true;
            if (action.rsc() != because.rsc()) {
                action.setReason(reasonText("required", because), false);
            }
        }
    }

    private void clearRunnable(Action action, Action because) {
        if (action.runnable) {
            action.runnable = false;
            changed = true;
            if (action.rsc() != because.rsc()) {
                action.setReason(reasonText("unrunnable", because), false);
            }
            onUnrunnable.accept(action);
        }
    }

    /** A migration that cannot happen any more: its reason replaces any earlier one. */
    private void clearMigrateRunnable(Action action, Action because) {
        if (action.migrateRunnable) {
            action.migrateRunnable = false;
            changed = true;
            if (action.rsc() != because.rsc()) {
                action.setReason(reasonText("unrunnable", because), true);
            }
        }
    }

    private static String reasonText(String change, Action because) {
        return change + (because.rsc() == null ? "" : " " + because.rsc().id()) + " "
                + because.task();
    }
}
