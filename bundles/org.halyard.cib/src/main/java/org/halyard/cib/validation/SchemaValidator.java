package org.halyard.cib.validation;

import com.thaiopensource.datatype.xsd.DatatypeLibraryFactoryImpl;
import com.thaiopensource.datatype.xsd.regex.java.RegexEngineImpl;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.prop.rng.RngProperty;
import com.thaiopensource.validate.rng.SAXSchemaReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.halyard.cib.CibException;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.SourcePosition;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * crm_verify's first job: checks a CIB document against the RelaxNG schema its
 * {@code validate-with} names ({@code pacemaker-3.7} is {@code pacemaker-3.7.rng} in the schema
 * directory; without the attribute, the newest {@code pacemaker-X.Y.rng}). Each violation is an
 * error at the start tag of the offending element, with Jing's message.
 *
 * <p>Compiling Pacemaker's schema takes a few hundred milliseconds, validating a document a few;
 * so each schema file is compiled once and shared. A compiled Jing schema is immutable and safe
 * to share between threads; a validator is made per document.
 */
final class SchemaValidator {

    /** Versions in the order Pacemaker ranks them: {@code pacemaker-3.10} is newer than 3.9. */
    private static final Pattern VERSIONED_SCHEMA =
            Pattern.compile("pacemaker-(\\d+)\\.(\\d+)\\.rng");

    /** A file name in the schema directory, never a path leading out of it. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Jing's message about a bad attribute value, which does not quote the value. */
    private static final Pattern INVALID_VALUE =
            Pattern.compile("value of attribute \"([^\"]+)\" is invalid");

    private static final ConcurrentMap<Path, CachedSchema> SCHEMAS = new ConcurrentHashMap<>();

    private static final SAXParserFactory PARSERS = CibXml.secureParserFactory();

    /** For the XML parser: anything short of well-formed XML is not a document to validate. */
    private static final ErrorHandler STRICT = new DefaultHandler2() {
        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SchemaValidator() {
    }

    /**
     * Adds the schema problems of the document to {@code findings}.
     *
     * @throws CibException if the document cannot be read or is not well-formed XML
     */
    static void validate(InputStream document, String sourceName, Path schemaDir,
            Findings findings) {
        Pass pass = new Pass(sourceName, schemaDir, findings);
        try {
            XMLReader reader = PARSERS.newSAXParser().getXMLReader();
            reader.setContentHandler(pass);
            reader.setErrorHandler(STRICT);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", pass);
            reader.parse(new InputSource(document));
        } catch (SAXParseException e) {
            throw new CibException(new SourcePosition(sourceName, e.getLineNumber(),
                    e.getColumnNumber()), String.valueOf(e.getMessage()), e);
        } catch (SAXException e) {
            throw new CibException(sourceName, String.valueOf(e.getMessage()), e);
        } catch (IOException e) {
            throw new CibException(sourceName, "cannot read: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser does not support secure parsing", e);
        }
    }

    /**
     * One document: feeds the parser's events to Jing's validator, keeping track of where each
     * element's start tag begins so that a violation is reported where the element is.
     */
    private static final class Pass extends DefaultHandler2 {

        /** An element whose start tag has been seen: where its {@code <} is, and its id. */
        private record Open(SourcePosition position, String id) {
        }

        private final String source;
        private final Path schemaDir;
        private final Findings findings;
        private final Deque<Open> open = new ArrayDeque<>();
        private final List<String[]> rootPrefixes = new ArrayList<>();
        private Locator parser;
        private ContentHandler validator;
        private String schemaName;
        private boolean rootSeen;
        // The element Jing's messages are about: the one starting, or the one ending.
        private Open current;
        // The attributes of the element starting, null while one ends.
        private Attributes attributes;
        // Parser position after the previous event: where the next markup begins.
        private int lastLine = 1;
        private int lastColumn = 1;
        private boolean lastWasText;

        Pass(String source, Path schemaDir, Findings findings) {
            this.source = source;
            this.schemaDir = schemaDir;
            this.findings = findings;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            parser = locator;
        }

        @Override
        public void startDocument() {
            afterEvent(false);
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            if (!rootSeen) {
                rootPrefixes.add(new String[] {prefix, uri});
            } else if (validator != null) {
                validator.startPrefixMapping(prefix, uri);
            }
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            if (validator != null) {
                validator.endPrefixMapping(prefix);
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts)
                throws SAXException {
            current = new Open(rootSeen ? markupStart() : rootStart(), atts.getValue("id"));
            open.push(current);
            if (!rootSeen) {
                rootSeen = true;
                startValidator(atts.getValue("validate-with"));
            }
            if (validator != null) {
                attributes = atts;
                validator.startElement(uri, localName, qName, atts);
                attributes = null;
            }
            afterEvent(false);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            current = open.pop();
            if (validator != null) {
                validator.endElement(uri, localName, qName);
            }
            afterEvent(false);
        }

        @Override
        public void endDocument() throws SAXException {
            if (validator != null) {
                validator.endDocument();
            }
        }

        // Text is not passed on: Pacemaker strips all text nodes when it reads a CIB, before
        // validating it, so text never makes a CIB invalid for Pacemaker.
        @Override
        public void characters(char[] ch, int start, int length) {
            afterEvent(true);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            afterEvent(true);
        }

        @Override
        public void comment(char[] ch, int start, int length) {
            afterEvent(false);
        }

        @Override
        public void processingInstruction(String target, String data) {
            afterEvent(false);
        }

        // Jing reports the violations it finds here, while it handles the element concerned.
        @Override
        public void error(SAXParseException e) {
            report(Severity.ERROR, e);
        }

        @Override
        public void warning(SAXParseException e) {
            report(Severity.WARNING, e);
        }

        private void report(Severity severity, SAXParseException e) {
            findings.add(new Problem(severity, Check.SCHEMA, current.id(), current.position(),
                    "schema " + schemaName + ": " + withValue(e.getMessage())));
        }

        /** {@code value "openais" of attribute "value" is invalid}: the value is the clue. */
        private String withValue(String message) {
            Matcher invalid = INVALID_VALUE.matcher(message);
            String value = attributes != null && invalid.lookingAt()
                    ? attributes.getValue(invalid.group(1)) : null;
            return value == null ? message : "value \"" + value + "\" of attribute \""
                    + invalid.group(1) + "\" is invalid" + message.substring(invalid.end());
        }

        /** Picks the schema for the root's validate-with, or reports why there is none. */
        private void startValidator(String validateWith) throws SAXException {
            if ("none".equals(validateWith)) {
                problem(Severity.WARNING, "validate-with=\"none\": schema validation is disabled"
                        + " (enabling it is encouraged and prevents common misconfigurations)");
                return;
            }
            if (!Files.isDirectory(schemaDir)) {
                problem(Severity.WARNING, "schema validation skipped: schema directory "
                        + schemaDir + " not found");
                return;
            }
            try {
                schemaName = validateWith != null ? validateWith : newestVersion(schemaDir);
            } catch (IOException e) {
                problem(Severity.WARNING, "schema validation skipped: cannot list schema directory "
                        + schemaDir + ": " + e.getMessage());
                return;
            }
            if (schemaName == null) {
                problem(Severity.WARNING, "schema validation skipped: no validate-with, and no"
                        + " pacemaker-X.Y.rng in " + schemaDir);
                return;
            }
            Path file = SCHEMA_NAME.matcher(schemaName).matches()
                    ? schemaDir.toAbsolutePath().normalize().resolve(schemaName + ".rng") : null;
            if (file == null || !Files.isRegularFile(file)) {
                problem(Severity.ERROR, "unknown schema validate-with=\"" + schemaName
                        + "\": no " + schemaName + ".rng in " + schemaDir);
                return;
            }
            Schema schema;
            try {
                schema = SCHEMAS.computeIfAbsent(file, CachedSchema::new).get();
            } catch (SchemaUnusableException e) {
                problem(Severity.ERROR, "schema " + schemaName + " in " + schemaDir
                        + " cannot be used: " + e.getMessage());
                return;
            }
            PropertyMapBuilder properties = new PropertyMapBuilder();
            properties.put(ValidateProperty.ERROR_HANDLER, this);
            validator = schema.createValidator(properties.toPropertyMap()).getContentHandler();
            validator.setDocumentLocator(parser);
            validator.startDocument();
            for (String[] mapping : rootPrefixes) {
                validator.startPrefixMapping(mapping[0], mapping[1]);
            }
        }

        /** A problem with the document as a whole, reported at its root element. */
        private void problem(Severity severity, String message) {
            findings.add(new Problem(severity, Check.SCHEMA, current.id(), current.position(),
                    message));
        }

        // Positions as the loader computes them (see org.halyard.cib.LexicalPreservingHandler),
        // so that schema and semantic problems about one element name the same line:col.
        private void afterEvent(boolean wasText) {
            if (parser != null) {
                lastLine = parser.getLineNumber();
                lastColumn = parser.getColumnNumber();
            }
            lastWasText = wasText;
        }

        /** After text the parser has already consumed the {@code <} that ended it. */
        private SourcePosition markupStart() {
            return new SourcePosition(source, lastLine,
                    lastWasText ? Math.max(1, lastColumn - 1) : lastColumn);
        }

        /**
         * The prolog's whitespace produces no event: the root's {@code <} is known only if its
         * start tag ends on the line where the prolog ended, else assume the line's first column.
         */
        private SourcePosition rootStart() {
            int endLine = parser == null ? lastLine : parser.getLineNumber();
            return endLine == lastLine ? markupStart() : new SourcePosition(source, endLine, 1);
        }
    }

    /** The newest {@code pacemaker-X.Y} in the directory, or null if there is none. */
    private static String newestVersion(Path schemaDir) throws IOException {
        try (Stream<Path> files = Files.list(schemaDir)) {
            return files.map(file -> VERSIONED_SCHEMA.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .max(Comparator.<Matcher>comparingInt(v -> Integer.parseInt(v.group(1)))
                            .thenComparingInt(v -> Integer.parseInt(v.group(2))))
                    .map(v -> "pacemaker-" + v.group(1) + "." + v.group(2))
                    .orElse(null);
        }
    }

    /** One schema file, compiled on first use; a failed compilation is retried next time. */
    private static final class CachedSchema {
        private final Path file;
        private Schema schema;

        CachedSchema(Path file) {
            this.file = file;
        }

        synchronized Schema get() throws SchemaUnusableException {
            if (schema == null) {
                schema = compile(file);
            }
            return schema;
        }
    }

    private static Schema compile(Path file) throws SchemaUnusableException {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new DefaultHandler2() {
            @Override
            public void error(SAXParseException e) {
                errors.add(e.getSystemId() + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                        + ": " + e.getMessage());
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        // Explicit parser and datatype library: Jing's defaults look them up as services, which
        // an OSGi class loader may not find.
        properties.put(ValidateProperty.XML_READER_CREATOR, SchemaValidator::newReader);
        properties.put(RngProperty.DATATYPE_LIBRARY_FACTORY,
                new DatatypeLibraryFactoryImpl(new RegexEngineImpl()));
        try {
            return SAXSchemaReader.getInstance().createSchema(
                    new InputSource(file.toUri().toString()), properties.toPropertyMap());
        } catch (IncorrectSchemaException e) {
            throw new SchemaUnusableException(errors.isEmpty() ? "incorrect schema"
                    : errors.get(0), e);
        } catch (SAXException | IOException e) {
            throw new SchemaUnusableException(String.valueOf(e.getMessage()), e);
        }
    }

    private static XMLReader newReader() throws SAXException {
        try {
            return PARSERS.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser does not support secure parsing", e);
        }
    }

    /** A schema file that cannot be read or compiled; the message says why. */
    private static final class SchemaUnusableException extends Exception {
        private static final long serialVersionUID = 1L;

        SchemaUnusableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
