package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;

/**
 * {@code <group>}: primitives started in order, on the same node, and stopped in reverse.
 */
@XmlRootElement(name = "group")
public class Group extends Resource {

    /** The members in order; valid groups contain only {@link Primitive}s. */
    @Override
    public List<Resource> members() {
        return children(Resource.class);
    }
}
