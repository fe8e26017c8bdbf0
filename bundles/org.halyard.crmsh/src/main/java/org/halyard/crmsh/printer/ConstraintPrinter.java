package org.halyard.crmsh.printer;

import java.util.List;
import java.util.StringJoiner;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.constraints.ResourceSet;
import org.halyard.cib.model.constraints.TicketConstraint;
import org.halyard.cib.model.rules.Rule;

/** {@code location}, {@code colocation}, {@code order} and {@code rsc_ticket}. */
final class ConstraintPrinter {

    private final List<String> notShown;

    ConstraintPrinter(List<String> notShown) {
        this.notShown = notShown;
    }

    /** {@code location <id> <rsc> [role=..] <score>: <node>} or with rules; null if unsayable. */
    Lines location(LocationConstraint location) {
        if (location.getRsc() == null || !location.resourceSets().isEmpty()
                || !location.lifetimes().isEmpty()) {
            return skip(location, "resource pattern, sets or lifetime");
        }
        Lines lines = new Lines("location " + location.getId() + " " + location.getRsc());
        if (location.getRole() != null) {
            lines.word("role=" + location.getRole());
        }
        if (location.getResourceDiscovery() != null) {
            lines.word("resource-discovery=" + location.getResourceDiscovery());
        }
        if (location.rules().isEmpty()) {
            if (location.getScore() == null || location.getNode() == null) {
                return skip(location, "no score and node");
            }
            return lines.word(Values.score(location.getScore()) + ": " + location.getNode());
        }
        for (Rule rule : location.rules()) {
            String text = RulePrinter.print(rule, location.getId());
            if (text == null) {
                return skip(location, "a rule crm syntax cannot express here");
            }
            lines.line(text);
        }
        return lines;
    }

    /** {@code colocation <id> <score>: <rsc>[:<role>] <with-rsc>[:<role>]} or sets. */
    Lines colocation(ColocationConstraint colocation) {
        String score = colocation.getScore() == null ? "0" : colocation.getScore();
        Lines lines = new Lines("colocation " + colocation.getId() + " " + Values.score(score)
                + ":");
        if (colocation.resourceSets().isEmpty()) {
            if (colocation.getRsc() == null || colocation.getWithRsc() == null) {
                return skip(colocation, "no rsc and with-rsc");
            }
            lines.word(ref(colocation.getRsc(), colocation.getRscRole()));
            lines.word(ref(colocation.getWithRsc(), colocation.getWithRscRole()));
        } else if (!sets(lines, colocation, true)) {
            return skip(colocation, "a resource set crm syntax cannot express");
        }
        if (colocation.getNodeAttribute() != null) {
            lines.word("node-attribute=" + colocation.getNodeAttribute());
        }
        return lines;
    }

    /** {@code order <id> [<kind>:] <first>[:<action>] <then>[:<action>] [symmetrical=..]}. */
    Lines order(OrderConstraint order) {
        Lines lines = new Lines("order " + order.getId());
        if (order.getKind() != null) {
            if (!List.of("Mandatory", "Optional", "Serialize").contains(order.getKind())) {
                return skip(order, "kind \"" + order.getKind() + "\" is not Mandatory, Optional"
                        + " or Serialize");
            }
            lines.word(order.getKind() + ":");
        } else if (order.getScore() != null) {
            lines.word(Values.score(order.getScore()) + ":");
        }
        if (order.resourceSets().isEmpty()) {
            if (order.getFirst() == null || order.getThen() == null) {
                return skip(order, "no first and then");
            }
            lines.word(ref(order.getFirst(), order.getFirstAction()));
            lines.word(ref(order.getThen(), order.getThenAction()));
        } else if (!sets(lines, order, false)) {
            return skip(order, "a resource set crm syntax cannot express");
        }
        if (order.getSymmetrical() != null) {
            lines.word("symmetrical=" + order.getSymmetrical());
        }
        return lines;
    }

    /** {@code rsc_ticket <id> <ticket>: <rsc>[:<role>]... [loss-policy=..]}; null if unsayable. */
    Lines ticket(TicketConstraint ticket) {
        if (ticket.getTicket() == null || !ticket.lifetimes().isEmpty()) {
            return skip(ticket, "no ticket, or a lifetime");
        }
        Lines lines = new Lines("rsc_ticket " + ticket.getId() + " " + ticket.getTicket() + ":");
        if (ticket.resourceSets().isEmpty()) {
            if (ticket.getRsc() == null) {
                return skip(ticket, "no rsc");
            }
            lines.word(ref(ticket.getRsc(), ticket.getRscRole()));
        } else if (ticket.getRsc() != null || !sets(lines, ticket, true)) {
            return skip(ticket, "a resource set crm syntax cannot express");
        }
        if (ticket.getLossPolicy() != null) {
            lines.word("loss-policy=" + ticket.getLossPolicy());
        }
        return lines;
    }

    /**
     * Sets: sequential ones bare ({@code a b}), others in {@code ( )}, require-all=false ones in
     * {@code [ ]}; the role or action goes on every member.
     */
    private static boolean sets(Lines lines, Constraint constraint, boolean roles) {
        for (ResourceSet set : constraint.resourceSets()) {
            if (set.getIdRef() != null || set.resourceIds().isEmpty() || set.getScore() != null
                    || set.getKind() != null || set.getOrdering() != null) {
                return false;
            }
            String suffix = roles ? set.getRole() : set.getAction();
            String other = roles ? set.getAction() : set.getRole();
            if (other != null) {
                return false;
            }
            boolean notRequireAll = "false".equals(set.getRequireAll());
            boolean bare = set.getSequential() == null && set.getRequireAll() == null;
            StringJoiner words = new StringJoiner(" ");
            if (!bare) {
                words.add(notRequireAll ? "[" : "(");
            }
            for (String id : set.resourceIds()) {
                words.add(ref(id, suffix));
            }
            if (!bare) {
                if (!"false".equals(set.getSequential())) {
                    // brackets mean sequential=false; an unset one means true
                    words.add("sequential=" + (set.getSequential() == null ? "true"
                            : set.getSequential()));
                }
                if (set.getRequireAll() != null && !notRequireAll) {
                    words.add("require-all=" + set.getRequireAll());
                }
                words.add(notRequireAll ? "]" : ")");
            }
            lines.word(words.toString());
        }
        return true;
    }

    private static String ref(String id, String suffix) {
        return suffix == null ? id : id + ":" + suffix;
    }

    private Lines skip(Constraint constraint, String why) {
        notShown.add(constraint.kind() + " \"" + constraint.getId() + "\" (" + why + ")");
        return null;
    }
}
