package org.halyard.cib.model.rules;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <rsc_expression>}: matches resources by agent class, provider and type (in
 * rsc_defaults/op_defaults rules).
 */
@XmlRootElement(name = "rsc_expression")
public class ResourceExpression extends CibElement {

    @XmlAttribute(name = "class")
    private String agentClass;

    @XmlAttribute(name = "provider")
    private String provider;

    @XmlAttribute(name = "type")
    private String type;

    public String getAgentClass() {
        return agentClass;
    }

    public void setAgentClass(String agentClass) {
        this.agentClass = agentClass;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
