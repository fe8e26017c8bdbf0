package org.halyard.cib;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshallerHandler;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibModel;
import org.halyard.cib.model.SourcePosition;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reading and writing CIB XML.
 *
 * <p>Loading keeps everything: unknown elements and attributes, comments and processing
 * instructions, in document order (see {@link org.halyard.cib.model.CibElement}); only
 * whitespace-only text is dropped, since it is ignorable in a CIB and the writer lays the
 * document out itself. Every loaded element knows its position ({@code file:line:col}).
 * Parsing is secure: DTDs (and with them all entities) are refused.
 *
 * <p>All methods are thread-safe; the JAXB context is created once and shared.
 */
public final class CibXml {

    private static final SAXParserFactory PARSERS = secureParserFactory();

    private CibXml() {
    }

    /** Created on first use: building the context takes a noticeable fraction of a second. */
    private static final class Context {
        static final JAXBContext INSTANCE = createContext();
    }

    /**
     * The shared JAXB context of the CIB model. Created through the Glassfish factory directly,
     * without a service lookup, so it works on a plain classpath and inside OSGi alike.
     */
    public static JAXBContext context() {
        return Context.INSTANCE;
    }

    /**
     * Loads a CIB from a file; the file's path (as given) names it in positions and messages.
     *
     * @throws CibException if the file cannot be read or is not a well-formed CIB
     */
    public static Cib load(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, source);
        } catch (IOException e) {
            throw new CibException(source, "cannot read: " + describe(e), e);
        }
    }

    /**
     * Parses a CIB from a stream (not closed here).
     *
     * @param sourceName how positions and messages name the document, e.g. {@code "cib.xml"}
     * @throws CibException if the stream cannot be read or is not a well-formed CIB
     */
    public static Cib parse(InputStream in, String sourceName) {
        Cib result;
        List<Object> prolog = new ArrayList<>();
        List<Object> epilog = new ArrayList<>();
        ValidationEvent[] firstError = new ValidationEvent[1];
        LexicalPreservingHandler handler = null;
        try {
            Unmarshaller unmarshaller = context().createUnmarshaller();
            unmarshaller.setEventHandler(event -> {
                if (event.getSeverity() == ValidationEvent.WARNING) {
                    return true; // JAXB warnings concern binding hints, not the document
                }
                if (firstError[0] == null) {
                    firstError[0] = event;
                }
                return false;
            });
            UnmarshallerHandler jaxb = unmarshaller.getUnmarshallerHandler();
            handler = new LexicalPreservingHandler(jaxb, sourceName, prolog, epilog);
            XMLReader reader = PARSERS.newSAXParser().getXMLReader();
            // Messages in English whatever the default locale: they go into logs and reports.
            // ROOT, not ENGLISH: without an _en bundle, ENGLISH falls back to the default locale.
            reader.setProperty("http://apache.org/xml/properties/locale", Locale.ROOT);
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", handler);
            reader.parse(new InputSource(in));
            result = (Cib) jaxb.getResult();
        } catch (SAXParseException e) {
            throw new CibException(new SourcePosition(sourceName, e.getLineNumber(),
                    e.getColumnNumber()), describe(e, handler), e);
        } catch (SAXException | JAXBException e) {
            if (firstError[0] != null) {
                throw fromEvent(firstError[0], sourceName, e);
            }
            throw new CibException(sourceName, "cannot bind CIB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CibException(sourceName, "cannot read: " + describe(e), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser does not support secure parsing", e);
        }
        if (firstError[0] != null) {
            throw fromEvent(firstError[0], sourceName, null);
        }
        result.prolog().addAll(prolog);
        result.epilog().addAll(epilog);
        return result;
    }

    /** Parses a CIB held in a string. */
    public static Cib parse(String xml, String sourceName) {
        return parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), sourceName);
    }

    /** The CIB as XML text, laid out as Pacemaker writes cib.xml. */
    public static String toXml(Cib cib) {
        StringWriter out = new StringWriter(4096);
        write(cib, out, "<string>");
        return out.toString();
    }

    /** Writes the CIB as UTF-8 XML to a stream (flushed, not closed). */
    public static void write(Cib cib, OutputStream out) {
        write(cib, out, "<stream>");
    }

    static void write(Cib cib, OutputStream out, String targetName) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                1 << 16);
        write(cib, writer, targetName);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new CibException(targetName, "cannot write: " + describe(e), e);
        }
    }

    private static void write(Cib cib, Writer out, String targetName) {
        CibXmlWriter writer = new CibXmlWriter(out);
        try {
            for (Object node : cib.prolog()) {
                writer.writeTopLevel(node);
            }
            context().createMarshaller().marshal(cib, writer);
            for (Object node : cib.epilog()) {
                writer.writeTopLevel(node);
            }
            writer.finish();
        } catch (JAXBException | SAXException e) {
            // JAXB wraps what the writer throws; report the innermost cause.
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof IOException io) {
                throw new CibException(targetName, "cannot write: " + describe(io), e);
            }
            String what = cause.getMessage() != null ? cause.getMessage() : cause.toString();
            throw new CibException(targetName, "cannot write CIB: " + what, e);
        }
    }

    /**
     * Saves the CIB atomically: it is written to a temporary file in the same directory, forced
     * to disk, renamed over {@code file} in one step, and the directory is forced too. Readers
     * see either the old or the new file, never a partial one, even after a crash. An existing
     * file's POSIX permissions are kept.
     *
     * @throws CibException if the file cannot be written
     */
    public static void save(Cib cib, Path file) {
        AtomicFiles.write(file, out -> write(cib, out, file.toString()));
    }

    private static CibException fromEvent(ValidationEvent event, String sourceName,
            Throwable cause) {
        ValidationEventLocator at = event.getLocator();
        String message = event.getMessage();
        if (at != null && at.getLineNumber() > 0) {
            return new CibException(new SourcePosition(sourceName, at.getLineNumber(),
                    at.getColumnNumber()), message, cause);
        }
        return new CibException(sourceName, message, cause);
    }

    /** The parser's message, made specific for the mistakes people actually make. */
    private static String describe(SAXParseException e, LexicalPreservingHandler handler) {
        String message = String.valueOf(e.getMessage());
        String open = handler == null ? null : handler.innermostOpenElement();
        if (message.startsWith("XML document structures must start and end within the same entity")
                && open != null) {
            return "unexpected end of document inside <" + open + "> (truncated file?)";
        }
        if (message.startsWith("Premature end of file") && handler != null
                && !handler.rootStarted()) {
            return "no <cib> element: the document is empty";
        }
        if (message.contains("disallow-doctype-decl")) {
            return "DOCTYPE is not allowed in a CIB (DTDs and entities are refused)";
        }
        return message;
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static JAXBContext createContext() {
        try {
            return new org.glassfish.jaxb.runtime.v2.JAXBContextFactory().createContext(
                    CibModel.ELEMENT_CLASSES.toArray(Class<?>[]::new), Map.of());
        } catch (JAXBException e) {
            throw new IllegalStateException("the CIB model cannot be bound by JAXB", e);
        }
    }

    /**
     * The JDK's own SAX parser as every CIB reader here uses it: no service lookup (OSGi), no
     * DTDs, no external entities.
     */
    public static SAXParserFactory secureParserFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // A CIB has no DTD; refusing one rules out entity expansion and external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd",
                    false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser does not support secure parsing", e);
        }
        return factory;
    }
}
