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
    /** When the reporting node last saw the configuration change (ms since the epoch); 0 if not since it started. */
    @XmlAttribute(name = "last-change")
    public long lastChange;
    /** True while the DC is executing a transition (actions in flight). */
    @XmlAttribute(name = "transition-busy")
    public boolean transitionBusy;
    @XmlElement(name = "node")
    public List<NodeStatus> nodes = new ArrayList<>();
    @XmlElement(name = "resource")
    public List<ResourceStatus> resources = new ArrayList<>();
    /** crm_mon's "Failed Resource Actions". */
    @XmlElement(name = "failed-action")
    public List<FailedAction> failedActions = new ArrayList<>();
    /** crm_mon's "Migration Summary": fail counts above zero per resource and node. */
    @XmlElement(name = "fail-count")
    public List<FailCount> failCounts = new ArrayList<>();

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
        /** Started, Stopped, Promoted, Unpromoted, FAILED, Starting, Stopping... */
        @XmlAttribute
        public String role;
        @XmlAttribute
        public String node;
        /** False when is-managed=false or the cluster is in maintenance: Halyard leaves it alone. */
        @XmlAttribute
        public boolean managed = true;
        /** The target-role meta-attribute when set (Stopped, Started, Unpromoted, Promoted). */
        @XmlAttribute(name = "target-role")
        public String targetRole;
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

    /** An operation that failed, as crm_mon lists it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class FailedAction {
        @XmlAttribute
        public String resource;
        @XmlAttribute
        public String node;
        /** start, stop, monitor (with interval), promote... e.g. "monitor_10000". */
        @XmlAttribute
        public String operation;
        @XmlAttribute
        public int rc;
        /** "not running", "error", "Timed Out"... */
        @XmlAttribute(name = "rc-text")
        public String rcText;
        @XmlAttribute(name = "exit-reason")
        public String exitReason;
        /** Milliseconds since the epoch. */
        @XmlAttribute
        public long time;

        public FailedAction() {
        }

        public FailedAction(String resource, String node, String operation, int rc, String rcText,
                String exitReason, long time) {
            this.resource = resource;
            this.node = node;
            this.operation = operation;
            this.rc = rc;
            this.rcText = rcText;
            this.exitReason = exitReason;
            this.time = time;
        }
    }

    /** How often a resource failed on a node (Pacemaker's fail-count). */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class FailCount {
        @XmlAttribute
        public String resource;
        @XmlAttribute
        public String node;
        @XmlAttribute
        public int count;
        @XmlAttribute(name = "migration-threshold")
        public int migrationThreshold;

        public FailCount() {
        }

        public FailCount(String resource, String node, int count, int migrationThreshold) {
            this.resource = resource;
            this.node = node;
            this.count = count;
            this.migrationThreshold = migrationThreshold;
        }
    }
}
