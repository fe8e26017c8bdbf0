package org.halyard.api;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * One entry of a daemon's event stream ({@code watch}): what happened and the whole crm_mon
 * picture right after it, so a viewer never has to patch state together. {@code seq} counts
 * up per daemon incarnation; a watcher that reconnects passes its last incarnation and seq and
 * gets what it missed, or a {@code resync} event when the daemon no longer has it.
 */
@XmlRootElement(name = "event")
@XmlAccessorType(XmlAccessType.FIELD)
public final class ClusterEvent {

    /** The kinds of events; {@code heartbeat} carries no status and only proves the stream alive. */
    public static final String RESYNC = "resync";
    public static final String HEARTBEAT = "heartbeat";

    @XmlAttribute
    public long seq;
    /** Identifies one run of the daemon; sequence numbers are meaningful only within it. */
    @XmlAttribute
    public String incarnation;
    /** Milliseconds since the epoch, on the daemon's clock. */
    @XmlAttribute
    public long time;
    /** resync, membership, quorum, cib, resource, node, heartbeat. */
    @XmlAttribute
    public String kind;
    /** One line for a person: "node2 left", "web started on node1". */
    @XmlElement
    public String text;
    @XmlElement(name = "status")
    public StatusReport status;

    public ClusterEvent() {
    }

    public ClusterEvent(long seq, String incarnation, long time, String kind, String text, StatusReport status) {
        this.seq = seq;
        this.incarnation = incarnation;
        this.time = time;
        this.kind = kind;
        this.text = text;
        this.status = status;
    }

    public boolean isHeartbeat() {
        return HEARTBEAT.equals(kind);
    }

    @Override
    public String toString() {
        return "#" + seq + " " + kind + (text == null ? "" : ": " + text);
    }
}
