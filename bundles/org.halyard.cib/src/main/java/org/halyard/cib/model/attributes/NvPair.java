package org.halyard.cib.model.attributes;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <nvpair>}: one name/value pair, or a reference ({@code id-ref}) to a pair elsewhere.
 */
@XmlRootElement(name = "nvpair")
public final class NvPair extends CibElement {

    @XmlAttribute(name = "id-ref")
    private String idRef;

    @XmlAttribute(name = "name")
    private String name;

    @XmlAttribute(name = "value")
    private String value;

    public NvPair() {
    }

    public NvPair(String id, String name, String value) {
        setId(id);
        this.name = name;
        this.value = value;
    }

    public String getIdRef() {
        return idRef;
    }

    public void setIdRef(String idRef) {
        this.idRef = idRef;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
