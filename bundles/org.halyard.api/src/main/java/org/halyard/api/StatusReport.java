package org.halyard.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** The crm_mon picture as data: cluster summary, nodes, resources (groups with their members). */
@XmlRootElement(name = "status")
@XmlAccessorType(XmlAccessType.FIELD)
public final class StatusReport {

    @XmlAttribute
    public String cluster;
    @XmlAttribute
    public String stack;
    /** The DC's node name, absent when there is none (no quorate partition). */
    @XmlAttribute
    public String dc;
    @XmlAttribute
    public boolean quorate;
    @XmlAttribute
    public int votes;
    @XmlAttribute(name = "expected-votes")
    public int expectedVotes;
    @XmlAttribute(name = "cib-version")
    public String cibVersion;
    @XmlAttribute(name = "reported-by")
    public String reportedBy;
    @XmlElement(name = "node")
    public List<NodeStatus> nodes = new ArrayList<>();
    @XmlElement(name = "resource")
    public List<ResourceStatus> resources = new ArrayList<>();

    /** One node: its name, id and state as crm_mon groups them. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class NodeStatus {
        @XmlAttribute
        public String name;
        @XmlAttribute
        public long id;
        /** online, offline, standby, maintenance, unclean. */
        @XmlAttribute
        public String state;

        public NodeStatus() {
        }

        public NodeStatus(String name, long id, String state) {
            this.name = name;
            this.id = id;
            this.state = state;
        }
    }

    /** A resource; a group or clone has members, a primitive an agent and a role. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class ResourceStatus {
        @XmlAttribute
        public String id;
        /** primitive, group, clone, promotable, bundle. */
        @XmlAttribute
        public String kind;
        /** ocf:heartbeat:Dummy for primitives. */
        @XmlAttribute
        public String agent;
        /** Started, Stopped, Promoted, Unpromoted, FAILED... */
        @XmlAttribute
        public String role;
        @XmlAttribute
        public String node;
        @XmlElement(name = "resource")
        public List<ResourceStatus> members = new ArrayList<>();

        public ResourceStatus() {
        }

        public ResourceStatus(String id, String kind, String agent, String role, String node) {
            this.id = id;
            this.kind = kind;
            this.agent = agent;
            this.role = role;
            this.node = node;
        }
    }
}
