package org.halyard.cib.model;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.attributes.MetaAttributes;

/**
 * {@code <op_defaults>}: default meta-attributes of all operations.
 */
@XmlRootElement(name = "op_defaults")
public class OperationDefaults extends CibElement {

    public List<MetaAttributes> metaAttributes() {
        return children(MetaAttributes.class);
    }
}
