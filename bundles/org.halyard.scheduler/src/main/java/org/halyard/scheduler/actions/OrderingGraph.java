package org.halyard.scheduler.actions;

import java.util.List;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.ordering.Ordering;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * Turns resource-level {@link Ordering}s into edges between actions (Pacemaker's
 * pcmk__apply_orderings): a missing "first" action is created unrunnable, so that whatever
 * must follow it is blocked too.
 */
public final class OrderingGraph {

    private final ActionTable actions;

    public OrderingGraph(ActionTable actions) {
        this.actions = actions;
    }

    /** Links two actions; returns false if they were already linked with these flags. */
    public static boolean link(Action first, Action then, int flags) {
        if (first == null || then == null || first == then) {
            return false;
        }
        for (OrderEdge edge : first.after) {
            if (edge.then() == then && (edge.flags & flags) == flags) {
                return false;
            }
        }
        OrderEdge edge = new OrderEdge(first, then, flags);
        first.after.add(edge);
        then.before.add(edge);
        return true;
    }

    public void apply(List<Ordering> orderings) {
        for (Ordering raw : orderings) {
            Ordering ordering = withOneOrMore(raw);
            if (ordering.firstRsc() != null) {
                applyFirst(ordering);
            } else if (ordering.thenRsc() != null) {
                orderAfter(ordering.firstAction(), ordering.thenRsc(), ordering);
            } else {
                link(ordering.firstAction(), ordering.thenAction(), ordering.flags());
            }
        }
    }

    /** An ordering naming a one-or-more pseudo-action by task alone gets the action. */
    private Ordering withOneOrMore(Ordering o) {
        Action first = o.firstRsc() == null && o.firstAction() == null && o.firstTask() != null
                ? actions.oneOrMore(o.firstTask(), o.requiredBefore()) : o.firstAction();
        Action then = o.thenRsc() == null && o.thenAction() == null && o.thenTask() != null
                ? actions.oneOrMore(o.thenTask(), o.requiredBefore()) : o.thenAction();
        return first == o.firstAction() && then == o.thenAction() ? o
                : new Ordering(o.firstRsc(), o.firstTask(), first, o.thenRsc(), o.thenTask(),
                        then, o.flags());
    }

    private void applyFirst(Ordering ordering) {
        ScheduledResource first = ordering.firstRsc();
        List<Action> firsts = ordering.firstAction() != null ? List.of(ordering.firstAction())
                : actions.find(first, ordering.firstTask(), null);
        if (firsts.isEmpty()) {
            if (first == ordering.thenRsc()) {
                return;
            }
            String task = ordering.firstTask();
            boolean stopped = first.role == Role.STOPPED && "stop".equals(task);
            boolean unpromoted = first.role == Role.UNPROMOTED && "demote".equals(task);
            if (stopped || unpromoted) {
                return;
            }
            firsts = List.of(actions.resourceAction(first, task, null, true));
        }
        for (Action action : firsts) {
            if (ordering.thenRsc() == null) {
                link(action, ordering.thenAction(), ordering.flags());
            } else {
                orderAfter(action, ordering.thenRsc(), ordering);
            }
        }
    }

    private void orderAfter(Action first, ScheduledResource thenRsc, Ordering ordering) {
        List<Action> thens = ordering.thenAction() != null ? List.of(ordering.thenAction())
                : actions.find(thenRsc, ordering.thenTask(), null);
        if (thens.isEmpty()) {
            return;
        }
        if (first == null && !OrderFlags.has(ordering.flags(), OrderFlags.IMPLIES_THEN)) {
            return;
        }
        for (Action then : thens) {
            if (first != null) {
                link(first, then, ordering.flags());
            } else {
                then.runnable = false;
            }
        }
    }
}
