package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <operations>}: the operations (monitor, start, stop, ...) defined for a resource, or a
 * reference ({@code id-ref}) to another resource's operations.
 */
@XmlRootElement(name = "operations")
public class Operations extends CibElement {

    @XmlAttribute(name = "id-ref")
    private String idRef;

    public List<Operation> operations() {
        return children(Operation.class);
    }

    public String getIdRef() {
        return idRef;
    }

    public void setIdRef(String idRef) {
        this.idRef = idRef;
    }
}
