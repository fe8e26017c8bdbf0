package org.halyard.scheduler;

import java.util.function.Consumer;
import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.actions.ActionTable;
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
        if (action.runnable() || action.rsc() == null || !"start".equals(action.task())) {
            return;
        }
        ScheduledResource rsc = action.rsc();
        while (rsc.parent() != null) {
            rsc = rsc.parent();
        }
        for (ScheduledResource child : rsc.children()) {
            Action childAction = actions.first(child, "start", null);
            if (childAction == null || childAction.runnable()) {
                return;
            }
        }
        for (Colocation c : colocations.withThis(rsc)) {
            if (c.score() >= Scores.INFINITY) {
                block(c.dependent(), action.rsc());
            }
        }
    }

    private void block(ScheduledResource dependent, ScheduledResource reason) {
        for (Action action : actions.of(dependent)) {
            if (action.runnable() && "start".equals(action.task())) {
                action.clearRunnable();
                action.setReason("colocation with " + reason.id(), false);
                accept(action);
            }
        }
        dependent.children().forEach(child -> block(child, reason));
    }
}
