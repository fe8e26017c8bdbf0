package org.halyard.scheduler;

import java.util.List;
import java.util.function.Consumer;
import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.actions.ActionTable;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.colocation.Colocation;
import org.halyard.scheduler.colocation.ColocationIndex;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * When a resource cannot start, resources mandatorily colocated with it cannot start either
 * (Pacemaker's pcmk__block_colocation_dependents).
 */
final class ColocationBlocking implements Consumer<Action> {

    private final ColocationIndex colocations;
    private final ActionTable actions;

    ColocationBlocking(ColocationIndex colocations, ActionTable actions) {
        this.colocations = colocations;
        this.actions = actions;
    }

    @Override
    public void accept(Action action) {
        if (action.runnable() || action.rsc() == null) {
            return;
        }
        boolean start = "start".equals(action.task());
        if (!start && !"promote".equals(action.task())) {
            return;
        }
        // A collective fails the colocation only if none of its members can do it
        ScheduledResource rsc = action.rsc().top();
        for (ScheduledResource child : rsc.children()) {
            Action childAction = actions.first(child, action.task(), null);
            if (childAction == null || childAction.runnable()) {
                return;
            }
        }
        for (Colocation c : List.copyOf(colocations.withThis(rsc))) {
            if (c.score() < Scores.INFINITY || !start && c.primaryRole() != Role.PROMOTED) {
                continue;
            }
            String task = c.dependentRole() == Role.PROMOTED ? "promote" : "start";
            block(c.dependent(), task, action.rsc());
        }
    }

    private void block(ScheduledResource dependent, String task, ScheduledResource reason) {
        for (Action action : actions.of(dependent)) {
            if (action.runnable() && task.equals(action.task())) {
                action.clearRunnable();
                action.setReason("colocation with " + reason.id(), false);
                accept(action);
            }
        }
        dependent.children().forEach(child -> block(child, task, reason));
    }
}
