package org.halyard.scheduler.clone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.assign.Assigner;
import org.halyard.scheduler.assign.NodeAvailability;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.colocation.Colocation;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * A colocation whose primary is a clone (Pacemaker's pcmk__clone_apply_coloc_score): a
 * mandatory one limits the dependent to nodes with an instance; an optional one adds the
 * score for each instance's node; with interleave, an instance of a clone follows the one
 * instance of the primary on its node; colocations with a role of a promotable clone follow
 * the instances in that role.
 */
public final class CloneColocation {

    private final Assigner assigner;
    private final NodeAvailability nodes;

    CloneColocation(Assigner assigner, NodeAvailability nodes) {
        this.assigner = assigner;
        this.nodes = nodes;
    }

    /** Applies "dependent with clone" (the dependent is a primitive or an instance). */
    public void apply(ScheduledResource dependent, ScheduledResource clone, Colocation c) {
        if (clone.clone.promotable()) {
            if (clone.provisional) {
                return;
            } else if (c.primaryRole() != Role.UNKNOWN && dependent.provisional) {
                withPromotable(clone, dependent, c);
                return;
            } else if (c.primaryRole() != Role.UNKNOWN && c.dependentRole() == Role.PROMOTED) {
                promotableDependentPriority(clone, dependent, c);
                return;
            }
        }
        if (clone.provisional) {
            return;
        }
        if (interleaved(c)) {
            ScheduledResource instance = compatibleInstance(dependent, clone, Role.UNKNOWN,
                    false);
            if (instance != null) {
                assigner.applyPrimary(dependent, instance, c);
            } else if (c.score() >= Scores.INFINITY) {
                assigner.forceAssignment(dependent, null);
            }
            return;
        }
        if (c.score() >= Scores.INFINITY) {
            List<String> allowed = new ArrayList<>();
            for (ScheduledResource instance : clone.children()) {
                String node = CloneAssigner.location(instance);
                if (node != null && !blocked(instance)) {
                    allowed.add(node);
                }
            }
            exclude(dependent.allowed, allowed);
            return;
        }
        for (ScheduledResource instance : clone.children()) {
            assigner.applyPrimary(dependent, instance, c);
        }
    }

    /** Interleave applies when the dependent clone asks for it and both allow as many per node. */
    private static boolean interleaved(Colocation c) {
        ScheduledResource dependentClone = c.dependent();
        return dependentClone.isClone() && dependentClone.clone.interleave()
                && c.primary().isClone()
                && dependentClone.clone.cloneNodeMax() == c.primary().clone.cloneNodeMax();
    }

    /** Any member blocked (unmanaged after a failure it cannot recover from). */
    static boolean blocked(ScheduledResource rsc) {
        return rsc.blocked || rsc.children().stream().anyMatch(CloneColocation::blocked);
    }

    /** Sets nodes not in the list to -INFINITY (node_list_exclude without merging). */
    private static void exclude(Map<String, Integer> table, List<String> keep) {
        table.replaceAll((node, score) -> keep.contains(node) ? score : -Scores.INFINITY);
    }

    /** pcmk__update_dependent_with_promotable: follow the instances in the primary's role. */
    private void withPromotable(ScheduledResource clone, ScheduledResource dependent,
            Colocation c) {
        List<String> affected = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (ScheduledResource instance : clone.children()) {
            String node = CloneAssigner.location(instance);
            if (node == null || role(instance, false) != c.primaryRole()) {
                continue;
            }
            if (c.score() < Scores.INFINITY) {
                String attribute = c.nodeAttribute() == null ? "#uname" : c.nodeAttribute();
                String value = nodes.attribute(node, attribute);
                dependent.allowed.replaceAll((n, score) -> equalsIgnoreCase(value,
                        nodes.attribute(n, attribute)) ? Scores.add(score, c.score()) : score);
            }
            affected.add(0, node);
            weights.add(0, assignedScore(instance));
        }
        if (c.score() >= Scores.INFINITY && (c.dependentRole() != Role.PROMOTED
                || c.primaryRole() != Role.PROMOTED)) {
            dependent.allowed.replaceAll((n, score) -> {
                int i = affected.indexOf(n);
                return i < 0 ? -Scores.INFINITY : Scores.add(score, weights.get(i));
            });
        }
    }

    private static int assignedScore(ScheduledResource instance) {
        if (instance.children().isEmpty()) {
            return instance.assignedScore;
        }
        for (ScheduledResource member : instance.children()) {
            if (member.assignedTo != null) {
                return member.assignedScore;
            }
        }
        return 0;
    }

    /** pcmk__update_promotable_dependent_priority. */
    private void promotableDependentPriority(ScheduledResource clone,
            ScheduledResource dependent, Colocation c) {
        ScheduledResource instance = compatibleInstance(dependent, clone, c.primaryRole(),
                false);
        if (instance != null) {
            dependent.priority = Scores.add(dependent.priority, c.score());
        } else if (c.score() >= Scores.INFINITY) {
            dependent.priority = -Scores.INFINITY;
        }
    }

    /** A resource's role now (current) or next; a cloned group's is its members' highest. */
    public static Role role(ScheduledResource rsc, boolean current) {
        if (rsc.children().isEmpty()) {
            return current ? rsc.role : rsc.nextRole;
        }
        Role best = Role.UNKNOWN;
        for (ScheduledResource member : rsc.children()) {
            Role role = role(member, current);
            if (role.compareTo(best) > 0) {
                best = role;
            }
        }
        return best;
    }

    /**
     * The instance of a clone on the same node as a resource (Pacemaker's
     * find_compatible_child): where the resource is (or will be), else its best node.
     */
    public ScheduledResource compatibleInstance(ScheduledResource local, ScheduledResource clone,
            Role filter, boolean current) {
        String node = location(local, current);
        if (node != null) {
            return compatibleOn(node, clone, filter, current);
        }
        for (Map.Entry<String, Integer> entry : nodes.sorted(local.allowed, null)) {
            ScheduledResource found = compatibleOn(entry.getKey(), clone, filter, current);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static ScheduledResource compatibleOn(String node, ScheduledResource clone,
            Role filter, boolean current) {
        for (ScheduledResource instance : clone.children()) {
            if (filter != Role.UNKNOWN && role(instance, current) != filter) {
                continue;
            }
            String where = blocked(instance) ? null : location(instance, current);
            if (node.equals(where)) {
                return instance;
            }
        }
        return null;
    }

    /** Where a resource is (current) or was assigned; null if on several or none. */
    public static String location(ScheduledResource rsc, boolean current) {
        if (!current) {
            return CloneAssigner.location(rsc);
        }
        List<String> active = new ArrayList<>();
        for (ScheduledResource primitive : rsc.primitives()) {
            for (String node : primitive.runningOn) {
                if (!active.contains(node)) {
                    active.add(node);
                }
            }
        }
        return active.size() == 1 ? active.get(0) : null;
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }
}
