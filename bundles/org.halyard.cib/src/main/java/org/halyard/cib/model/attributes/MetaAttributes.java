package org.halyard.cib.model.attributes;

import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <meta_attributes>}: options of a resource, operation or alert that Pacemaker itself
 * interprets (target-role, is-managed, promotable, ...).
 */
@XmlRootElement(name = "meta_attributes")
public class MetaAttributes extends AttributeSet {

}
