/**
 * Tags: named groups of configuration elements.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model.tags;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
