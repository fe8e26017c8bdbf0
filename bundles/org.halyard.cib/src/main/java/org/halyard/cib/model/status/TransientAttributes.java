package org.halyard.cib.model.status;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.attributes.InstanceAttributes;

/**
 * {@code <transient_attributes>}: node attributes that last until the node leaves (fail counts,
 * last-failure times, promotion scores, ...).
 */
@XmlRootElement(name = "transient_attributes")
public class TransientAttributes extends CibElement {

    public List<InstanceAttributes> instanceAttributes() {
        return children(InstanceAttributes.class);
    }
}
