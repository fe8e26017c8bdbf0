package org.halyard.scheduler.ordering;

import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * An ordering between resource actions, before the actions exist: "first task of first
 * resource, then task of then resource", or between concrete actions. A side with neither
 * resource nor action names a one-or-more pseudo-action by its task.
 *
 * @param flags          {@link org.halyard.scheduler.actions.OrderFlags} bits
 * @param requiredBefore for a one-or-more pseudo-action: how many of the actions ordered
 *                       before it must be runnable (clone-min); 0 means one
 */
public record Ordering(ScheduledResource firstRsc, String firstTask, Action firstAction,
        ScheduledResource thenRsc, String thenTask, Action thenAction, int flags,
        int requiredBefore) {

    public Ordering(ScheduledResource firstRsc, String firstTask, Action firstAction,
            ScheduledResource thenRsc, String thenTask, Action thenAction, int flags) {
        this(firstRsc, firstTask, firstAction, thenRsc, thenTask, thenAction, flags, 0);
    }
}
