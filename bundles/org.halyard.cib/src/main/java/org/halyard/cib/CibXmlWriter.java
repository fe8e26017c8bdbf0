package org.halyard.cib;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import org.halyard.cib.model.XmlComment;
import org.halyard.cib.model.XmlProcessingInstruction;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Writes the SAX events JAXB produces as CIB XML the way Pacemaker lays it out: no XML
 * declaration, two-space indentation, empty elements as {@code <x/>}.
 *
 * <p>The pseudo elements that carry comments and processing instructions through JAXB (see
 * {@link LexicalPreservingHandler}) become real comments and processing instructions again, and
 * their namespace is never declared.
 *
 * <p>Indentation only ever adds whitespace-only text between two tags; once an element has
 * text of its own, nothing more is indented inside it, so text is written exactly as held.
 */
final class CibXmlWriter implements ContentHandler {

    private static final String INDENT = "  ";

    private final Writer out;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final List<String[]> pendingNamespaces = new ArrayList<>();
    // "\n" followed by the indentation of each depth, grown on demand.
    private final List<String> indents = new ArrayList<>(List.of("\n"));
    private boolean startTagOpen;
    private boolean wroteSomething;
    // Inside a pseudo element: its name, the PI target, and the text collected so far.
    private String pseudoName;
    private String pseudoTarget;
    private final StringBuilder pseudoText = new StringBuilder();

    private static final class Frame {
        final String qName;
        boolean hasChildren;
        boolean hasText;

        Frame(String qName) {
            this.qName = qName;
        }
    }

    CibXmlWriter(Writer out) {
        this.out = out;
    }

    /** Writes a top-level comment or processing instruction (prolog or epilog). */
    void writeTopLevel(Object node) throws SAXException {
        if (node instanceof XmlComment comment) {
            comment(comment.getText());
        } else if (node instanceof XmlProcessingInstruction pi) {
            processingInstruction(pi.getTarget(), pi.getData());
        } else {
            throw new SAXException("only comments and processing instructions may appear outside"
                    + " <cib>, not " + node.getClass().getName());
        }
    }

    /** Ends the document with a newline. */
    void finish() throws SAXException {
        write('\n');
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        // Positions are irrelevant when writing.
    }

    @Override
    public void startDocument() {
        // No XML declaration: Pacemaker writes cib.xml without one (UTF-8 is the default).
    }

    @Override
    public void endDocument() {
        // finish() ends the output once the epilog is written.
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) {
        if (!XmlComment.LEXICAL_NAMESPACE.equals(uri)) {
            pendingNamespaces.add(new String[] {prefix, uri});
        }
    }

    @Override
    public void endPrefixMapping(String prefix) {
        // Declarations are scoped by the element they were written on.
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
            throws SAXException {
        if (XmlComment.LEXICAL_NAMESPACE.equals(uri)) {
            if (pseudoName != null) {
                throw new SAXException("nested <" + qName + "> inside a lexical pseudo element");
            }
            pseudoName = localName;
            pseudoTarget = atts.getValue("target");
            pseudoText.setLength(0);
            return;
        }
        beginChild();
        write('<');
        write(qName);
        for (String[] ns : pendingNamespaces) {
            // xmlns="" on the root would be redundant.
            if (!(ns[0].isEmpty() && ns[1].isEmpty() && open.isEmpty())) {
                write(ns[0].isEmpty() ? " xmlns=\"" : " xmlns:" + ns[0] + "=\"");
                writeEscaped(ns[1], true);
                write('"');
            }
        }
        pendingNamespaces.clear();
        for (int i = 0; i < atts.getLength(); i++) {
            String name = atts.getQName(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(atts.getURI(i)) || name.equals("xmlns")
                    || name.startsWith("xmlns:")) {
                continue; // declarations come through startPrefixMapping
            }
            write(' ');
            write(name);
            write("=\"");
            writeEscaped(atts.getValue(i), true);
            write('"');
        }
        startTagOpen = true;
        open.push(new Frame(qName));
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (pseudoName != null && XmlComment.LEXICAL_NAMESPACE.equals(uri)) {
            String text = pseudoText.toString();
            String name = pseudoName;
            pseudoName = null;
            if ("pi".equals(name)) {
                processingInstruction(pseudoTarget, text);
            } else {
                comment(text);
            }
            return;
        }
        Frame frame = open.pop();
        if (startTagOpen) {
            write("/>");
            startTagOpen = false;
            return;
        }
        if (frame.hasChildren && !frame.hasText) {
            newline(open.size());
        }
        write("</");
        write(frame.qName);
        write('>');
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (pseudoName != null) {
            pseudoText.append(ch, start, length);
            return;
        }
        if (length == 0) {
            return;
        }
        if (open.isEmpty()) {
            throw new SAXException("text outside the root element");
        }
        closeStartTag();
        open.peek().hasText = true;
        writeEscaped(new String(ch, start, length), false);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // The writer does its own layout.
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        if (target == null || target.isEmpty() || target.equalsIgnoreCase("xml")
                || data.contains("?>")) {
            throw new SAXException("cannot write processing instruction <?" + target + " " + data
                    + "?>");
        }
        checkCharacters(data);
        beginChild();
        write("<?" + target + (data.isEmpty() ? "" : " " + data) + "?>");
    }

    @Override
    public void skippedEntity(String name) {
        // Entities are expanded on load (and DTDs refused), so there is nothing to skip.
    }

    private void comment(String text) throws SAXException {
        if (text.contains("--") || text.endsWith("-")) {
            throw new SAXException("cannot write comment containing \"--\" or ending in \"-\": "
                    + text);
        }
        checkCharacters(text);
        beginChild();
        write("<!--");
        write(text);
        write("-->");
    }

    /** Closes the parent's start tag and indents, unless the parent holds text. */
    private void beginChild() throws SAXException {
        closeStartTag();
        Frame parent = open.peek();
        if (parent == null) {
            if (wroteSomething) {
                write('\n');
            }
            return;
        }
        parent.hasChildren = true;
        if (!parent.hasText) {
            newline(open.size());
        }
    }

    private void closeStartTag() throws SAXException {
        if (startTagOpen) {
            write('>');
            startTagOpen = false;
        }
    }

    private void newline(int depth) throws SAXException {
        while (depth >= indents.size()) {
            indents.add(indents.get(indents.size() - 1) + INDENT);
        }
        write(indents.get(depth));
    }

    /**
     * Writes text or an attribute value with markup characters escaped; in attribute values also
     * tabs and newlines, which a reader would otherwise normalise to spaces.
     */
    private void writeEscaped(String value, boolean attribute) throws SAXException {
        int plain = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\n' -> attribute ? "&#10;" : null;
                case '\t' -> attribute ? "&#9;" : null;
                case '\r' -> "&#13;";
                default -> {
                    checkChar(value, i);
                    yield null;
                }
            };
            if (replacement != null) {
                write(value.substring(plain, i));
                write(replacement);
                plain = i + 1;
            }
        }
        write(plain == 0 ? value : value.substring(plain));
    }

    private static void checkCharacters(String s) throws SAXException {
        for (int i = 0; i < s.length(); i++) {
            checkChar(s, i);
        }
    }

    /** Refuses characters XML 1.0 cannot represent (surrogates only in valid pairs). */
    private static void checkChar(String s, int i) throws SAXException {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0xD800) {
            return; // the common case
        }
        boolean ok;
        if (Character.isHighSurrogate(c)) {
            ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        } else if (Character.isLowSurrogate(c)) {
            ok = i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        } else {
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
        }
        if (!ok) {
            throw new SAXException(String.format(
                    "character U+%04X cannot be written in XML 1.0 (in \"%s\")", (int) c, s));
        }
    }

    private void write(String s) throws SAXException {
        try {
            out.write(s);
            wroteSomething = true;
        } catch (IOException e) {
            throw new SAXException("cannot write: " + e.getMessage(), e);
        }
    }

    private void write(char c) throws SAXException {
        try {
            out.write(c);
            wroteSomething = true;
        } catch (IOException e) {
            throw new SAXException("cannot write: " + e.getMessage(), e);
        }
    }
}
