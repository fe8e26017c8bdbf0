package org.halyard.cib.model.tags;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <tag>}: a name for a list of element ids (usually resources).
 */
@XmlRootElement(name = "tag")
public class Tag extends CibElement {

    public List<ObjectRef> references() {
        return children(ObjectRef.class);
    }

    /** The tagged ids in order. */
    public List<String> referencedIds() {
        return references().stream().map(ObjectRef::getId).toList();
    }
}
