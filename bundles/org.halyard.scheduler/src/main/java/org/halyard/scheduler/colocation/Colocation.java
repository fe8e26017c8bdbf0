package org.halyard.scheduler.colocation;

import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * One colocation between two resources: the dependent is placed relative to the primary
 * (same node for a positive score, elsewhere for a negative one).
 *
 * @param dependentRole UNKNOWN unless the colocation applies to one role only
 * @param nodeAttribute the node attribute that defines "same node" (null: the node itself)
 * @param influence     whether the dependent's preferences may move an active primary
 */
public record Colocation(String id, ScheduledResource dependent, ScheduledResource primary,
        int score, Role dependentRole, Role primaryRole, String nodeAttribute,
        boolean influence) {

    /** The attribute compared between nodes: {@code #id} unless configured. */
    public String attributeOrId() {
        return nodeAttribute == null ? "#id" : nodeAttribute;
    }
}
