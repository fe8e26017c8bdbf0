/**
 * Rules and their expressions, as used by location constraints and conditional attribute sets.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model.rules;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
