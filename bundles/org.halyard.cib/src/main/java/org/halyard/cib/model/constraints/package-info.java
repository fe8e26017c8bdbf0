/**
 * Location, colocation, order and ticket constraints, and resource sets.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model.constraints;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
