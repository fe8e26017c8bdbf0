package org.halyard.cib.model.status;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <lrm_resource>}: the operation history of one resource on one node, with the agent it
 * was run with.
 */
@XmlRootElement(name = "lrm_resource")
public class ResourceHistory extends CibElement {

    @XmlAttribute(name = "type")
    private String type;

    @XmlAttribute(name = "class")
    private String agentClass;

    @XmlAttribute(name = "provider")
    private String provider;

    @XmlAttribute(name = "container")
    private String container;

    @XmlAttribute(name = "shutdown-lock")
    private String shutdownLock;

    public List<OperationHistory> operations() {
        return children(OperationHistory.class);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
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

    public String getContainer() {
        return container;
    }

    public void setContainer(String container) {
        this.container = container;
    }

    public String getShutdownLock() {
        return shutdownLock;
    }

    public void setShutdownLock(String shutdownLock) {
        this.shutdownLock = shutdownLock;
    }
}
