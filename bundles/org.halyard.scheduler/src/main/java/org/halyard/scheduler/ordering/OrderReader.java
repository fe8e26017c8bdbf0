package org.halyard.scheduler.ordering;

import static org.halyard.scheduler.actions.OrderFlags.ASYMMETRICAL;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_FIRST;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_THEN;
import static org.halyard.scheduler.actions.OrderFlags.IMPLIES_THEN_PRINTED;
import static org.halyard.scheduler.actions.OrderFlags.ONE_OR_MORE;
import static org.halyard.scheduler.actions.OrderFlags.OPTIONAL;
import static org.halyard.scheduler.actions.OrderFlags.RUNNABLE_LEFT;
import static org.halyard.scheduler.actions.OrderFlags.SERIALIZE_ONLY;

import java.util.List;
import java.util.Map;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;

/**
 * Reads rsc_order constraints: Mandatory orderings imply the "then" action and, when
 * symmetrical (the default), the inverse for stopping; Optional ones only order. After a
 * clone with clone-min (or require-all=false), enough runnable instances suffice.
 */
public final class OrderReader {

    enum Kind { OPTIONAL, MANDATORY, SERIALIZE }

    private final Map<String, ScheduledResource> resources;
    private final List<Ordering> orderings;

    public OrderReader(Map<String, ScheduledResource> resources, List<Ordering> orderings) {
        this.resources = resources;
        this.orderings = orderings;
    }

    public void read(OrderConstraint constraint) {
        if (!constraint.resourceSets().isEmpty()) {
            new OrderSets(resources, orderings).read(constraint, kind(constraint));
            return;
        }
        ScheduledResource first = resources.get(constraint.getFirst());
        ScheduledResource then = resources.get(constraint.getThen());
        if (first == null || then == null) {
            return;
        }
        String firstAction = constraint.effectiveFirstAction();
        String thenAction = constraint.effectiveThenAction();
        Kind kind = kind(constraint);
        boolean symmetric = CibValues.parseBoolean(constraint.getSymmetrical())
                .orElse(kind != Kind.SERIALIZE);
        if (kind == Kind.SERIALIZE) {
            symmetric = false;
        }
        // The deprecated restart-type=restart makes an optional ordering restart "then"
        boolean restart = kind == Kind.OPTIONAL
                && "restart".equalsIgnoreCase(then.config().meta().get("restart-type"));
        int flags = flags(kind, firstAction, symmetric ? 1 : 0) | (restart ? IMPLIES_THEN : 0);
        int minimum = minimumFirstInstances(first, constraint);
        if (minimum > 0) {
            cloneMinimum(constraint.getId(), first, firstAction, then, thenAction, flags,
                    minimum);
        } else {
            orderings.add(new Ordering(first, firstAction, null, then, thenAction, null, flags));
        }
        if (symmetric) {
            String invertedFirst = invert(firstAction);
            String invertedThen = invert(thenAction);
            if (invertedFirst != null && invertedThen != null) {
                orderings.add(new Ordering(then, invertedThen, null, first, invertedFirst, null,
                        flags(kind, invertedFirst, 2) | (restart ? IMPLIES_FIRST : 0)));
            }
        }
    }

    /**
     * Pacemaker's get_minimum_first_instances: how many instances of a "first" clone must be
     * runnable for "then" (its clone-min, else 1 for the deprecated require-all=false);
     * 0 when the whole of "first" is required.
     */
    static int minimumFirstInstances(ScheduledResource first, OrderConstraint constraint) {
        if (!first.isClone()) {
            return 0;
        }
        if (first.config().meta().get("clone-min") != null) {
            return first.clone.cloneMin();
        }
        return CibValues.parseBoolean(constraint.getRequireAll()).map(all -> all ? 0 : 1)
                .orElse(0);
    }

    /**
     * Orders "then" after a pseudo-action that is runnable once enough instances of "first"
     * are (Pacemaker's clone_min_ordering).
     */
    private void cloneMinimum(String id, ScheduledResource first, String firstAction,
            ScheduledResource then, String thenAction, int flags, int minimum) {
        String pseudo = "clone-one-or-more:" + id;
        for (ScheduledResource instance : first.children()) {
            orderings.add(new Ordering(instance, firstAction, null, null, pseudo, null,
                    ONE_OR_MORE | IMPLIES_THEN_PRINTED, minimum));
        }
        orderings.add(new Ordering(null, pseudo, null, then, thenAction, null,
                flags | RUNNABLE_LEFT, minimum));
    }

    private static Kind kind(OrderConstraint constraint) {
        return kind(constraint.getKind(), constraint.getScore());
    }

    /** Pacemaker's get_ordering_type: the kind, else a score of 0 means Optional. */
    static Kind kind(String kind, String score) {
        if (kind == null) {
            return score != null && Scores.parse(score) == 0 ? Kind.OPTIONAL : Kind.MANDATORY;
        }
        return switch (kind.toLowerCase(java.util.Locale.ROOT)) {
            case "optional" -> Kind.OPTIONAL;
            case "serialize" -> Kind.SERIALIZE;
            default -> Kind.MANDATORY;
        };
    }

    /** @param symmetry 0 asymmetric, 1 symmetric, 2 the inverse of a symmetric ordering */
    static int flags(Kind kind, String firstAction, int symmetry) {
        int flags = OPTIONAL;
        if (kind == Kind.SERIALIZE) {
            return flags | SERIALIZE_ONLY;
        }
        if (kind == Kind.OPTIONAL) {
            return flags;
        }
        return switch (symmetry) {
            case 0 -> flags | ASYMMETRICAL;
            case 1 -> flags | IMPLIES_THEN
                    | ("start".equals(firstAction) || "promote".equals(firstAction)
                            ? RUNNABLE_LEFT : 0);
            default -> flags | IMPLIES_FIRST;
        };
    }

    static String invert(String action) {
        return switch (action) {
            case "start" -> "stop";
            case "stop" -> "start";
            case "promote" -> "demote";
            case "demote" -> "promote";
            case "promoted" -> "demoted";
            case "demoted" -> "promoted";
            case "running" -> "stopped";
            case "stopped" -> "running";
            default -> null;
        };
    }
}
