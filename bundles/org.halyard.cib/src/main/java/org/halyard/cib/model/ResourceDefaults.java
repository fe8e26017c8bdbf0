package org.halyard.cib.model;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.attributes.MetaAttributes;

/**
 * {@code <rsc_defaults>}: default meta-attributes of all resources.
 */
@XmlRootElement(name = "rsc_defaults")
public class ResourceDefaults extends CibElement {

    public List<MetaAttributes> metaAttributes() {
        return children(MetaAttributes.class);
    }
}
