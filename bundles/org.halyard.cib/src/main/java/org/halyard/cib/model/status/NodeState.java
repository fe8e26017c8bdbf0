package org.halyard.cib.model.status;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.Optional;
import org.halyard.cib.model.CibElement;

/**
 * {@code <node_state>}: one node's membership ({@code in_ccm}, {@code crmd}, {@code join},
 * {@code expected}), fencing and shutdown flags, transient attributes and resource history
 * ({@link Lrm}).
 */
@XmlRootElement(name = "node_state")
public class NodeState extends CibElement {

    @XmlAttribute(name = "uname")
    private String uname;

    @XmlAttribute(name = "in_ccm")
    private String inCcm;

    @XmlAttribute(name = "crmd")
    private String crmd;

    @XmlAttribute(name = "join")
    private String join;

    @XmlAttribute(name = "expected")
    private String expected;

    @XmlAttribute(name = "crm-debug-origin")
    private String crmDebugOrigin;

    @XmlAttribute(name = "remote_node")
    private String remoteNode;

    @XmlAttribute(name = "node_fenced")
    private String nodeFenced;

    @XmlAttribute(name = "shutdown")
    private String shutdown;

    @XmlAttribute(name = "clear_shutdown")
    private String clearShutdown;

    @XmlAttribute(name = "node_in_maintenance")
    private String nodeInMaintenance;

    public Optional<TransientAttributes> transientAttributes() {
        return child(TransientAttributes.class);
    }

    public void setTransientAttributes(TransientAttributes transientAttributes) {
        setChild(TransientAttributes.class, transientAttributes);
    }

    public Optional<Lrm> lrm() {
        return child(Lrm.class);
    }

    public void setLrm(Lrm lrm) {
        setChild(Lrm.class, lrm);
    }

    public String getUname() {
        return uname;
    }

    public void setUname(String uname) {
        this.uname = uname;
    }

    public String getInCcm() {
        return inCcm;
    }

    public void setInCcm(String inCcm) {
        this.inCcm = inCcm;
    }

    public String getCrmd() {
        return crmd;
    }

    public void setCrmd(String crmd) {
        this.crmd = crmd;
    }

    public String getJoin() {
        return join;
    }

    public void setJoin(String join) {
        this.join = join;
    }

    public String getExpected() {
        return expected;
    }

    public void setExpected(String expected) {
        this.expected = expected;
    }

    public String getCrmDebugOrigin() {
        return crmDebugOrigin;
    }

    public void setCrmDebugOrigin(String crmDebugOrigin) {
        this.crmDebugOrigin = crmDebugOrigin;
    }

    public String getRemoteNode() {
        return remoteNode;
    }

    public void setRemoteNode(String remoteNode) {
        this.remoteNode = remoteNode;
    }

    public String getNodeFenced() {
        return nodeFenced;
    }

    public void setNodeFenced(String nodeFenced) {
        this.nodeFenced = nodeFenced;
    }

    public String getShutdown() {
        return shutdown;
    }

    public void setShutdown(String shutdown) {
        this.shutdown = shutdown;
    }

    public String getClearShutdown() {
        return clearShutdown;
    }

    public void setClearShutdown(String clearShutdown) {
        this.clearShutdown = clearShutdown;
    }

    public String getNodeInMaintenance() {
        return nodeInMaintenance;
    }

    public void setNodeInMaintenance(String nodeInMaintenance) {
        this.nodeInMaintenance = nodeInMaintenance;
    }
}
