package org.halyard.scheduler.actions;

import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_FIRST;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_FIRST_PRINTED;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_THEN;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_THEN_PRINTED;
import static org.halyard.scheduler.actions.OrderFlags.NONE;
import static org.halyard.scheduler.actions.OrderFlags.OPTIONAL;
import static org.halyard.scheduler.actions.OrderFlags.RESTART;
import static org.halyard.scheduler.actions.OrderFlags.RUNNABLE_LEFT;

import java.util.List;
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
        if (rsc.variant() == Variant.GROUP) {
            group(rsc);
        } else {
            primitive(rsc);
        }
    }

    private void primitive(ScheduledResource rsc) {
        if (rsc.managed) {
            order(rsc, "stop", rsc, "start", OPTIONAL | IMPLIES_THEN | RESTART);
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
