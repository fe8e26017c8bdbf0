package org.halyard.scheduler.cluster;

import java.util.Map;

/**
 * A cluster node as the scheduler sees it: its configured score, its attributes (configured,
 * transient and the built-in {@code #uname}, {@code #id}, {@code #kind}, {@code #is_dc}) and
 * its state from the status section.
 *
 * @param weight       the node's base score (its {@code score} attribute, usually 0)
 * @param unclean      the node must be fenced before its resources count as stopped
 * @param fenceReason  why the node is unclean, as crm_simulate prints it (null if clean)
 * @param unseen       the status section has no entry for the node
 */
public record ClusterNode(String id, String uname, int weight, Map<String, String> attributes,
        boolean online, boolean unclean, String fenceReason, boolean standby,
        boolean maintenance, boolean shutdown, boolean pending, boolean unseen, boolean dc) {

    public ClusterNode {
        attributes = Map.copyOf(attributes);
    }

    /** Pacemaker's pcmk__node_available without score: can this node run resources at all. */
    public boolean canRunResources() {
        return online && !shutdown && !unclean && !standby && !maintenance;
    }

    /** The attribute value, or null. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** This node, marked unclean for the first reason given (later reasons are ignored). */
    public ClusterNode fenced(String reason) {
        if (unclean) {
            return fenceReason == null ? withReason(reason) : this;
        }
        return new ClusterNode(id, uname, weight, attributes, online, true, reason, standby,
                maintenance, shutdown, pending, unseen, dc);
    }

    private ClusterNode withReason(String reason) {
        return new ClusterNode(id, uname, weight, attributes, online, unclean, reason, standby,
                maintenance, shutdown, pending, unseen, dc);
    }

    /** This node in standby (on-fail=standby of one of its resources). */
    public ClusterNode inStandby() {
        return new ClusterNode(id, uname, weight, attributes, online, unclean, fenceReason, true,
                maintenance, shutdown, pending, unseen, dc);
    }
}
