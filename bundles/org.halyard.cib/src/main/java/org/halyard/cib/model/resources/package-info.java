/**
 * Resources: primitives, templates, groups, clones, legacy masters and bundles, with their
 * operations.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
