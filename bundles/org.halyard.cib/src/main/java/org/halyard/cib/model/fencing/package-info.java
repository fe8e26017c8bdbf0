/**
 * Fencing topology: which devices fence which nodes, in which order.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model.fencing;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
