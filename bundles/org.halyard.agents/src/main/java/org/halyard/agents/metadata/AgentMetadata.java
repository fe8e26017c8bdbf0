package org.halyard.agents.metadata;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.halyard.agents.AgentException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What an agent says about itself in its {@code meta-data} (OCF) or {@code metadata} (fence agents) output: the
 * {@code <resource-agent>} document of the OCF resource agent API.
 *
 * @param agent the agent this describes, as given to {@link #parse} (e.g. {@code ocf:heartbeat:Dummy})
 * @param name       the {@code name} attribute of {@code <resource-agent>}
 * @param version    the agent's own version (the {@code version} attribute of {@code <resource-agent>})
 * @param ocfVersion the OCF API version the agent conforms to (the {@code <version>} element), empty if not given
 */
public record AgentMetadata(String agent, String name, String version, String ocfVersion, String shortdesc,
        String longdesc,
        List<ParameterDescription> parameters, List<ActionDescription> actions) {

    public AgentMetadata {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(name, "name");
        version = Objects.requireNonNullElse(version, "");
        ocfVersion = Objects.requireNonNullElse(ocfVersion, "");
        shortdesc = Objects.requireNonNullElse(shortdesc, "");
        longdesc = Objects.requireNonNullElse(longdesc, "");
        parameters = List.copyOf(parameters);
        actions = List.copyOf(actions);
    }

    public Optional<ParameterDescription> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** The first description of an action; monitors may be described once per role, see {@link #actions()}. */
    public Optional<ActionDescription> action(String actionName) {
        return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
    }

    /**
     * Parses meta-data XML.
     *
     * @param agent names the agent in error messages
     * @throws AgentException naming the agent, and the line and column if the XML is malformed
     */
    public static AgentMetadata parse(String agent, String xml) {
        Document document;
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new AgentException("meta-data of " + agent + " is not well-formed XML: line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new AgentException("meta-data of " + agent + " cannot be read: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("resource-agent")) {
            throw new AgentException("meta-data of " + agent + " has root element <" + root.getTagName()
                    + ">, expected <resource-agent>");
        }
        if (root.getAttribute("name").isEmpty()) {
            throw new AgentException("meta-data of " + agent + ": <resource-agent> has no name attribute");
        }
        String ocfVersion = child(root, "version").map(AgentMetadata::text).orElse("");
        String shortdesc = description(root, "shortdesc").orElse(root.getAttribute("shortdesc"));
        List<ParameterDescription> parameters = new ArrayList<>();
        child(root, "parameters").ifPresent(list -> children(list, "parameter")
                .forEach(p -> parameters.add(parameter(agent, p))));
        List<ActionDescription> actions = new ArrayList<>();
        child(root, "actions").ifPresent(list -> children(list, "action")
                .forEach(a -> actions.add(action(agent, a))));
        return new AgentMetadata(agent, root.getAttribute("name"), root.getAttribute("version"), ocfVersion, shortdesc,
                description(root, "longdesc").orElse(""), parameters, actions);
    }

    private static ParameterDescription parameter(String agent, Element element) {
        String parameterName = element.getAttribute("name");
        if (parameterName.isEmpty()) {
            throw new AgentException("meta-data of " + agent + ": a <parameter> has no name attribute");
        }
        Optional<Element> content = child(element, "content");
        String type = content.map(c -> c.getAttribute("type")).filter(t -> !t.isEmpty()).orElse("string");
        Optional<String> defaultValue = content.filter(c -> c.hasAttribute("default"))
                .map(c -> c.getAttribute("default"));
        return new ParameterDescription(parameterName, flag(element, "required"), flag(element, "unique"), type,
                defaultValue, description(element, "shortdesc").orElse(""),
                description(element, "longdesc").orElse(""));
    }

    private static ActionDescription action(String agent, Element element) {
        String actionName = element.getAttribute("name");
        if (actionName.isEmpty()) {
            throw new AgentException("meta-data of " + agent + ": an <action> has no name attribute");
        }
        Optional<Duration> timeout = element.hasAttribute("timeout")
                ? Optional.of(time(agent, actionName, "timeout", element.getAttribute("timeout")))
                : Optional.empty();
        Duration interval = element.hasAttribute("interval")
                ? time(agent, actionName, "interval", element.getAttribute("interval"))
                : Duration.ZERO;
        int depth = 0;
        String depthText = element.getAttribute("depth").trim();
        if (!depthText.isEmpty()) {
            try {
                depth = Integer.parseInt(depthText);
            } catch (NumberFormatException e) {
                throw new AgentException("meta-data of " + agent + ": action " + actionName + " has depth \""
                        + depthText + "\", expected a number", e);
            }
        }
        return new ActionDescription(actionName, timeout, interval, element.getAttribute("role"), depth);
    }

    private static Duration time(String agent, String actionName, String attribute, String value) {
        try {
            return TimeSpec.parse(value);
        } catch (IllegalArgumentException e) {
            throw new AgentException("meta-data of " + agent + ": action " + actionName + " has " + attribute + " "
                    + e.getMessage(), e);
        }
    }

    private static boolean flag(Element element, String attribute) {
        String value = element.getAttribute(attribute).trim();
        return value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes");
    }

    /** The English text of a shortdesc/longdesc child, or the first one if none is marked English. */
    private static Optional<String> description(Element parent, String tag) {
        List<Element> candidates = children(parent, tag);
        return candidates.stream().filter(e -> e.getAttribute("lang").isEmpty() || e.getAttribute("lang")
                .startsWith("en")).findFirst().or(() -> candidates.stream().findFirst()).map(AgentMetadata::text);
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }

    private static Optional<Element> child(Element parent, String tag) {
        return children(parent, tag).stream().findFirst();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }

    /** Agents declare {@code ra-api-1.dtd}, which is nowhere to be found: never load external entities. */
    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    /** Renders this description as meta-data XML, as for agents that have none of their own (LSB, systemd). */
    public String toXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n");
        xml.append("<resource-agent name=\"").append(escape(name)).append("\" version=\"").append(escape(version))
                .append("\">\n");
        if (!ocfVersion.isEmpty()) {
            xml.append("  <version>").append(escape(ocfVersion)).append("</version>\n");
        }
        xml.append("  <longdesc lang=\"en\">").append(escape(longdesc)).append("</longdesc>\n");
        xml.append("  <shortdesc lang=\"en\">").append(escape(shortdesc)).append("</shortdesc>\n");
        xml.append("  <parameters>\n");
        for (ParameterDescription p : parameters) {
            xml.append("    <parameter name=\"").append(escape(p.name())).append("\" required=\"")
                    .append(p.required() ? 1 : 0).append("\" unique=\"").append(p.unique() ? 1 : 0).append("\">\n");
            xml.append("      <longdesc lang=\"en\">").append(escape(p.longdesc())).append("</longdesc>\n");
            xml.append("      <shortdesc lang=\"en\">").append(escape(p.shortdesc())).append("</shortdesc>\n");
            xml.append("      <content type=\"").append(escape(p.type())).append('"');
            p.defaultValue().ifPresent(d -> xml.append(" default=\"").append(escape(d)).append('"'));
            xml.append("/>\n    </parameter>\n");
        }
        xml.append("  </parameters>\n  <actions>\n");
        for (ActionDescription a : actions) {
            xml.append("    <action name=\"").append(escape(a.name())).append('"');
            a.timeout().ifPresent(t -> xml.append(" timeout=\"").append(TimeSpec.format(t)).append('"'));
            if (!a.interval().isZero()) {
                xml.append(" interval=\"").append(TimeSpec.format(a.interval())).append('"');
            }
            if (!a.role().isEmpty()) {
                xml.append(" role=\"").append(escape(a.role())).append('"');
            }
            if (a.depth() != 0) {
                xml.append(" depth=\"").append(a.depth()).append('"');
            }
            xml.append("/>\n");
        }
        xml.append("  </actions>\n</resource-agent>\n");
        return xml.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
