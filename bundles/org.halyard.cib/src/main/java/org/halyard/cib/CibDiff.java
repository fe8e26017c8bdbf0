package org.halyard.cib;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.ParserConfigurationException;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What one CIB's configuration has that another's lacks, element by element (elements are matched
 * by id): the elements only it has, those only the other has, and those both have with different
 * attributes. Made for the log of a node that gives up its CIB for a peer's: a summary an admin
 * can act on, not a patch.
 *
 * <p>An element is identified by its name and id under its nearest ancestor with an id, so that
 * references that repeat an id ({@code resource_ref} in a set, {@code role} in an ACL target) are
 * told apart. An element added or removed with its subtree is reported once, not with every
 * descendant. Order, comments and text are not compared.
 */
public final class CibDiff {

    /** Longest attribute value shown; a CIB value can be a whole script or certificate. */
    private static final int VALUE_SHOWN = 40;

    private final List<String> onlyInMine = new ArrayList<>();
    private final List<String> onlyInTheirs = new ArrayList<>();
    private final List<String> different = new ArrayList<>();

    private CibDiff() {
    }

    /**
     * The configuration elements of {@code mine} that {@code theirs} lacks or has otherwise.
     *
     * @throws CibException if either is not well-formed XML
     */
    public static CibDiff of(String mine, String theirs) {
        Map<String, Element> before = elements(mine, "this CIB");
        Map<String, Element> after = elements(theirs, "the other CIB");
        CibDiff diff = new CibDiff();
        before.forEach((key, element) -> {
            Element other = after.get(key);
            if (other == null) {
                if (topOfSubtree(element, after)) {
                    diff.onlyInMine.add(element.label());
                }
            } else if (!other.attributes().equals(element.attributes())) {
                diff.different.add(element.label() + ": " + attributeChanges(element.attributes(), other.attributes()));
            }
        });
        after.forEach((key, element) -> {
            if (!before.containsKey(key) && topOfSubtree(element, before)) {
                diff.onlyInTheirs.add(element.label());
            }
        });
        return diff;
    }

    /** Whether an element one side lacks is where the missing subtree starts (its parent is there). */
    private static boolean topOfSubtree(Element element, Map<String, Element> otherSide) {
        return element.parent().isEmpty() || otherSide.containsKey(element.parent());
    }

    /** Elements only {@code mine} has (added there, or removed from theirs), e.g. {@code primitive web}. */
    public List<String> onlyInMine() {
        return List.copyOf(onlyInMine);
    }

    /** Elements only {@code theirs} has (removed from mine, or added there). */
    public List<String> onlyInTheirs() {
        return List.copyOf(onlyInTheirs);
    }

    /**
     * Elements both have with other attributes, with mine's values and theirs, e.g.
     * {@code nvpair ip: value="10.0.0.9" (theirs "10.0.0.1")}.
     */
    public List<String> different() {
        return List.copyOf(different);
    }

    public boolean isEmpty() {
        return onlyInMine.isEmpty() && onlyInTheirs.isEmpty() && different.isEmpty();
    }

    /**
     * One line, at most {@code maxItems} elements named (then how many more), e.g. {@code only in
     * mine: primitive web; only in theirs: rsc_location loc-1; different: nvpair ip: value="10.0.0.9"
     * (theirs "10.0.0.1")}.
     */
    public String summary(int maxItems) {
        StringBuilder out = new StringBuilder();
        int[] left = {maxItems};
        int total = onlyInMine.size() + onlyInTheirs.size() + different.size();
        append(out, "only in mine", onlyInMine, left);
        append(out, "only in theirs", onlyInTheirs, left);
        append(out, "different", different, left);
        if (total > maxItems) {
            out.append(" ... and ").append(total - maxItems).append(" more");
        }
        return out.isEmpty() ? "no difference by id" : out.toString();
    }

    private static void append(StringBuilder out, String what, List<String> items, int[] left) {
        if (items.isEmpty() || left[0] == 0) {
            return;
        }
        List<String> shown = items.subList(0, Math.min(items.size(), left[0]));
        left[0] -= shown.size();
        if (!out.isEmpty()) {
            out.append("; ");
        }
        out.append(what).append(": ").append(String.join(", ", shown));
    }

    private static String attributeChanges(Map<String, String> mine, Map<String, String> theirs) {
        Set<String> names = new TreeSet<>(mine.keySet());
        names.addAll(theirs.keySet());
        List<String> changes = new ArrayList<>();
        for (String name : names) {
            String a = mine.get(name);
            String b = theirs.get(name);
            if (!Objects.equals(a, b)) {
                changes.add(name + "=" + shown(a) + " (theirs " + shown(b) + ")");
            }
        }
        return String.join(" ", changes);
    }

    private static String shown(String value) {
        if (value == null) {
            return "unset";
        }
        return "\"" + (value.length() > VALUE_SHOWN ? value.substring(0, VALUE_SHOWN) + "..." : value) + "\"";
    }

    /** An element with an id: what it is called and its attributes other than the id. */
    private record Element(String name, String id, String parent, Map<String, String> attributes) {
        String label() {
            return name + " " + id;
        }
    }

    /** The elements with an id in the configuration section, by key, in document order. */
    private static Map<String, Element> elements(String xml, String what) {
        Map<String, Element> found = new LinkedHashMap<>();
        DefaultHandler handler = new DefaultHandler() {
            /** For each open element of the configuration: the key of its nearest ancestor-or-self with an id. */
            private final Deque<String> scope = new ArrayDeque<>();
            private int depth;
            private boolean seen;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attrs) {
                depth++;
                if (scope.isEmpty()) {
                    if (depth == 2 && "configuration".equals(localName) && !seen) {
                        seen = true;
                        scope.push("");
                    }
                    return;
                }
                String parent = scope.peek();
                String id = attrs.getValue("id");
                if (id == null) {
                    scope.push(parent);
                    return;
                }
                String key = parent + "/" + localName + "[" + id + "]";
                Map<String, String> attributes = new TreeMap<>();
                for (int i = 0; i < attrs.getLength(); i++) {
                    if (!"id".equals(attrs.getLocalName(i))) {
                        attributes.put(attrs.getLocalName(i), attrs.getValue(i));
                    }
                }
                found.putIfAbsent(key, new Element(localName, id, parent, attributes));
                scope.push(key);
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                depth--;
                if (!scope.isEmpty()) {
                    scope.pop();
                }
            }
        };
        try {
            CibXml.secureParserFactory().newSAXParser().parse(new InputSource(new StringReader(xml)), handler);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new CibException(what, "cannot compare: " + e.getMessage(), e);
        }
        return found;
    }
}
