package org.halyard.crmsh.parser;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.SourcePosition;
import org.halyard.cib.model.alerts.Alert;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.Utilization;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.fencing.FencingTopology;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.tags.ObjectRef;
import org.halyard.cib.model.tags.Tag;
import org.halyard.crmsh.CrmError;
import org.halyard.crmsh.syntax.Statement;
import org.halyard.crmsh.syntax.StatementError;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;
import org.halyard.crmsh.syntax.Words;

/**
 * Turns statements into a CIB: dispatches on the first word, reads {@code node},
 * {@code property}, {@code rsc_defaults}, {@code op_defaults} and {@code tag} itself and hands
 * resources, bundles, constraints, fencing levels, alerts, ACLs and xml statements to their
 * parsers. A broken statement is reported and skipped.
 */
public final class StatementParser {

    /** The statements, in the order crm configure show prints them. */
    static final List<String> COMMANDS = List.of("node", "rsc_template", "primitive", "bundle",
            "group", "ms", "clone", "tag", "location", "colocation", "order", "fencing_topology",
            "rsc_ticket", "property", "rsc_defaults", "op_defaults", "role", "acl_target",
            "acl_group", "alert", "xml");
    private static final Set<String> NODE_TYPES = Set.of("normal", "member", "ping", "remote");

    private final ConfigurationBuilder builder = new ConfigurationBuilder();
    private final ResourceParser resources = new ResourceParser(builder);
    private final ConstraintParser constraints = new ConstraintParser(builder);
    private final FencingTopologyParser fencing = new FencingTopologyParser(builder);
    private final AlertParser alerts = new AlertParser(builder);
    private final BundleParser bundles = new BundleParser(builder);
    private final AclParser acls = new AclParser(builder);
    private final XmlStatement xml = new XmlStatement(builder);

    /** The outcome: the CIB, where each id was defined, and every error. */
    public record Outcome(Cib cib, Map<String, SourcePosition>
            positions, List<CrmError> errors) {
    }

    public static Outcome parse(List<Statement> statements) {
        StatementParser parser = new StatementParser();
        for (Statement statement : statements) {
            parser.statement(statement);
        }
        Cib cib = parser.builder.build();
        List<CrmError> errors = parser.builder.errors().stream()
                .sorted(Comparator.comparingInt((CrmError e) -> e.position().line())
                        .thenComparingInt(e -> e.position().column()))
                .toList();
        return new Outcome(cib, Map.copyOf(parser.builder.positions()), errors);
    }

    private void statement(Statement statement) {
        builder.startStatement(statement.position());
        TokenCursor cursor = new TokenCursor(statement);
        Token command = cursor.next();
        try {
            switch (TokenCursor.keyword(command)) {
                case "node" -> node(cursor);
                case "primitive" -> resources.agentResource(cursor, false);
                case "rsc_template" -> resources.agentResource(cursor, true);
                case "group", "clone", "ms", "master" ->
                        resources.container(cursor, TokenCursor.keyword(command));
                case "location" -> constraints.location(cursor);
                case "colocation", "collocation" -> constraints.colocation(cursor);
                case "order" -> constraints.order(cursor);
                case "rsc_ticket" -> constraints.ticket(cursor);
                case "fencing_topology", "fencing-topology" -> fencing.fencingTopology(cursor);
                case "alert" -> alerts.alert(cursor);
                case "property", "rsc_defaults", "op_defaults" ->
                        optionSet(cursor, TokenCursor.keyword(command));
                case "tag" -> tag(cursor);
                case "bundle" -> bundles.bundle(cursor);
                case "role" -> acls.role(cursor);
                case "acl_target", "acl_group" -> acls.holder(cursor, TokenCursor.keyword(command));
                case "user" -> throw TokenCursor.at(command, "\"user\" is the ACL syntax of"
                        + " Pacemaker before 1.1.12 (acl_user), which the CIB schema rejects:"
                        + " give rights with role and assign roles with acl_target <user>"
                        + " <role>...");
                case "xml" -> xml(cursor);
                default -> throw unknownCommand(statement, command);
            }
        } catch (StatementError e) {
            builder.error(e.error());
        }
    }

    private static StatementError unknownCommand(Statement statement, Token command) {
        String detail = "expected a statement (" + String.join(", ", COMMANDS) + "), found "
                + Words.shorten(command.raw());
        if (statement.afterDanglingContinuation() != null
                && AttributeLists.isKeyword(command)) {
            detail += ": it continues the statement whose line " + statement
                    .afterDanglingContinuation().line() + " ends with \"\\\", but a blank line"
                    + " separates them (cut by the page it was copied from?)";
        } else if (command.text().startsWith("crm(") || command.text().equals("crm")) {
            detail += ": a shell prompt or command, not configuration text";
        }
        return TokenCursor.at(command, detail);
    }

    /** {@code xml <element>}: the element goes where a statement of its kind would put it. */
    private void xml(TokenCursor cursor) {
        Token at = cursor.peek();
        switch (xml.read(cursor)) {
            case Node node -> builder.addNode(at, node);
            case Resource resource -> builder.addXmlResource(resource);
            case Constraint constraint -> builder.addConstraint(constraint);
            case FencingTopology topology -> builder.setFencingTopology(at, topology);
            case Tag tag -> builder.addTag(tag);
            case Alert alert -> builder.addAlert(alert);
            case CibElement acl -> builder.addAcl(acl);
        }
    }

    /** {@code node [$id=<id>] <uname>[:<type>]}, or {@code node <id>: <uname>}, + attributes. */
    private void node(TokenCursor cursor) {
        Node node = new Node();
        Token first = cursor.expectWord("a node name");
        String id = null;
        Token nameToken = first;
        if (first.isPair() && first.pairName().equalsIgnoreCase("$id")) {
            id = first.pairValue();
            nameToken = cursor.expectWord("a node name");
        } else if (Scores.scorePart(first.text()) != null) {
            id = Scores.scorePart(first.text()); // crm 2+ prints "node 1: node1"
            nameToken = cursor.expectWord("a node name");
        }
        String uname = nameToken.text();
        int colon = uname.indexOf(':');
        if (colon > 0) {
            String type = uname.substring(colon + 1).toLowerCase(Locale.ROOT);
            if (!NODE_TYPES.contains(type)) {
                throw TokenCursor.at(nameToken, "unknown node type \"" + type + "\": expected "
                        + "normal, member, ping or remote");
            }
            uname = uname.substring(0, colon);
            node.setType(type.equals("normal") ? "member" : type);
        }
        if (uname.isEmpty() || uname.isBlank() || nameToken.isPair()) {
            throw TokenCursor.at(nameToken, "expected a node name, found "
                    + Words.shorten(nameToken.raw()));
        }
        node.setUname(uname);
        node.setId(id != null ? id : uname);
        if (cursor.peek() != null && cursor.peek().pairName().equalsIgnoreCase("description")) {
            node.setDescription(cursor.next().pairValue());
        }
        String owner = "node \"" + uname + "\"";
        while (!cursor.atEnd()) {
            Token keyword = cursor.next();
            switch (TokenCursor.keyword(keyword)) {
                case "attributes" -> node.add(AttributeLists.read(cursor, builder,
                        new InstanceAttributes(), node.getId() + "-instance_attributes",
                        "attributes of " + owner, false));
                case "utilization" -> node.add(AttributeLists.read(cursor, builder,
                        new Utilization(), node.getId() + "-utilization",
                        "utilization of " + owner, false));
                default -> {
                    cursor.back();
                    throw cursor.expected("attributes or utilization");
                }
            }
        }
        builder.addNode(first, node);
    }

    /** {@code property [$id=<id> | <id>:] <name>=<value>...}; likewise the two defaults. */
    private void optionSet(TokenCursor cursor, String section) {
        String id = switch (section) {
            case "property" -> "cib-bootstrap-options";
            case "rsc_defaults" -> "rsc-options";
            default -> "op-options";
        };
        Token idToken = cursor.peek();
        if (idToken != null && idToken.isPair() && idToken.pairName().equalsIgnoreCase("$id")) {
            cursor.next();
            id = Ids.require(new Token(idToken.pairValue(), idToken.raw(), idToken.position()),
                    section);
        } else if (idToken != null && Scores.scorePart(idToken.text()) != null) {
            cursor.next();
            id = Ids.require(new Token(Scores.scorePart(idToken.text()), idToken.raw(),
                    idToken.position()), section);
        }
        Token at = idToken == null ? cursor.statement().command() : idToken;
        AttributeSet set = builder.optionSet(section, at, id);
        AttributeLists.readPairs(cursor, builder, set, section + " " + id);
        if (!cursor.atEnd()) {
            throw cursor.expected("name=value");
        }
    }

    /** {@code tag <id>: <id> [<id>...]} (the colon may be left out). */
    private void tag(TokenCursor cursor) {
        Token idToken = cursor.expectWord("the tag's name");
        String name = Scores.scorePart(idToken.text()) != null
                ? Scores.scorePart(idToken.text()) : idToken.text();
        Tag tag = new Tag();
        tag.setId(Ids.require(new Token(name, idToken.raw(), idToken.position()), "tag"));
        builder.define(idToken, tag.getId(), "tag");
        if (cursor.atEnd()) {
            throw cursor.expected("the ids to tag");
        }
        while (!cursor.atEnd()) {
            Token ref = cursor.next();
            ObjectRef objectRef = new ObjectRef();
            objectRef.setId(Ids.require(ref, "a tagged element"));
            tag.add(objectRef);
        }
        builder.addTag(tag);
    }
}
