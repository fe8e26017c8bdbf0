package org.halyard.crmsh.parser;

import java.util.Set;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.alerts.Alert;
import org.halyard.cib.model.alerts.AlertRecipient;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;
import org.halyard.crmsh.syntax.Words;

/**
 * {@code alert <id> <path> [description=..] [attributes ..] [meta ..] [select ..]
 * [to [{] <recipient> [description=..] [attributes ..] [meta ..] [}] ...]}. Attributes and meta
 * after a recipient are the recipient's, up to the next {@code to}; braces only make that
 * visible. Recipients get crm's ids, {@code <alert>-recipient-1} and up.
 */
final class AlertParser {

    private static final Set<String> ALERT_LIST_ENDS = Set.of("to", "select");
    private static final Set<String> RECIPIENT_LIST_ENDS = Set.of("to", "}");

    private final ConfigurationBuilder builder;

    AlertParser(ConfigurationBuilder builder) {
        this.builder = builder;
    }

    void alert(TokenCursor cursor) {
        Token idToken = cursor.peek();
        Alert alert = new Alert();
        alert.setId(Ids.expect(cursor, "alert"));
        builder.define(idToken, alert.getId(), "alert");
        if (cursor.atEnd() || isListKeyword(cursor.peek()) || cursor.peekIs("to")) {
            throw cursor.expected("the path of the alert agent");
        }
        alert.setPath(cursor.next().text());
        alert.setDescription(description(cursor));
        String owner = "alert \"" + alert.getId() + "\"";
        while (!cursor.atEnd() && !cursor.peekIs("to")) {
            Token select = cursor.peek();
            if (cursor.accept("select")) {
                if (!alert.unknownElements().isEmpty()) {
                    throw TokenCursor.at(select, "alert \"" + alert.getId() + "\" has a select"
                            + " already: select all events in one");
                }
                alert.add(AlertSelection.read(cursor, builder, alert.getId()));
            } else {
                attributes(cursor, alert, alert.getId(), owner, ALERT_LIST_ENDS);
            }
        }
        int count = 0;
        while (cursor.accept("to")) {
            alert.add(recipient(cursor, alert.getId() + "-recipient-" + ++count));
        }
        builder.addAlert(alert);
    }

    private AlertRecipient recipient(TokenCursor cursor, String idBase) {
        boolean braced = cursor.accept("{");
        if (cursor.atEnd() || isListKeyword(cursor.peek()) || cursor.peekIs("to", "}")) {
            throw cursor.expected("the recipient (a file, address... the agent understands)");
        }
        AlertRecipient recipient = new AlertRecipient();
        recipient.setId(builder.generate(idBase));
        recipient.setValue(cursor.next().text());
        recipient.setDescription(description(cursor));
        String owner = "recipient " + Words.shorten(recipient.getValue());
        while (!cursor.atEnd() && !cursor.peekIs("to", "}")) {
            attributes(cursor, recipient, recipient.getId(), owner, RECIPIENT_LIST_ENDS);
        }
        if (braced && !cursor.accept("}")) {
            throw cursor.expected("\"}\" to close the recipient");
        }
        if (!braced && cursor.peekIs("}")) {
            throw cursor.expected("attributes, meta, another \"to\" or the end of the alert"
                    + " (there is no \"{\" to close)");
        }
        return recipient;
    }

    /** {@code attributes ..} or {@code meta ..} into {@code owner}; anything else is an error. */
    private void attributes(TokenCursor cursor, CibElement element, String id, String owner,
            Set<String> ends) {
        if (cursor.accept("attributes")) {
            element.add(AttributeLists.read(cursor, builder, new InstanceAttributes(),
                    id + "-instance_attributes", "attributes of " + owner, false, ends));
        } else if (cursor.accept("meta")) {
            element.add(AttributeLists.read(cursor, builder, new MetaAttributes(),
                    id + "-meta_attributes", "meta of " + owner, false, ends));
        } else {
            throw cursor.expected(ends.contains("}") ? "attributes, meta, \"}\" or \"to\""
                    : "attributes, meta, select or \"to\"");
        }
    }

    private static String description(TokenCursor cursor) {
        Token token = cursor.peek();
        if (token != null && token.isPair() && token.pairName().equals("description")) {
            cursor.next();
            return token.pairValue();
        }
        return null;
    }

    private static boolean isListKeyword(Token token) {
        return token.text().equalsIgnoreCase("attributes") || token.text().equalsIgnoreCase("meta");
    }
}
