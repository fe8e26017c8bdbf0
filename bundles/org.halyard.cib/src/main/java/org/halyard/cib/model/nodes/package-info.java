/**
 * The cluster nodes of the configuration.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model.nodes;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
