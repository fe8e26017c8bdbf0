package org.halyard.cib.model;

import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.glassfish.jaxb.core.annotation.XmlLocation;
import org.w3c.dom.Element;
import org.xml.sax.Locator;

/**
 * Base of every CIB element class.
 *
 * <p>Fidelity is the point of this class: a CIB written by a newer Pacemaker, by hand or by
 * another tool must survive load and save unchanged. Therefore each element keeps
 * <ul>
 * <li>all of its children in one list in document order ({@link #content()}): known elements as
 * model objects (any {@link CibElement} subclass, wherever it appears), unknown elements as DOM
 * {@link Element}s, comments as {@link XmlComment}, processing instructions as
 * {@link XmlProcessingInstruction} and non-blank text as {@link String} (whitespace-only text is
 * ignorable in a CIB and is dropped on load);</li>
 * <li>every attribute the subclass does not map in {@link #otherAttributes()};</li>
 * <li>where it started in its source document ({@link #position()}).</li>
 * </ul>
 * One list per element (rather than one field per child type) is what keeps interleaved known and
 * unknown children, and comments, in their original order.
 *
 * <p>Attribute values are kept as the strings found in the document, so that a value Halyard
 * would not write itself (say {@code epoch="007"} or {@code enabled="yes"}) is saved back
 * verbatim; typed accessors parse them on demand.
 */
@XmlTransient
public abstract class CibElement {

    private static final ClassValue<String> ELEMENT_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            XmlRootElement root = type.getAnnotation(XmlRootElement.class);
            return root == null ? type.getSimpleName() : root.name();
        }
    };

    /** The {@code id} attribute, if the element has one (most CIB elements do). */
    @XmlAttribute(name = "id")
    private String id;

    @XmlAnyAttribute
    private Map<QName, String> otherAttributes = new LinkedHashMap<>();

    @XmlMixed
    @XmlAnyElement(lax = true)
    private List<Object> content = new ArrayList<>();

    // Filled in by JAXB on unmarshal (start tag of this element); never marshalled.
    @XmlLocation
    @XmlTransient
    private Locator locator;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The XML element name of this class, e.g. {@code "rsc_colocation"}. */
    public String elementName() {
        return ELEMENT_NAMES.get(getClass());
    }

    /**
     * All children in document order: model objects, {@link Element} (unknown elements),
     * {@link XmlComment}, {@link XmlProcessingInstruction} and {@link String} (text). The list is
     * live; changing it changes what is saved.
     */
    public List<Object> content() {
        return content;
    }

    /** Attributes this class does not map to a field; live and in document order. */
    public Map<QName, String> otherAttributes() {
        return otherAttributes;
    }

    /** Value of an attribute without namespace that this class does not map, or null. */
    public String otherAttribute(String name) {
        return otherAttributes.get(new QName(name));
    }

    /** Where the start tag of this element was found, if it was loaded from a document. */
    public Optional<SourcePosition> position() {
        if (locator == null || locator.getLineNumber() < 1) {
            return Optional.empty();
        }
        return Optional.of(new SourcePosition(locator.getSystemId(), locator.getLineNumber(),
                locator.getColumnNumber()));
    }

    /** Children the model does not know, kept verbatim. */
    public List<Element> unknownElements() {
        return children(Element.class);
    }

    /** Snapshot of the children of one type, in document order. */
    public <T> List<T> children(Class<T> type) {
        List<T> result = new ArrayList<>();
        for (Object child : content) {
            if (type.isInstance(child)) {
                result.add(type.cast(child));
            }
        }
        return List.copyOf(result);
    }

    /** First child of one type. */
    public <T> Optional<T> child(Class<T> type) {
        for (Object child : content) {
            if (type.isInstance(child)) {
                return Optional.of(type.cast(child));
            }
        }
        return Optional.empty();
    }

    /** Appends a child (a model object, {@link Element}, {@link XmlComment}, ...). */
    public void add(Object child) {
        content.add(Objects.requireNonNull(child, "child"));
    }

    /** Removes a child by identity; returns whether it was there. */
    public boolean remove(Object child) {
        for (int i = 0; i < content.size(); i++) {
            if (content.get(i) == child) {
                content.remove(i);
                return true;
            }
        }
        return false;
    }

    /**
     * Sets the single child of a type: replaces the first one in place (keeping its position),
     * removes it when {@code value} is null, or appends when there was none.
     */
    protected <T> void setChild(Class<T> type, T value) {
        for (int i = 0; i < content.size(); i++) {
            if (type.isInstance(content.get(i))) {
                if (value == null) {
                    content.remove(i);
                } else {
                    content.set(i, value);
                }
                return;
            }
        }
        if (value != null) {
            content.add(value);
        }
    }

    @Override
    public String toString() {
        return id == null ? "<" + elementName() + ">" : "<" + elementName() + " id=\"" + id + "\">";
    }
}
