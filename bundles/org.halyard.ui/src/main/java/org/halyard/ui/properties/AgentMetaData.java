package org.halyard.ui.properties;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The parameters a resource agent declares in its meta-data ({@code <resource-agent>} as an OCF
 * agent prints it for {@code meta-data}), in the agent's order: what the property view lists even
 * where the CIB sets nothing.
 */
public record AgentMetaData(String agent, List<Parameter> parameters) {

    /** One {@code <parameter>}: its name, flags, descriptions and {@code <content>} type and default. */
    public record Parameter(String name, boolean required, boolean unique, String shortdesc, String longdesc,
            String type, String defaultValue) {

        /** The long description if there is one, else the short one: the tooltip of the row. */
        public String description() {
            return longdesc.isEmpty() ? shortdesc : longdesc;
        }
    }

    public AgentMetaData {
        parameters = List.copyOf(parameters);
    }

    /** An agent whose meta-data could not be read: its configured parameters are still shown. */
    public static AgentMetaData none(String agent) {
        return new AgentMetaData(agent, List.of());
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Parses the agent's meta-data XML. DTDs are refused: the text comes from a remote node.
     *
     * @throws IllegalArgumentException naming the agent when the text is not resource-agent XML
     */
    public static AgentMetaData parse(String agent, String xml) {
        Document document;
        try {
            document = builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("the meta-data of " + agent + " is not well-formed XML: "
                    + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"resource-agent".equals(root.getTagName())) {
            throw new IllegalArgumentException("the meta-data of " + agent + " is a <" + root.getTagName()
                    + ">, not a <resource-agent>");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (Element list : children(root, "parameters")) {
            for (Element p : children(list, "parameter")) {
                Optional<Element> content = children(p, "content").stream().findFirst();
                parameters.add(new Parameter(p.getAttribute("name"), flag(p.getAttribute("required")),
                        flag(p.getAttribute("unique")), text(p, "shortdesc"), text(p, "longdesc"),
                        content.map(c -> c.getAttribute("type")).orElse(""),
                        content.filter(c -> c.hasAttribute("default")).map(c -> c.getAttribute("default")).orElse(null)));
            }
        }
        return new AgentMetaData(agent, parameters);
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely", e);
        }
    }

    /** OCF writes flags as 1/0; some agents write true/false. */
    private static boolean flag(String value) {
        return "1".equals(value) || "true".equalsIgnoreCase(value) || "yes".equalsIgnoreCase(value);
    }

    private static String text(Element parent, String name) {
        return children(parent, name).stream().findFirst().map(e -> e.getTextContent().strip().replaceAll("\\s+", " "))
                .orElse("");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && name.equals(e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }
}
