package org.halyard.scheduler.colocation;

import java.util.List;
import java.util.Map;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.ResourceSet;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/** Reads rsc_colocation constraints (simple and resource sets) into a {@link ColocationIndex}. */
public final class ColocationReader {

    private final Map<String, ScheduledResource> resources;
    private final ColocationIndex index;

    public ColocationReader(Map<String, ScheduledResource> resources, ColocationIndex index) {
        this.resources = resources;
        this.index = index;
    }

    public void read(ColocationConstraint constraint) {
        int score = Scores.parse(constraint.getScore());
        String influence = constraint.getInfluence();
        List<ResourceSet> sets = constraint.resourceSets();
        ResourceSet last = null;
        for (ResourceSet set : sets) {
            readSet(set, score, influence);
            if (last != null) {
                betweenSets(constraint.getId(), last, set, score, influence);
            }
            last = set;
        }
        if (last == null) {
            ScheduledResource dependent = resources.get(constraint.getRsc());
            ScheduledResource primary = resources.get(constraint.getWithRsc());
            if (dependent != null && primary != null) {
                index.add(constraint.getId(), constraint.getNodeAttribute(), score, dependent,
                        primary, constraint.getRscRole(), constraint.getWithRscRole(),
                        influence(influence));
            }
        }
    }

    private static boolean influence(String value) {
        // Resources are "critical" by default, so influence defaults to true
        return CibValues.parseBoolean(value).orElse(true);
    }

    private void readSet(ResourceSet set, int score, String influence) {
        int local = set.getScore() != null ? Scores.parse(set.getScore()) : score;
        if (local == 0 || !CibValues.parseBoolean(set.getSequential()).orElse(true)) {
            return;
        }
        List<ScheduledResource> members = set.resourceIds().stream().map(resources::get)
                .toList();
        if (members.contains(null)) {
            return;
        }
        String role = set.getRole();
        boolean groupOrdering = set.getOrdering() == null || "group".equals(set.getOrdering());
        if (local > 0) {
            for (int i = 1; i < members.size(); i++) {
                ScheduledResource dependent = groupOrdering ? members.get(i) : members.get(i - 1);
                ScheduledResource primary = groupOrdering ? members.get(i - 1) : members.get(i);
                index.add(set.getId(), null, local, dependent, primary, role, role,
                        influence(influence));
            }
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            for (int j = 0; j < i; j++) {
                index.add(set.getId(), null, local, members.get(i), members.get(j), role, role,
                        influence(influence));
            }
        }
    }

    private void betweenSets(String id, ResourceSet first, ResourceSet second, int score,
            String influence) {
        if (score == 0) {
            return;
        }
        List<String> firstIds = first.resourceIds();
        List<String> secondIds = second.resourceIds();
        boolean firstSeq = CibValues.parseBoolean(first.getSequential()).orElse(true);
        boolean secondSeq = CibValues.parseBoolean(second.getSequential()).orElse(true);
        ScheduledResource one = firstSeq && !firstIds.isEmpty()
                ? resources.get(firstIds.get(0)) : null;
        ScheduledResource two = secondSeq && !secondIds.isEmpty()
                ? resources.get(secondIds.get(secondIds.size() - 1)) : null;
        boolean infl = influence(influence);
        if (one != null && two != null) {
            index.add(id, null, score, one, two, first.getRole(), second.getRole(), infl);
        } else if (one != null) {
            secondIds.forEach(r -> index.add(id, null, score, one, resources.get(r),
                    first.getRole(), second.getRole(), infl));
        } else if (two != null) {
            firstIds.forEach(r -> index.add(id, null, score, resources.get(r), two,
                    first.getRole(), second.getRole(), infl));
        } else {
            for (String a : firstIds) {
                for (String b : secondIds) {
                    index.add(id, null, score, resources.get(a), resources.get(b),
                            first.getRole(), second.getRole(), infl);
                }
            }
        }
    }
}
