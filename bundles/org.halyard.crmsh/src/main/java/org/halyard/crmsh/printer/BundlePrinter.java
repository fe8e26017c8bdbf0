package org.halyard.crmsh.printer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.resources.Bundle;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.crmsh.parser.BundleSyntax;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code bundle <id>} as crm shows it: the description, the container, then one line per part
 * in document order (network with its port mappings, storage with its mappings, meta), the
 * primitive last; the attributes of a part as the CIB holds them, mapping ids included. A
 * bundle with anything else (podman, which crm 4.4 does not know, utilization...) is shown as
 * xml.
 */
final class BundlePrinter {

    private final List<String> notShown;

    BundlePrinter(List<String> notShown) {
        this.notShown = notShown;
    }

    Lines print(Bundle bundle) {
        List<Element> containers = bundle.unknownElements().stream()
                .filter(element -> BundleSyntax.CONTAINERS.contains(element.getTagName()))
                .toList();
        String container = containers.size() == 1 ? part(containers.get(0)) : null;
        if (container == null || !bundle.otherAttributes().isEmpty()) {
            return XmlLines.of(bundle);
        }
        Lines lines = new Lines("bundle " + bundle.getId());
        if (bundle.getDescription() != null) {
            lines.line(Values.pair("description", bundle.getDescription()));
        }
        lines.line(container); // crm reads the container first
        Set<String> parts = new HashSet<>(List.of(containers.get(0).getTagName()));
        Primitive primitive = null;
        for (Object child : bundle.content()) {
            if (child == containers.get(0)) {
                continue;
            }
            if (child instanceof Primitive inner && primitive == null) {
                primitive = inner; // shown last, as crm does
                continue;
            }
            if (!(child instanceof Element || child instanceof CibElement)) {
                continue; // comments and text have no place in crm syntax anywhere
            }
            String words = words(child, parts, bundle.getId());
            if (words == null) {
                return XmlLines.of(bundle);
            }
            lines.line(words);
        }
        if (primitive != null) {
            lines.line("primitive " + primitive.getId());
        }
        return lines;
    }

    /** A network, storage or meta line; null for anything else, or a second network... */
    private String words(Object child, Set<String> parts, String bundleId) {
        if (child instanceof Element part && parts.add(part.getTagName())) {
            return part(part);
        }
        if (child instanceof MetaAttributes set && !set.isConditional() && set.getIdRef() == null
                && set.getScore() == null) {
            return SetWords.of("meta", set, bundleId + "-meta_attributes", notShown);
        }
        return null;
    }

    /** {@code docker ..}, {@code network .. port-mapping ..}, {@code storage storage-mapping}. */
    private static String part(Element part) {
        String name = part.getTagName();
        String mapping = switch (name) {
            case "network" -> "port-mapping";
            case "storage" -> "storage-mapping";
            default -> null;
        };
        boolean container = BundleSyntax.CONTAINERS.contains(name);
        StringJoiner words = new StringJoiner(" ");
        if (!container && mapping == null || !attributes(part, words.add(name))) {
            return null;
        }
        NodeList children = part.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && (container
                    || !child.getTagName().equals(mapping) || hasElements(child)
                    || !attributes(child, words.add(mapping)))) {
                return null;
            }
        }
        return words.toString();
    }

    /** Adds the attributes as name=value; false if one has no place in crm syntax. */
    private static boolean attributes(Element element, StringJoiner words) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (!BundleSyntax.allows(element.getTagName(), attribute.getNodeName())) {
                return false;
            }
            words.add(Values.pair(attribute.getNodeName(), attribute.getNodeValue()));
        }
        return true;
    }

    private static boolean hasElements(Element element) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element) {
                return true;
            }
        }
        return false;
    }
}
