package org.halyard.scheduler.utilization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.assign.NodeAvailability;
import org.halyard.scheduler.colocation.Colocation;
import org.halyard.scheduler.colocation.ColocationIndex;
import org.halyard.scheduler.colocation.ColocationScores;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;
import org.halyard.scheduler.resource.Variant;

/**
 * Keeps a primitive off nodes without the capacity it needs (pcmk__ban_insufficient_capacity).
 * What must go together is checked together: the primitive and every resource mandatorily
 * colocated with it that is not assigned yet. Only when no node can take all of them is the
 * primitive checked on its own.
 */
public final class CapacityCheck {

    private final ColocationIndex colocations;
    private final NodeAvailability nodes;

    public CapacityCheck(ColocationIndex colocations, NodeAvailability nodes) {
        this.colocations = colocations;
        this.nodes = nodes;
    }

    /**
     * Bans a primitive being assigned from the available nodes that lack capacity for it.
     *
     * @return the available node with most free capacity when no node can take the primitive
     *         with its colocated resources (it is then preferred), else null
     */
    public String banInsufficient(ScheduledResource rsc) {
        if (!nodes.strategy().checksCapacity()) {
            return null;
        }
        List<ScheduledResource> together = colocated(rsc, null, new ArrayList<>());
        Map<String, Integer> needed = new HashMap<>();
        for (ScheduledResource member : together) {
            addUnassigned(member, together, needed);
        }
        NodeCapacities capacities = nodes.capacities();
        boolean anyCapable = false;
        String mostFree = null;
        for (Map.Entry<String, Integer> entry : rsc.allowed.entrySet()) {
            String node = entry.getKey();
            if (!nodes.canRun(node, entry.getValue())) {
                continue;
            }
            anyCapable |= capacities.hasEnough(node, needed);
            if (mostFree == null || capacities.compare(node, mostFree) < 0) {
                mostFree = node;
            }
        }
        Map<String, Integer> required = anyCapable ? needed : rsc.config().utilization();
        for (Map.Entry<String, Integer> entry : rsc.allowed.entrySet()) {
            if (nodes.canRun(entry.getKey(), entry.getValue())
                    && !capacities.hasEnough(entry.getKey(), required)) {
                entry.setValue(-Scores.INFINITY);
            }
        }
        return anyCapable ? null : mostFree;
    }

    /**
     * The resources that will be placed with rsc through mandatory colocations, rsc first
     * (the colocated_resources method of Pacemaker's resource variants).
     */
    private List<ScheduledResource> colocated(ScheduledResource rsc, ScheduledResource orig,
            List<ScheduledResource> found) {
        if (rsc.variant() != Variant.GROUP) {
            return viaColocations(rsc, orig, found);
        }
        ScheduledResource origin = orig == null ? rsc : orig;
        boolean together = rsc.config().groupColocated()
                || (rsc.parent() != null && rsc.parent().isClone());
        if (together) {
            rsc.children().forEach(member -> colocated(member, origin, found));
        } else if (!rsc.children().isEmpty()) {
            colocated(rsc.firstChild(), origin, found);
        }
        return viaColocations(rsc, origin, found);
    }

    private List<ScheduledResource> viaColocations(ScheduledResource rsc,
            ScheduledResource orig, List<ScheduledResource> found) {
        ScheduledResource origin = orig == null ? rsc : orig;
        if (found.contains(rsc)) {
            return found;
        }
        found.add(rsc);
        for (Colocation c : List.copyOf(colocations.thisWith(rsc))) {
            if (c.primary() != origin && c.score() >= Scores.INFINITY
                    && ColocationScores.willAffectLocation(rsc, c.primary(), c)) {
                colocated(c.primary(), origin, found);
            }
        }
        for (Colocation c : List.copyOf(colocations.withThis(rsc))) {
            ScheduledResource dependent = c.dependent();
            // a clone's instances need not all end up with a non-clone dependent
            if (dependent == origin || (rsc.isClone() && !dependent.isClone())) {
                continue;
            }
            if (c.score() >= Scores.INFINITY
                    && ColocationScores.willAffectLocation(dependent, rsc, c)) {
                colocated(dependent, origin, found);
            }
        }
        return found;
    }

    /**
     * Adds what a resource still needs to the sum (add_utilization): an assigned resource
     * needs nothing more; a group adds its members (only the first when they are not
     * colocated) unless they are counted on their own; a clone adds one instance.
     */
    private void addUnassigned(ScheduledResource rsc, List<ScheduledResource> counted,
            Map<String, Integer> sum) {
        if (!rsc.provisional) {
            return;
        }
        switch (rsc.variant()) {
            case GROUP -> {
                boolean together = rsc.config().groupColocated()
                        || (rsc.parent() != null && rsc.parent().isClone());
                List<ScheduledResource> members = together ? rsc.children()
                        : rsc.children().stream().limit(1).toList();
                for (ScheduledResource member : members) {
                    if (member.provisional && !counted.contains(member)) {
                        addUnassigned(member, counted, sum);
                    }
                }
            }
            case CLONE -> addInstance(rsc, counted, sum);
            default -> rsc.config().utilization().forEach((name, value) -> sum.merge(name, value,
                    Integer::sum));
        }
    }

    /** A clone counts the instance (or cloned group) already in the list, else its first. */
    private void addInstance(ScheduledResource clone, List<ScheduledResource> counted,
            Map<String, Integer> sum) {
        boolean existing = false;
        for (ScheduledResource instance : clone.children()) {
            if (counted.contains(instance)) {
                existing = true;
                continue;
            }
            for (ScheduledResource member : instance.children()) {
                if (counted.contains(member)) {
                    addUnassigned(instance, counted, sum);
                    existing = true;
                    break;
                }
            }
        }
        if (!existing && !clone.children().isEmpty()) {
            addUnassigned(clone.children().get(0), counted, sum);
        }
    }
}
