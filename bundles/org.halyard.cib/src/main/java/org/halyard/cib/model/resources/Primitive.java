package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <primitive>}: a single resource run by an agent, either with its own class/provider/type
 * or derived from a {@link Template}.
 */
@XmlRootElement(name = "primitive")
public class Primitive extends AgentResource {

    @XmlAttribute(name = "template")
    private String template;

    /** True for a fencing device (agent class "stonith"). */
    public boolean isStonith() {
        return "stonith".equalsIgnoreCase(getAgentClass());
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }
}
