package org.halyard.cib.model.constraints;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.rules.Rule;

/**
 * {@code <lifetime>}: deprecated wrapper of rules limiting when a constraint applies.
 */
@XmlRootElement(name = "lifetime")
public class Lifetime extends CibElement {

    public List<Rule> rules() {
        return children(Rule.class);
    }
}
