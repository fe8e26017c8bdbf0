package org.halyard.cib.model.alerts;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.MetaAttributes;

/**
 * {@code <alert>}: an alert agent ({@code path}), its options and recipients. A {@code <select>}
 * element, if any, is kept as it is ({@link #unknownElements()}).
 */
@XmlRootElement(name = "alert")
public class Alert extends CibElement {

    @XmlAttribute(name = "description")
    private String description;

    @XmlAttribute(name = "path")
    private String path;

    public List<MetaAttributes> metaAttributes() {
        return children(MetaAttributes.class);
    }

    public List<InstanceAttributes> instanceAttributes() {
        return children(InstanceAttributes.class);
    }

    public List<AlertRecipient> recipients() {
        return children(AlertRecipient.class);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
