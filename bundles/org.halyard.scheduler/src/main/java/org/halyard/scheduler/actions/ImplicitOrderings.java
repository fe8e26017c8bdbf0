package org.halyard.scheduler.actions;

import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_FIRST;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_FIRST_PRINTED;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_THEN;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_THEN_PRINTED;
import static org.halyard.scheduler.actions.OrderFlags.NONE;
import static org.halyard.scheduler.actions.OrderFlags.OPTIONAL;
import static org.halyard.scheduler.actions.OrderFlags.PROMOTED_IMPLIES_FIRST;
import static org.halyard.scheduler.actions.OrderFlags.RESTART;
import static org.halyard.scheduler.actions.OrderFlags.RUNNABLE_LEFT;

import java.util.List;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.colocation.ColocationIndex;
import org.halyard.scheduler.ordering.Ordering;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;
import org.halyard.scheduler.resource.Variant;

/**
 * The orderings and colocations a resource implies by itself: a primitive stops before it
 * starts again; a group's members start in order, stop in reverse and run together.
 */
public final class ImplicitOrderings {

    private final List<Ordering> orderings;
    private final ColocationIndex colocations;

    public ImplicitOrderings(List<Ordering> orderings, ColocationIndex colocations) {
        this.orderings = orderings;
        this.colocations = colocations;
    }

    public void add(ScheduledResource rsc) {
        switch (rsc.variant()) {
            case GROUP -> group(rsc);
            case CLONE -> clone(rsc);
            default -> primitive(rsc);
        }
    }

    private void primitive(ScheduledResource rsc) {
        if (rsc.managed) {
            order(rsc, "stop", rsc, "start", OPTIONAL | IMPLIES_THEN | RESTART);
            if (rsc.inPromotable() || rsc.role.compareTo(Role.UNPROMOTED) > 0) {
                // Demote before stopping, start before promoting
                order(rsc, "demote", rsc, "stop", PROMOTED_IMPLIES_FIRST);
                order(rsc, "start", rsc, "promote", RUNNABLE_LEFT);
            }
        }
        ScheduledResource container = rsc.container;
        if (container != null) {
            // A filler starts after its container, stops before it, and runs with it
            order(container, "start", rsc, "start", IMPLIES_THEN | RUNNABLE_LEFT);
            order(rsc, "stop", container, "stop", IMPLIES_FIRST);
            colocations.add("resource-with-container", null, Scores.INFINITY, rsc, container,
                    null, null, true);
        }
    }

    private void order(ScheduledResource first, String firstTask, ScheduledResource then,
            String thenTask, int flags) {
        orderings.add(new Ordering(first, firstTask, null, then, thenTask, null, flags));
    }

    /**
     * A clone starts (stops) when its instances do, and reports running (stopped) after
     * them; an ordered clone's instances start one after the other; a promotable clone's
     * promotions and demotions are bracketed the same way.
     */
    private void clone(ScheduledResource clone) {
        boolean promotable = clone.clone.promotable();
        boolean ordered = clone.clone.ordered();
        order(clone, "stopped", clone, "start", OPTIONAL);
        order(clone, "start", clone, "running", RUNNABLE_LEFT);
        order(clone, "stop", clone, "stopped", RUNNABLE_LEFT);
        if (promotable) {
            order(clone, "demoted", clone, "stop", OPTIONAL);
            order(clone, "running", clone, "promote", RUNNABLE_LEFT);
        }
        ScheduledResource last = null;
        for (ScheduledResource instance : clone.children()) {
            add(instance);
            order(clone, "start", instance, "start", RUNNABLE_LEFT | IMPLIES_FIRST_PRINTED);
            order(instance, "start", clone, "running", IMPLIES_THEN_PRINTED);
            order(clone, "stop", instance, "stop", IMPLIES_FIRST_PRINTED);
            order(instance, "stop", clone, "stopped", IMPLIES_THEN_PRINTED);
            if (ordered && last != null) {
                order(last, "start", instance, "start", OPTIONAL);
                order(instance, "stop", last, "stop", OPTIONAL);
            }
            last = instance;
        }
        if (promotable) {
            promotableOrderings(clone, ordered);
        }
    }

    private void promotableOrderings(ScheduledResource clone, boolean ordered) {
        for (String first : new String[] {"stopped", "demoted"}) {
            order(clone, first, clone, "start", OPTIONAL);
            order(clone, first, clone, "promote", OPTIONAL);
        }
        order(clone, "demoted", clone, "stop", OPTIONAL);
        order(clone, "running", clone, "promote", OPTIONAL);
        order(clone, "demote", clone, "demoted", OPTIONAL);
        ScheduledResource last = null;
        for (ScheduledResource instance : clone.children()) {
            order(instance, "demote", instance, "promote", OPTIONAL);
            order(clone, "promote", instance, "promote", OPTIONAL);
            order(instance, "promote", clone, "promoted", OPTIONAL);
            order(clone, "demote", instance, "demote", IMPLIES_FIRST_PRINTED);
            order(instance, "demote", clone, "demoted", IMPLIES_THEN_PRINTED);
            if (ordered && last != null) {
                order(last, "promote", instance, "promote", OPTIONAL);
                order(instance, "demote", last, "demote", OPTIONAL);
            }
            last = instance;
        }
    }

    private void group(ScheduledResource group) {
        order(group, "stop", group, "stopped", RUNNABLE_LEFT);
        order(group, "stopped", group, "start", OPTIONAL);
        order(group, "start", group, "running", RUNNABLE_LEFT);
        boolean ordered = group.config().groupOrdered();
        boolean colocated = group.config().groupColocated();
        ScheduledResource previous = null;
        ScheduledResource lastActive = null;
        for (ScheduledResource member : group.children()) {
            primitive(member);
            int down = IMPLIES_FIRST_PRINTED;
            int postDown = IMPLIES_THEN_PRINTED;
            if (previous == null && ordered) {
                down |= OPTIONAL;
                postDown = IMPLIES_THEN;
            } else if (previous != null && colocated) {
                colocations.add("group:internal_colocation", null, Scores.INFINITY, member,
                        previous, null, null, true);
            }
            order(group, "stop", member, "stop", down);
            order(member, "stop", group, "stopped", postDown);
            order(group, "start", member, "start", IMPLIES_FIRST_PRINTED);
            order(member, "start", group, "running",
                    RUNNABLE_LEFT | IMPLIES_THEN | IMPLIES_THEN_PRINTED);
            if (!ordered) {
                order(group, "start", member, "start",
                        IMPLIES_THEN | RUNNABLE_LEFT | IMPLIES_FIRST_PRINTED);
            } else if (previous == null) {
                order(group, "start", member, "start", NONE);
            } else {
                order(previous, "start", member, "start", IMPLIES_THEN | RUNNABLE_LEFT);
                order(member, "stop", previous, "stop", OPTIONAL | RESTART);
            }
            if (!member.runningOn.isEmpty()) {
                if (ordered && previous != null && previous.runningOn.isEmpty()
                        && lastActive != null && !lastActive.runningOn.isEmpty()) {
                    order(member, "stop", lastActive, "stop", OPTIONAL);
                }
                lastActive = member;
            }
            previous = member;
        }
    }
}
