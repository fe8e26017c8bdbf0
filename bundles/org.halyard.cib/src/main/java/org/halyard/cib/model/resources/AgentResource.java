package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;
import java.util.List;
import java.util.Optional;
import org.halyard.cib.model.attributes.Utilization;

/**
 * A resource defined by a resource agent: a {@link Primitive} or a {@link Template} for
 * primitives. The agent is {@code class:provider:type}, e.g. {@code ocf:heartbeat:IPaddr2}.
 */
@XmlTransient
public abstract class AgentResource extends Resource {

    @XmlAttribute(name = "class")
    private String agentClass;

    @XmlAttribute(name = "provider")
    private String provider;

    @XmlAttribute(name = "type")
    private String type;

    public Optional<Operations> operations() {
        return child(Operations.class);
    }

    public void setOperations(Operations operations) {
        setChild(Operations.class, operations);
    }

    public List<Utilization> utilizations() {
        return children(Utilization.class);
    }

    /** The agent in crm shell notation, {@code class[:provider]:type}; null parts are left out. */
    public String agent() {
        StringBuilder agent = new StringBuilder();
        for (String part : new String[] {agentClass, provider, type}) {
            if (part != null) {
                agent.append(agent.isEmpty() ? "" : ":").append(part);
            }
        }
        return agent.toString();
    }

    /** The operations defined inline (none when the section is absent or only a reference). */
    public List<Operation> operationList() {
        return operations().map(Operations::operations).orElse(List.of());
    }

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
