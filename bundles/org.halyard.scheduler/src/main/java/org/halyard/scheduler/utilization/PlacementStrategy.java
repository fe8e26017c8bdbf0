package org.halyard.scheduler.utilization;

import java.util.Locale;

/**
 * The placement-strategy cluster option: how node utilization capacities and resource
 * requirements take part in choosing nodes.
 */
public enum PlacementStrategy {
    /** Utilization is ignored; equal scores go to the node with fewest resources. */
    DEFAULT,
    /** A node must have the capacity left for a resource; otherwise as default. */
    UTILIZATION,
    /** As utilization, but equal scores go by node name, packing resources on few nodes. */
    MINIMAL,
    /** As utilization, but equal scores go to the node with most free capacity. */
    BALANCED;

    /** The option's value (case-insensitive); anything unknown is the default. */
    public static PlacementStrategy parse(String value) {
        if (value == null) {
            return DEFAULT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    /** Whether node capacities limit where resources may run. */
    public boolean checksCapacity() {
        return this != DEFAULT;
    }
}
