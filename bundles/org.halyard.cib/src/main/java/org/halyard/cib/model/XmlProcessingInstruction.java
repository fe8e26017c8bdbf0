package org.halyard.cib.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.Objects;

/**
 * An XML processing instruction ({@code <?target data?>}), kept in document order like
 * {@link XmlComment} and carried through JAXB the same way.
 */
@XmlRootElement(name = "pi", namespace = XmlComment.LEXICAL_NAMESPACE)
public final class XmlProcessingInstruction {

    @XmlAttribute(name = "target", required = true)
    private String target;

    @XmlValue
    private String data;

    public XmlProcessingInstruction() {
        this("x", "");
    }

    public XmlProcessingInstruction(String target, String data) {
        this.target = Objects.requireNonNull(target, "target");
        this.data = Objects.requireNonNull(data, "data");
    }

    public String getTarget() {
        return target;
    }

    public String getData() {
        return data;
    }

    @Override
    public String toString() {
        return "<?" + target + (data.isEmpty() ? "" : " " + data) + "?>";
    }
}
