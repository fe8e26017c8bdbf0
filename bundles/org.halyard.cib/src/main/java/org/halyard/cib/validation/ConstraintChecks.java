package org.halyard.cib.validation;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.constraints.ResourceRef;
import org.halyard.cib.model.constraints.ResourceSet;
import org.halyard.cib.model.constraints.TicketConstraint;

/**
 * Constraints must name resources (or tags or templates) and nodes that exist, name all they
 * need, and not relate a resource to itself.
 *
 * <p>Severities follow Pacemaker 2.1.5: it ignores a constraint with an unknown resource as a
 * configuration error; an unknown node in a location constraint it ignores silently, which is
 * worth a warning here (a typo, or a node not yet added).
 */
final class ConstraintChecks {

    private final ConfigurationIndex index;
    private final Findings findings;

    private ConstraintChecks(ConfigurationIndex index, Findings findings) {
        this.index = index;
        this.findings = findings;
    }

    static void check(ConfigurationIndex index, Findings findings) {
        ConstraintChecks checks = new ConstraintChecks(index, findings);
        List<Constraint> constraints = index.configuration.constraints()
                .map(Constraints::constraints).orElse(List.of());
        for (Constraint constraint : constraints) {
            checks.resourceSets(constraint);
            switch (constraint) {
                case LocationConstraint location -> checks.location(location);
                case ColocationConstraint colocation -> checks.colocation(colocation);
                case OrderConstraint order -> checks.order(order);
                case TicketConstraint ticket -> checks.ticket(ticket);
                default -> {
                    // No other kinds of constraint exist.
                }
            }
        }
    }

    private void location(LocationConstraint location) {
        boolean hasSets = !location.resourceSets().isEmpty();
        if (location.getRsc() != null) {
            resource(location, location.getRsc());
        } else if (location.getRscPattern() != null) {
            try {
                Pattern.compile(location.getRscPattern());
            } catch (PatternSyntaxException e) {
                findings.error(Check.INCOMPLETE_CONSTRAINT, location, name(location)
                        + " has an invalid rsc-pattern \"" + location.getRscPattern() + "\": "
                        + e.getDescription());
            }
        } else if (!hasSets) {
            incomplete(location, "names no resource (rsc, rsc-pattern or resource_set)");
        }
        if (location.getNode() != null) {
            if (!index.isNode(location.getNode())) {
                findings.warning(Check.UNKNOWN_NODE, location, name(location)
                        + " refers to unknown node \"" + location.getNode() + "\"");
            }
        } else if (location.rules().isEmpty()) {
            // Pacemaker: "Ignoring constraint '%s' because it contains no rules"
            incomplete(location, "has neither node and score nor a rule");
        }
    }

    private void colocation(ColocationConstraint colocation) {
        if (colocation.resourceSets().isEmpty()) {
            if (colocation.getRsc() == null || colocation.getWithRsc() == null) {
                incomplete(colocation, "needs rsc and with-rsc, or resource sets");
                return;
            }
            boolean known = resource(colocation, colocation.getRsc())
                    & resource(colocation, colocation.getWithRsc());
            if (known && colocation.getRsc().equals(colocation.getWithRsc())) {
                findings.error(Check.IMPOSSIBLE_CONSTRAINT, colocation, name(colocation)
                        + " colocates \"" + colocation.getRsc() + "\" with itself");
            }
        }
    }

    private void order(OrderConstraint order) {
        if (order.resourceSets().isEmpty()) {
            if (order.getFirst() == null || order.getThen() == null) {
                incomplete(order, "needs first and then, or resource sets");
                return;
            }
            boolean known = resource(order, order.getFirst()) & resource(order, order.getThen());
            if (known && order.getFirst().equals(order.getThen())
                    && order.effectiveFirstAction().equals(order.effectiveThenAction())) {
                findings.error(Check.IMPOSSIBLE_CONSTRAINT, order, name(order) + " orders "
                        + order.effectiveThenAction() + " of \"" + order.getThen()
                        + "\" after itself");
            }
        }
    }

    private void ticket(TicketConstraint ticket) {
        if (ticket.getTicket() == null) {
            // Pacemaker: "Ignoring constraint '%s' without ticket specified"
            incomplete(ticket, "names no ticket");
        }
        if (ticket.getRsc() != null) {
            resource(ticket, ticket.getRsc());
        } else if (ticket.resourceSets().isEmpty()) {
            incomplete(ticket, "names no resource (rsc or resource_set)");
        }
    }

    private void resourceSets(Constraint constraint) {
        for (ResourceSet set : constraint.resourceSets()) {
            for (ResourceRef ref : set.resourceRefs()) {
                String id = ref.getId();
                if (id == null) {
                    incomplete(constraint, "has a resource_ref without id in resource set \""
                            + set.getId() + "\"");
                } else if (!index.isResourceTemplateOrTag(id)) {
                    unknownResource(constraint, ref, id, " in resource set \"" + set.getId()
                            + "\"");
                }
            }
        }
    }

    /** Reports an unknown resource; returns whether the reference is good. */
    private boolean resource(Constraint constraint, String ref) {
        if (index.isResourceTemplateOrTag(ref)) {
            return true;
        }
        unknownResource(constraint, constraint, ref, "");
        return false;
    }

    private void unknownResource(Constraint constraint, CibElement at, String ref, String where) {
        // Pacemaker: "Ignoring constraint '%s' because '%s' is not a valid resource or tag"
        findings.add(Severity.ERROR, Check.UNKNOWN_RESOURCE, at, constraint.getId(),
                name(constraint) + " refers to unknown resource \"" + ref + "\"" + where);
    }

    private void incomplete(Constraint constraint, String what) {
        findings.error(Check.INCOMPLETE_CONSTRAINT, constraint, name(constraint) + " " + what);
    }

    /** {@code colocation "fs_with_ip"}: how the admin knows the constraint. */
    static String name(Constraint constraint) {
        return constraint.kind() + " \"" + constraint.getId() + "\"";
    }
}
