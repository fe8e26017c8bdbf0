package org.halyard.ui.status;

import org.halyard.api.StatusReport.ResourceStatus;

/** A resource as shown in the tree, with the row it hangs under (its group or clone), for the menu. */
public record ResourceRow(ResourceStatus resource, ResourceRow parent) {

    /** True for an instance or the set of a promotable clone: promote/demote apply. */
    public boolean promotable() {
        return "promotable".equals(resource.kind) || parent != null && parent.promotable();
    }

    /** The promotable clone this row is or belongs to: promote/demote name the clone, not an instance. */
    public String promotableId() {
        return "promotable".equals(resource.kind) || parent == null ? resource.id : parent.promotableId();
    }

    /** The id the daemon knows this row by (an instance answers to its primitive's id). */
    public String id() {
        return resource.id;
    }

    /**
     * The node of a clone's instance: what happens to it (its failures, a cleanup) concerns that
     * node only. Null for a resource as a whole, and for an instance placed nowhere.
     */
    public String instanceNode() {
        return inClone() ? resource.node : null;
    }

    private boolean inClone() {
        return parent != null && ("clone".equals(parent.resource.kind) || "promotable".equals(parent.resource.kind)
                || parent.inClone());
    }
}
