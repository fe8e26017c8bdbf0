/**
 * Access control lists of the CIB.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model.acls;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
