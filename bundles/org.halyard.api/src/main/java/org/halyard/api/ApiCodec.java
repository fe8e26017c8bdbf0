package org.halyard.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;

/** Messages to and from frame payloads (XML via JAXB; DTDs and external entities refused). */
public final class ApiCodec {

    private static final JAXBContext CONTEXT = createContext();

    private ApiCodec() {
    }

    public static byte[] encode(Object message) {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(message, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new ApiException(ErrorCode.INTERNAL, "cannot encode " + message.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    public static <T> T decode(byte[] payload, Class<T> type) {
        Object decoded;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
            decoded = unmarshaller.unmarshal(factory.newDocumentBuilder().parse(new ByteArrayInputStream(payload)));
        } catch (JAXBException | ParserConfigurationException | java.io.IOException | org.xml.sax.SAXException e) {
            throw new ApiException(ErrorCode.PROTOCOL, "not a valid message: " + e.getMessage(), e);
        }
        if (!type.isInstance(decoded)) {
            throw new ApiException(ErrorCode.PROTOCOL, "expected a " + type.getSimpleName() + " message, got "
                    + decoded.getClass().getSimpleName());
        }
        return type.cast(decoded);
    }

    private static JAXBContext createContext() {
        try {
            // instantiated directly: no service lookup, so it works on a plain classpath and in OSGi
            return new org.glassfish.jaxb.runtime.v2.JAXBContextFactory().createContext(
                    new Class<?>[] {Request.class, Reply.class, StatusReport.class, ClusterEvent.class}, Map.of());
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
