package org.halyard.cib.model.fencing;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <fencing-topology>}: which fencing devices to try, in which order, for which nodes.
 */
@XmlRootElement(name = "fencing-topology")
public class FencingTopology extends CibElement {

    public List<FencingLevel> levels() {
        return children(FencingLevel.class);
    }
}
