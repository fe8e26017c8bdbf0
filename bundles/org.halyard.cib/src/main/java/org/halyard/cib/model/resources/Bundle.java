package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * {@code <bundle>}: a container (docker, podman or rkt) with networking, storage and optionally
 * one primitive run inside. The container, {@code <network>} and {@code <storage>} elements are
 * kept as they are ({@link #unknownElements()}); only the primitive is modelled.
 */
@XmlRootElement(name = "bundle")
public class Bundle extends Resource {

    /** The primitive run inside the containers, if any. */
    public Optional<Primitive> primitive() {
        return child(Primitive.class);
    }

    @Override
    public List<Resource> members() {
        return children(Resource.class);
    }

    /** The container element ({@code <docker>}, {@code <podman>} or {@code <rkt>}), if present. */
    public Optional<Element> container() {
        for (Element element : unknownElements()) {
            String name = element.getLocalName();
            if ("docker".equals(name) || "podman".equals(name) || "rkt".equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }
}
