package org.halyard.scheduler.colocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * The colocations each resource takes part in, kept sorted the way Pacemaker processes them:
 * by the other resource's priority, then variant (clones first), then id.
 */
public final class ColocationIndex {

    private static final Comparator<ScheduledResource> OTHER_ORDER = Comparator
            .comparingInt((ScheduledResource r) -> -r.priority)
            .thenComparing(r -> -r.variant().ordinal())
            .thenComparing(ScheduledResource::id);

    private final Map<ScheduledResource, List<Colocation>> thisWith = new HashMap<>();
    private final Map<ScheduledResource, List<Colocation>> withThis = new HashMap<>();
    private final List<Colocation> all = new ArrayList<>();

    /** Colocations where the resource is the dependent ("this with X"). */
    public List<Colocation> thisWith(ScheduledResource rsc) {
        return thisWith.getOrDefault(rsc, List.of());
    }

    /** Colocations where the resource is the primary ("X with this"). */
    public List<Colocation> withThis(ScheduledResource rsc) {
        return withThis.getOrDefault(rsc, List.of());
    }

    public List<Colocation> all() {
        return all;
    }

    /** Adds a colocation (a zero score has no effect and is dropped). */
    public void add(String id, String nodeAttribute, int score, ScheduledResource dependent,
            ScheduledResource primary, String dependentRole, String primaryRole,
            boolean influence) {
        if (score == 0 || dependent == null || primary == null) {
            return;
        }
        Colocation colocation = new Colocation(id, dependent, primary, score,
                role(dependentRole), role(primaryRole), nodeAttribute, influence);
        addThisWith(dependent, colocation);
        addWithThis(primary, colocation);
        all.add(colocation);
    }

    private static Role role(String text) {
        Role role = Role.parse(text);
        return role == Role.STARTED ? Role.UNKNOWN : role;
    }

    /** Inserts "rsc with primary" in sorted position (before equal entries, as glib does). */
    public void addThisWith(ScheduledResource rsc, Colocation colocation) {
        insert(thisWith.computeIfAbsent(rsc, r -> new ArrayList<>()), colocation, false);
    }

    public void addWithThis(ScheduledResource rsc, Colocation colocation) {
        insert(withThis.computeIfAbsent(rsc, r -> new ArrayList<>()), colocation, true);
    }

    /** Moves all colocations of a resource elsewhere (group expansion). */
    public List<Colocation> takeThisWith(ScheduledResource rsc) {
        List<Colocation> taken = thisWith.remove(rsc);
        return taken == null ? List.of() : taken;
    }

    public List<Colocation> takeWithThis(ScheduledResource rsc) {
        List<Colocation> taken = withThis.remove(rsc);
        return taken == null ? List.of() : taken;
    }

    private static void insert(List<Colocation> list, Colocation colocation, boolean byDependent) {
        ScheduledResource key = byDependent ? colocation.dependent() : colocation.primary();
        int i = 0;
        while (i < list.size()) {
            ScheduledResource other = byDependent ? list.get(i).dependent() : list.get(i).primary();
            if (OTHER_ORDER.compare(key, other) <= 0) {
                break;
            }
            i++;
        }
        list.add(i, colocation);
    }

    /** True for a mandatory colocation score. */
    public static boolean mandatory(int score) {
        return score >= Scores.INFINITY;
    }
}
