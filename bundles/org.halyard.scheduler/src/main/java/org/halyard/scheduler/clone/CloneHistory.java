package org.halyard.scheduler.clone;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * Finds the resource a history entry belongs to (Pacemaker's unpack_find_resource): a
 * configured primitive by id, or a clone instance. Anonymous clone instances are
 * interchangeable, so the history of {@code rsc} (or {@code rsc:N}) on a node goes to the
 * instance already active there, else to the first inactive instance, else to a new orphan
 * instance beyond clone-max.
 */
public final class CloneHistory {

    private final Map<String, ScheduledResource> byId;
    private final Map<String, ClusterNode> nodes;
    private final UnaryOperator<ScheduledResource> newInstance;

    /**
     * @param byId        every configured resource (and instance) by id
     * @param newInstance appends an orphan instance to a clone and registers it
     */
    public CloneHistory(Map<String, ScheduledResource> byId, Map<String, ClusterNode> nodes,
            UnaryOperator<ScheduledResource> newInstance) {
        this.byId = byId;
        this.nodes = nodes;
        this.newInstance = newInstance;
    }

    /** The primitive the history entry {@code historyId} on a node is for, or null (orphan). */
    public ScheduledResource find(String node, String historyId) {
        ScheduledResource rsc = byId.get(historyId);
        ScheduledResource clone;
        if (rsc == null) {
            ScheduledResource zero = byId.get(strip(historyId) + ":0");
            if (zero == null || zero.cloneAncestor() == null
                    || zero.cloneAncestor().clone.globallyUnique()) {
                return null;
            }
            rsc = zero;
        } else if (!rsc.children().isEmpty() || rsc.isClone()) {
            return null; // the history of a resource that is no longer a primitive
        }
        clone = rsc.cloneAncestor();
        if (clone != null && !clone.clone.globallyUnique()) {
            rsc = anonymousInstance(node, clone, strip(historyId));
        }
        if (rsc != null && !historyId.equals(rsc.id())) {
            rsc.historyName = historyId;
        }
        return rsc;
    }

    /** The id without an instance number. */
    static String strip(String id) {
        int colon = id.lastIndexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }

    private ScheduledResource anonymousInstance(String node, ScheduledResource clone,
            String base) {
        ScheduledResource found = null;
        ScheduledResource inactive = null;
        boolean skipInactive = false;
        for (ScheduledResource instance : clone.children()) {
            if (found != null) {
                break;
            }
            String location = location(instance);
            if (location != null) {
                if (location.equals(node)) {
                    found = member(instance, base);
                    if (found != null && !found.runningOn.isEmpty()) {
                        // A second history of the same (now anonymous) clone: an orphan
                        skipInactive = true;
                        found = null;
                    }
                }
            } else if (!skipInactive && inactive == null && !instance.blocked) {
                inactive = member(instance, base);
                if (inactive != null && inactive.pendingNode != null
                        && !inactive.pendingNode.equals(node)) {
                    inactive = null;
                }
            }
        }
        if (found == null && !skipInactive) {
            found = inactive;
        }
        ClusterNode n = nodes.get(node);
        if (found != null && !found.config().needsFencing() && (!n.online() || n.unclean())
                && clone.clone.cloneMax() != nodes.size()) {
            found = null; // an instance on a lost node need not use up an instance number
        }
        if (found == null) {
            found = member(newInstance.apply(clone), base);
        }
        return found;
    }

    /** Where an instance is active or pending (the first node), or null. */
    private static String location(ScheduledResource instance) {
        for (ScheduledResource primitive : instance.primitives()) {
            if (!primitive.runningOn.isEmpty()) {
                return primitive.runningOn.get(0);
            }
            if (primitive.pendingNode != null) {
                return primitive.pendingNode;
            }
        }
        return null;
    }

    /** The primitive of an instance made from the configured resource {@code base}. */
    private static ScheduledResource member(ScheduledResource instance, String base) {
        for (ScheduledResource primitive : instance.primitives()) {
            if (primitive.baseId.equals(base)) {
                return primitive;
            }
        }
        return null;
    }
}
