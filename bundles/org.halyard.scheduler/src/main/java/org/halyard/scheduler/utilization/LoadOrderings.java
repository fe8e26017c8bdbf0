package org.halyard.scheduler.utilization;

import java.util.Collection;
import java.util.List;
import org.halyard.scheduler.actions.ActionTable;
import org.halyard.scheduler.actions.OrderFlags;
import org.halyard.scheduler.ordering.Ordering;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Variant;

/**
 * Orders starts after the stops that free the capacity they need
 * (pcmk__create_utilization_constraints): a resource's stop on each node it runs on comes
 * before that node's load_stopped pseudo-action, which comes before a start or migration to
 * any node the resource may run on. Only the orderings within one node hold in the graph.
 */
public final class LoadOrderings {

    private LoadOrderings() {
    }

    public static void add(PlacementStrategy strategy, Collection<ScheduledResource> resources,
            ActionTable actions, List<Ordering> orderings) {
        if (!strategy.checksCapacity()) {
            return;
        }
        for (ScheduledResource rsc : resources) {
            if (rsc.variant() != Variant.PRIMITIVE || !rsc.managed
                    || rsc.config().utilization().isEmpty()) {
                continue;
            }
            for (String node : rsc.runningOn) {
                orderings.add(new Ordering(rsc, "stop", null, null, null,
                        actions.loadStopped(node), OrderFlags.LOAD));
            }
            for (String node : rsc.allowed.keySet().stream().sorted().toList()) {
                for (String task : List.of("start", "migrate_to")) {
                    orderings.add(new Ordering(null, null, actions.loadStopped(node), rsc, task,
                            null, OrderFlags.LOAD));
                }
            }
        }
    }
}
