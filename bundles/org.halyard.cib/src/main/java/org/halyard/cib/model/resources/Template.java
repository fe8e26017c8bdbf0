package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <template>}: a primitive definition that primitives reference with {@code template}
 * instead of repeating class, type, parameters and operations. Not a resource by itself.
 */
@XmlRootElement(name = "template")
public class Template extends AgentResource {

}
