package org.halyard.crmsh.printer;

import java.util.List;
import java.util.StringJoiner;
import java.util.stream.IntStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An alert's {@code <select>} as crm writes it:
 * {@code select nodes fencing resources attributes { <name>... }}. The ids of the selected
 * attributes are not part of crm syntax.
 */
final class AlertSelectionWords {

    private static final List<String> KINDS = List.of("select_nodes", "select_fencing",
            "select_resources", "select_attributes");

    private AlertSelectionWords() {
    }

    /** The words, or null if the element holds anything crm syntax cannot say. */
    static String of(Element select) {
        if (!select.getTagName().equals("select") || select.getAttributes().getLength() > 0) {
            return null;
        }
        StringJoiner words = new StringJoiner(" ");
        words.add("select");
        for (Element kind : elements(select)) {
            if (!KINDS.contains(kind.getTagName()) || kind.getAttributes().getLength() > 0) {
                return null;
            }
            words.add(kind.getTagName().substring("select_".length()));
            if (kind.getTagName().equals("select_attributes")) {
                words.add("{");
                for (Element attribute : elements(kind)) {
                    String name = attribute.getAttribute("name");
                    if (!attribute.getTagName().equals("attribute") || name.isEmpty()
                            || !Values.isWord(name) || name.equals("}")) {
                        return null;
                    }
                    words.add(name);
                }
                words.add("}");
            } else if (!elements(kind).isEmpty()) {
                return null;
            }
        }
        return words.toString();
    }

    private static List<Element> elements(Element parent) {
        return IntStream.range(0, parent.getChildNodes().getLength())
                .mapToObj(i -> parent.getChildNodes().item(i))
                .filter(node -> node.getNodeType() == Node.ELEMENT_NODE)
                .map(Element.class::cast).toList();
    }
}
