package org.halyard.crmsh.printer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.acls.Acls;
import org.halyard.cib.model.alerts.Alert;
import org.halyard.cib.model.alerts.Alerts;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.fencing.FencingTopology;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.nodes.Nodes;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cib.model.tags.Tag;
import org.halyard.cib.model.tags.Tags;

/**
 * {@code xml <element>}: what crm shows for an object its syntax cannot say, so that nothing is
 * lost. The XML is written by the CIB's own writer, two spaces per level, as crm shows it.
 */
final class XmlLines {

    private XmlLines() {
    }

    /** The statement for a configuration object (a resource, constraint, ACL object...). */
    static Lines of(CibElement element) {
        Cib cib = Cib.empty();
        Configuration configuration = cib.configuration().orElseThrow();
        configuration.content().clear();
        CibElement section = section(element);
        if (section == null) {
            configuration.add(element);
        } else {
            section.add(element);
            configuration.add(section);
        }
        List<String> all = Arrays.asList(CibXml.toXml(cib).split("\n"));
        int open = indexOf(all, "<configuration>");
        int close = indexOf(all, "</configuration>");
        List<String> inner = section == null ? all.subList(open + 1, close)
                : all.subList(open + 2, close - 1);
        String indent = inner.get(0).substring(0, inner.get(0).indexOf('<'));
        List<String> lines = new ArrayList<>();
        for (String line : inner) {
            lines.add(line.startsWith(indent) ? line.substring(indent.length()) : line.strip());
        }
        lines.set(0, "xml " + lines.get(0));
        return Lines.verbatim(lines);
    }

    /** The section the element belongs into, or null for a direct child of configuration. */
    private static CibElement section(CibElement element) {
        return switch (element) {
            case Node node -> new Nodes();
            case Resource resource -> new Resources();
            case Constraint constraint -> new Constraints();
            case Tag tag -> new Tags();
            case Alert alert -> new Alerts();
            case FencingTopology topology -> null;
            default -> new Acls();
        };
    }

    private static int indexOf(List<String> lines, String tag) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(tag)) {
                return i;
            }
        }
        throw new IllegalStateException("the CIB writer wrote no " + tag);
    }
}
