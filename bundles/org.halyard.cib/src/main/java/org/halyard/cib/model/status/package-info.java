/**
 * The status section: node state, transient attributes, resource operation history and tickets.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model.status;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
