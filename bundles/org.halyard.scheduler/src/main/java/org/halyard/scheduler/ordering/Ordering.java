package org.halyard.scheduler.ordering;

import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * An ordering between resource actions, before the actions exist: "first task of first
 * resource, then task of then resource", or between concrete actions.
 *
 * @param flags {@link org.halyard.scheduler.actions.OrderFlags} bits
 */
public record Ordering(ScheduledResource firstRsc, String firstTask, Action firstAction,
        ScheduledResource thenRsc, String thenTask, Action thenAction, int flags) {
}
