package org.halyard.cib.model.status;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <lrm_resources>}: container of the per-resource histories of one node.
 */
@XmlRootElement(name = "lrm_resources")
public class LrmResources extends CibElement {

    public List<ResourceHistory> resourceHistories() {
        return children(ResourceHistory.class);
    }
}
