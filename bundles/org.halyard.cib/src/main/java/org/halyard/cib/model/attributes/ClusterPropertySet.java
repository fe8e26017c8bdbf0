package org.halyard.cib.model.attributes;

import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <cluster_property_set>}: cluster options in {@code <crm_config>}.
 */
@XmlRootElement(name = "cluster_property_set")
public class ClusterPropertySet extends AttributeSet {

}
