package org.halyard.cib.model.attributes;

import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <instance_attributes>}: parameters passed to a resource agent, or node attributes.
 */
@XmlRootElement(name = "instance_attributes")
public class InstanceAttributes extends AttributeSet {

}
