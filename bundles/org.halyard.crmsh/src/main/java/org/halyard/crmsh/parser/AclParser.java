package org.halyard.crmsh.parser;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.acls.AclGroup;
import org.halyard.cib.model.acls.AclPermission;
import org.halyard.cib.model.acls.AclRole;
import org.halyard.cib.model.acls.AclRoleRef;
import org.halyard.cib.model.acls.AclTarget;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;

/**
 * {@code role <id> [description=..] <rule>...}, {@code acl_target <id> <role>...} and
 * {@code acl_group <id> <role>...}. A rule is {@code read|write|deny [description=..]} and what
 * it applies to: {@code xpath:<xpath>} or a shortcut ({@link AclShortcuts}), {@code ref:<id>},
 * and {@code tag:<element>} (crm prints {@code type:}) with {@code attribute:<name>} (printed
 * {@code attr:}). crm makes one permission of each of xpath, ref and tag in a rule, in that
 * order, with ids {@code <role>-0}, {@code <role>-1}...; where crm keeps only the last of two
 * xpaths (or refs, or tags) in one rule, this parser says so instead.
 */
final class AclParser {

    private static final Set<String> KINDS = Set.of("read", "write", "deny");
    private static final String SPECS = "xpath:<xpath>, ref:<id>, tag:<element> [attribute:<name>]"
            + " or a shortcut (" + String.join(", ", AclShortcuts.names()) + ")";

    private final ConfigurationBuilder builder;

    AclParser(ConfigurationBuilder builder) {
        this.builder = builder;
    }

    void role(TokenCursor cursor) {
        Token idToken = cursor.peek();
        AclRole role = new AclRole();
        role.setId(Ids.expect(cursor, "role"));
        builder.define(idToken, role.getId(), "role");
        role.setDescription(description(cursor));
        if (cursor.atEnd()) {
            throw cursor.expected("a rule (read, write or deny, then " + SPECS + ")");
        }
        while (!cursor.atEnd()) {
            rule(cursor, role);
        }
        builder.addAcl(role);
    }

    /** What one rule selects; each part at most once. */
    private static final class Selection {
        String xpath;
        String reference;
        String objectType;
        String attribute;
        Token attributeToken;
    }

    private void rule(TokenCursor cursor, AclRole role) {
        Token kindToken = cursor.next();
        String kind = TokenCursor.keyword(kindToken);
        if (!KINDS.contains(kind)) {
            cursor.back();
            throw cursor.expected("read, write or deny");
        }
        String description = description(cursor);
        Selection selection = new Selection();
        boolean any = false;
        while (!cursor.atEnd() && !KINDS.contains(TokenCursor.keyword(cursor.peek()))) {
            select(cursor, selection, kind);
            any = true;
        }
        if (!any) {
            throw cursor.expected("what the " + kind + " rule applies to: " + SPECS);
        }
        if (selection.attribute != null && selection.objectType == null) {
            throw TokenCursor.at(selection.attributeToken, "attribute: applies only together with"
                    + " tag:<element> (as in crm)");
        }
        // crm's order: the xpath, the reference, the element type
        if (selection.xpath != null) {
            permission(role, kind, description).setXpath(selection.xpath);
        }
        if (selection.reference != null) {
            permission(role, kind, description).setReference(selection.reference);
        }
        if (selection.objectType != null) {
            AclPermission permission = permission(role, kind, description);
            permission.setObjectType(selection.objectType);
            permission.setAttribute(selection.attribute);
        }
    }

    /** A new permission of the role, with crm's id. */
    private AclPermission permission(AclRole role, String kind, String description) {
        AclPermission permission = new AclPermission();
        permission.setKind(kind);
        permission.setDescription(description);
        permission.setId(builder.generate(role.getId()));
        role.add(permission);
        return permission;
    }

    private static void select(TokenCursor cursor, Selection selection, String kind) {
        Token spec = cursor.next();
        String text = spec.text();
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).toLowerCase(Locale.ROOT);
        String value = colon < 0 ? null : text.substring(colon + 1);
        switch (name) {
            case "xpath" -> selection.xpath = once(spec, selection.xpath, kind, "an xpath",
                    value(spec, value));
            case "ref" -> selection.reference = once(spec, selection.reference, kind, "a ref:",
                    Ids.require(new Token(value(spec, value), spec.raw(), spec.position()),
                            "ref:"));
            case "tag", "type" -> selection.objectType = once(spec, selection.objectType, kind,
                    "a tag:", value(spec, value));
            case "attribute", "attr" -> {
                selection.attribute = once(spec, selection.attribute, kind, "an attribute:",
                        value(spec, value));
                selection.attributeToken = spec;
            }
            default -> {
                if (!AclShortcuts.isShortcut(name)) {
                    cursor.back();
                    throw cursor.expected("read, write, deny, or what the rule applies to: "
                            + SPECS);
                }
                selection.xpath = once(spec, selection.xpath, kind, "an xpath",
                        shortcut(spec, name, value));
            }
        }
    }

    private static String value(Token spec, String value) {
        if (value == null || value.isEmpty()) {
            throw TokenCursor.at(spec, "expected a value after \"" + spec.text()
                    + (value == null ? ":" : "") + "\"");
        }
        return value;
    }

    private static String shortcut(Token spec, String name, String value) {
        List<String> arguments = value == null ? List.of() : List.of(value.split(":", -1));
        if (arguments.contains("")) {
            throw TokenCursor.at(spec, "empty argument in \"" + spec.text() + "\"");
        }
        try {
            return AclShortcuts.expand(name, arguments);
        } catch (IllegalArgumentException e) {
            throw TokenCursor.at(spec, e.getMessage() + ", found \"" + spec.text() + "\"");
        }
    }

    private static String once(Token spec, String existing, String kind, String what,
            String value) {
        if (existing != null) {
            throw TokenCursor.at(spec, "this " + kind + " rule has " + what + " already (crm would"
                    + " keep only the last): start another rule with " + kind);
        }
        return value;
    }

    /** {@code acl_target <id> <role>...} or {@code acl_group <id> <role>...}. */
    void holder(TokenCursor cursor, String command) {
        Token idToken = cursor.peek();
        CibElement holder = command.equals("acl_group") ? new AclGroup() : new AclTarget();
        holder.setId(Ids.expect(cursor, command));
        builder.define(idToken, holder.getId(), command);
        if (cursor.atEnd()) {
            throw cursor.expected("the roles of " + command + " \"" + holder.getId() + "\"");
        }
        while (!cursor.atEnd()) {
            Token roleToken = cursor.next();
            if (roleToken.text().startsWith("role:")) {
                throw TokenCursor.at(roleToken, "\"role:\" belongs to the old user statement; "
                        + command + " lists role ids: write " + roleToken.text().substring(5));
            }
            AclRoleRef role = new AclRoleRef();
            role.setId(Ids.require(roleToken, "a role of " + command + " \"" + holder.getId()
                    + "\""));
            holder.add(role);
        }
        builder.addAcl(holder);
    }

    private static String description(TokenCursor cursor) {
        Token token = cursor.peek();
        if (token != null && token.isPair() && token.pairName().equals("description")) {
            cursor.next();
            return token.pairValue();
        }
        return null;
    }
}
