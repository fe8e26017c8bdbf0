package org.halyard.scheduler.resource;

import org.halyard.scheduler.cluster.Role;

/**
 * An operation configured on a primitive ({@code <op>}).
 *
 * @param intervalMs the interval in milliseconds (0 for start, stop, probes)
 * @param onFail     the configured on-fail, or null for the default
 */
public record OperationConfig(String name, long intervalMs, OnFail onFail, Role role,
        boolean enabled) {
}
