package org.halyard.crmsh.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.constraints.ResourceRef;
import org.halyard.cib.model.constraints.ResourceSet;
import org.halyard.cib.model.constraints.TicketConstraint;
import org.halyard.crmsh.CrmError;
import org.halyard.crmsh.syntax.Statement;
import org.halyard.crmsh.syntax.StatementError;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;
import org.halyard.crmsh.syntax.Words;

/**
 * {@code location}, {@code colocation}, {@code order} and {@code rsc_ticket}, with rules and
 * resource sets.
 */
final class ConstraintParser {

    private static final List<String> LOSS_POLICIES = List.of("stop", "demote", "fence",
            "freeze");

    private final ConfigurationBuilder builder;
    private final RuleParser rules;

    ConstraintParser(ConfigurationBuilder builder) {
        this.builder = builder;
        this.rules = new RuleParser(builder);
    }

    /**
     * {@code location <id> <rsc>|/<pattern>/|{ <sets> } [role=<role>] {<score>: <node> | rule
     * ...}}: a resource, every resource matching a pattern, or resource sets as in colocation.
     */
    void location(TokenCursor cursor) {
        LocationConstraint location = new LocationConstraint();
        location.setId(defineId(cursor, "location"));
        placed(cursor, location);
        options(cursor, location);
        if (cursor.accept("rule")) {
            do {
                location.add(rules.rule(cursor, location.getId()));
            } while (cursor.accept("rule"));
            if (!cursor.atEnd()) {
                throw cursor.expected("another rule, or the end of the location");
            }
        } else {
            Token scoreToken = cursor.peek();
            String score = scoreToken == null ? null : Scores.scorePart(scoreToken.text());
            String value = score == null ? null : Scores.numeric(score);
            if (value == null && score != null) {
                value = Scores.symbolic(score);
            }
            if (value == null) {
                throw cursor.expected("a score (INFINITY, -inf, 100...) followed by \":\" and a"
                        + " node name, or a rule");
            }
            cursor.next();
            location.setScore(value);
            location.setNode(cursor.expectWord("a node name").text());
            options(cursor, location);
            if (!cursor.atEnd()) {
                throw cursor.expected("the end of the location (one node per location; use a"
                        + " rule for several)");
            }
        }
        builder.addConstraint(location);
    }

    /** What the location places: {@code <rsc>}, {@code /<pattern>/} or {@code { <sets> }}. */
    private void placed(TokenCursor cursor, LocationConstraint location) {
        Token first = cursor.expectWord("the resource to place (<id>, /<pattern>/ or"
                + " { <resource sets> })");
        String text = first.text();
        if (text.length() > 2 && text.startsWith("/") && text.endsWith("/")) {
            location.setRscPattern(text.substring(1, text.length() - 1));
            return;
        }
        if (!text.startsWith("{")) {
            location.setRsc(Ids.require(first, "the resource of location \""
                    + location.getId() + "\""));
            return;
        }
        List<Token> words = new ArrayList<>(List.of(first));
        while (!words.get(words.size() - 1).text().endsWith("}")) {
            if (cursor.atEnd()) {
                throw cursor.expected("\"}\" to close the resource sets");
            }
            words.add(cursor.next());
        }
        List<Token> inner = BracketSplitter.split(words);
        inner = inner.subList(1, inner.size() - 1);
        if (inner.isEmpty()) {
            throw TokenCursor.at(first, "empty resource sets: expected resources between { and }");
        }
        sets(cursor.statement(), inner, location, true);
    }

    /** role=, $role= and resource-discovery= where crm accepts them. */
    private static void options(TokenCursor cursor, LocationConstraint location) {
        while (cursor.peek() != null && cursor.peek().isPair()) {
            Token option = cursor.next();
            switch (option.pairName().toLowerCase(Locale.ROOT)) {
                case "role", "$role" -> {
                    if (!location.resourceSets().isEmpty()) {
                        throw TokenCursor.at(option, "role= does not go with resource sets (the"
                                + " schema has no place for it): write the role on the resources,"
                                + " { a:Master b:Master }");
                    }
                    location.setRole(role(option, option.pairValue()));
                }
                case "resource-discovery" -> location.setResourceDiscovery(option.pairValue());
                default -> {
                    cursor.back();
                    throw cursor.expected("role=, resource-discovery=, a score or a rule");
                }
            }
        }
    }

    /** {@code colocation <id> <score>: <rsc>[:<role>] <with-rsc>[:<role>]} or sets. */
    void colocation(TokenCursor cursor) {
        ColocationConstraint colocation = new ColocationConstraint();
        colocation.setId(defineId(cursor, "colocation"));
        Token scoreToken = cursor.peek();
        String score = scoreToken == null ? null : Scores.scorePart(scoreToken.text());
        String value = score == null ? null : Scores.numeric(score);
        if (value == null && score != null) {
            value = Scores.symbolic(score);
        }
        if (value == null) {
            throw cursor.expected(Scores.EXPECTED_SCORE);
        }
        cursor.next();
        colocation.setScore(value);
        List<Token> rest = rest(cursor);
        Token tail = last(rest);
        if (tail != null && tail.pairName().equals("node-attribute")) {
            colocation.setNodeAttribute(tail.pairValue());
            rest.remove(rest.size() - 1);
        }
        if (isSimplePair(rest)) {
            String[] first = split(rest.get(0), true);
            String[] then = split(rest.get(1), true);
            colocation.setRsc(first[0]);
            colocation.setRscRole(first[1]);
            colocation.setWithRsc(then[0]);
            colocation.setWithRscRole(then[1]);
        } else {
            sets(cursor.statement(), rest, colocation, true);
        }
        builder.addConstraint(colocation);
    }

    /** {@code order <id> [kind:|score:] <first>[:<action>] <then>[:<action>] [symmetrical=]}. */
    void order(TokenCursor cursor) {
        OrderConstraint order = new OrderConstraint();
        order.setId(defineId(cursor, "order"));
        Token kindToken = cursor.peek();
        String kind = kindToken == null ? null : Scores.scorePart(kindToken.text());
        if (kind != null) {
            String canonical = Scores.orderKind(kind);
            if (canonical == null && Scores.numeric(kind) != null) {
                // crm turns a score into a kind: 0 is Optional, anything else Mandatory
                canonical = Scores.numeric(kind).equals("0") ? "Optional" : "Mandatory";
            }
            if (canonical == null) {
                throw cursor.expected("a kind (Mandatory:, Optional:, Serialize:) or a score");
            }
            cursor.next();
            order.setKind(canonical);
        }
        List<Token> rest = rest(cursor);
        Token tail = last(rest);
        if (tail != null && tail.pairName().equals("symmetrical")) {
            String symmetrical = Scores.bool(tail.pairValue());
            if (symmetrical == null) {
                throw TokenCursor.at(tail, "expected true or false for symmetrical, found \""
                        + tail.pairValue() + "\"");
            }
            order.setSymmetrical(symmetrical);
            rest.remove(rest.size() - 1);
        }
        if (isSimplePair(rest)) {
            String[] first = split(rest.get(0), false);
            String[] then = split(rest.get(1), false);
            order.setFirst(first[0]);
            order.setFirstAction(first[1]);
            order.setThen(then[0]);
            order.setThenAction(then[1]);
        } else {
            sets(cursor.statement(), rest, order, false);
        }
        builder.addConstraint(order);
    }

    /**
     * {@code rsc_ticket <id> <ticket>: <rsc>[:<role>] [<rsc>[:<role>]...] [loss-policy=..]}:
     * one resource goes into {@code rsc}/{@code rsc-role}, several into sets as in colocation.
     */
    void ticket(TokenCursor cursor) {
        TicketConstraint ticket = new TicketConstraint();
        ticket.setId(defineId(cursor, "rsc_ticket"));
        Token ticketToken = cursor.peek();
        String name = ticketToken == null ? null : Scores.scorePart(ticketToken.text());
        if (name == null) {
            throw cursor.expected("the ticket's name followed by \":\" (ticketA:)");
        }
        cursor.next();
        ticket.setTicket(Ids.require(new Token(name, ticketToken.raw(), ticketToken.position()),
                "a ticket"));
        List<Token> rest = new ArrayList<>();
        while (!cursor.atEnd()) {
            rest.add(cursor.next());
        }
        Token tail = last(rest);
        if (tail != null && tail.pairName().equals("loss-policy")) {
            ticket.setLossPolicy(lossPolicy(tail));
            rest.remove(rest.size() - 1);
        }
        List<Token> refs = BracketSplitter.split(rest);
        if (refs.stream().noneMatch(t -> !BracketSplitter.isBracket(t) && !t.isPair())) {
            throw cursor.expected("the resources that need ticket \"" + name + "\"");
        }
        if (refs.size() == 1 && !refs.get(0).isPair() && !BracketSplitter.isBracket(refs.get(0))) {
            String[] rsc = split(refs.get(0), true);
            ticket.setRsc(rsc[0]);
            ticket.setRscRole(rsc[1]);
        } else {
            sets(cursor.statement(), refs, ticket, true);
        }
        builder.addConstraint(ticket);
    }

    private static String lossPolicy(Token token) {
        String value = token.pairValue().toLowerCase(Locale.ROOT);
        if (!LOSS_POLICIES.contains(value)) {
            throw TokenCursor.at(token, "unknown loss-policy \"" + token.pairValue()
                    + "\": expected one of " + String.join(", ", LOSS_POLICIES));
        }
        return value;
    }

    private String defineId(TokenCursor cursor, String kind) {
        Token token = cursor.peek();
        String id = Ids.expect(cursor, kind);
        builder.define(token, id, kind);
        return id;
    }

    private static List<Token> rest(TokenCursor cursor) {
        List<Token> rest = new ArrayList<>();
        while (!cursor.atEnd()) {
            rest.add(cursor.next());
        }
        List<Token> split = BracketSplitter.split(rest);
        long resources = split.stream().filter(t -> !BracketSplitter.isBracket(t) && !t.isPair())
                .count();
        if (resources < 2) {
            throw cursor.expected(resources == 0 ? "the resources it constrains (at least two)"
                    : "a second resource");
        }
        return split;
    }

    private static Token last(List<Token> tokens) {
        return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    }

    private static boolean isSimplePair(List<Token> rest) {
        return rest.size() == 2 && rest.stream().noneMatch(BracketSplitter::isBracket);
    }

    /** {@code rsc:Role} or {@code rsc:action}: the id and the canonical role or action. */
    static String[] split(Token token, boolean role) {
        String text = token.text();
        int colon = text.indexOf(':');
        String id = colon < 0 ? text : text.substring(0, colon);
        Ids.require(new Token(id, token.raw(), token.position()), "a constrained resource");
        if (colon < 0) {
            return new String[] {id, null};
        }
        String suffix = text.substring(colon + 1);
        return new String[] {id, role ? role(token, suffix) : action(token, suffix)};
    }

    private static String role(Token token, String text) {
        String role = Scores.role(text);
        if (role == null) {
            throw TokenCursor.at(token, "unknown role \"" + text + "\" in "
                    + Words.shorten(token.raw()) + ": expected one of "
                    + String.join(", ", Scores.ROLES));
        }
        return role;
    }

    private static String action(Token token, String text) {
        String action = Scores.action(text);
        if (action == null) {
            throw TokenCursor.at(token, "unknown action \"" + text + "\" in "
                    + Words.shorten(token.raw()) + ": expected one of "
                    + String.join(", ", Scores.ACTIONS));
        }
        return action;
    }

    /**
     * Resource sets: {@code ( a b )} is a set with sequential=false, {@code [ a b ]} adds
     * require-all=false; resources outside brackets form sequential sets, a new one whenever
     * the role or action changes.
     */
    private void sets(Statement statement, List<Token> tokens, Constraint constraint,
            boolean roles) {
        ResourceSet open = null;
        String closer = null;
        ResourceSet bare = null;
        for (Token token : tokens) {
            String text = token.text();
            if (text.equals("(") || text.equals("[")) {
                if (open != null) {
                    throw TokenCursor.at(token, "resource sets cannot be nested");
                }
                open = newSet(constraint);
                open.setSequential("false");
                if (text.equals("[")) {
                    open.setRequireAll("false");
                }
                closer = text.equals("(") ? ")" : "]";
                bare = null;
            } else if (text.equals(")") || text.equals("]")) {
                if (open == null || !text.equals(closer)) {
                    throw TokenCursor.at(token, "\"" + text + "\" does not close "
                            + (open == null ? "any set" : "the set opened with the matching "
                                    + (closer.equals(")") ? "\"(\"" : "\"[\"")));
                }
                if (open.resourceRefs().isEmpty()) {
                    throw TokenCursor.at(token, "empty resource set");
                }
                constraint.add(open);
                open = null;
            } else if (open != null && token.isPair()) {
                setOption(open, token);
            } else {
                String[] ref = split(token, roles);
                if (open != null) {
                    addToSet(open, token, ref, roles);
                } else {
                    if (bare == null || !same(bare, ref[1], roles)) {
                        bare = newSet(constraint);
                        applySuffix(bare, ref[1], roles);
                        constraint.add(bare);
                    }
                    bare.add(new ResourceRef(ref[0]));
                }
            }
        }
        if (open != null) {
            throw new StatementError(new CrmError(
                    statement.end(), "expected \"" + closer + "\" to close the resource set, found"
                            + " end of line"));
        }
    }

    private ResourceSet newSet(Constraint constraint) {
        ResourceSet set = new ResourceSet();
        set.setId(builder.generate(constraint.getId() + "-" + constraint.resourceSets().size()));
        return set;
    }

    private static void addToSet(ResourceSet set, Token token, String[] ref, boolean roles) {
        if (ref[1] != null) {
            String existing = roles ? set.getRole() : set.getAction();
            if (existing != null && !existing.equals(ref[1])) {
                throw TokenCursor.at(token, "all resources in a set share one "
                        + (roles ? "role" : "action") + ", but this one has " + ref[1]
                        + " and an earlier one " + existing);
            }
            applySuffix(set, ref[1], roles);
        }
        set.add(new ResourceRef(ref[0]));
    }

    private static boolean same(ResourceSet set, String suffix, boolean roles) {
        String existing = roles ? set.getRole() : set.getAction();
        return existing == null ? suffix == null : existing.equals(suffix);
    }

    private static void applySuffix(ResourceSet set, String suffix, boolean roles) {
        if (roles) {
            set.setRole(suffix);
        } else {
            set.setAction(suffix);
        }
    }

    private static void setOption(ResourceSet set, Token token) {
        String value = token.pairValue();
        switch (token.pairName()) {
            // true is the default, and crm drops the attribute rather than write it
            case "sequential" -> set.setSequential(orDefault(bool(token)));
            case "require-all" -> set.setRequireAll(orDefault(bool(token)));
            case "role" -> set.setRole(role(token, value));
            case "action" -> set.setAction(action(token, value));
            default -> throw TokenCursor.at(token, "unknown resource set option \""
                    + token.pairName() + "\": expected sequential=, require-all=, role= or"
                    + " action=");
        }
    }

    private static String orDefault(String bool) {
        return bool.equals("true") ? null : bool;
    }

    private static String bool(Token token) {
        String value = Scores.bool(token.pairValue());
        if (value == null) {
            throw TokenCursor.at(token, "expected true or false for " + token.pairName()
                    + ", found \"" + token.pairValue() + "\"");
        }
        return value;
    }
}
