/**
 * The CIB model: JAXB classes for Pacemaker's CIB XML, named in the admin's vocabulary. Every
 * element keeps what the model does not know (see {@link org.halyard.cib.model.CibElement}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
