package org.halyard.crmsh.printer;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.constraints.ResourceSet;
import org.halyard.cib.model.constraints.TicketConstraint;
import org.halyard.cib.model.rules.DateSpec;
import org.halyard.cib.model.rules.Duration;
import org.halyard.cib.model.rules.Rule;

/**
 * {@code location}, {@code colocation}, {@code order} and {@code rsc_ticket}; a constraint crm
 * syntax cannot say (a lifetime, nested rules, set options it has no words for...) is shown as
 * an xml statement, as crm does.
 */
final class ConstraintPrinter {

    private final Set<String> referencedRules;

    /** @param referencedRules ids of rules that other rules refer to ({@code $id-ref}) */
    ConstraintPrinter(Set<String> referencedRules) {
        this.referencedRules = referencedRules;
    }

    /**
     * {@code location <id> <rsc>|/<pattern>/|{ <sets> } [role=..] [resource-discovery=..]} and
     * {@code <score>: <node>} or rules.
     */
    Lines location(LocationConstraint location) {
        String placed = placed(location);
        if (placed == null || !location.lifetimes().isEmpty() || hasUnmodelled(location)) {
            return XmlLines.of(location);
        }
        Lines lines = new Lines("location " + location.getId() + " " + placed);
        if (location.getRole() != null) {
            lines.word("role=" + location.getRole());
        }
        if (location.getResourceDiscovery() != null) {
            lines.word("resource-discovery=" + location.getResourceDiscovery());
        }
        if (location.rules().isEmpty()) {
            if (location.getScore() == null || !Values.isWord(location.getNode())) {
                return XmlLines.of(location);
            }
            return lines.word(Values.score(location.getScore()) + ": " + location.getNode());
        }
        if (location.getScore() != null || location.getNode() != null) {
            return XmlLines.of(location);
        }
        for (Rule rule : location.rules()) {
            String text = RulePrinter.print(rule, referencedRules);
            if (text == null) {
                return XmlLines.of(location);
            }
            lines.line(text);
        }
        return lines;
    }

    /** The resource, {@code /pattern/} or {@code { sets }}; null if it is none of them. */
    private static String placed(LocationConstraint location) {
        boolean sets = !location.resourceSets().isEmpty();
        if (location.getRsc() != null && location.getRscPattern() == null && !sets) {
            return location.getRsc();
        }
        if (location.getRscPattern() != null && location.getRsc() == null && !sets) {
            return Values.isWord(location.getRscPattern())
                    ? "/" + location.getRscPattern() + "/" : null;
        }
        if (sets && location.getRsc() == null && location.getRscPattern() == null
                && location.getRole() == null) {
            String words = sets(location, true);
            return words == null ? null : "{ " + words + " }";
        }
        return null;
    }

    /** {@code colocation <id> <score>: <rsc>[:<role>] <with-rsc>[:<role>]} or sets. */
    Lines colocation(ColocationConstraint colocation) {
        if (colocation.getInfluence() != null || hasUnmodelled(colocation)) {
            return XmlLines.of(colocation); // crm has no words for influence either
        }
        String score = colocation.getScore() == null ? "0" : colocation.getScore();
        Lines lines = new Lines("colocation " + colocation.getId() + " " + Values.score(score)
                + ":");
        if (colocation.resourceSets().isEmpty()) {
            if (colocation.getRsc() == null || colocation.getWithRsc() == null) {
                return XmlLines.of(colocation);
            }
            lines.word(ref(colocation.getRsc(), colocation.getRscRole()));
            lines.word(ref(colocation.getWithRsc(), colocation.getWithRscRole()));
        } else if (!sets(lines, colocation, true)) {
            return XmlLines.of(colocation);
        }
        if (colocation.getNodeAttribute() != null) {
            lines.word("node-attribute=" + colocation.getNodeAttribute());
        }
        return lines;
    }

    /** {@code order <id> [<kind>:] <first>[:<action>] <then>[:<action>] [symmetrical=..]}. */
    Lines order(OrderConstraint order) {
        if (order.getRequireAll() != null || hasUnmodelled(order)) {
            return XmlLines.of(order);
        }
        Lines lines = new Lines("order " + order.getId());
        if (order.getKind() != null) {
            if (!List.of("Mandatory", "Optional", "Serialize").contains(order.getKind())) {
                return XmlLines.of(order);
            }
            lines.word(order.getKind() + ":");
        } else if (order.getScore() != null) {
            lines.word(Values.score(order.getScore()) + ":");
        }
        if (order.resourceSets().isEmpty()) {
            if (order.getFirst() == null || order.getThen() == null) {
                return XmlLines.of(order);
            }
            lines.word(ref(order.getFirst(), order.getFirstAction()));
            lines.word(ref(order.getThen(), order.getThenAction()));
        } else if (!sets(lines, order, false)) {
            return XmlLines.of(order);
        }
        if (order.getSymmetrical() != null) {
            lines.word("symmetrical=" + order.getSymmetrical());
        }
        return lines;
    }

    /** {@code rsc_ticket <id> <ticket>: <rsc>[:<role>]... [loss-policy=..]}. */
    Lines ticket(TicketConstraint ticket) {
        if (ticket.getTicket() == null || !ticket.lifetimes().isEmpty()
                || hasUnmodelled(ticket)) {
            return XmlLines.of(ticket);
        }
        Lines lines = new Lines("rsc_ticket " + ticket.getId() + " " + ticket.getTicket() + ":");
        if (ticket.resourceSets().isEmpty()) {
            if (ticket.getRsc() == null) {
                return XmlLines.of(ticket);
            }
            lines.word(ref(ticket.getRsc(), ticket.getRscRole()));
        } else if (ticket.getRsc() != null || !sets(lines, ticket, true)) {
            return XmlLines.of(ticket);
        }
        if (ticket.getLossPolicy() != null) {
            lines.word("loss-policy=" + ticket.getLossPolicy());
        }
        return lines;
    }

    private static boolean sets(Lines lines, Constraint constraint, boolean roles) {
        String words = sets(constraint, roles);
        if (words != null) {
            lines.word(words);
        }
        return words != null;
    }

    /**
     * Sets: sequential ones bare ({@code a b}), others in {@code ( )}, require-all=false ones in
     * {@code [ ]}; the role or action goes on every member. true is the default of both
     * options, so crm shows a set that says so like one that does not. Null if crm syntax
     * cannot say them, e.g. two bare sets in a row with the same role, which read back as one.
     */
    private static String sets(Constraint constraint, boolean roles) {
        StringJoiner words = new StringJoiner(" ");
        boolean previousBare = false;
        String previousSuffix = null;
        for (ResourceSet set : constraint.resourceSets()) {
            String suffix = roles ? set.getRole() : set.getAction();
            String other = roles ? set.getAction() : set.getRole();
            String sequential = option(set.getSequential());
            String requireAll = option(set.getRequireAll());
            if (set.getIdRef() != null || set.resourceIds().isEmpty() || set.getScore() != null
                    || set.getKind() != null || set.getOrdering() != null || other != null
                    || "?".equals(sequential) || "?".equals(requireAll)) {
                return null;
            }
            boolean bare = sequential == null && requireAll == null;
            if (bare && previousBare && Objects.equals(suffix, previousSuffix)) {
                return null;
            }
            if (!bare) {
                words.add(requireAll != null ? "[" : "(");
            }
            for (String id : set.resourceIds()) {
                words.add(ref(id, suffix));
            }
            if (!bare) {
                if (sequential == null) {
                    words.add("sequential=true"); // brackets alone mean sequential=false
                }
                words.add(requireAll != null ? "]" : ")");
            }
            previousBare = bare;
            previousSuffix = suffix;
        }
        return words.toString();
    }

    /** A set option: null for true (the default), "false", or "?" for what crm cannot say. */
    private static String option(String value) {
        if (value == null || value.equals("true")) {
            return null;
        }
        return value.equals("false") ? value : "?";
    }

    /**
     * True if the element or one inside has attributes or elements the model does not know
     * (influence=, say): crm syntax has no words for them. Date fields are checked where the
     * rule is printed, as the model keeps some of crm's among the unknown attributes.
     */
    private static boolean hasUnmodelled(CibElement element) {
        if (element instanceof DateSpec || element instanceof Duration) {
            return false;
        }
        if (!element.otherAttributes().isEmpty() || !element.unknownElements().isEmpty()) {
            return true;
        }
        return element.children(CibElement.class).stream()
                .anyMatch(ConstraintPrinter::hasUnmodelled);
    }

    private static String ref(String id, String suffix) {
        return suffix == null ? id : id + ":" + suffix;
    }
}
