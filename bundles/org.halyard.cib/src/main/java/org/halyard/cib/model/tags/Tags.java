package org.halyard.cib.model.tags;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <tags>}: named groups of configuration elements usable in constraints.
 */
@XmlRootElement(name = "tags")
public class Tags extends CibElement {

    public List<Tag> tags() {
        return children(Tag.class);
    }
}
