package org.halyard.cluster.config;

/**
 * {@code totem.transport}. Halyard's own transport is always the same (JGroups over TCP to the
 * nodelist members, see {@link Totem}); the configured value is kept because it decides whether
 * nodeids may be left out (only {@link #UDP} and {@link #UDPU} derive them from IPv4 addresses).
 */
public enum Transport {
    /** Kronosnet, corosync 3's default. Needs an explicit nodeid for every node. */
    KNET,
    /** UDP multicast (deprecated in corosync 3). */
    UDP,
    /** UDP unicast (deprecated in corosync 3). */
    UDPU
}
