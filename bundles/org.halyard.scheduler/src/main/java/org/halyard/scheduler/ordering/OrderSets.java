package org.halyard.scheduler.ordering;

import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_THEN_PRINTED;
import static org.halyard.scheduler.actions.OrderFlags.ONE_OR_MORE;
import static org.halyard.scheduler.actions.OrderFlags.RUNNABLE_LEFT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.constraints.ResourceSet;
import org.halyard.scheduler.ordering.OrderReader.Kind;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * Reads an rsc_order made of resource sets (Pacemaker's pcmk__unpack_ordering with
 * unpack_order_set and order_rsc_sets): members of a sequential set are ordered one after the
 * other, and each set is ordered after the previous one; symmetrical orderings also get their
 * inverse for stopping. After a set with require-all=false, one runnable member suffices.
 */
final class OrderSets {

    private static final int ASYMMETRIC = 0;
    private static final int SYMMETRIC = 1;
    private static final int INVERSE = 2;

    private final Map<String, ScheduledResource> resources;
    private final List<Ordering> orderings;

    OrderSets(Map<String, ScheduledResource> resources, List<Ordering> orderings) {
        this.resources = resources;
        this.orderings = orderings;
    }

    void read(OrderConstraint constraint, Kind kind) {
        String symmetrical = constraint.getSymmetrical();
        int symmetry = symmetry(symmetrical, kind);
        ResourceSet last = null;
        for (ResourceSet set : constraint.resourceSets()) {
            within(set, kind, symmetrical);
            if (last != null) {
                between(last, set, kind, symmetry);
                if (symmetry == SYMMETRIC) {
                    between(set, last, kind, INVERSE);
                }
            }
            last = set;
        }
    }

    /** Pacemaker's get_ordering_symmetry: symmetrical unless said otherwise or Serialize. */
    private static int symmetry(String symmetrical, Kind kind) {
        boolean symmetric = CibValues.parseBoolean(symmetrical).orElse(kind != Kind.SERIALIZE);
        return symmetric && kind != Kind.SERIALIZE ? SYMMETRIC : ASYMMETRIC;
    }

    /** The orderings inside one set. */
    private void within(ResourceSet set, Kind parentKind, String parentSymmetrical) {
        List<ScheduledResource> members = members(set);
        if (members.size() <= 1) {
            return;
        }
        String action = set.getAction() == null ? "start" : set.getAction();
        Kind kind = set.getKind() != null ? OrderReader.kind(set.getKind(), null) : parentKind;
        Kind symmetryKind = set.getKind() != null || set.getScore() != null
                ? OrderReader.kind(set.getKind(), set.getScore()) : parentKind;
        boolean sequential = CibValues.parseBoolean(set.getSequential()).orElse(true);
        int symmetry = symmetry(parentSymmetrical, symmetryKind);
        int flags = OrderReader.flags(kind, action, symmetry);
        for (int i = 0; i < members.size(); i++) {
            if (kind == Kind.SERIALIZE) {
                for (int j = i + 1; j < members.size(); j++) {
                    order(members.get(i), action, members.get(j), action, flags);
                }
            } else if (sequential && i > 0) {
                order(members.get(i - 1), action, members.get(i), action, flags);
            }
        }
        String inverse = OrderReader.invert(action);
        if (symmetry == ASYMMETRIC || !sequential || inverse == null) {
            return;
        }
        int inverseFlags = OrderReader.flags(kind, inverse, INVERSE);
        for (int i = 1; i < members.size(); i++) {
            order(members.get(i), inverse, members.get(i - 1), inverse, inverseFlags);
        }
    }

    /** The orderings from one set to the next (or back, for the inverse). */
    private void between(ResourceSet set1, ResourceSet set2, Kind kind, int symmetry) {
        String action1 = set1.getAction() == null ? "start" : set1.getAction();
        String action2 = set2.getAction() == null ? "start" : set2.getAction();
        if (symmetry == INVERSE) {
            action1 = OrderReader.invert(action1);
            action2 = OrderReader.invert(action2);
            if (action1 == null || action2 == null) {
                return;
            }
        }
        boolean requireAll = CibValues.parseBoolean(set1.getRequireAll()).orElse(true)
                || "stop".equals(action1) || "demote".equals(action1);
        // Pacemaker passes the "then" action where the "first" one is expected
        int flags = OrderReader.flags(kind, action2, symmetry);
        List<ScheduledResource> firsts = members(set1);
        List<ScheduledResource> thens = members(set2);
        if (!requireAll) {
            // Any one member of the first set suffices: order through a pseudo-action
            String pseudo = "one-or-more:" + set1.getId();
            for (ScheduledResource first : firsts) {
                orderings.add(new Ordering(first, action1, null, null, pseudo, null,
                        ONE_OR_MORE | IMPLIES_THEN_PRINTED));
            }
            for (ScheduledResource then : thens) {
                orderings.add(new Ordering(null, pseudo, null, then, action2, null,
                        flags | RUNNABLE_LEFT));
            }
            return;
        }
        // Only an explicit sequential="true" narrows a set to its edge member here
        if (CibValues.isTrue(set1.getSequential()) && !firsts.isEmpty()) {
            firsts = List.of(symmetry == INVERSE ? firsts.get(0) : firsts.get(firsts.size() - 1));
        }
        if (CibValues.isTrue(set2.getSequential()) && !thens.isEmpty()) {
            thens = List.of(symmetry == INVERSE ? thens.get(thens.size() - 1) : thens.get(0));
        }
        for (ScheduledResource first : firsts) {
            for (ScheduledResource then : thens) {
                order(first, action1, then, action2, flags);
            }
        }
    }

    private List<ScheduledResource> members(ResourceSet set) {
        List<ScheduledResource> members = new ArrayList<>();
        for (String id : set.resourceIds()) {
            ScheduledResource rsc = resources.get(id);
            if (rsc != null) {
                members.add(rsc);
            }
        }
        return members;
    }

    private void order(ScheduledResource first, String firstAction, ScheduledResource then,
            String thenAction, int flags) {
        orderings.add(new Ordering(first, firstAction, null, then, thenAction, null, flags));
    }
}
