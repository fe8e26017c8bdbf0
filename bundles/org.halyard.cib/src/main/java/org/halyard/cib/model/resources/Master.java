package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <master>}: the legacy (pre-2.0) spelling of a promotable clone; always promotable.
 * Kept as its own element so that a CIB written with it is saved as it was.
 */
@XmlRootElement(name = "master")
public class Master extends Clone {

    @Override
    public boolean isPromotable() {
        return true;
    }
}
