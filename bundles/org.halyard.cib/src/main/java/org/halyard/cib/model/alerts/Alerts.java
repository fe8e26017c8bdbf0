package org.halyard.cib.model.alerts;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <alerts>}: external agents called on cluster events.
 */
@XmlRootElement(name = "alerts")
public class Alerts extends CibElement {

    public List<Alert> alerts() {
        return children(Alert.class);
    }
}
