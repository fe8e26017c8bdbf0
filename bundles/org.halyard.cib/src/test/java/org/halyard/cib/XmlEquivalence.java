package org.halyard.cib;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;
import org.w3c.dom.Text;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Compares two XML documents for equivalence as a CIB sees them, reporting the first
 * difference with an XPath-like path.
 *
 * <p>Ignored: attribute order, namespace prefixes and declarations, and whitespace-only text
 * (ignorable in a CIB). Compared exactly: element names and namespaces, attribute values,
 * order of children, comments and processing instructions (Halyard preserves them, so losing
 * or changing one is a difference), and all other text.
 */
public final class XmlEquivalence {

    private XmlEquivalence() {
    }

    /** Parses with the JDK's DOM parser, keeping comments, refusing DTDs. */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setIgnoringComments(false);
            factory.setCoalescing(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document document = builder.parse(new InputSource(new StringReader(xml)));
            document.normalizeDocument();
            return document;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The first difference, as {@code path: what}, or empty if equivalent. */
    public static Optional<String> firstDifference(String expected, String actual) {
        return firstDifference(parse(expected), parse(actual));
    }

    public static Optional<String> firstDifference(Document expected, Document actual) {
        return compareChildren("", expected, actual);
    }

    private static Optional<String> compareElements(String path, Element expected, Element actual) {
        if (!same(expected.getNamespaceURI(), actual.getNamespaceURI())
                || !expected.getLocalName().equals(actual.getLocalName())) {
            return Optional.of(path + ": expected element " + qualified(expected) + " but found "
                    + qualified(actual));
        }
        Map<String, String> expectedAttributes = attributes(expected);
        Map<String, String> actualAttributes = attributes(actual);
        for (Map.Entry<String, String> attribute : expectedAttributes.entrySet()) {
            String value = actualAttributes.get(attribute.getKey());
            if (value == null) {
                return Optional.of(path + "/@" + attribute.getKey() + ": missing (expected \""
                        + attribute.getValue() + "\")");
            }
            if (!value.equals(attribute.getValue())) {
                return Optional.of(path + "/@" + attribute.getKey() + ": expected \""
                        + attribute.getValue() + "\" but found \"" + value + "\"");
            }
        }
        for (String name : actualAttributes.keySet()) {
            if (!expectedAttributes.containsKey(name)) {
                return Optional.of(path + "/@" + name + ": unexpected (\"" + actualAttributes.get(name)
                        + "\")");
            }
        }
        return compareChildren(path, expected, actual);
    }

    private static Optional<String> compareChildren(String path, Node expected, Node actual) {
        List<Node> expectedChildren = significantChildren(expected);
        List<Node> actualChildren = significantChildren(actual);
        Map<String, Integer> totals = new TreeMap<>();
        expectedChildren.forEach(child -> totals.merge(kind(child), 1, Integer::sum));
        Map<String, Integer> seen = new TreeMap<>();
        for (int i = 0; i < expectedChildren.size(); i++) {
            Node e = expectedChildren.get(i);
            String step = step(e, seen, totals);
            String childPath = path + "/" + step;
            if (i >= actualChildren.size()) {
                return Optional.of(childPath + ": missing (" + describe(e) + ")");
            }
            Node a = actualChildren.get(i);
            if (e.getNodeType() != a.getNodeType()) {
                return Optional.of(childPath + ": expected " + describe(e) + " but found "
                        + describe(a));
            }
            Optional<String> difference = switch (e.getNodeType()) {
                case Node.ELEMENT_NODE -> compareElements(childPath, (Element) e, (Element) a);
                case Node.PROCESSING_INSTRUCTION_NODE ->
                    ((ProcessingInstruction) e).getTarget().equals(((ProcessingInstruction) a).getTarget())
                            && e.getNodeValue().equals(a.getNodeValue()) ? Optional.empty()
                            : Optional.of(childPath + ": expected " + describe(e) + " but found "
                                    + describe(a));
                default -> e.getNodeValue().equals(a.getNodeValue()) ? Optional.empty()
                        : Optional.of(childPath + ": expected " + describe(e) + " but found "
                                + describe(a));
            };
            if (difference.isPresent()) {
                return difference;
            }
        }
        if (actualChildren.size() > expectedChildren.size()) {
            Node extra = actualChildren.get(expectedChildren.size());
            return Optional.of(path + ": unexpected " + describe(extra) + " after "
                    + expectedChildren.size() + " expected children");
        }
        return Optional.empty();
    }

    private static List<Node> significantChildren(Node parent) {
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE, Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE ->
                    children.add(child);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (!child.getNodeValue().isBlank()) {
                        children.add(child);
                    }
                }
                default -> {
                    // document type and entity references cannot occur (DTDs refused)
                }
            }
        }
        return children;
    }

    /** Attributes by {namespace}name, without namespace declarations. */
    private static Map<String, String> attributes(Element element) {
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attribute = (Attr) map.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                continue;
            }
            String ns = attribute.getNamespaceURI();
            attributes.put((ns == null ? "" : "{" + ns + "}") + attribute.getLocalName(),
                    attribute.getValue());
        }
        return attributes;
    }

    private static String kind(Node node) {
        return switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> node.getLocalName();
            case Node.COMMENT_NODE -> "comment()";
            case Node.PROCESSING_INSTRUCTION_NODE -> "processing-instruction()";
            default -> "text()";
        };
    }

    /**
     * {@code primitive[@id='rsc1']} when the element has an id, {@code op[2]} among several of
     * the same name, else just the name.
     */
    private static String step(Node node, Map<String, Integer> seen, Map<String, Integer> totals) {
        String kind = kind(node);
        int n = seen.merge(kind, 1, Integer::sum);
        if (node instanceof Element element && element.hasAttribute("id")) {
            return kind + "[@id='" + element.getAttribute("id") + "']";
        }
        return totals.getOrDefault(kind, 0) > 1 ? kind + "[" + n + "]" : kind;
    }

    private static String describe(Node node) {
        return switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> "element " + qualified((Element) node);
            case Node.COMMENT_NODE -> "comment <!--" + ((Comment) node).getData() + "-->";
            case Node.PROCESSING_INSTRUCTION_NODE -> "processing instruction <?"
                    + ((ProcessingInstruction) node).getTarget() + " " + node.getNodeValue() + "?>";
            default -> "text \"" + ((Text) node).getData() + "\"";
        };
    }

    private static String qualified(Element element) {
        String ns = element.getNamespaceURI();
        return "<" + (ns == null ? "" : "{" + ns + "}") + element.getLocalName() + ">";
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
