package org.halyard.crmsh.parser;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.halyard.cib.CibException;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.SourcePosition;
import org.halyard.cib.model.acls.AclRoleRef;
import org.halyard.cib.model.constraints.ResourceRef;
import org.halyard.cib.model.fencing.FencingTopology;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.tags.ObjectRef;
import org.halyard.crmsh.CrmError;
import org.halyard.crmsh.syntax.StatementError;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;
import org.halyard.crmsh.syntax.Words;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * {@code xml <element>}: a configuration object in CIB XML, which crm prints for what its syntax
 * cannot say (nested rules, ACL users with a name, a fencing topology with gaps...). The
 * element is read by the CIB's own reader inside the section it belongs to, so it becomes the
 * model object a cib.xml would give; its ids, kept as written, are claimed like any other.
 */
final class XmlStatement {

    /** The elements crm's xml statement takes, and the section each one goes into. */
    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("node", "nodes"),
            Map.entry("primitive", "resources"),
            Map.entry("template", "resources"),
            Map.entry("group", "resources"),
            Map.entry("clone", "resources"),
            Map.entry("master", "resources"),
            Map.entry("bundle", "resources"),
            Map.entry("rsc_location", "constraints"),
            Map.entry("rsc_colocation", "constraints"),
            Map.entry("rsc_order", "constraints"),
            Map.entry("rsc_ticket", "constraints"),
            Map.entry("fencing-topology", ""),
            Map.entry("tag", "tags"),
            Map.entry("acl_role", "acls"),
            Map.entry("acl_target", "acls"),
            Map.entry("acl_group", "acls"),
            Map.entry("alert", "alerts"));
    private static final Pattern START_TAG = Pattern.compile("\\s*<([A-Za-z_][\\w.-]*)");

    private final ConfigurationBuilder builder;

    XmlStatement(ConfigurationBuilder builder) {
        this.builder = builder;
    }

    /** The element of the statement (after {@code xml}), its ids claimed. */
    CibElement read(TokenCursor cursor) {
        Token xml = cursor.expectWord("an XML element");
        Matcher start = START_TAG.matcher(xml.text());
        if (!start.lookingAt() || !SECTIONS.containsKey(start.group(1))) {
            String found = start.lookingAt() ? "<" + start.group(1) + ">"
                    : Words.shorten(xml.text().strip().split("\\s", 2)[0]);
            throw TokenCursor.at(xml, "expected an XML element, one of <" + String.join(">, <",
                    SECTIONS.keySet().stream().sorted().toList()) + ">, after xml, found "
                    + found);
        }
        String section = SECTIONS.get(start.group(1));
        String open = "<cib><configuration>" + (section.isEmpty() ? "" : "<" + section + ">");
        String close = (section.isEmpty() ? "" : "</" + section + ">")
                + "</configuration></cib>";
        Configuration configuration;
        try {
            configuration = CibXml.parse(open + xml.text() + close, xml.position().source())
                    .configuration().orElseThrow();
        } catch (CibException e) {
            throw new StatementError(new CrmError(at(xml, e.position(), open.length()),
                    "in the xml statement: " + e.detail()));
        }
        CibElement holder = section.isEmpty() ? configuration
                : configuration.children(CibElement.class).get(0);
        List<CibElement> elements = holder.children(CibElement.class);
        int found = elements.size() + holder.unknownElements().size();
        if (found != 1) {
            throw TokenCursor.at(xml, "expected one element in the xml statement, found " + found);
        }
        CibElement element = elements.get(0);
        if (!(element instanceof Node || element instanceof FencingTopology)) {
            if (element.getId() == null) {
                throw TokenCursor.at(xml, "the <" + element.elementName() + "> in the xml"
                        + " statement has no id");
            }
            builder.define(xml, element.getId(), element.elementName());
        }
        claimIds(xml, element);
        return element;
    }

    /**
     * Where an error of the wrapped document is in the crm text: its lines are the statement's,
     * the first one shifted by the wrapper; an error in the wrapper's end is at the text's end.
     */
    private static SourcePosition at(Token xml, SourcePosition inDocument, int prefix) {
        SourcePosition start = xml.position();
        if (inDocument == null) {
            return start;
        }
        String[] lines = xml.text().split("\n", -1);
        int line = Math.min(inDocument.line(), lines.length);
        int length = lines[line - 1].length();
        if (line == 1) {
            int offset = Math.min(Math.max(0, inDocument.column() - 1 - prefix), length);
            return new SourcePosition(start.source(), start.line(), start.column() + offset);
        }
        return new SourcePosition(start.source(), start.line() + line - 1,
                Math.min(inDocument.column(), length + 1));
    }

    /**
     * Defines the ids of the element's descendants; references are not definitions, and
     * resources in a container may be defined by their own statements too (crm shows them
     * both ways: see {@link ConfigurationBuilder#addXmlResource}).
     */
    private void claimIds(Token xml, CibElement element) {
        for (Object child : element.content()) {
            if (child instanceof ResourceRef || child instanceof ObjectRef
                    || child instanceof AclRoleRef || child instanceof Resource) {
                continue;
            }
            if (child instanceof CibElement nested) {
                if (nested.getId() != null) {
                    builder.define(xml, nested.getId(), nested.elementName());
                }
                claimIds(xml, nested);
            } else if (child instanceof Element dom) {
                claimIds(xml, dom);
            }
        }
    }

    private void claimIds(Token xml, Element element) {
        NamedNodeMap attributes = element.getAttributes();
        if (attributes.getNamedItem("id") != null) {
            builder.define(xml, element.getAttribute("id"), element.getTagName());
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element nested) {
                claimIds(xml, nested);
            }
        }
    }
}
