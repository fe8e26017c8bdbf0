package org.halyard.cib.model.status;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import java.util.Optional;
import org.halyard.cib.model.CibElement;

/**
 * {@code <lrm>}: the resource history the executor recorded on one node.
 */
@XmlRootElement(name = "lrm")
public class Lrm extends CibElement {

    public Optional<LrmResources> lrmResources() {
        return child(LrmResources.class);
    }

    public void setLrmResources(LrmResources lrmResources) {
        setChild(LrmResources.class, lrmResources);
    }

    /** The per-resource histories (empty when {@code <lrm_resources>} is absent). */
    public List<ResourceHistory> resourceHistories() {
        return lrmResources().map(LrmResources::resourceHistories).orElse(List.of());
    }
}
