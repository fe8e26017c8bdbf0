package org.halyard.scheduler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.actions.OrderEdge;
import org.halyard.scheduler.actions.OrderFlags;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * What a controller executes: the required, runnable actions on real nodes (resource operations
 * and fencing) and which must finish before which. Pseudo-actions (a group's "running", a stop
 * implied by fencing) are dissolved: an ordering through them becomes a direct one, so the
 * controller never waits on something nobody executes.
 *
 * @param actions the actions in scheduling order
 * @param edges   for each action id, the ids of the actions that must complete before it
 */
public record ActionGraph(List<Step> actions, Map<Integer, Set<Integer>> edges) {

    /**
     * One executable action.
     *
     * @param resource the primitive's id, null for fencing
     * @param task     start, stop, promote, demote, migrate_to, migrate_from, or stonith
     * @param node     where it runs (for stonith: the node to fence)
     * @param migrateSource for migrate_to and migrate_from: the node the resource leaves, else null
     * @param migrateTarget for migrate_to and migrate_from: the node it goes to, else null
     */
    public record Step(int id, String resource, String task, String node, String reason, String migrateSource,
            String migrateTarget) {

        public Step(int id, String resource, String task, String node, String reason) {
            this(id, resource, task, node, reason, null, null);
        }

        @Override
        public String toString() {
            return (resource == null ? "" : resource + "_") + task + " " + node;
        }
    }

    public ActionGraph {
        actions = List.copyOf(actions);
        Map<Integer, Set<Integer>> copy = new LinkedHashMap<>();
        edges.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        edges = Map.copyOf(copy);
    }

    /** The ids that must complete before the given action. */
    public Set<Integer> prerequisites(int id) {
        return edges.getOrDefault(id, Set.of());
    }

    public boolean isEmpty() {
        return actions.isEmpty();
    }

    static ActionGraph of(List<Action> all) {
        Set<OrderEdge> loops = migrationLoops(all);
        List<Step> steps = new ArrayList<>();
        Map<Integer, Set<Integer>> edges = new LinkedHashMap<>();
        for (Action action : all) {
            if (executable(action)) {
                boolean migration = action.task().startsWith("migrate_");
                ScheduledResource rsc = action.rsc();
                steps.add(new Step(action.id(), rsc == null ? null : rsc.id(), action.task(), action.node(),
                        action.reason(), migration ? rsc.runningOn.get(0) : null, migration ? rsc.assignedTo : null));
                edges.put(action.id(), executablePredecessors(action, loops));
            }
        }
        return new ActionGraph(steps, edges);
    }

    private static boolean executable(Action action) {
        return !action.optional() && action.runnable() && !action.pseudo() && action.node() != null;
    }

    /**
     * Orderings that do not hold in the graph (Pacemaker's should_add_input_to_graph): disabled
     * ones, load orderings between different nodes or dropped to break a loop, and those that
     * only apply to a stop and start that a live migration replaced.
     */
    private static boolean ignored(OrderEdge edge, Set<OrderEdge> loops) {
        Action first = edge.first();
        int flags = edge.flags();
        if (flags == 0 || loops.contains(edge)) {
            return true;
        }
        if (OrderFlags.has(flags, OrderFlags.LOAD)) {
            return !sameNodeLoad(edge);
        }
        if (OrderFlags.has(flags, OrderFlags.APPLY_FIRST_NON_MIGRATABLE) && first.migrateRunnable()) {
            return true;
        }
        return flags == OrderFlags.OPTIONAL && first.migrateRunnable() && "stop".equals(first.task());
    }

    /**
     * A load ordering holds when its ends are on the same node (for a migrate_to, the node the
     * resource goes to) and the stop before load_stopped really happens.
     */
    private static boolean sameNodeLoad(OrderEdge edge) {
        Action first = edge.first();
        Action then = edge.then();
        boolean migration = "migrate_to".equals(then.task()) && then.rsc() != null;
        String node = migration ? then.rsc().assignedTo : then.node();
        return first.node() != null && first.node().equals(node)
                && (migration || !first.optional());
    }

    /**
     * The load orderings into a migrate_to that would close a cycle, as when two resources
     * trade nodes by migration and each waits for the other's capacity; Pacemaker drops them
     * (ordering_is_invalid), each check seeing the ones dropped before.
     */
    private static Set<OrderEdge> migrationLoops(List<Action> all) {
        Set<OrderEdge> loops = new HashSet<>();
        for (Action action : all) {
            for (OrderEdge edge : action.before()) {
                if (OrderFlags.has(edge.flags(), OrderFlags.LOAD)
                        && "migrate_to".equals(action.task()) && !ignored(edge, loops)
                        && waitsFor(edge.first(), action, loops)) {
                    loops.add(edge);
                }
            }
        }
        return loops;
    }

    /** Whether an action (transitively) waits for another through orderings that hold. */
    private static boolean waitsFor(Action from, Action target, Set<OrderEdge> loops) {
        Set<Action> seen = new HashSet<>();
        Deque<Action> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            Action current = todo.pop();
            if (current == target) {
                return true;
            }
            if (seen.add(current)) {
                for (OrderEdge edge : current.before()) {
                    if (!ignored(edge, loops)) {
                        todo.push(edge.first());
                    }
                }
            }
        }
        return false;
    }

    /** Walks back through pseudo and optional actions to the executable ones this waits for. */
    private static Set<Integer> executablePredecessors(Action action, Set<OrderEdge> loops) {
        Set<Integer> found = new HashSet<>();
        Set<Integer> seen = new HashSet<>();
        Deque<Action> todo = new ArrayDeque<>();
        todo.push(action);
        while (!todo.isEmpty()) {
            Action current = todo.pop();
            for (OrderEdge edge : current.before()) {
                Action first = edge.first();
                if (ignored(edge, loops) || !seen.add(first.id())) {
                    continue;
                }
                if (executable(first)) {
                    found.add(first.id());
                } else {
                    todo.push(first);
                }
            }
        }
        return found;
    }
}
