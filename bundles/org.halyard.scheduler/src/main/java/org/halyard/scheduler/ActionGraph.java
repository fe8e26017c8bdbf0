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
     * @param task     start, stop, promote, demote, or stonith
     * @param node     where it runs (for stonith: the node to fence)
     */
    public record Step(int id, String resource, String task, String node, String reason) {
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
        List<Step> steps = new ArrayList<>();
        Map<Integer, Set<Integer>> edges = new LinkedHashMap<>();
        for (Action action : all) {
            if (executable(action)) {
                steps.add(new Step(action.id(), action.rsc() == null ? null : action.rsc().id(), action.task(),
                        action.node(), action.reason()));
                edges.put(action.id(), executablePredecessors(action));
            }
        }
        return new ActionGraph(steps, edges);
    }

    private static boolean executable(Action action) {
        return !action.optional() && action.runnable() && !action.pseudo() && action.node() != null;
    }

    /** Walks back through pseudo and optional actions to the executable ones this waits for. */
    private static Set<Integer> executablePredecessors(Action action) {
        Set<Integer> found = new HashSet<>();
        Set<Integer> seen = new HashSet<>();
        Deque<Action> todo = new ArrayDeque<>();
        todo.push(action);
        while (!todo.isEmpty()) {
            Action current = todo.pop();
            for (OrderEdge edge : current.before()) {
                Action first = edge.first();
                if (edge.flags() == 0 || !seen.add(first.id())) {
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
