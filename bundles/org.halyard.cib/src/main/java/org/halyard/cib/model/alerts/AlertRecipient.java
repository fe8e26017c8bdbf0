package org.halyard.cib.model.alerts;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.MetaAttributes;

/**
 * {@code <recipient>}: one recipient ({@code value}) of an alert, with its own options.
 */
@XmlRootElement(name = "recipient")
public class AlertRecipient extends CibElement {

    @XmlAttribute(name = "description")
    private String description;

    @XmlAttribute(name = "value")
    private String value;

    public List<MetaAttributes> metaAttributes() {
        return children(MetaAttributes.class);
    }

    public List<InstanceAttributes> instanceAttributes() {
        return children(InstanceAttributes.class);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
