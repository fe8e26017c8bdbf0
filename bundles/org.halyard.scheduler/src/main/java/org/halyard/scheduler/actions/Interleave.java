package org.halyard.scheduler.actions;

import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_THEN;
import static org.halyard.scheduler.actions.OrderFlags.RUNNABLE_LEFT;

import java.util.Comparator;
import java.util.Map;
import java.util.function.BiConsumer;
import org.halyard.scheduler.clone.CloneColocation;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * Orderings between interleaved clones (Pacemaker's multi_update_interleave_actions): an
 * instance waits only for the instance of the other clone on its own node, not for the whole
 * clone. An instance with no such partner cannot start when the ordering is mandatory.
 */
final class Interleave {

    private final ActionTable actions;
    private final Runnable onChange;

    Interleave(ActionTable actions, Runnable onChange) {
        this.actions = actions;
        this.onChange = onChange;
    }

    /** Both sides are clones and the relevant one has interleave=true. */
    boolean applies(Action first, Action then) {
        ScheduledResource a = first.rsc();
        ScheduledResource b = then.rsc();
        if (a == null || b == null || a == b || !a.isClone() || !b.isClone()) {
            return false;
        }
        boolean stopping = "stop".equals(then.task()) || "demote".equals(then.task());
        return (stopping ? a : b).clone.interleave();
    }

    /** Orders each instance of "then" after its partner instance of "first". */
    void update(Action first, Action then, int type, BiConsumer<Action, Action> updater) {
        boolean current = "stopped".equals(first.task()) || "demoted".equals(first.task());
        String firstTask = OrderingPropagation.instanceTask(first.task());
        for (ScheduledResource thenChild : then.rsc().children()) {
            ScheduledResource firstChild = partner(thenChild, first.rsc(), current);
            if (firstChild == null) {
                if (!current && (type & (RUNNABLE_LEFT | IMPLIES_THEN)) != 0) {
                    inhibit(thenChild);
                }
                continue;
            }
            Action firstAction = actions.first(firstChild, firstTask, null);
            Action thenAction = actions.first(thenChild, then.task(), null);
            if (firstAction == null || thenAction == null) {
                continue;
            }
            if (OrderingGraph.link(firstAction, thenAction, type)) {
                onChange.run();
            }
            updater.accept(firstAction, thenAction);
        }
    }

    /** The instance of a clone on the node of an instance (where it is, or will be). */
    private static ScheduledResource partner(ScheduledResource local, ScheduledResource clone,
            boolean current) {
        String node = CloneColocation.location(local, current);
        if (node != null) {
            return on(node, clone, current);
        }
        for (Map.Entry<String, Integer> entry : local.allowed.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey)).toList()) {
            ScheduledResource found = on(entry.getKey(), clone, current);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static ScheduledResource on(String node, ScheduledResource clone, boolean current) {
        for (ScheduledResource instance : clone.children()) {
            String where = blocked(instance) ? null : CloneColocation.location(instance, current);
            if (node.equals(where)) {
                return instance;
            }
        }
        return null;
    }

    private static boolean blocked(ScheduledResource rsc) {
        return rsc.blocked || rsc.children().stream().anyMatch(Interleave::blocked);
    }

    /** No partner: the instance may not be active (pcmk__assign_resource to no node). */
    private void inhibit(ScheduledResource instance) {
        for (ScheduledResource primitive : instance.primitives()) {
            if (primitive.assignedTo == null && primitive.nextRole == Role.STOPPED) {
                continue;
            }
            primitive.assignedTo = null;
            primitive.provisional = false;
            primitive.nextRole = Role.STOPPED;
            for (Action action : actions.of(primitive)) {
                if ("stop".equals(action.task())) {
                    action.optional = false;
                } else if ("start".equals(action.task())) {
                    action.runnable = false;
                }
            }
            onChange.run();
        }
    }
}
