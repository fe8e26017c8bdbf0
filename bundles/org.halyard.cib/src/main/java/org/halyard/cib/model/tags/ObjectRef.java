package org.halyard.cib.model.tags;

import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <obj_ref>}: one element id in a {@link Tag}.
 */
@XmlRootElement(name = "obj_ref")
public class ObjectRef extends CibElement {

}
