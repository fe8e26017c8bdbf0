package org.halyard.cib;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.halyard.cib.model.XmlComment;
import org.halyard.cib.model.XmlProcessingInstruction;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Sits between the SAX parser and JAXB's unmarshaller handler and makes three adjustments:
 * <ul>
 * <li>Comments and processing instructions, which JAXB cannot see, are forwarded as pseudo
 * elements in {@link XmlComment#LEXICAL_NAMESPACE} that bind to {@link XmlComment} and
 * {@link XmlProcessingInstruction}; those outside the root element are collected separately.</li>
 * <li>Whitespace-only text is dropped (it is ignorable in a CIB); other text is forwarded
 * whole.</li>
 * <li>JAXB's {@code @XmlLocation} sees the position of each element's {@code <}, not the end of
 * its start tag where SAX parsers report it, and the document's name as system id.</li>
 * </ul>
 */
final class LexicalPreservingHandler extends DefaultHandler2 {

    private static final String PREFIX = "halyard-lexical";
    private static final char[] NO_CHARS = new char[0];

    private final ContentHandler target;
    private final String source;
    private final List<Object> prolog;
    private final List<Object> epilog;
    private final ReportedLocator reported = new ReportedLocator();
    private final StringBuilder text = new StringBuilder();
    private final Deque<String> openElements = new ArrayDeque<>();
    private Locator parser;
    private boolean rootStarted;
    // Parser position after the previous event: where the next markup begins.
    private int lastLine = 1;
    private int lastColumn = 1;
    private boolean lastWasText;

    LexicalPreservingHandler(ContentHandler target, String source, List<Object> prolog,
            List<Object> epilog) {
        this.target = target;
        this.source = source;
        this.prolog = prolog;
        this.epilog = epilog;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.parser = locator;
        target.setDocumentLocator(reported);
    }

    @Override
    public void startDocument() throws SAXException {
        target.startDocument();
        afterEvent(false);
    }

    @Override
    public void endDocument() throws SAXException {
        flushText();
        reportCurrent();
        target.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        target.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        target.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
            throws SAXException {
        flushText();
        if (!rootStarted) {
            rootStarted = true;
            reportRootStart();
            if (!"cib".equals(localName)) {
                throw new SAXParseException("root element is <" + qName
                        + ">, expected <cib> (is this a Pacemaker CIB?)", reported);
            }
            if (!uri.isEmpty()) {
                throw new SAXParseException("root element <" + qName + "> is in namespace \""
                        + uri + "\", but a CIB's <cib> has none", reported);
            }
        } else {
            reportMarkupStart();
        }
        if (XmlComment.LEXICAL_NAMESPACE.equals(uri)) {
            // It would come out as a comment: refuse rather than change the document.
            throw new SAXParseException("element <" + qName + "> is in namespace \"" + uri
                    + "\", which Halyard reserves for itself", reported);
        }
        target.startElement(uri, localName, qName, atts);
        openElements.push(qName);
        afterEvent(false);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        flushText();
        reportCurrent();
        target.endElement(uri, localName, qName);
        openElements.pop();
        afterEvent(false);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        text.append(ch, start, length);
        afterEvent(true);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        afterEvent(true);
    }

    @Override
    public void comment(char[] ch, int start, int length) throws SAXException {
        flushText();
        String comment = new String(ch, start, length);
        if (openElements.isEmpty()) {
            (rootStarted ? epilog : prolog).add(new XmlComment(comment));
        } else {
            reportMarkupStart();
            forwardPseudoElement("comment", new AttributesImpl(), comment);
        }
        afterEvent(false);
    }

    @Override
    public void processingInstruction(String piTarget, String data) throws SAXException {
        flushText();
        String piData = data == null ? "" : data;
        if (openElements.isEmpty()) {
            (rootStarted ? epilog : prolog).add(new XmlProcessingInstruction(piTarget, piData));
        } else {
            reportMarkupStart();
            AttributesImpl attributes = new AttributesImpl();
            attributes.addAttribute("", "target", "target", "CDATA", piTarget);
            forwardPseudoElement("pi", attributes, piData);
        }
        afterEvent(false);
    }

    /** The innermost element not yet closed, or null (for messages about truncated input). */
    String innermostOpenElement() {
        return openElements.peek();
    }

    boolean rootStarted() {
        return rootStarted;
    }

    // The parser reports errors through exceptions; a recoverable error still means a broken CIB.
    @Override
    public void error(SAXParseException e) throws SAXException {
        throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        throw e;
    }

    // A warning concerns something legal (the non-validating parser hardly issues any); it does
    // not make the CIB unreadable, and this layer has no log to put it in.
    @Override
    public void warning(SAXParseException e) {
        // deliberately not an error
    }

    private void forwardPseudoElement(String name, AttributesImpl attributes, String content)
            throws SAXException {
        target.startPrefixMapping(PREFIX, XmlComment.LEXICAL_NAMESPACE);
        target.startElement(XmlComment.LEXICAL_NAMESPACE, name, PREFIX + ":" + name, attributes);
        char[] chars = content.isEmpty() ? NO_CHARS : content.toCharArray();
        target.characters(chars, 0, chars.length);
        target.endElement(XmlComment.LEXICAL_NAMESPACE, name, PREFIX + ":" + name);
        target.endPrefixMapping(PREFIX);
    }

    private void flushText() throws SAXException {
        if (text.isEmpty()) {
            return;
        }
        if (!openElements.isEmpty() && !isXmlWhitespace(text)) {
            char[] chars = new char[text.length()];
            text.getChars(0, chars.length, chars, 0);
            reportCurrent();
            target.characters(chars, 0, chars.length);
        }
        text.setLength(0);
    }

    private static boolean isXmlWhitespace(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private void afterEvent(boolean wasText) {
        if (parser != null) {
            lastLine = parser.getLineNumber();
            lastColumn = parser.getColumnNumber();
        }
        lastWasText = wasText;
    }

    /**
     * Markup starts where the previous event ended, except that after text the parser has
     * already consumed the {@code <} that ended the text.
     */
    private void reportMarkupStart() {
        reported.set(lastLine, lastWasText ? Math.max(1, lastColumn - 1) : lastColumn);
    }

    /**
     * Whitespace in the prolog produces no event, so the root's {@code <} is only known when the
     * root start tag ends on the line where the prolog ended; otherwise assume the tag starts at
     * the beginning of the line where it ends (true unless the root start tag spans lines).
     */
    private void reportRootStart() {
        int endLine = parser == null ? lastLine : parser.getLineNumber();
        if (endLine == lastLine) {
            reportMarkupStart();
        } else {
            reported.set(endLine, 1);
        }
    }

    private void reportCurrent() {
        if (parser != null) {
            reported.set(parser.getLineNumber(), parser.getColumnNumber());
        }
    }

    /** The locator JAXB sees: our adjusted position and the document's name. */
    private final class ReportedLocator implements Locator {
        private int line = 1;
        private int column = 1;

        void set(int newLine, int newColumn) {
            line = newLine;
            column = newColumn;
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public String getSystemId() {
            return source;
        }

        @Override
        public int getLineNumber() {
            return line;
        }

        @Override
        public int getColumnNumber() {
            return column;
        }
    }
}
