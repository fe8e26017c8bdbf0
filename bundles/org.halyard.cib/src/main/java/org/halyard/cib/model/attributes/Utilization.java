package org.halyard.cib.model.attributes;

import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <utilization>}: capacity a node offers or a resource needs.
 */
@XmlRootElement(name = "utilization")
public class Utilization extends AttributeSet {

}
