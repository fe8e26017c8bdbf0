package org.halyard.cib.model.constraints;

import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <resource_ref>}: a member of a {@link ResourceSet}, by resource (or tag) id.
 */
@XmlRootElement(name = "resource_ref")
public final class ResourceRef extends CibElement {

    public ResourceRef() {
    }

    public ResourceRef(String resourceId) {
        setId(resourceId);
    }
}
