/**
 * Name/value sets: meta attributes, instance attributes, utilization and cluster properties.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model.attributes;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
