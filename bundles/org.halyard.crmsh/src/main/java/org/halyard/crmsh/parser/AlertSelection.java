package org.halyard.crmsh.parser;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code select nodes fencing resources attributes { <name>... }} of an alert: which events it
 * is called for. The model keeps {@code <select>} as plain XML, so it is built as such, with the
 * ids crm gives the attributes ({@code <alert>-0}, {@code <alert>-1}...). {@code attributes}
 * without a brace starts the alert's attribute list instead, as in crm.
 */
final class AlertSelection {

    private static final List<String> KINDS = List.of("nodes", "fencing", "resources",
            "attributes");

    private AlertSelection() {
    }

    /** Reads what follows {@code select} (already read) into a new {@code <select>}. */
    static Element read(TokenCursor cursor, ConfigurationBuilder builder, String alertId) {
        Document document = Dom.newDocument();
        Element select = document.createElement("select");
        Set<String> seen = new HashSet<>();
        while (cursor.peekIs(KINDS.toArray(String[]::new))) {
            Token kind = cursor.next();
            String name = TokenCursor.keyword(kind);
            if (name.equals("attributes") && !cursor.peekIs("{")) {
                cursor.back();
                break;
            }
            if (!seen.add(name)) {
                throw TokenCursor.at(kind, "\"" + name + "\" is selected twice");
            }
            Element child = document.createElement("select_" + name);
            select.appendChild(child);
            if (name.equals("attributes")) {
                cursor.next();
                attributes(cursor, builder, alertId, document, child);
            }
        }
        if (seen.isEmpty()) {
            throw cursor.expected("what to select: " + String.join(", ", KINDS)
                    + " { <attribute>... }");
        }
        return select;
    }

    private static void attributes(TokenCursor cursor, ConfigurationBuilder builder,
            String alertId, Document document, Element selectAttributes) {
        while (!cursor.accept("}")) {
            if (cursor.atEnd()) {
                throw cursor.expected("a node attribute name or \"}\"");
            }
            Token token = cursor.next();
            Element attribute = document.createElement("attribute");
            attribute.setAttribute("id", builder.generate(alertId));
            attribute.setAttribute("name", token.text());
            selectAttributes.appendChild(attribute);
        }
    }
}
