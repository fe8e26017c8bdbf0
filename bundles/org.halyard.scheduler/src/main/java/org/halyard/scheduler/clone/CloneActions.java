package org.halyard.scheduler.clone;

import java.util.Comparator;
import java.util.function.Consumer;
import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.actions.ActionTable;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * Creates a clone's actions (Pacemaker's clone_create_actions): each instance's own, then
 * the clone's pseudo-actions (start, running, stop, stopped and for a promotable clone
 * promote, promoted, demote, demoted), required when some instance's action is.
 */
public final class CloneActions {

    private final ActionTable actions;
    private final Consumer<ScheduledResource> instanceActions;

    /** @param instanceActions creates the actions of one instance (primitive or group) */
    public CloneActions(ActionTable actions, Consumer<ScheduledResource> instanceActions) {
        this.actions = actions;
        this.instanceActions = instanceActions;
    }

    /** What the instances' required actions do. */
    private static final class Changes {
        boolean active;
        boolean starting;
        boolean stopping;
        boolean promoting;
        boolean demoting;

        void add(Changes other) {
            active |= other.active;
            starting |= other.starting;
            stopping |= other.stopping;
            promoting |= other.promoting;
            demoting |= other.demoting;
        }
    }

    public void create(ScheduledResource clone) {
        // Instances are handled (and listed) in instance-number order
        clone.children().sort(Comparator.comparingInt(ScheduledResource::instanceNumber));
        Changes changes = new Changes();
        boolean restarting = false;
        for (ScheduledResource instance : clone.children()) {
            instanceActions.accept(instance);
            Changes own = new Changes();
            instance.primitives().forEach(p -> summarize(p, own));
            restarting |= own.starting && own.stopping;
            changes.add(own);
        }
        actions.pseudoAction(clone, "start", !changes.starting, true);
        actions.pseudoAction(clone, "running", !changes.starting,
                changes.active || changes.starting);
        Action stop = actions.pseudoAction(clone, "stop", !changes.stopping, true);
        if (!restarting) {
            // resources ordered after the clone may still migrate (allow_dependent_migrations)
            stop.allowMigration();
        }
        actions.pseudoAction(clone, "stopped", !changes.stopping, true);
        if (clone.clone.promotable()) {
            actions.pseudoAction(clone, "promote", !changes.promoting, true);
            actions.pseudoAction(clone, "promoted", !changes.promoting, true);
            actions.pseudoAction(clone, "demote", !changes.demoting, true);
            actions.pseudoAction(clone, "demoted", !changes.demoting, true);
        }
    }

    private void summarize(ScheduledResource primitive, Changes changes) {
        changes.active |= !primitive.runningOn.isEmpty();
        for (Action action : actions.of(primitive)) {
            if (action.optional()) {
                continue;
            }
            switch (action.task()) {
                case "stop" -> changes.stopping |= action.runnable() || action.pseudo();
                case "start" -> changes.starting |= action.runnable();
                case "promote" -> changes.promoting = true;
                case "demote" -> changes.demoting = true;
                default -> { }
            }
        }
    }
}
