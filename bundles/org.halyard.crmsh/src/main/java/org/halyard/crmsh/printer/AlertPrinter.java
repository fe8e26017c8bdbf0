package org.halyard.crmsh.printer;

import java.util.List;
import java.util.StringJoiner;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.alerts.Alert;
import org.halyard.cib.model.alerts.AlertRecipient;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.w3c.dom.Element;

/**
 * {@code alert <id> "<path>"} with its attributes and meta, then one {@code to "<recipient>"}
 * line per recipient with the recipient's own, as crm configure show prints them (paths and
 * recipients always quoted; a selection first, as crm prints it). Recipient ids are not part
 * of crm syntax: loading the text gives crm's ({@code <alert>-recipient-1}...).
 */
final class AlertPrinter {

    private final List<String> notShown;

    AlertPrinter(List<String> notShown) {
        this.notShown = notShown;
    }

    /** The statement, or null (noted) for an alert crm syntax cannot say here. */
    Lines print(Alert alert) {
        List<Element> unknown = alert.unknownElements();
        String select = unknown.size() == 1 ? AlertSelectionWords.of(unknown.get(0)) : null;
        boolean unsayable = unknown.size() > 1 || unknown.size() == 1 && select == null;
        if (alert.getPath() == null || unsayable) {
            notShown.add("alert \"" + alert.getId() + "\" (no path, or content crm syntax cannot"
                    + " say)");
            return null;
        }
        Lines lines = new Lines("alert " + alert.getId() + " " + quoted(alert.getPath()));
        if (alert.getDescription() != null) {
            lines.word(Values.pair("description", alert.getDescription()));
        }
        if (select != null) {
            lines.line(select);
        }
        sets(alert, alert.getId()).forEach(lines::line);
        for (AlertRecipient recipient : alert.recipients()) {
            if (recipient.getValue() == null || !recipient.unknownElements().isEmpty()) {
                notShown.add("recipient \"" + recipient.getId() + "\" of alert \""
                        + alert.getId() + "\" (no value, or unknown content)");
                continue;
            }
            StringJoiner words = new StringJoiner(" ");
            words.add("to " + quoted(recipient.getValue()));
            if (recipient.getDescription() != null) {
                words.add(Values.pair("description", recipient.getDescription()));
            }
            sets(recipient, recipient.getId()).forEach(words::add);
            lines.line(words.toString());
        }
        return lines;
    }

    /** {@code attributes ..} and {@code meta ..} in document order. */
    private List<String> sets(CibElement element, String ownerId) {
        return element.children(AttributeSet.class).stream().map(set -> {
            boolean instance = set instanceof InstanceAttributes;
            return SetWords.of(instance ? "attributes" : "meta", set, ownerId
                    + (instance ? "-instance_attributes" : "-meta_attributes"), notShown);
        }).filter(words -> words != null).toList();
    }

    /** Always in double quotes, as crm shows paths and recipients. */
    private static String quoted(String value) {
        String bare = Values.quote(value);
        return bare.startsWith("\"") ? bare : "\"" + bare + "\"";
    }
}
