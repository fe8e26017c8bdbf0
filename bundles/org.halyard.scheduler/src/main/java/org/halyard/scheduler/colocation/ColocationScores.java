package org.halyard.scheduler.colocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.assign.NodeAvailability;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;
import org.halyard.scheduler.resource.Variant;

/**
 * How colocations change node scores: a dependent following its assigned primary
 * ({@link #applyToDependent}), a primary weighing its dependents' preferences, attenuated
 * by the colocation score ({@link #addColocatedScores}), and a resource's preferences with
 * those of its primaries, to order assignment ({@link #withPrimaryScores}).
 */
public final class ColocationScores {

    /** Marks a node unusable while merging non-negative preferences (INFINITY_HACK). */
    private static final int UNUSABLE = Scores.INFINITY * -100;

    private final ColocationIndex index;
    private final NodeAvailability nodes;

    public ColocationScores(ColocationIndex index, NodeAvailability nodes) {
        this.index = index;
        this.nodes = nodes;
    }

    /** Whether a colocation's dependent may pull its primary (pcmk__colocation_has_influence). */
    public static boolean hasInfluence(Colocation colocation) {
        return colocation.influence() || colocation.primary().runningOn.isEmpty();
    }

    /**
     * Applies an assigned primary's location to a dependent's scores
     * (pcmk__apply_coloc_to_weights), when the colocation still affects the dependent.
     */
    public void applyToDependent(ScheduledResource dependent, ScheduledResource primary,
            Colocation colocation) {
        if (affectsRole(dependent, primary, colocation)) {
            applyToPriority(dependent, primary, colocation);
            return;
        }
        if (!affectsLocation(dependent, primary, colocation)) {
            return;
        }
        String attribute = colocation.attributeOrId();
        String value = null;
        int score = colocation.score();
        if (primary.assignedTo != null) {
            value = nodes.attribute(primary.assignedTo, attribute);
        } else if (score < 0) {
            return;
        }
        Map<String, Integer> work = new LinkedHashMap<>(dependent.allowed);
        for (Map.Entry<String, Integer> entry : work.entrySet()) {
            int weight = entry.getValue();
            if (primary.assignedTo == null) {
                entry.setValue(Scores.add(-score, weight));
            } else if (equalsIgnoreCase(nodes.attribute(entry.getKey(), attribute), value)) {
                if (score < Scores.INFINITY) {
                    entry.setValue(Scores.add(score, weight));
                }
            } else if (score >= Scores.INFINITY) {
                entry.setValue(Scores.add(-score, weight));
            }
        }
        if (score <= -Scores.INFINITY || score >= Scores.INFINITY || nodes.anyAvailable(work)) {
            dependent.allowed.clear();
            dependent.allowed.putAll(work);
        }
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    /**
     * Whether a colocation now decides the role of a promotable instance already placed
     * (pcmk__colocation_affects == pcmk__coloc_affects_role).
     */
    private static boolean affectsRole(ScheduledResource dependent, ScheduledResource primary,
            Colocation c) {
        ScheduledResource parent = dependent.parent();
        return !primary.provisional && c.dependentRole().atLeast(Role.UNPROMOTED)
                && parent != null && parent.isClone() && parent.clone.promotable()
                && !dependent.provisional;
    }

    /**
     * Adds a colocation's score to a promotable instance's promotion priority when it is
     * placed with the primary (pcmk__apply_coloc_to_priority).
     */
    public void applyToPriority(ScheduledResource dependent, ScheduledResource primary,
            Colocation c) {
        if (primary.assignedTo == null || dependent.assignedTo == null) {
            return;
        }
        String attribute = c.attributeOrId();
        String dependentValue = nodes.attribute(dependent.assignedTo, attribute);
        String primaryValue = nodes.attribute(primary.assignedTo, attribute);
        if (!equalsIgnoreCase(dependentValue, primaryValue)) {
            if (c.score() >= Scores.INFINITY && c.dependentRole() == Role.PROMOTED) {
                dependent.priority = -Scores.INFINITY;
            }
            return;
        }
        if (c.primaryRole() != Role.UNKNOWN && c.primaryRole() != primary.nextRole) {
            return;
        }
        int multiplier = c.dependentRole() == Role.UNPROMOTED ? -1 : 1;
        dependent.priority = Scores.add(multiplier * c.score(), dependent.priority);
    }

    /** pcmk__colocation_affects(preview=false) == pcmk__coloc_affects_location. */
    private static boolean affectsLocation(ScheduledResource dependent,
            ScheduledResource primary, Colocation c) {
        if (primary.provisional || !dependent.provisional) {
            return false;
        }
        return rolesAllow(dependent, primary, c);
    }

    /**
     * pcmk__colocation_affects(preview=true) == pcmk__coloc_affects_location: whether the
     * colocation will decide the dependent's location once both are assigned.
     */
    public static boolean willAffectLocation(ScheduledResource dependent,
            ScheduledResource primary, Colocation c) {
        ScheduledResource parent = dependent.parent();
        boolean decidesRole = c.dependentRole().atLeast(Role.UNPROMOTED) && parent != null
                && parent.isClone() && parent.clone.promotable() && !dependent.provisional;
        return !decidesRole && rolesAllow(dependent, primary, c);
    }

    /** A role-limited colocation applies only when the next roles are (or avoid) those roles. */
    private static boolean rolesAllow(ScheduledResource dependent, ScheduledResource primary,
            Colocation c) {
        if (c.score() > 0) {
            return (c.dependentRole() == org.halyard.scheduler.cluster.Role.UNKNOWN
                    || c.dependentRole() == dependent.nextRole)
                    && (c.primaryRole() == org.halyard.scheduler.cluster.Role.UNKNOWN
                    || c.primaryRole() == primary.nextRole);
        }
        return (c.dependentRole() == org.halyard.scheduler.cluster.Role.UNKNOWN
                || c.dependentRole() != dependent.nextRole)
                && (c.primaryRole() == org.halyard.scheduler.cluster.Role.UNKNOWN
                || c.primaryRole() != primary.nextRole);
    }

    /**
     * Adds a resource's (and, transitively, its own dependents') node preferences to a score
     * table, scaled by factor (pcmk__add_colocated_node_scores with "with this" selection).
     *
     * @param onlyActive roll back when the merged table leaves no node available
     * @return the new table (the given one when nothing changed)
     */
    public Map<String, Integer> addColocatedScores(ScheduledResource rsc,
            Map<String, Integer> table, String attribute, float factor, boolean onlyActive) {
        return addColocatedScores(rsc, table, attribute, factor, onlyActive, false);
    }

    /**
     * As {@link #addColocatedScores(ScheduledResource, Map, String, float, boolean)}; with
     * nonnegative, a preference never turns a node's score negative: a positive node that
     * would is only marked unusable for further merging, then scored 1.
     */
    public Map<String, Integer> addColocatedScores(ScheduledResource rsc,
            Map<String, Integer> table, String attribute, float factor, boolean onlyActive,
            boolean nonnegative) {
        return merge(rsc, table, attribute, factor, onlyActive, nonnegative, false);
    }

    /**
     * A resource's own node scores combined with those of the resources it is colocated with,
     * transitively (pcmk__add_colocated_node_scores with "this with" selection and no table,
     * as used to order resources for assignment); a group stands for its last member.
     *
     * @return the table, or null for an empty group
     */
    public Map<String, Integer> withPrimaryScores(ScheduledResource rsc) {
        if (rsc.merging) {
            return null;
        }
        rsc.merging = true;
        try {
            Map<String, Integer> work;
            if (rsc.variant() == Variant.GROUP) {
                work = rsc.children().isEmpty() ? null : withPrimaryScores(rsc.lastChild());
                if (work == null) {
                    return null;
                }
            } else {
                work = new LinkedHashMap<>(rsc.allowed);
            }
            if (nodes.anyAvailable(work)) {
                for (Colocation c : List.copyOf(index.thisWith(rsc))) {
                    float factor = c.score() / (float) Scores.INFINITY;
                    work = merge(c.primary(), work, c.nodeAttribute(), factor, true, false, true);
                }
            }
            return work;
        } finally {
            rsc.merging = false;
        }
    }

    /**
     * Merges rsc's scores into a table, then those of the resources colocated with it (or,
     * with primaries, those it is colocated with), each scaled by its colocation score.
     */
    private Map<String, Integer> merge(ScheduledResource rsc, Map<String, Integer> table,
            String attribute, float factor, boolean onlyActive, boolean nonnegative,
            boolean primaries) {
        if (rsc.merging) {
            return table;
        }
        rsc.merging = true;
        try {
            Map<String, Integer> work;
            if (rsc.variant() == Variant.GROUP) {
                ScheduledResource first = rsc.firstChild();
                if (first == null) {
                    return table;
                }
                work = merge(first, new LinkedHashMap<>(table), attribute, factor,
                        onlyActive, nonnegative, primaries);
            } else {
                work = new LinkedHashMap<>(table);
                addMatchingScores(work, rsc, attribute, factor, nonnegative);
            }
            if (nodes.anyAvailable(work)) {
                float multiplier = factor < 0 ? -1.0f : 1.0f;
                List<Colocation> next = primaries ? index.thisWith(rsc)
                        : rsc.variant() == Variant.GROUP ? index.withThis(rsc.lastChild())
                        : index.withThis(rsc);
                for (Colocation c : List.copyOf(next)) {
                    if (!primaries && !hasInfluence(c)) {
                        continue;
                    }
                    float f = multiplier * c.score() / (float) Scores.INFINITY;
                    work = merge(primaries ? c.primary() : c.dependent(), work,
                            c.nodeAttribute(), f, true, nonnegative, primaries);
                }
            } else if (onlyActive) {
                return table;
            }
            if (nonnegative) {
                work.replaceAll((node, score) -> score == UNUSABLE ? 1 : score);
            }
            return work;
        } finally {
            rsc.merging = false;
        }
    }

    private void addMatchingScores(Map<String, Integer> work, ScheduledResource rsc,
            String attribute, float factor, boolean nonnegative) {
        String attr = attribute == null ? "#uname" : attribute;
        for (Map.Entry<String, Integer> entry : work.entrySet()) {
            int score = bestMatchingScore(rsc, attr, nodes.attribute(entry.getKey(), attr));
            if ((factor < 0 && score < 0) || entry.getValue() == UNUSABLE) {
                continue;
            }
            double weighted = factor * score;
            int weight = (int) (weighted < 0 ? weighted - 0.5 : weighted + 0.5);
            if (weight == 0 && score != 0) {
                weight = factor > 0 ? 1 : factor < 0 ? -1 : 0;
            }
            int updated = Scores.add(weight, entry.getValue());
            if (nonnegative && updated < 0 && entry.getValue() > 0) {
                entry.setValue(UNUSABLE);
            } else if (!(nonnegative && updated < 0 && entry.getValue() == 0)) {
                entry.setValue(updated);
            }
        }
    }

    private int bestMatchingScore(ScheduledResource rsc, String attr, String value) {
        int best = -Scores.INFINITY;
        for (Map.Entry<String, Integer> entry : rsc.allowed.entrySet()) {
            if (entry.getValue() > best && nodes.canRun(entry.getKey())
                    && equalsIgnoreCase(value, nodes.attribute(entry.getKey(), attr))) {
                best = entry.getValue();
            }
        }
        return best;
    }
}
