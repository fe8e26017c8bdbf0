/**
 * Alert agents and their recipients.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model.alerts;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
