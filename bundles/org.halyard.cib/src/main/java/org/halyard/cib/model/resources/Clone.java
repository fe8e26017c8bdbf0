package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import java.util.Optional;
import org.halyard.cib.model.CibValues;

/**
 * {@code <clone>}: a primitive or group run on several nodes at once. A clone with the
 * meta-attribute {@code promotable=true} is a promotable clone (see also the legacy
 * {@link Master}).
 */
@XmlRootElement(name = "clone")
public class Clone extends Resource {

    /** The cloned primitive or group (a valid clone has exactly one). */
    public Optional<Resource> child() {
        return child(Resource.class);
    }

    @Override
    public List<Resource> members() {
        return children(Resource.class);
    }

    /** True if instances can be promoted: meta-attribute promotable is true. */
    public boolean isPromotable() {
        return CibValues.isTrue(metaAttribute("promotable").orElse(null));
    }
}
