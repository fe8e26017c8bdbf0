package org.halyard.cib.model.acls;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <acl_permission>}: read, write or deny access to the CIB part selected by an XPath, an
 * id reference or an element type (and attribute).
 */
@XmlRootElement(name = "acl_permission")
public class AclPermission extends CibElement {

    @XmlAttribute(name = "kind")
    private String kind;

    @XmlAttribute(name = "xpath")
    private String xpath;

    @XmlAttribute(name = "reference")
    private String reference;

    @XmlAttribute(name = "object-type")
    private String objectType;

    @XmlAttribute(name = "attribute")
    private String attribute;

    @XmlAttribute(name = "description")
    private String description;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getXpath() {
        return xpath;
    }

    public void setXpath(String xpath) {
        this.xpath = xpath;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getObjectType() {
        return objectType;
    }

    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public String getAttribute() {
        return attribute;
    }

    public void setAttribute(String attribute) {
        this.attribute = attribute;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
